import type { Disposition, RecordSection } from '@lava/contracts';
import type { ConsultationStatus } from '@lava/workflow';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** One youth council asked for a statement in one consultation round of an assessment. */
@Entity({ name: 'consultations' })
export class Consultation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @Column({ name: 'youth_council_id', type: 'uuid' })
  youthCouncilId!: string;

  /** The assessment's consultation round; a return to draft starts the next one. */
  @Column({ type: 'int' })
  round!: number;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ type: 'text', default: '' })
  message!: string;

  @Column({ type: 'text', default: 'not_started' })
  status!: ConsultationStatus;

  @Column({ name: 'requested_by_id', type: 'uuid', nullable: true })
  requestedById!: string | null;

  /** Null while planned in draft. */
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  /** The assessment's version when the request was sent: what the council may still read after its round. */
  @Column({ name: 'sent_version', type: 'integer', nullable: true })
  sentVersion!: number | null;

  /** When the round ended for this council (closed, returned to draft, withdrawn). */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

/** The council's statement to one request; private to the council until submitted. */
@Entity({ name: 'statements' })
export class Statement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'consultation_id', type: 'uuid', unique: true })
  consultationId!: string;

  /** Calendar date of the council meeting that adopted it (YYYY-MM-DD). */
  @Column({ name: 'adopted_at', type: 'date', nullable: true })
  adoptedAt!: string | null;

  @Column({ name: 'adopted_by_id', type: 'uuid', nullable: true })
  adoptedById!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'submitted_by_id', type: 'uuid', nullable: true })
  submittedById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

/** One point of a statement, with the official's response (vastine) once given. */
@Entity({ name: 'statement_points' })
export class StatementPoint {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'statement_id', type: 'uuid' })
  statementId!: string;

  @Column({ type: 'int' })
  position!: number;

  /** Stored as typed (HTML too); rendered escaped. */
  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById!: string | null;

  /** Who wrote the point first: told when another member removes it. */
  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  /** Removed points stay for a while so that the removal can be undone (STATEMENT_POINT_UNDO_HOURS). */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_by_id', type: 'uuid', nullable: true })
  deletedById!: string | null;

  @Column({ type: 'text', nullable: true })
  disposition!: Disposition | null;

  @Column({ name: 'disposition_reason', type: 'text', default: '' })
  dispositionReason!: string;

  @Column({ name: 'linked_section', type: 'text', nullable: true })
  linkedSection!: RecordSection | null;

  @Column({ name: 'disposition_by_id', type: 'uuid', nullable: true })
  dispositionById!: string | null;

  @Column({ name: 'disposition_at', type: 'timestamptz', nullable: true })
  dispositionAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

export const CONSULTATION_ENTITIES = [Consultation, Statement, StatementPoint];

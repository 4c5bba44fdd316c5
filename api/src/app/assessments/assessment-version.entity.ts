import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One saved version of an assessment: who changed which fields from what to what, and why. */
@Entity({ name: 'assessment_versions' })
export class AssessmentVersion {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;

  @Column({ name: 'changed_by_id', type: 'uuid', nullable: true })
  changedById!: string | null;

  /** `created`, `edited`, or `transition:<action>`. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  changes!: Record<string, { from: unknown; to: unknown }>;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** When the first save of this version was made (`changed_at` is the last). */
  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  /** How many saves this version holds. */
  @Column({ type: 'int', default: 1 })
  saves!: number;

  /** Still taking the same person's autosaves (an editing session); closed by a transition, a name, a conflict resolution or another person's save. */
  @Column({ type: 'boolean', default: false })
  open!: boolean;

  /** Set by "save a version". */
  @Column({ type: 'text', nullable: true })
  name!: string | null;
}

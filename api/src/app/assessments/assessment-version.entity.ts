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
}

import type { DefaultAlternative, ImpactDirection, ImpactDirectness, ImpactTerm } from '@lava/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A vulnerable group the scope names, with a note on how the matter touches it. */
@Entity({ name: 'assessment_vulnerable_groups' })
export class AssessmentVulnerableGroup {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  /** A VULNERABLE_GROUPS key or a group the official named. */
  @PrimaryColumn({ name: 'group_key', type: 'text' })
  groupKey!: string;

  @Column({ type: 'text', default: '' })
  note!: string;
}

/** An alternative being decided between; the id is the editor's UUID, unique within the assessment. */
@Entity({ name: 'assessment_alternatives' })
export class AssessmentAlternative {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'default_name', type: 'text', nullable: true })
  defaultName!: DefaultAlternative | null;
}

@Entity({ name: 'assessment_evidence_items' })
export class AssessmentEvidenceItem {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', default: '' })
  url!: string;

  /** A year, range of years, month or day (normalizeEvidenceDate). */
  @Column({ name: 'item_date', type: 'text', nullable: true })
  date!: string | null;

  @Column({ type: 'text', default: '' })
  finding!: string;
}

/** One impact of the impact matrix: an alternative × UNCRC articles × groups (ImpactMatrixRow). */
@Entity({ name: 'impact_matrix_rows' })
export class ImpactMatrixRowEntity {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'alternative_id', type: 'uuid' })
  alternativeId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ name: 'uncrc_articles', type: 'int', array: true, default: () => "'{}'" })
  articles!: number[];

  @Column({ name: 'group_keys', type: 'text', array: true, default: () => "'{}'" })
  groups!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  wellbeing!: string[];

  @Column({ type: 'text', nullable: true })
  direction!: ImpactDirection | null;

  @Column({ type: 'text', nullable: true })
  directness!: ImpactDirectness | null;

  @Column({ type: 'text', nullable: true })
  term!: ImpactTerm | null;

  @Column({ type: 'text', default: '' })
  note!: string;
}

@Entity({ name: 'follow_up_indicators' })
export class FollowUpIndicatorEntity {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  indicator!: string;

  @Column({ type: 'text', default: '' })
  owner!: string;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;
}

export const RECORD_CONTENT_ENTITIES = [
  AssessmentVulnerableGroup,
  AssessmentAlternative,
  AssessmentEvidenceItem,
  ImpactMatrixRowEntity,
  FollowUpIndicatorEntity,
];

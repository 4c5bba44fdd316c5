import type { ImpactDirection, ImpactDirectness, ImpactTerm, VulnerableGroup } from '@lava/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A vulnerable group the scope names, with a note on how the matter touches it. */
@Entity({ name: 'assessment_vulnerable_groups' })
export class AssessmentVulnerableGroup {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ name: 'group_key', type: 'text' })
  groupKey!: VulnerableGroup;

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

  @Column({ name: 'item_date', type: 'date', nullable: true })
  date!: string | null;

  @Column({ type: 'text', default: '' })
  finding!: string;
}

/** One cell row of the impact matrix: an alternative × a UNCRC article × a group. */
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

  @Column({ name: 'uncrc_article', type: 'int' })
  article!: number;

  @Column({ name: 'group_key', type: 'text' })
  group!: string;

  @Column({ type: 'text' })
  direction!: ImpactDirection;

  @Column({ type: 'text' })
  directness!: ImpactDirectness;

  @Column({ type: 'text' })
  term!: ImpactTerm;

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

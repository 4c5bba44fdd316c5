import type { AgeGroup, ImpactKind, ViewMethod } from '@lava/contracts';
import type { Stage } from '@lava/workflow';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';

/**
 * The child impact assessment record. The columns lists filter on are real columns
 * with indexes (see the initial migration); the rest of the record arrives with the workflow.
 */
@Entity({ name: 'assessments' })
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Index()
  @Column({ type: 'text' })
  stage!: Stage;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Organization;

  @Column({ name: 'committee_id', type: 'uuid' })
  committeeId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'committee_id' })
  committee?: Organization;

  @Column({ name: 'planned_meeting_date', type: 'date', nullable: true })
  plannedMeetingDate!: string | null;

  @Column({ name: 'case_number', type: 'text', nullable: true })
  caseNumber!: string | null;

  @Column({ name: 'responsible_official_id', type: 'uuid' })
  responsibleOfficialId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'responsible_official_id' })
  responsibleOfficial?: User;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById!: string;

  @Column({ name: 'screening_affects_children', type: 'boolean', nullable: true })
  screeningAffectsChildren!: boolean | null;

  @Column({ name: 'screening_impact_kind', type: 'text', nullable: true })
  screeningImpactKind!: ImpactKind | null;

  @Column({ name: 'screening_age_groups', type: 'text', array: true, default: () => "'{}'" })
  screeningAgeGroups!: AgeGroup[];

  @Column({ name: 'screening_age_min', type: 'int', nullable: true })
  screeningAgeMin!: number | null;

  @Column({ name: 'screening_age_max', type: 'int', nullable: true })
  screeningAgeMax!: number | null;

  @Column({ name: 'screening_rationale', type: 'text', default: '' })
  screeningRationale!: string;

  @Column({ name: 'screening_signed_by_id', type: 'uuid', nullable: true })
  screeningSignedById!: string | null;

  @Column({ name: 'screening_signed_at', type: 'timestamptz', nullable: true })
  screeningSignedAt!: Date | null;

  @Column({ name: 'plain_language_summary', type: 'text', default: '' })
  plainLanguageSummary!: string;

  /** The plain-language summary in Swedish (`plainLanguageSummary` is the Finnish one). */
  @Column({ name: 'plain_language_summary_sv', type: 'text', default: '' })
  plainLanguageSummarySv!: string;

  @Column({ name: 'follow_up_date', type: 'date', nullable: true })
  followUpDate!: string | null;

  @Column({ name: 'ex_post_evaluation', type: 'text', default: '' })
  exPostEvaluation!: string;

  // The full assessment (the lists are in record-content/record-content.entities.ts).
  @Column({ name: 'scope_children_affected', type: 'text', default: '' })
  scopeChildrenAffected!: string;

  @Column({ name: 'legal_uncrc_articles', type: 'int', array: true, default: () => "'{}'" })
  legalUncrcArticles!: number[];

  @Column({ name: 'legal_national_law', type: 'text', default: '' })
  legalNationalLaw!: string;

  @Column({ name: 'legal_welfare_plan', type: 'text', default: '' })
  legalWelfarePlan!: string;

  @Column({ name: 'evidence_gaps', type: 'text', default: '' })
  evidenceGaps!: string;

  @Column({ name: 'views_methods', type: 'text', array: true, default: () => "'{}'" })
  viewsMethods!: ViewMethod[];

  @Column({ name: 'views_how_gathered', type: 'text', default: '' })
  viewsHowGathered!: string;

  @Column({ name: 'views_what_they_said', type: 'text', default: '' })
  viewsWhatTheySaid!: string;

  @Column({ name: 'views_not_heard_reason', type: 'text', default: '' })
  viewsNotHeardReason!: string;

  @Column({ type: 'text', default: '' })
  mitigation!: string;

  @Column({ name: 'changes_made', type: 'text', default: '' })
  changesMade!: string;

  @Column({ type: 'text', default: '' })
  recommendation!: string;

  @Column({ name: 'best_interests', type: 'text', default: '' })
  bestInterests!: string;

  @Column({ type: 'text', default: '' })
  communication!: string;

  /** Millisecond precision, so keyset cursors made in JavaScript compare exactly. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

import type { Stage } from '@lava/workflow';

export interface CreateAssessmentRequest {
  title: string;
  /** The committee (lautakunta / nämnd) whose decision this assessment belongs to. */
  committeeId: string;
  /** ISO date (YYYY-MM-DD) of the meeting where the decision is planned. */
  plannedMeetingDate?: string;
  /** The case number in the municipality's case management (diaarinumero), free form. */
  caseNumber?: string;
}

export interface AssessmentSummary {
  id: string;
  title: string;
  stage: Stage;
  municipalityId: string;
  municipalityName: string;
  committeeId: string;
  committeeName: string;
  plannedMeetingDate: string | null;
  caseNumber: string | null;
  responsibleOfficial: { id: string; displayName: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A committee the current user may start an assessment for. */
export interface CommitteeOption {
  id: string;
  name: string;
  municipalityId: string;
  municipalityName: string;
}

export const AGE_GROUPS = ['0-6', '7-12', '13-17', '18-20'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const IMPACT_KINDS = ['direct', 'indirect', 'both'] as const;
export type ImpactKind = (typeof IMPACT_KINDS)[number];

/** Does the matter affect children? Answered first; "no" ends the assessment with a published, signed rationale. */
export interface Screening {
  /** null: not answered yet. */
  affectsChildren: boolean | null;
  impactKind: ImpactKind | null;
  ageGroups: AgeGroup[];
  rationale: string;
  signedBy: { id: string; displayName: string } | null;
  signedAt: string | null;
}

/** One assessment with the parts of the record stored so far. */
export interface AssessmentDetail extends AssessmentSummary {
  screening: Screening;
  /** Selkokielinen tiivistelmä / lättläst sammanfattning: required before a consultation opens. */
  plainLanguageSummary: string;
  /** Calendar date of the follow-up evaluation, set at decision time. */
  followUpDate: string | null;
  exPostEvaluation: string;
}

/** Partial update; `version` is the version the editor started from (optimistic locking). */
export interface UpdateAssessmentRequest {
  version: number;
  title?: string;
  plannedMeetingDate?: string | null;
  caseNumber?: string | null;
  screening?: Partial<Pick<Screening, 'affectsChildren' | 'impactKind' | 'ageGroups' | 'rationale'>>;
  plainLanguageSummary?: string;
  followUpDate?: string | null;
  exPostEvaluation?: string;
}

export interface TransitionRequest {
  /** A workflow action id, e.g. `start_full_assessment`. */
  action: string;
  version: number;
  /** Required by some actions (returns, early closing, review without consultation). */
  reason?: string;
}

/** One saved change in an assessment's history. */
export interface AssessmentVersionView {
  version: number;
  changedAt: string;
  changedBy: { id: string; displayName: string } | null;
  /** `created`, `edited`, or `transition:<action>`. */
  kind: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  reason: string | null;
}

/** Filters of the assessment list (all optional; combine freely). Pass the same filters with every page's cursor. */
export interface AssessmentListFilters {
  stage?: Stage;
  municipalityId?: string;
  committeeId?: string;
  responsibleOfficialId?: string;
  /** Words of the title; each matches as a word prefix ("koulu" finds "Kouluverkkoselvitys"). */
  q?: string;
  /** Planned meeting date range, inclusive (YYYY-MM-DD). */
  meetingFrom?: string;
  meetingTo?: string;
}

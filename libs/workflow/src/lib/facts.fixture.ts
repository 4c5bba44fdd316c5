// Test fixtures for the workflow specs. Not exported from the index.
import { REVIEW_CHECKLIST_ITEMS, type AssessmentFacts } from './facts';
import type { WorkflowActor, WorkflowRole } from './roles';

/** 2025-06-15 12:00 in Finland (EEST, UTC+3). */
export const NOW = new Date('2025-06-15T09:00:00Z');
export const IN_TWO_WEEKS = '2025-06-29T23:59:00+03:00';
export const LAST_WEEK = '2025-06-08T23:59:00+03:00';

export const OFFICIAL_ID = 'u-official';
export const REVIEWER_ID = 'u-reviewer';

/** An assessment in draft where every guard of draft, review, decision and follow-up holds. */
export function factsWith(overrides: Partial<AssessmentFacts> = {}): AssessmentFacts {
  return {
    stage: 'draft',
    responsibleOfficialId: OFFICIAL_ID,
    assignedReviewerIds: [REVIEWER_ID],
    screening: { affectsChildren: true, rationale: 'Closing the village school changes how its pupils get to school.' },
    hasPlainLanguageSummary: true,
    summaryLanguages: ['fi'],
    consultations: [{ youthCouncilId: 'yc-kotka', deadline: IN_TWO_WEEKS, status: 'not_started' }],
    allStatementPointsAnswered: true,
    reviewChecklist: REVIEW_CHECKLIST_ITEMS.map((item) => ({ item, done: true })),
    followUpDate: '2025-06-01',
    hasExPostEvaluation: true,
    reviewBlockers: [],
    ...overrides,
  };
}

/** The user ids are those for whom the identity rules hold (responsible official, assigned reviewer). */
const USER_FOR_ROLE: Readonly<Record<WorkflowRole, string>> = {
  official: OFFICIAL_ID,
  reviewer: REVIEWER_ID,
  committee_chair: 'u-chair',
  youth_council_member: 'u-youth',
  admin: 'u-admin',
  regional_coordinator: 'u-coordinator',
};

export function actorWith(role: WorkflowRole | null, userId?: string): WorkflowActor {
  return role === null ? { userId: userId ?? 'u-nobody', roles: [] } : { userId: userId ?? USER_FOR_ROLE[role], roles: [role] };
}

import { refusal, type Refusal } from './refusals';
import type { WorkflowActor, WorkflowRole } from './roles';
import { isImmutable, type Stage } from './stages';
import type { Permission } from './workflow';

/**
 * Feature policies: who may do which feature action (beside the stage transitions) and in which
 * stage. Pure functions over plain data, answering like `checkTransition` does: allowed, or every
 * refusal code. The API calls them before acting; the web calls them to show (or explain) a control.
 * One table a newcomer reads: every feature-action rule is here, next to the transitions.
 */

/**
 * Staff roles: the municipality's people who see its unpublished work. One list; where it is
 * asked differs, and that is the real difference between two places:
 * - the consultation board and the review look at the roles a person holds anywhere in the
 *   municipality (`municipalityIdsWhere`), so a chair of *another* committee counts as staff;
 * - the staff comment threads look at the roles held *for the assessment*
 *   (`rolesForAssessment`: only the deciding committee's chair), so that chair does not.
 */
export const STAFF_ROLES = ['official', 'reviewer', 'committee_chair', 'admin'] as const satisfies readonly WorkflowRole[];

/** True when one of `roles` is a staff role. Which roles are passed decides the scope (see STAFF_ROLES). */
export function isStaff(roles: readonly string[]): boolean {
  return roles.some((role) => (STAFF_ROLES as readonly string[]).includes(role));
}

/**
 * Organizations asked for statements: a youth council, or another body heard (pupil council, NGO,
 * parish, …; issue 13). Their members hold one role, CONSULTED_MEMBER_ROLE, whatever the body:
 * drafting, adopting and submitting a statement is the same work, so every rule written for a
 * youth council's members holds for a pupil council's or an NGO's without a second copy.
 */
export const CONSULTED_KINDS = ['youth_council', 'heard_body'] as const;
export const CONSULTED_MEMBER_ROLE = 'youth_council_member' as const satisfies WorkflowRole;

/** Organizations that assess their own decisions (and whose officials ask consulted bodies). */
export const ASSESSING_KINDS = ['municipality', 'wellbeing_county'] as const;

/** Whether an organization of `kind` may be asked for a statement. */
export function isConsultedKind(kind: string): boolean {
  return (CONSULTED_KINDS as readonly string[]).includes(kind);
}

/** Stages where the responsible official may change who reviews (assigning and unassigning). */
export const REVIEWER_ASSIGNMENT_STAGES = ['draft', 'consultation', 'review'] as const satisfies readonly Stage[];

/** What the review policies look at: the API builds it from the database, the web from the assessment it loaded. */
export interface ReviewSubject {
  readonly stage: Stage;
  readonly responsibleOfficialId: string;
  /** The reviewers assigned to the assessment. */
  readonly assignedReviewerIds: readonly string[];
}

function allowedIf(reasons: readonly Refusal[]): Permission {
  return { allowed: reasons.length === 0, reasons };
}

/** Outside `expected`: final (decided, follow-up, closed) or simply another stage. */
function stageRefusal(stage: Stage, expected: readonly Stage[]): Refusal[] {
  if (expected.includes(stage)) return [];
  return isImmutable(stage)
    ? [refusal('stage_is_final', { stage })]
    : [refusal('wrong_stage', { stage, expectedStage: expected.join(',') })];
}

/** Who may act as the responsible official: an official, and the one preparing this assessment. */
function responsibleOfficialRefusals(subject: Pick<ReviewSubject, 'responsibleOfficialId'>, actor: WorkflowActor): Refusal[] {
  if (!actor.roles.includes('official')) return [refusal('role_not_allowed', { allowedRoles: 'official' })];
  return actor.userId === subject.responsibleOfficialId ? [] : [refusal('not_responsible_official')];
}

/**
 * May this actor assign (or unassign) reviewers now? The responsible official, while the assessment
 * is in draft, consultation or review. Who is assigned is checked apart: `canBeAssignedReviewer`.
 * The reasons come actor first (`actorOnly`: the API answers those with 403), then the stage.
 */
export function canAssignReviewer(subject: Pick<ReviewSubject, 'stage' | 'responsibleOfficialId'>, actor: WorkflowActor): Permission {
  return allowedIf([...responsibleOfficialRefusals(subject, actor), ...stageRefusal(subject.stage, REVIEWER_ASSIGNMENT_STAGES)]);
}

/** May this person be asked to review? Never the official who prepared the assessment (the SQL also checks the reviewer role). */
export function canBeAssignedReviewer(subject: Pick<ReviewSubject, 'responsibleOfficialId'>, reviewerId: string): Permission {
  return allowedIf(reviewerId === subject.responsibleOfficialId ? [refusal('reviewer_is_responsible_official')] : []);
}

/**
 * May this actor tick (or comment) the review checklist now? A reviewer, assigned to this
 * assessment, not its responsible official, while it is in review. The same rules as the review
 * transitions' `assigned_reviewer` actor, so the one who may tick is the one who may approve.
 */
export function canTickChecklist(subject: ReviewSubject, actor: WorkflowActor): Permission {
  const reasons: Refusal[] = [];
  if (!actor.roles.includes('reviewer')) reasons.push(refusal('role_not_allowed', { allowedRoles: 'reviewer' }));
  else {
    if (!subject.assignedReviewerIds.includes(actor.userId)) reasons.push(refusal('reviewer_not_assigned'));
    if (actor.userId === subject.responsibleOfficialId) reasons.push(refusal('reviewer_is_responsible_official'));
  }
  reasons.push(...stageRefusal(subject.stage, ['review']));
  return allowedIf(reasons);
}

/** The stage in which the responsible official plans (and changes) the requests to youth councils. */
export const CONSULTATION_PLANNING_STAGES = ['draft'] as const satisfies readonly Stage[];

/** Stages in which the responsible official answers a council's statement points (vastine): before the review starts. */
export const POINT_ANSWERING_STAGES = ['draft', 'consultation'] as const satisfies readonly Stage[];

/** May this actor plan a request to a youth council now? The responsible official, in draft. */
export function canPlanConsultation(subject: Pick<ReviewSubject, 'stage' | 'responsibleOfficialId'>, actor: WorkflowActor): Permission {
  return allowedIf([...responsibleOfficialRefusals(subject, actor), ...stageRefusal(subject.stage, CONSULTATION_PLANNING_STAGES)]);
}

/** May this actor answer a submitted statement's points now? The responsible official, before the review starts. */
export function canAnswerPoint(subject: Pick<ReviewSubject, 'stage' | 'responsibleOfficialId'>, actor: WorkflowActor): Permission {
  return allowedIf([...responsibleOfficialRefusals(subject, actor), ...stageRefusal(subject.stage, POINT_ANSWERING_STAGES)]);
}

/** Stages after the decision: a consulted council reads the assessment as it is (and the feedback on its statement). */
export const DECIDED_STAGES = ['decided', 'follow_up', 'closed'] as const satisfies readonly Stage[];

/** One request to a youth council, as the council's read grant looks at it (from the database or a ConsultationView). */
export interface CouncilRequest {
  /** When the request was sent (null: only planned). */
  readonly openedAt: string | Date | null;
  readonly status: string;
  /** When its round ended (closed, returned or withdrawn). */
  readonly closedAt: string | Date | null;
  /** The assessment version the council was sent. */
  readonly sentVersion?: number | null;
}

/** A request the council was actually sent: not only planned, not withdrawn. */
function wasSent(request: CouncilRequest): boolean {
  return request.openedAt !== null && request.status !== 'withdrawn';
}

/**
 * May a youth council read the assessment as it is now, given the requests sent to it? While one of
 * its rounds is open (the assessment in consultation), and after the decision. Otherwise it reads
 * only what it was sent (`councilSentVersion`: the history up to that version, without the staff's
 * transition reasons and who moved the stage); a council never asked reads nothing.
 */
export function canReadAsCouncil(stage: Stage, requests: readonly CouncilRequest[]): Permission {
  const sent = requests.filter(wasSent);
  if (sent.length === 0) return allowedIf([refusal('role_not_allowed', { allowedRoles: 'youth_council_member' })]);
  if ((DECIDED_STAGES as readonly Stage[]).includes(stage)) return allowedIf([]);
  if (stage === 'consultation') return allowedIf(sent.some((r) => r.closedAt === null) ? [] : [refusal('consultation_already_closed')]);
  return allowedIf([refusal('wrong_stage', { stage, expectedStage: ['consultation', ...DECIDED_STAGES].join(',') })]);
}

/** The newest version a council was sent (its history ends there); null when it was sent nothing. */
export function councilSentVersion(requests: readonly CouncilRequest[]): number | null {
  const versions = requests
    .filter(wasSent)
    .map((r) => r.sentVersion ?? null)
    .filter((v): v is number => v !== null);
  return versions.length > 0 ? Math.max(...versions) : null;
}

/** Who may hide a comment: an official of the municipality or an admin. */
export const MODERATOR_ROLES = ['official', 'admin'] as const satisfies readonly WorkflowRole[];

/** May someone holding `roles` (for the assessment) moderate its comments? */
export function canModerate(roles: readonly string[]): boolean {
  return roles.some((role) => (MODERATOR_ROLES as readonly string[]).includes(role));
}

/** The refusal codes about who is acting (the rest are about the stage or the request). */
export const ACTOR_REFUSAL_CODES = [
  'role_not_allowed',
  'not_responsible_official',
  'reviewer_not_assigned',
  'reviewer_is_responsible_official',
] as const;

/** The refusals about who is acting, apart from those about the stage. */
export function actorRefusals(reasons: readonly Refusal[]): Refusal[] {
  return reasons.filter((r) => (ACTOR_REFUSAL_CODES as readonly string[]).includes(r.code));
}

/**
 * The regional coordinator (LAPE coordinator) reads an assessment of the region's organizations once
 * it has left draft: from the consultation on, and a screening closed as "no impact". Never the
 * screening or the draft (unfinished work), and nothing private in any stage: see
 * `COORDINATOR_PRIVATE_PARTS`. They take no workflow action (no transition lists their role).
 */
export const COORDINATOR_READABLE_STAGES = [
  'consultation',
  'review',
  'decision',
  'decided',
  'follow_up',
  'closed',
] as const satisfies readonly Stage[];

/**
 * What the coordinator never reads, whatever the stage: a council's statement before it is
 * submitted (its drafts and the council's discussion), the staff's comment threads, and the
 * version history (which holds the drafts). The API answers these 404 for a coordinator; the web
 * does not offer them.
 */
export const COORDINATOR_PRIVATE_PARTS = ['statement_drafts', 'council_discussion', 'staff_comments', 'version_history'] as const;
export type CoordinatorPrivatePart = (typeof COORDINATOR_PRIVATE_PARTS)[number];

/** May a regional coordinator (of the assessment's region: the API checks that) read this assessment now? */
export function canCoordinatorRead(stage: Stage): Permission {
  return allowedIf(stageRefusal(stage, COORDINATOR_READABLE_STAGES));
}

/** May a regional coordinator read this part of an assessment? Never one of the private parts. */
export function canCoordinatorReadPart(part: string): boolean {
  return !(COORDINATOR_PRIVATE_PARTS as readonly string[]).includes(part);
}

/**
 * Who sees the dashboard, and over what: an official over their organization, an admin over what
 * they administer, a regional coordinator over the region. Other roles see none.
 */
export const DASHBOARD_ROLES = ['official', 'admin', 'regional_coordinator'] as const satisfies readonly WorkflowRole[];

/** True when one of `roles` (held anywhere) lets its holder see a dashboard. */
export function canSeeDashboard(roles: readonly string[]): boolean {
  return roles.some((role) => (DASHBOARD_ROLES as readonly string[]).includes(role));
}

import {
  consultationClosed,
  consultationStillOpen,
  exPostEvaluationWritten,
  followUpDue,
  noFollowUpPlanned,
  plainLanguageSummaryInCouncilLanguages,
  plainLanguageSummaryWritten,
  recordReadyForReview,
  reviewChecklistComplete,
  screeningFoundImpact,
  screeningFoundNoImpact,
  screeningRationaleWritten,
  statementPointsAnswered,
  youthCouncilWithFutureDeadline,
  type Guard,
} from './guards';
import type { WorkflowRole } from './roles';
import type { Stage } from './stages';

/**
 * Beyond holding the role, who exactly may act:
 * - `responsible_official`: the official responsible for the assessment (colleagues comment, they do not move it);
 * - `assigned_reviewer`: a reviewer asked to review it, who did not prepare it (four eyes);
 * - `role_holder`: anyone holding the role for this assessment's organization (the deciding committee's chair).
 */
export type ActorRule = 'responsible_official' | 'assigned_reviewer' | 'role_holder';

export interface TransitionRule {
  readonly from: Stage;
  readonly to: Stage;
  readonly roles: readonly WorkflowRole[];
  readonly actor: ActorRule;
  /** The actor must give a reason; it goes to the audit trail (and to the youth councils or official where they are told). */
  readonly requiresReason: boolean;
  /** The action is a signature (of the screening result): the actor must confirm signing in their own name. */
  readonly signs?: 'screening';
  /** All must hold. Checked only when the assessment is in `from`. */
  readonly guards: readonly Guard[];
  /** What the action means, in a sentence (documentation, not UI text). */
  readonly summary: string;
}

/**
 * THE table of transitions. Youth council members and admins take no stage transitions: members
 * act on statements and comments, admins on organizations and users.
 */
const TABLE = {
  screen_out: {
    from: 'screening',
    to: 'closed',
    roles: ['official'],
    actor: 'responsible_official',
    requiresReason: false, // The screening rationale is the reason, and it is published.
    signs: 'screening',
    guards: [screeningFoundNoImpact, screeningRationaleWritten],
    summary: 'No impact on children: the official signs the screening result (the action is the signature) and it is published.',
  },
  start_full_assessment: {
    from: 'screening',
    to: 'draft',
    roles: ['official'],
    actor: 'responsible_official',
    requiresReason: false,
    signs: 'screening',
    guards: [screeningFoundImpact],
    summary: 'The matter affects children: the official signs the screening result and the full assessment is drafted.',
  },
  open_consultation: {
    from: 'draft',
    to: 'consultation',
    roles: ['official'],
    actor: 'responsible_official',
    requiresReason: false,
    guards: [plainLanguageSummaryWritten, plainLanguageSummaryInCouncilLanguages, youthCouncilWithFutureDeadline],
    summary: 'The youth councils asked are sent the draft and the plain-language summary, with their deadlines.',
  },
  // Judgment call: review may come straight from draft, but only with a recorded reason why no
  // youth council is (again) consulted. Consultation is central, yet not every matter needs one:
  // after a return for more preparation the earlier round's statements often still stand, and for
  // some matters children's views are gathered otherwise (a school survey, a workshop). The reason
  // is in the audit trail and the reviewer's checklist still asks whether children's views were gathered.
  send_to_review_without_consultation: {
    from: 'draft',
    to: 'review',
    roles: ['official'],
    actor: 'responsible_official',
    requiresReason: true,
    guards: [plainLanguageSummaryWritten, statementPointsAnswered, recordReadyForReview],
    summary: 'Straight to review, with the reason why no youth council is consulted in this round.',
  },
  close_consultation: {
    from: 'consultation',
    to: 'review',
    roles: ['official'],
    actor: 'responsible_official',
    requiresReason: false,
    guards: [consultationClosed, statementPointsAnswered, recordReadyForReview],
    summary: 'Every council has submitted or its deadline has passed; the statements are answered and the assessment goes to review.',
  },
  close_consultation_early: {
    from: 'consultation',
    to: 'review',
    roles: ['official'],
    actor: 'responsible_official',
    requiresReason: true,
    guards: [consultationStillOpen, statementPointsAnswered, recordReadyForReview],
    summary: 'The official closes the consultation before its deadline, with a recorded reason.',
  },
  return_from_consultation: {
    from: 'consultation',
    to: 'draft',
    roles: ['official'],
    actor: 'responsible_official',
    requiresReason: true, // The councils asked are told why.
    guards: [],
    summary: 'The draft needs changing (content is read-only during consultation); back to draft, history kept.',
  },
  approve_review: {
    from: 'review',
    to: 'decision',
    roles: ['reviewer'],
    actor: 'assigned_reviewer',
    requiresReason: false,
    guards: [reviewChecklistComplete],
    summary: 'The reviewer has completed the quality checklist and approves; the matter goes to the committee.',
  },
  return_from_review: {
    from: 'review',
    to: 'draft',
    roles: ['reviewer'],
    actor: 'assigned_reviewer',
    requiresReason: true,
    guards: [],
    summary: 'The reviewer returns the assessment to the official with comments.',
  },
  record_decision: {
    from: 'decision',
    to: 'decided',
    roles: ['committee_chair'],
    actor: 'role_holder',
    requiresReason: false, // The outcome (approved, approved as modified, rejected) is the payload; the minutes carry the reasoning.
    guards: [reviewChecklistComplete],
    summary: 'The chair records the outcome and signs off; the assessment is published and becomes immutable.',
  },
  return_for_preparation: {
    from: 'decision',
    to: 'draft',
    roles: ['committee_chair'],
    actor: 'role_holder',
    requiresReason: true,
    guards: [],
    summary: 'Returned for more preparation (palautettu uudelleen valmisteltavaksi): back to draft, history kept.',
  },
  table: {
    from: 'decision',
    to: 'decision',
    roles: ['committee_chair'],
    actor: 'role_holder',
    requiresReason: false, // Tabling (pöydällepano) needs no grounds in municipal procedure.
    guards: [],
    summary: 'Tabled (pantu pöydälle): the matter stays in decision for a later meeting.',
  },
  start_follow_up: {
    from: 'decided',
    to: 'follow_up',
    roles: ['official'],
    actor: 'responsible_official',
    requiresReason: false,
    guards: [followUpDue],
    summary: 'On or after the follow-up date the official opens the evaluation: did the indicators move as expected?',
  },
  close_without_follow_up: {
    from: 'decided',
    to: 'closed',
    roles: ['official'],
    actor: 'responsible_official',
    requiresReason: false,
    guards: [noFollowUpPlanned],
    summary: 'No follow-up was planned at decision time (e.g. the proposal was rejected): the assessment is closed.',
  },
  close_follow_up: {
    from: 'follow_up',
    to: 'closed',
    roles: ['official'],
    actor: 'responsible_official',
    requiresReason: false,
    guards: [exPostEvaluationWritten],
    summary: 'The ex-post evaluation is written; the assessment is closed.',
  },
} as const satisfies Record<string, TransitionRule>;

export type WorkflowAction = keyof typeof TABLE;

export interface Transition extends TransitionRule {
  readonly action: WorkflowAction;
}

/** Every action, in table order. */
export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = Object.freeze(Object.keys(TABLE) as WorkflowAction[]);

/** Every transition, in table order. */
export const TRANSITIONS: readonly Transition[] = Object.freeze(
  WORKFLOW_ACTIONS.map((action): Transition => Object.freeze({ action, ...TABLE[action] })),
);

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(TABLE, value);
}

export function getTransition(action: WorkflowAction): Transition {
  const transition = TRANSITIONS.find((t) => t.action === action);
  if (transition === undefined) throw new Error(`Unknown workflow action: ${String(action)}`);
  return transition;
}

/** The transitions out of a stage (none out of `closed`). */
export function transitionsFrom(stage: Stage): readonly Transition[] {
  return TRANSITIONS.filter((t) => t.from === stage);
}

/** Decision outcomes as written in Finnish municipal minutes. */
export const DECISION_OUTCOMES = ['approved', 'approved_as_modified', 'returned_for_preparation', 'tabled', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The transition each outcome takes. The API stores the outcome with `record_decision`. */
export const DECISION_OUTCOME_ACTIONS: Readonly<Record<DecisionOutcome, WorkflowAction>> = {
  approved: 'record_decision',
  approved_as_modified: 'record_decision',
  rejected: 'record_decision',
  returned_for_preparation: 'return_for_preparation',
  tabled: 'table',
};

export function isDecisionOutcome(value: unknown): value is DecisionOutcome {
  return typeof value === 'string' && (DECISION_OUTCOMES as readonly string[]).includes(value);
}

import type { WorkflowRole } from './roles';

/**
 * Every reason the workflow can give for refusing something. Stable: the API returns the code,
 * the web translates by code (and checks that its translations cover this list).
 */
export const REFUSAL_CODES = [
  // Who is acting.
  'role_not_allowed',
  'not_responsible_official',
  'reviewer_not_assigned',
  'reviewer_is_responsible_official',
  // Where the assessment is.
  'unknown_action',
  'wrong_stage',
  'stage_is_final',
  'content_read_only',
  // Guards.
  'screening_unanswered',
  'screening_found_impact',
  'screening_found_no_impact',
  'screening_rationale_missing',
  'plain_language_summary_missing',
  'plain_language_summary_language_missing',
  'no_youth_council_with_future_deadline',
  'consultation_still_open',
  'consultation_already_closed',
  'statement_points_unanswered',
  'review_checklist_incomplete',
  'follow_up_not_planned',
  'follow_up_date_not_reached',
  'follow_up_planned',
  'ex_post_evaluation_missing',
  'too_few_alternatives_compared',
  'principle_not_considered',
  'no_evidence_or_gap',
  'no_childrens_views_or_reason',
  // What the actor supplies.
  'reason_required',
  'signature_not_confirmed',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type RefusalParams = Readonly<Record<string, string | number>>;

/** Why something may not be done now: a stable code, its parameters, and a sentence for a person. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly params?: RefusalParams;
  /** Plain English, for API error bodies and logs. The web translates by `code` instead. */
  readonly message: string;
}

const ROLE_NAMES: Readonly<Record<WorkflowRole, string>> = {
  official: 'the preparing official',
  reviewer: 'a reviewer',
  committee_chair: 'the committee chair',
  youth_council_member: 'a youth council member',
  admin: 'an administrator',
  regional_coordinator: 'the regional coordinator',
};

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { fi: 'Finnish', sv: 'Swedish' };

const param = (params: RefusalParams, key: string): string => String(params[key] ?? '');

/** Stage codes in words (`follow_up` reads "follow-up"). */
const stageName = (params: RefusalParams, key: string): string => param(params, key).replace(/_/g, '-');

const MESSAGES: Readonly<Record<RefusalCode, (params: RefusalParams) => string>> = {
  role_not_allowed: (p) =>
    `Only ${param(p, 'allowedRoles')
      .split(',')
      .filter((role) => role !== '')
      .map((role) => ROLE_NAMES[role as WorkflowRole] ?? role)
      .join(' or ')} may do this.`,
  not_responsible_official: () => 'Only the official responsible for this assessment may do this.',
  reviewer_not_assigned: () => 'You have not been asked to review this assessment.',
  reviewer_is_responsible_official: () => 'You prepared this assessment, so someone else must review it.',
  unknown_action: (p) => `There is no such action: "${param(p, 'action')}".`,
  wrong_stage: (p) => `This can only be done in the ${stageName(p, 'expectedStage')} stage; the assessment is in ${stageName(p, 'stage')}.`,
  stage_is_final: () => 'The assessment has been decided and can no longer be changed.',
  content_read_only: (p) => `The content cannot be edited in the ${stageName(p, 'stage')} stage; it must be returned to draft first.`,
  screening_unanswered: () => 'The screening has not yet answered whether the matter affects children.',
  screening_found_impact: () => 'The screening found that the matter affects children, so a full assessment is needed.',
  screening_found_no_impact: () => 'The screening found that the matter does not affect children.',
  screening_rationale_missing: () => 'The screening needs a written rationale before it can be signed.',
  plain_language_summary_missing: () => 'Write the plain-language summary for children first.',
  plain_language_summary_language_missing: (p) =>
    `Write the plain-language summary in ${param(p, 'languages')
      .split(',')
      .map((l) => LANGUAGE_NAMES[l] ?? l)
      .join(' and ')} too: a youth council asked reads it in that language.`,
  no_youth_council_with_future_deadline: () => 'Ask at least one youth council for a statement, with a deadline in the future.',
  consultation_still_open: (p) =>
    `The consultation is still open: ${param(p, 'pendingCount')} youth council(s) have not submitted and their deadline (next: ${param(p, 'nextDeadline')}) has not passed.`,
  consultation_already_closed: () =>
    'Every youth council has submitted or its deadline has passed, so the consultation is not closing early.',
  statement_points_unanswered: () => 'Answer every point of the youth council statements first.',
  review_checklist_incomplete: (p) => `The review checklist is not complete: ${param(p, 'missingCount')} item(s) still open.`,
  follow_up_not_planned: () => 'No follow-up date was set at decision time.',
  follow_up_date_not_reached: (p) => `The follow-up starts on ${param(p, 'followUpDate')}.`,
  follow_up_planned: (p) => `A follow-up is planned for ${param(p, 'followUpDate')}; the assessment closes after it.`,
  ex_post_evaluation_missing: () => 'Write the ex-post evaluation first.',
  too_few_alternatives_compared: (p) =>
    `Compare at least two alternatives in the impact matrix (state the direction of their impacts); ${param(p, 'count')} compared so far.`,
  principle_not_considered: (p) =>
    `Consider each general principle for every alternative compared: article(s) ${param(p, 'articles')} still lack an impact with a direction stated.`,
  no_evidence_or_gap: () => 'Add evidence, or state the gaps in the evidence.',
  no_childrens_views_or_reason: () => 'Write what children said, or why no children’s views were heard.',
  signature_not_confirmed: () => 'Confirm that you sign the screening result in your own name.',
  reason_required: () => 'Give a reason; it is recorded in the audit trail.',
};

/** Builds a refusal with its message. */
export function refusal(code: RefusalCode, params?: RefusalParams): Refusal {
  const message = MESSAGES[code](params ?? {});
  return params === undefined ? { code, message } : { code, params, message };
}

export function isRefusalCode(value: unknown): value is RefusalCode {
  return typeof value === 'string' && (REFUSAL_CODES as readonly string[]).includes(value);
}

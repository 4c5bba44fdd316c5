import type { IncompleteCode } from './completeness';
import { REVIEW_CHECKLIST_ITEMS, type AssessmentFacts, type ConsultationFact } from './facts';
import { refusal, type Refusal, type RefusalCode } from './refusals';

/**
 * A guard: a condition a transition needs. Pure: it looks only at the facts and the clock it is
 * given, and returns the refusals that apply (none when it holds).
 */
export type Guard = (facts: AssessmentFacts, now: Date) => readonly Refusal[];

/** Calendar dates (follow-up date) are Finnish dates, whatever the server's or browser's zone. */
export const WORKFLOW_TIME_ZONE = 'Europe/Helsinki';

const NONE: readonly Refusal[] = [];

let finnishCalendar: Intl.DateTimeFormat | undefined;

/** The calendar date (YYYY-MM-DD) of an instant in Finland. */
export function finnishDate(instant: Date): string {
  finnishCalendar ??= new Intl.DateTimeFormat('en-CA', { timeZone: WORKFLOW_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = finnishCalendar
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** True when the ISO date-time is strictly after `now`. An unreadable deadline is never in the future. */
function isAfter(isoDateTime: string, now: Date): boolean {
  const time = Date.parse(isoDateTime);
  return !Number.isNaN(time) && time > now.getTime();
}

/** Councils still to be heard: asked, not submitted, not withdrawn, deadline not passed. */
export function pendingConsultations(facts: AssessmentFacts, now: Date): readonly ConsultationFact[] {
  return facts.consultations.filter((c) => (c.status === 'not_started' || c.status === 'drafting') && isAfter(c.deadline, now));
}

/** The consultation is closed when every council has submitted (or was withdrawn) or its deadline has passed. */
export function isConsultationClosed(facts: AssessmentFacts, now: Date): boolean {
  return pendingConsultations(facts, now).length === 0;
}

/** Checklist items not (yet) marked done, in checklist order. */
export function openChecklistItems(facts: AssessmentFacts): readonly string[] {
  return REVIEW_CHECKLIST_ITEMS.filter((item) => !facts.reviewChecklist.some((entry) => entry.item === item && entry.done));
}

// --- Screening ---

/** Screen-out needs the screening to have answered "no, children are not affected". */
export const screeningFoundNoImpact: Guard = (facts) => {
  if (facts.screening.affectsChildren === null) return [refusal('screening_unanswered')];
  return facts.screening.affectsChildren ? [refusal('screening_found_impact')] : NONE;
};

/** A full assessment starts when the screening answered "yes, children are affected". */
export const screeningFoundImpact: Guard = (facts) => {
  if (facts.screening.affectsChildren === null) return [refusal('screening_unanswered')];
  return facts.screening.affectsChildren ? NONE : [refusal('screening_found_no_impact')];
};

/** A "no impact" result is published with its rationale, so the rationale must be written. */
export const screeningRationaleWritten: Guard = (facts) =>
  facts.screening.rationale.trim() === '' ? [refusal('screening_rationale_missing')] : NONE;

// --- Draft and consultation ---

export const plainLanguageSummaryWritten: Guard = (facts) =>
  facts.hasPlainLanguageSummary ? NONE : [refusal('plain_language_summary_missing')];

/**
 * Every council asked reads the summary in its own language: a Swedish-speaking council gets the
 * Swedish summary. Checked once some summary is written (else `plain_language_summary_missing` says it).
 */
export const plainLanguageSummaryInCouncilLanguages: Guard = (facts) => {
  if (!facts.hasPlainLanguageSummary) return NONE;
  const needed = new Set(facts.consultations.filter((c) => c.status !== 'withdrawn').flatMap((c) => c.languages ?? []));
  const missing = (['fi', 'sv'] as const).filter((l) => needed.has(l) && !facts.summaryLanguages.includes(l));
  return missing.length === 0 ? NONE : [refusal('plain_language_summary_language_missing', { languages: missing.join(',') })];
};

/** At least one youth council is asked (not withdrawn) with a deadline still ahead. */
export const youthCouncilWithFutureDeadline: Guard = (facts, now) =>
  facts.consultations.some((c) => c.status !== 'withdrawn' && isAfter(c.deadline, now))
    ? NONE
    : [refusal('no_youth_council_with_future_deadline')];

/** No review while a consultation is open. */
export const consultationClosed: Guard = (facts, now) => {
  const pending = pendingConsultations(facts, now);
  if (pending.length === 0) return NONE;
  const nextDeadline = pending.map((c) => c.deadline).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? '';
  return [refusal('consultation_still_open', { pendingCount: pending.length, nextDeadline })];
};

/** "Closing early" is only early while some council is still to be heard. */
export const consultationStillOpen: Guard = (facts, now) =>
  isConsultationClosed(facts, now) ? [refusal('consultation_already_closed')] : NONE;

/** Every statement point has its response before the assessment goes to review (the council gets them after the decision). */
export const statementPointsAnswered: Guard = (facts) =>
  facts.allStatementPointsAnswered ? NONE : [refusal('statement_points_unanswered')];

// --- Review and decision ---

/** No approval and no sign-off before the review checklist is complete. */
export const reviewChecklistComplete: Guard = (facts) => {
  const open = openChecklistItems(facts);
  return open.length === 0 ? NONE : [refusal('review_checklist_incomplete', { missingCount: open.length, missingItems: open.join(', ') })];
};

// --- Follow-up ---

/** The follow-up opens on (or after) the follow-up date set at decision time, in Finnish time. */
export const followUpDue: Guard = (facts, now) => {
  if (facts.followUpDate === null) return [refusal('follow_up_not_planned')];
  const due = /^\d{4}-\d{2}-\d{2}/.exec(facts.followUpDate)?.[0];
  return due !== undefined && finnishDate(now) >= due
    ? NONE
    : [refusal('follow_up_date_not_reached', { followUpDate: facts.followUpDate })];
};

/** A decided assessment closes straight away only when no follow-up was planned. */
export const noFollowUpPlanned: Guard = (facts) =>
  facts.followUpDate === null ? NONE : [refusal('follow_up_planned', { followUpDate: facts.followUpDate })];

export const exPostEvaluationWritten: Guard = (facts) => (facts.hasExPostEvaluation ? NONE : [refusal('ex_post_evaluation_missing')]);

// --- Completeness (see completeness.ts) ---

/**
 * Review needs a real assessment: two alternatives compared in the matrix, each general principle
 * considered, evidence or a stated gap, and children's views or why none were heard.
 */
export const recordReadyForReview: Guard = (facts) =>
  facts.reviewBlockers.flatMap((item) => {
    const code = REVIEW_REFUSALS[item.code];
    return code ? [refusal(code, item.params)] : [];
  });

const REVIEW_REFUSALS: Partial<Record<IncompleteCode, RefusalCode>> = {
  too_few_alternatives_compared: 'too_few_alternatives_compared',
  principle_not_considered: 'principle_not_considered',
  no_evidence_or_gap: 'no_evidence_or_gap',
  no_childrens_views_or_reason: 'no_childrens_views_or_reason',
};

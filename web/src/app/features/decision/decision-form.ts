import { REVIEW_LIMITS, type DecisionOutcome, type TransitionRequest } from '@lava/contracts';
import { DECISION_OUTCOME_ACTIONS } from '@lava/workflow';

/** What the chair fills in on the decision form. Dates are YYYY-MM-DD (the value of a date input). */
export interface DecisionForm {
  outcome: DecisionOutcome | null;
  meetingDate: string;
  minutesSection: string;
  /** The decision as in the minutes; for a return for more preparation, the reason for it. */
  decisionText: string;
  followUpDate: string;
  confirmed: boolean;
}

export type DecisionField = 'outcome' | 'meetingDate' | 'minutesSection' | 'decisionText' | 'followUpDate' | 'confirmed';

/** Field → translation key of what is wrong with it. */
export type DecisionErrors = Partial<Record<DecisionField, string>>;

export const EMPTY_DECISION_FORM: DecisionForm = {
  outcome: null,
  meetingDate: '',
  minutesSection: '',
  decisionText: '',
  followUpDate: '',
  confirmed: false,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Outcomes that end the matter with a recorded decision (and may plan a follow-up). */
export function takesFollowUp(outcome: DecisionOutcome | null): boolean {
  return outcome === 'approved' || outcome === 'approved_as_modified' || outcome === 'rejected';
}

/** The follow-up date is required when the proposal was approved (as is or modified); optional when rejected. */
export function requiresFollowUp(outcome: DecisionOutcome | null): boolean {
  return outcome === 'approved' || outcome === 'approved_as_modified';
}

/** Needs a text: the decision itself, or the reason for returning it (tabling needs none). */
export function requiresText(outcome: DecisionOutcome | null): boolean {
  return outcome !== null && outcome !== 'tabled';
}

/** The same rules the API applies, checked before sending (`today` in Finnish time). */
export function validateDecisionForm(form: DecisionForm, today: string): DecisionErrors {
  const errors: DecisionErrors = {};
  if (form.outcome === null) errors.outcome = 'decision.errors.outcome';
  if (!DATE.test(form.meetingDate)) errors.meetingDate = 'decision.errors.meetingDate';
  else if (form.meetingDate > today) errors.meetingDate = 'decision.errors.meetingDateFuture';
  const section = form.minutesSection.trim();
  if (section === '' || section.length > REVIEW_LIMITS.minutesSection) errors.minutesSection = 'decision.errors.minutesSection';
  if (requiresText(form.outcome) && form.decisionText.trim() === '') {
    errors.decisionText = form.outcome === 'returned_for_preparation' ? 'decision.errors.reason' : 'decision.errors.decisionText';
  }
  if (takesFollowUp(form.outcome) && form.followUpDate !== '') {
    if (!DATE.test(form.followUpDate)) errors.followUpDate = 'decision.errors.followUpDate';
    else if (DATE.test(form.meetingDate) && form.followUpDate <= form.meetingDate)
      errors.followUpDate = 'decision.errors.followUpAfterMeeting';
  } else if (requiresFollowUp(form.outcome)) {
    errors.followUpDate = 'decision.errors.followUpRequired';
  }
  if (!form.confirmed) errors.confirmed = 'decision.errors.confirm';
  return errors;
}

/** The transition that records the decision (the outcome decides which action it is). */
export function decisionRequest(form: DecisionForm, version: number): TransitionRequest {
  if (form.outcome === null) throw new Error('decisionRequest: no outcome');
  const action = DECISION_OUTCOME_ACTIONS[form.outcome];
  const text = form.decisionText.trim();
  const base = { meetingDate: form.meetingDate, minutesSection: form.minutesSection.trim() };
  switch (action) {
    case 'record_decision':
      return {
        action,
        version,
        decision: { ...base, outcome: form.outcome, decisionText: text, followUpDate: form.followUpDate || null },
      };
    case 'return_for_preparation':
      return { action, version, reason: text, decision: { ...base, outcome: form.outcome, decisionText: text } };
    default:
      return { action, version, decision: { ...base, outcome: form.outcome, ...(text ? { decisionText: text } : {}) } };
  }
}

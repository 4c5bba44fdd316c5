import { DECISION_OUTCOMES, REVIEW_CHECKLIST_ITEMS, type DecisionOutcome, type ReviewChecklistItem } from '@lava/workflow';

export { DECISION_OUTCOMES, REVIEW_CHECKLIST_ITEMS };
export type { DecisionOutcome, ReviewChecklistItem };

/** Length limits of the review and decision texts (the API refuses longer ones, the web shows them). */
export const REVIEW_LIMITS = {
  checklistComment: 2000,
  minutesSection: 20,
  decisionText: 20000,
} as const;

/** A person as the review and decision pages show them. */
export interface ReviewPerson {
  id: string;
  displayName: string;
}

/** A reviewer asked to review the assessment. */
export interface AssignedReviewer extends ReviewPerson {
  assignedAt: string;
  assignedBy: ReviewPerson | null;
}

/** One item of a review round's checklist. */
export interface ReviewChecklistEntry {
  item: ReviewChecklistItem;
  done: boolean;
  /** The reviewer's note on the item (may be empty). */
  comment: string;
  updatedBy: ReviewPerson | null;
  updatedAt: string | null;
}

export const REVIEW_ROUND_OUTCOMES = ['approved', 'returned'] as const;
export type ReviewRoundOutcome = (typeof REVIEW_ROUND_OUTCOMES)[number];

/** One pass through review: it starts when the assessment enters review and ends with approval or a return. */
export interface ReviewRoundView {
  id: string;
  /** 1 for the first time the assessment went to review, 2 after a return, and so on. */
  round: number;
  startedAt: string;
  /** null while the round is open. */
  endedAt: string | null;
  outcome: ReviewRoundOutcome | null;
  endedBy: ReviewPerson | null;
  /** Why it was returned (the reviewer's reason). */
  returnReason: string | null;
  /** Every checklist item, in checklist order (items never touched are not done, with no comment). */
  checklist: ReviewChecklistEntry[];
  /** Optimistic locking: send it back with a checklist change. */
  version: number;
}

/** The review side of an assessment: who reviews it and every round so far, newest first. */
export interface ReviewOverview {
  reviewers: AssignedReviewer[];
  rounds: ReviewRoundView[];
}

/** Body of `POST /api/assessments/:id/reviewers`. */
export interface AssignReviewerRequest {
  userId: string;
}

/** Body of `PUT /api/assessments/:id/review/checklist/:item`. */
export interface UpdateChecklistItemRequest {
  done: boolean;
  comment?: string;
  /** The round's version you saw. */
  version: number;
}

/** The decision payload of `record_decision`, `table` and `return_for_preparation` (TransitionRequest.decision). */
export interface DecisionRequest {
  /**
   * Required for `record_decision` (approved, approved_as_modified or rejected). For `table` and
   * `return_for_preparation` it may be left out; if given it must be `tabled` / `returned_for_preparation`.
   */
  outcome?: DecisionOutcome;
  /** The committee meeting's date (YYYY-MM-DD), not in the future. */
  meetingDate: string;
  /** The minutes section (pykälä / paragraf), e.g. "§ 42". */
  minutesSection: string;
  /** The decision as written in the minutes. Required for `record_decision`. */
  decisionText?: string;
  /**
   * YYYY-MM-DD, after the meeting date. Required when approved or approved as modified (the
   * follow-up evaluation opens then); optional when rejected; not accepted for tabled or returned.
   */
  followUpDate?: string | null;
}

/** One decision event of the assessment, signed by the chair. */
export interface DecisionView {
  id: string;
  outcome: DecisionOutcome;
  meetingDate: string;
  minutesSection: string;
  decisionText: string;
  followUpDate: string | null;
  /** The deciding committee, named in the caller's language. */
  committee: { id: string; name: string };
  signedBy: ReviewPerson;
  signedAt: string;
}

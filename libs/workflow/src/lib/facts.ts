import { recordCompleteness, reviewBlockers, type CompletenessInput, type IncompleteItem } from './completeness';
import type { Stage } from './stages';

/** Where one youth council's statement request stands. */
export const CONSULTATION_STATUSES = ['not_started', 'drafting', 'submitted', 'withdrawn'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** The reviewer's quality checklist. Every item must be done before the review is approved and before sign-off. */
export const REVIEW_CHECKLIST_ITEMS = [
  'childrens_views_gathered',
  'vulnerable_groups_covered',
  'evidence_gaps_stated',
  'plain_language_summary_clear',
  'every_statement_point_answered',
] as const;
export type ReviewChecklistItem = (typeof REVIEW_CHECKLIST_ITEMS)[number];

/** A language a plain-language summary is written in (the municipalities' languages: Finnish, Swedish). */
export type SummaryLanguageCode = 'fi' | 'sv';

/** One youth council asked for a statement in the current consultation round. */
export interface ConsultationFact {
  readonly youthCouncilId: string;
  /** ISO 8601 date-time with offset, e.g. `2025-05-31T23:59:00+03:00`. */
  readonly deadline: string;
  /** `withdrawn`: the request was withdrawn; it neither opens nor holds up a consultation. */
  readonly status: ConsultationStatus;
  /** The languages the council reads (its municipality's); the summary must exist in each. Absent: not checked. */
  readonly languages?: readonly SummaryLanguageCode[];
}

/**
 * Everything the guards look at, as plain data. The API builds it from the database; the web
 * builds it from the assessment it has loaded. Nothing else is consulted, so the same facts give
 * the same answer on both sides.
 */
export interface AssessmentFacts {
  readonly stage: Stage;
  /** The official preparing the matter: the one who drafts it and moves it along. */
  readonly responsibleOfficialId: string;
  /** Reviewers asked to review this assessment; only they may approve or return it in review. */
  readonly assignedReviewerIds: readonly string[];
  readonly screening: {
    /** null: not answered yet. */
    readonly affectsChildren: boolean | null;
    readonly rationale: string;
  };
  /** A plain-language summary for children (selkokielinen tiivistelmä) has been written. */
  readonly hasPlainLanguageSummary: boolean;
  /** The languages the plain-language summary is written in. */
  readonly summaryLanguages: readonly SummaryLanguageCode[];
  /**
   * The youth councils asked in the current consultation round (planned ones while in draft).
   * Earlier rounds, before a return to draft, stay in the history and are not passed here.
   */
  readonly consultations: readonly ConsultationFact[];
  /** Every point of every submitted statement has a disposition with a reason (vastine). */
  readonly allStatementPointsAnswered: boolean;
  /** The current review round's checklist; an item that is missing counts as not done. */
  readonly reviewChecklist: readonly { readonly item: ReviewChecklistItem; readonly done: boolean }[];
  /** Calendar date (YYYY-MM-DD, Finnish time) set at decision time for the follow-up, or null when none is planned. */
  readonly followUpDate: string | null;
  /** The ex-post evaluation (jälkiarviointi) has been written. */
  readonly hasExPostEvaluation: boolean;
  /** What the record still lacks that review needs (`recordCompleteness`, blocking items only); empty when ready. */
  readonly reviewBlockers: readonly IncompleteItem[];
}

/** The parts of the assessment record itself that the workflow looks at. */
export interface RecordFactsSource {
  readonly stage: Stage;
  readonly responsibleOfficialId: string;
  readonly screening: { readonly affectsChildren: boolean | null; readonly rationale: string };
  /** The summary in Finnish. */
  readonly plainLanguageSummary: string;
  /** The summary in Swedish (absent: none). */
  readonly plainLanguageSummarySv?: string;
  readonly followUpDate: string | null;
  readonly exPostEvaluation: string;
  readonly alternatives: { readonly items: CompletenessInput['alternatives'] };
  readonly impactMatrix: { readonly rows: CompletenessInput['impacts'] };
  readonly evidence: CompletenessInput['evidence'];
  readonly childrensViews: CompletenessInput['childrensViews'];
}

/** The record's content as `recordCompleteness` reads it. */
export function completenessInput(record: RecordFactsSource): CompletenessInput {
  return {
    alternatives: record.alternatives.items,
    impacts: record.impactMatrix.rows,
    evidence: record.evidence,
    childrensViews: record.childrensViews,
  };
}

/**
 * The facts the record alone gives, with the features around it (consultations, reviewers, checklist)
 * empty: the API adds theirs; the web uses these to decide what the record's own editors may do.
 */
export function recordFacts(record: RecordFactsSource): AssessmentFacts {
  return {
    stage: record.stage,
    responsibleOfficialId: record.responsibleOfficialId,
    assignedReviewerIds: [],
    screening: { affectsChildren: record.screening.affectsChildren, rationale: record.screening.rationale },
    hasPlainLanguageSummary: record.plainLanguageSummary.trim() !== '' || (record.plainLanguageSummarySv ?? '').trim() !== '',
    summaryLanguages: [
      ...(record.plainLanguageSummary.trim() !== '' ? (['fi'] as const) : []),
      ...((record.plainLanguageSummarySv ?? '').trim() !== '' ? (['sv'] as const) : []),
    ],
    consultations: [],
    // Vacuously true when no statement has been submitted: no point waits for an answer.
    allStatementPointsAnswered: true,
    reviewChecklist: [],
    followUpDate: record.followUpDate,
    hasExPostEvaluation: record.exPostEvaluation.trim() !== '',
    reviewBlockers: reviewBlockers(recordCompleteness(completenessInput(record))),
  };
}

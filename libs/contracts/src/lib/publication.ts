import type { Stage } from '@lava/workflow';
import type { AgeGroup, ImpactKind, RecordContent } from './assessments';
import type { Disposition } from './consultations';
import type { DecisionOutcome, ReviewChecklistItem } from './review';
import type { Language } from './roles';
import type { SurveyViewsEntry } from './surveys';

/**
 * An assessment as it leaves Lava: the agenda PDF, the public register and the open data all read
 * this one shape, and the decision and publication signatures hash it. It holds nothing private:
 * no young person's name (councils by name only), no comment, no reviewer's note, no draft
 * statement (only submitted ones), no staff-only text.
 */
export interface PublicAssessment {
  id: string;
  title: string;
  caseNumber: string | null;
  stage: Stage;
  municipality: { id: string; name: string };
  committee: { id: string; name: string };
  plannedMeetingDate: string | null;
  /** The responsible official's name (officials act in public office; never a youth member). */
  responsibleOfficial: string;
  plainLanguageSummary: string;
  screening: {
    affectsChildren: boolean | null;
    impactKind: ImpactKind | null;
    ageGroups: AgeGroup[];
    rationale: string;
    signedBy: string | null;
    signedAt: string | null;
  };
  record: RecordContent;
  /** Submitted statements only, oldest round first. */
  statements: PublicStatement[];
  /** The latest review round that ended, or null. */
  review: PublicReview | null;
  /** The latest decision event (recorded, tabled or returned), or null. */
  decision: PublicDecision | null;
  /** Children's surveys summarized into the children's views (method "survey"; issue 14). */
  surveyViews?: SurveyViewsEntry[];
}

export interface PublicStatement {
  council: { id: string; name: string };
  round: number;
  /** YYYY-MM-DD of the council meeting that adopted it. */
  adoptedAt: string | null;
  submittedAt: string | null;
  points: { position: number; text: string; disposition: Disposition | null; dispositionReason: string }[];
}

export interface PublicReview {
  round: number;
  outcome: 'approved' | 'returned';
  endedAt: string;
  /** Checklist items ticked done (the reviewer's notes stay internal). */
  itemsDone: ReviewChecklistItem[];
}

export interface PublicDecision {
  outcome: DecisionOutcome;
  meetingDate: string;
  minutesSection: string;
  decisionText: string;
  followUpDate: string | null;
  signedBy: string;
  signedAt: string;
}

// ---------------------------------------------------------------------------------------------
// The agenda PDF
// ---------------------------------------------------------------------------------------------

export const DOCUMENT_LANGUAGES = ['fi', 'sv', 'en'] as const satisfies readonly Language[];
export const DOCUMENT_STATUSES = ['pending', 'ready', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The agenda PDF of an assessment in one language, as the assessment page lists it. */
export interface AgendaDocumentView {
  language: Language;
  status: DocumentStatus;
  requestedAt: string;
  /** The stage and version the ready PDF shows (null while the first one is being made). */
  stage: Stage | null;
  assessmentVersion: number | null;
  /** True when made before the decision: every page says DRAFT. */
  draft: boolean | null;
  sha256: string | null;
  byteSize: number | null;
  renderedAt: string | null;
}

// ---------------------------------------------------------------------------------------------
// Hash-chained signatures
// ---------------------------------------------------------------------------------------------

export const SIGNATURE_KINDS = [
  'screening_signed',
  'statement_adopted',
  'statement_submitted',
  'review_approved',
  'decision_signed',
  'publication',
] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

/** One signature as the public verification shows it. */
export interface SignatureView {
  id: string;
  kind: SignatureKind;
  /** Position in its organization's chain (1, 2, …). */
  sequence: number;
  organization: { id: string; name: string };
  assessmentId: string;
  signedAt: string;
  /** The role the signer acted in (e.g. committee_chair); never a name for a youth council. */
  signerRole: string;
  snapshotHash: string;
  previousHash: string | null;
  hash: string;
}

/** A field of the signed snapshot that is no longer what was signed. */
export interface SnapshotDifference {
  /** JSON path, e.g. `decision.decisionText` or `statements[0].points[1].text`. */
  path: string;
  signed: unknown;
  now: unknown;
}

export interface SignatureVerification {
  signature: SignatureView;
  /** The snapshot recomputed from today's records hashes to what was signed, and the row and its link are intact. */
  matches: boolean;
  /** The stored snapshot still hashes to its stored hash (a changed signature row fails this). */
  snapshotIntact: boolean;
  /** The chain link: the row's hash recomputes and its previous hash is the previous row's. */
  chainIntact: boolean;
  differences: SnapshotDifference[];
}

/** The chain of one organization, as re-checked by the daily job. */
export interface ChainCheckResult {
  organizationId: string;
  checked: number;
  broken: { signatureId: string; sequence: number; reason: 'snapshot' | 'chain' | 'record' }[];
}

// ---------------------------------------------------------------------------------------------
// The public register
// ---------------------------------------------------------------------------------------------

export const PUBLICATION_KINDS = ['assessment', 'screening'] as const;
/** `screening`: a signed "no full assessment needed" result; `assessment`: a decided assessment. */
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

export interface PublishRequest {
  version: number;
}

export interface UnpublishRequest {
  version: number;
  reason: string;
}

export const PUBLICATION_LIMITS = { reason: 2000, query: 200, pageSize: 50 } as const;

/** Where an assessment stands in the public register (for its official and chair). */
export interface PublicationStatus {
  published: boolean;
  /** Whether the assessment may be published now (decided, or screened out). */
  publishable: boolean;
  publishedAt: string | null;
  unpublishedAt: string | null;
  unpublishReason: string | null;
  /** Optimistic locking for publish/unpublish. */
  version: number;
}

/** One row of the public register. */
export interface RegisterEntry {
  id: string;
  kind: PublicationKind;
  title: string;
  caseNumber: string | null;
  municipality: { id: string; name: string };
  committee: { id: string; name: string };
  /** The decision's outcome (null for a screening result). */
  outcome: DecisionOutcome | null;
  /** Meeting date of the decision, or the screening's signing date. */
  decidedOn: string;
  publishedAt: string;
  summary: string;
  /** The same entry in the words of Finland's 6Aika open decisions API (Popolo-based), for decision portals. */
  openDecisions: OpenDecisionsEntry;
}

/** A Popolo organization as the 6Aika open decisions API names it (`classification`, `parent_id`). */
export interface PopoloOrganization {
  id: string;
  name: string;
  classification: 'municipality' | 'committee';
  parent_id: string | null;
}

/**
 * A register entry shaped after the 6Aika open decisions API (github.com/6aika/api-paatos, Popolo-based),
 * field names as there (snake_case): the assessment is a `case` ("asia") whose `register_id` is the
 * case number ("diaarinumero"); the committee's decision — or, for a screening, the signed result
 * "no full assessment needed" — is its `action`, with the minutes' § as `article_number` and the
 * meeting as a Popolo `event`; the committee (`responsible_party`) and its municipality are
 * `organizations`. No person appears: 6Aika's posts and memberships are left out on purpose.
 */
export interface OpenDecisionsEntry {
  case: {
    id: string;
    register_id: string | null;
    title: string;
    summary: string;
    /** `child_impact_assessment` or, for a screening result, `child_impact_screening`. */
    category: 'child_impact_assessment' | 'child_impact_screening';
    public: true;
  };
  action: {
    id: string;
    title: string;
    /** The case's id. */
    case: string;
    /** The decision's outcome, or `screened_out` for a screening result. */
    resolution: DecisionOutcome | 'screened_out';
    /** The minutes' § of the decision; null for a screening result. */
    article_number: string | null;
    /** The organization's id (the committee). */
    responsible_party: string;
    /** The committee meeting that decided (a Popolo event); null for a screening result. */
    event: { start_date: string; organization_id: string; classification: 'meeting' } | null;
    /** The decision's date: the meeting's, or the day the screening was signed. */
    date: string;
  };
  organizations: PopoloOrganization[];
}

export interface RegisterFilters {
  municipalityId?: string;
  committeeId?: string;
  year?: number;
  outcome?: DecisionOutcome | 'screened_out';
  q?: string;
}

/** A published assessment's public page: the assessment plus where it was published and its PDFs. */
export interface PublicAssessmentPage {
  kind: PublicationKind;
  assessment: PublicAssessment;
  publishedAt: string;
  /** Unpublished entries answer 410 with the reason instead. */
  pdf: { language: Language; sha256: string; url: string }[];
  /** The signatures of this assessment, newest first, to verify. */
  signatures: SignatureView[];
}

import type { Stage } from '@lava/workflow';
import type { DecisionRequest } from './review';

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
  /** What the assessment waits for next and by when; null once closed or when no date is set. */
  nextDeadline: NextDeadline | null;
}

/**
 * The next date an assessment is heading for, by stage: in consultation the earliest deadline of a
 * council still to be heard; in screening, draft, review and decision the planned committee meeting;
 * once decided (and in follow-up) the follow-up date.
 */
export interface NextDeadline {
  kind: 'consultation' | 'meeting' | 'follow_up';
  /** A date-time (consultation deadline, ISO 8601) or a calendar date (YYYY-MM-DD). */
  at: string;
  /** The date has passed and what it waited for has not happened. */
  overdue: boolean;
}

/** A committee the current user may start an assessment for. */
export interface CommitteeOption {
  id: string;
  name: string;
  municipalityId: string;
  municipalityName: string;
}

/** The languages a plain-language summary is written in: those a municipality uses (Finnish, Swedish, or both). */
export const SUMMARY_LANGUAGES = ['fi', 'sv'] as const;
export type SummaryLanguage = (typeof SUMMARY_LANGUAGES)[number];

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

/** One assessment with its whole record (the content sections are in `RecordContent`). */
export interface AssessmentDetail extends AssessmentSummary, RecordContent {
  screening: Screening;
  /** Selkokielinen tiivistelmä, in Finnish: required before a consultation opens (in each language of the councils asked). */
  plainLanguageSummary: string;
  /** Lättläst sammanfattning: the summary in Swedish, for Swedish-speaking councils. */
  plainLanguageSummarySv: string;
  /** Calendar date of the follow-up evaluation, set at decision time. */
  followUpDate: string | null;
  exPostEvaluation: string;
}

/** Partial update; `version` is the version the editor started from (optimistic locking). Content lists are replaced whole. */
export interface UpdateAssessmentRequest extends RecordContentUpdate {
  version: number;
  title?: string;
  plannedMeetingDate?: string | null;
  caseNumber?: string | null;
  screening?: Partial<Pick<Screening, 'affectsChildren' | 'impactKind' | 'ageGroups' | 'rationale'>>;
  plainLanguageSummary?: string;
  plainLanguageSummarySv?: string;
  followUpDate?: string | null;
  exPostEvaluation?: string;
}

export interface TransitionRequest {
  /** A workflow action id, e.g. `start_full_assessment`. */
  action: string;
  version: number;
  /** Required by some actions (returns, early closing, review without consultation). */
  reason?: string;
  /** The decision: required for `record_decision`, `table` and `return_for_preparation` (see review.ts). */
  decision?: DecisionRequest;
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

/** Versions per page of the history by default, and at most (`limit`). */
export const VERSION_PAGE_SIZE = 30;
export const MAX_VERSION_PAGE_SIZE = 100;

/**
 * One page of an assessment's history, newest first. The cursor is simply a version number: pass
 * `nextCursor` back as `before` for the older versions; null means this page reaches version 1.
 */
export interface AssessmentVersionPage {
  items: AssessmentVersionView[];
  nextCursor: number | null;
}

/** A field as it was at the older version and at the newer one, and who changed it in between. */
export interface VersionFieldComparison {
  /** `<section>.<field>` (or `stage`, `title`…), as in the history's `changes`. */
  field: string;
  /** The value at the older version (the `from` of the range's first change of this field). */
  from: unknown;
  /** The value at the newer version (the `to` of the range's last change of this field). */
  to: unknown;
  /** Changed in between but back to what it was: `from` equals `to`. */
  changedBack: boolean;
  /** How many versions in the range changed this field. */
  changeCount: number;
  /** Who changed it in the range, in the order of their first change. */
  changedBy: { id: string; displayName: string }[];
}

/** What differs between two versions of an assessment: every field changed in versions (from, to]. */
export interface AssessmentVersionComparison {
  from: number;
  to: number;
  /** Sorted by field; fields no version in the range touched are absent. */
  fields: VersionFieldComparison[];
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
  /** Youth-council consultation deadline range, inclusive (YYYY-MM-DD, Finnish dates): assessments with a council deadline in it. */
  deadlineFrom?: string;
  deadlineTo?: string;
}

/**
 * The sections of the assessment record, in the order the drafting page shows them. Comments
 * anchor to these keys, the page gives each section the element id `section-<key>`, and every
 * field change in the version history is named `<section>.<field>` (see `sectionOfChange`).
 */
export const RECORD_SECTIONS = [
  'basics',
  'screening',
  'scope',
  'legalBasis',
  'alternatives',
  'evidence',
  'childrensViews',
  'impactMatrix',
  'mitigation',
  'changesMade',
  'recommendation',
  'plainLanguageSummary',
  'communication',
  'followUp',
] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

/** Fields saved before sections named their changes `<section>.<field>`. */
const SECTION_OF_TOP_LEVEL_FIELD: Readonly<Record<string, RecordSection>> = {
  title: 'basics',
  plannedMeetingDate: 'basics',
  caseNumber: 'basics',
  followUpDate: 'followUp',
  exPostEvaluation: 'followUp',
  plainLanguageSummarySv: 'plainLanguageSummary',
};

/** The section a version-history change key (`screening.rationale`, `impactMatrix`, `title`…) belongs to; null for non-content changes (stage). */
export function sectionOfChange(changeKey: string): RecordSection | null {
  const head = changeKey.split('.')[0] ?? '';
  if ((RECORD_SECTIONS as readonly string[]).includes(head)) return head as RecordSection;
  return SECTION_OF_TOP_LEVEL_FIELD[head] ?? null;
}

// ---------------------------------------------------------------------------------------------
// The full assessment record (after the screening says the matter affects children).
// Every section is an object of fields; a PATCH sends any of them (lists are replaced whole) and
// the version history names each change `<section>.<field>` (e.g. `impactMatrix.rows`).
// ---------------------------------------------------------------------------------------------

/** Vulnerable groups the scope asks about, each with a note. */
export const VULNERABLE_GROUPS = [
  'disabled_children',
  'children_in_care',
  'low_income_families',
  'migrant_background',
  'minority_languages',
  'rural_areas',
] as const;
export type VulnerableGroup = (typeof VULNERABLE_GROUPS)[number];

/** How the children's views were gathered. */
export const VIEW_METHODS = ['youth_council_statement', 'school_survey', 'workshop', 'other'] as const;
export type ViewMethod = (typeof VIEW_METHODS)[number];

export const IMPACT_DIRECTIONS = ['positive', 'negative', 'neutral', 'unknown'] as const;
export type ImpactDirection = (typeof IMPACT_DIRECTIONS)[number];
export const IMPACT_DIRECTNESS = ['direct', 'indirect'] as const;
export type ImpactDirectness = (typeof IMPACT_DIRECTNESS)[number];
export const IMPACT_TERMS = ['short', 'long'] as const;
export type ImpactTerm = (typeof IMPACT_TERMS)[number];

/** The UNCRC general principles: every alternative has at least one matrix row for each. */
export const GENERAL_PRINCIPLES = [2, 3, 6, 12] as const;
/** UNCRC articles a record may cite (1–54). */
export const UNCRC_ARTICLE_MIN = 1;
export const UNCRC_ARTICLE_MAX = 54;
/** Known groups of the impact matrix: everyone, an age group or a vulnerable group; other text is allowed. */
export const MATRIX_GROUPS = ['all', ...AGE_GROUPS, ...VULNERABLE_GROUPS] as const;

/** Limits of the record's content (the API refuses more with a 400 naming the field). */
export const RECORD_LIMITS = {
  /** Running text of a section field. */
  text: 20000,
  /** A short title, source, group, owner or indicator name. */
  short: 300,
  /** A note in a list item (vulnerable group, matrix row, evidence finding). */
  note: 4000,
  alternatives: 10,
  evidence: 100,
  matrixRows: 400,
  indicators: 50,
  articles: 54,
} as const;

export interface VulnerableGroupNote {
  group: VulnerableGroup;
  note: string;
}

export interface RecordAlternative {
  /** Client-generated UUID, so matrix rows can refer to an alternative before it is saved. */
  id: string;
  title: string;
  description: string;
}

export interface EvidenceItem {
  id: string;
  source: string;
  /** YYYY-MM-DD or null. */
  date: string | null;
  finding: string;
}

export interface ImpactMatrixRow {
  id: string;
  alternativeId: string;
  /** UNCRC article number. */
  article: number;
  /** A MATRIX_GROUPS key or free text. */
  group: string;
  direction: ImpactDirection;
  directness: ImpactDirectness;
  term: ImpactTerm;
  note: string;
}

export interface FollowUpIndicator {
  id: string;
  indicator: string;
  owner: string;
  /** YYYY-MM-DD or null. */
  dueDate: string | null;
}

export interface RecordContent {
  scope: { childrenAffected: string; vulnerableGroups: VulnerableGroupNote[] };
  legalBasis: { uncrcArticles: number[]; nationalLaw: string; welfarePlan: string };
  /** In order; the first is the proposal, and "no change" is among them (made when the full assessment starts). */
  alternatives: { items: RecordAlternative[] };
  evidence: { items: EvidenceItem[]; gaps: string };
  childrensViews: { methods: ViewMethod[]; howGathered: string; whatTheySaid: string };
  impactMatrix: { rows: ImpactMatrixRow[] };
  mitigation: { text: string };
  changesMade: { text: string };
  recommendation: { text: string; bestInterests: string };
  communication: { text: string };
  followUp: { indicators: FollowUpIndicator[] };
}
export type ContentSection = keyof RecordContent;
/** The content fields as `<section>.<field>` keys, in the page's order (also the version-history keys). */
export const CONTENT_FIELDS = [
  'scope.childrenAffected',
  'scope.vulnerableGroups',
  'legalBasis.uncrcArticles',
  'legalBasis.nationalLaw',
  'legalBasis.welfarePlan',
  'alternatives.items',
  'evidence.items',
  'evidence.gaps',
  'childrensViews.methods',
  'childrensViews.howGathered',
  'childrensViews.whatTheySaid',
  'impactMatrix.rows',
  'mitigation.text',
  'changesMade.text',
  'recommendation.text',
  'recommendation.bestInterests',
  'communication.text',
  'followUp.indicators',
] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

/** A PATCH of the content: any sections, each with any of its fields. */
export interface RecordContentUpdate {
  scope?: Partial<RecordContent['scope']>;
  legalBasis?: Partial<RecordContent['legalBasis']>;
  alternatives?: Partial<RecordContent['alternatives']>;
  evidence?: Partial<RecordContent['evidence']>;
  childrensViews?: Partial<RecordContent['childrensViews']>;
  impactMatrix?: Partial<RecordContent['impactMatrix']>;
  mitigation?: Partial<RecordContent['mitigation']>;
  changesMade?: Partial<RecordContent['changesMade']>;
  recommendation?: Partial<RecordContent['recommendation']>;
  communication?: Partial<RecordContent['communication']>;
  followUp?: Partial<RecordContent['followUp']>;
}

/** The content of a record with nothing written yet (as a new assessment answers). */
export function emptyRecordContent(): RecordContent {
  return {
    scope: { childrenAffected: '', vulnerableGroups: [] },
    legalBasis: { uncrcArticles: [], nationalLaw: '', welfarePlan: '' },
    alternatives: { items: [] },
    evidence: { items: [], gaps: '' },
    childrensViews: { methods: [], howGathered: '', whatTheySaid: '' },
    impactMatrix: { rows: [] },
    mitigation: { text: '' },
    changesMade: { text: '' },
    recommendation: { text: '', bestInterests: '' },
    communication: { text: '' },
    followUp: { indicators: [] },
  };
}

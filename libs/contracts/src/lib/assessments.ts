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
  /** A free age range besides (or instead of) the presets, e.g. 10–15; null when none is given. */
  ageRange: AgeRange | null;
  rationale: string;
  signedBy: { id: string; displayName: string } | null;
  signedAt: string | null;
}

/** Ages in whole years, `min` ≤ `max`, both within AGE_RANGE_LIMITS. */
export interface AgeRange {
  min: number;
  max: number;
}
export const AGE_RANGE_LIMITS = { min: 0, max: 29 } as const;

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
  /** The wellbeing indicators the organization's assessments tag impacts with (none: an empty list). */
  wellbeing: WellbeingSet;
}

/** Partial update; `version` is the version the editor started from (optimistic locking). Content lists are replaced whole. */
export interface UpdateAssessmentRequest extends RecordContentUpdate {
  version: number;
  title?: string;
  plannedMeetingDate?: string | null;
  caseNumber?: string | null;
  screening?: Partial<Pick<Screening, 'affectsChildren' | 'impactKind' | 'ageGroups' | 'ageRange' | 'rationale'>>;
  plainLanguageSummary?: string;
  plainLanguageSummarySv?: string;
  followUpDate?: string | null;
  exPostEvaluation?: string;
  /**
   * Ends the editing session's version with this save and names it ("save a version"): later saves
   * start a new version. Sent alone (with `version`), it names and closes the person's open version.
   */
  versionName?: string;
  /** This save resolves a conflict: it is kept as its own version (later autosaves start a new one). */
  resolvesConflict?: boolean;
}

export interface TransitionRequest {
  /** A workflow action id, e.g. `start_full_assessment`. */
  action: string;
  version: number;
  /** Required by some actions (returns, early closing, review without consultation). */
  reason?: string;
  /** The actor confirms signing (the screening result) in their own name; required by actions that sign. */
  signatureConfirmed?: boolean;
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
  /**
   * What this version changed. Text and single values: the whole value before and after. Lists
   * (`LIST_CHANGE_FIELDS`) hold only the items that changed (`ListChange`), never the whole list.
   */
  changes: Record<string, { from: unknown; to: unknown }>;
  reason: string | null;
  /** Set by "save a version"; null for the versions autosave made. */
  name: string | null;
  /** When the first save of this version was made (several autosaves of one editing session form one version). */
  startedAt: string;
  /** How many saves this version holds (1 for transitions). */
  saves: number;
}

/**
 * The change of a list field in a version or a comparison: only the items that differ, matched by
 * `id` (vulnerable groups by `group`). `from` holds the old state of items changed or removed,
 * `to` the new state of items changed or added; an item in `to` only was added, in `from` only was
 * removed, in both was changed. Unchanged items are absent, so a change of one matrix row stays one
 * row whatever the size of the matrix.
 */
export interface ListChange<T = unknown> {
  from: T[];
  to: T[];
  /** Marks the item-wise form (versions saved before it held the whole lists; the API answers both as this). */
  items: true;
}
/** Version-history fields whose changes are `ListChange`s, and the key their items are matched by. */
export const LIST_CHANGE_FIELDS: Readonly<Record<string, string>> = {
  'scope.vulnerableGroups': 'group',
  'alternatives.items': 'id',
  'evidence.items': 'id',
  'impactMatrix.rows': 'id',
  'followUp.indicators': 'id',
};

/** Several saves by one person within this many minutes of the version's first save form one version. */
export const VERSION_SESSION_MINUTES = 10;

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

/** Vulnerable groups the scope asks about, each with a note; the official may name others (free text). */
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

/** An impact's judgements; null in a row means "not stated" (no value is a judgement until a person chooses it). */
export const IMPACT_DIRECTIONS = ['positive', 'negative', 'neutral', 'unknown'] as const;
export type ImpactDirection = (typeof IMPACT_DIRECTIONS)[number];
export const IMPACT_DIRECTNESS = ['direct', 'indirect'] as const;
export type ImpactDirectness = (typeof IMPACT_DIRECTNESS)[number];
export const IMPACT_TERMS = ['short', 'long'] as const;
export type ImpactTerm = (typeof IMPACT_TERMS)[number];

/** The UNCRC general principles: every alternative has at least one matrix row naming each (added, not stated, when missing). */
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
  /** Groups one impact names. */
  impactGroups: 20,
  /** Vulnerable groups the scope lists (the known ones and those the official names). */
  vulnerableGroups: 30,
  /** Indicators of an organization's own wellbeing set. */
  wellbeingIndicators: 30,
  url: 2000,
} as const;

/** The SHANARRI wellbeing indicators (Scotland's GIRFEC): safe, healthy, achieving, nurtured, active, respected, responsible, included. */
export const SHANARRI_INDICATORS = ['safe', 'healthy', 'achieving', 'nurtured', 'active', 'respected', 'responsible', 'included'] as const;
export const WELLBEING_FRAMEWORKS = ['none', 'shanarri', 'custom'] as const;
export type WellbeingFramework = (typeof WELLBEING_FRAMEWORKS)[number];

/**
 * The wellbeing indicator set an organization's assessments use. SHANARRI's indicators have fixed
 * keys the web translates (`name` null); an organization's own list (e.g. from its children and young
 * people's welfare plan) has keys `w1`, `w2`… and the names as the organization wrote them.
 */
export interface WellbeingSet {
  framework: WellbeingFramework;
  indicators: { key: string; name: string | null }[];
}
/** Setting a municipality's set (admin): for `custom`, the names in order (keys follow the order given). */
export interface WellbeingSetRequest {
  framework: WellbeingFramework;
  names?: string[];
}

/**
 * An evidence date as sources give them: a year ("2021"), a range of years ("2020–21", "2020–2021"),
 * a month ("2021-03") or a day ("2021-03-15"). Returns the normalized form (ranges with an en dash and
 * both years in full) or null when the text is none of these.
 */
export function normalizeEvidenceDate(text: string): string | null {
  const value = text.trim();
  const range = /^(\d{4})\s*[–-]\s*(\d{2}|\d{4})$/.exec(value);
  if (range) {
    const start = Number(range[1]);
    const end = range[2].length === 2 ? Math.floor(start / 100) * 100 + Number(range[2]) : Number(range[2]);
    if (end > start) return `${start}–${end}`;
    // "2021-03" is a month, not a range ending before it starts: read on as a date.
    if (value.includes('–') || range[2].length === 4) return null;
  }
  const date = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!date) return null;
  const [, , month, day] = date;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day !== undefined) {
    const parsed = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return null;
  }
  return value;
}

export interface VulnerableGroupNote {
  /** A VULNERABLE_GROUPS key, or a group the official names (free text, 1–300 characters). */
  group: VulnerableGroup | (string & {});
  note: string;
}

/** The two alternatives a full assessment starts with; their names are shown in the reader's language. */
export const DEFAULT_ALTERNATIVES = ['proposal', 'no_change'] as const;
export type DefaultAlternative = (typeof DEFAULT_ALTERNATIVES)[number];

export interface RecordAlternative {
  /** Client-generated UUID, so matrix rows can refer to an alternative before it is saved. */
  id: string;
  /** As the official wrote it; empty for a default alternative whose name is shown in the reader's language. */
  title: string;
  description: string;
  /** "The proposal" or "no change", made when the full assessment starts; null for alternatives the official adds. */
  defaultName: DefaultAlternative | null;
}

export interface EvidenceItem {
  id: string;
  source: string;
  /** Where the source can be read (http or https), or empty. */
  url: string;
  /** A year, a range of years, a month or a day (see `normalizeEvidenceDate`), or null. */
  date: string | null;
  finding: string;
}

/**
 * One impact of the impact matrix: what one alternative does to children, as the assessment
 * states it. The matrix is a list of these (`impactMatrix.rows`), in the order the official keeps,
 * usually grouped by alternative. To render it (PDF, a list for young people): group the rows by
 * `alternativeId` in the order of `alternatives.items`; each row is one impact with its articles,
 * groups, wellbeing indicators, the three judgements (each possibly not stated) and a note.
 */
export interface ImpactMatrixRow {
  id: string;
  /** One of `alternatives.items`. */
  alternativeId: string;
  /** UNCRC articles (1–54) the impact concerns, ascending, without repeats; empty when it names none. */
  articles: number[];
  /** Groups affected: MATRIX_GROUPS keys or text the official wrote (e.g. "10–15-year-olds"); empty while not stated. */
  groups: string[];
  /** Keys of the organization's wellbeing indicators (`AssessmentDetail.wellbeing`) the impact touches. */
  wellbeing: string[];
  /** null: not stated. */
  direction: ImpactDirection | null;
  /** null: not stated. */
  directness: ImpactDirectness | null;
  /** null: not stated. */
  term: ImpactTerm | null;
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
  /** `notHeardReason`: why no children's views were heard (instead of `whatTheySaid`). */
  childrensViews: { methods: ViewMethod[]; howGathered: string; whatTheySaid: string; notHeardReason: string };
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
  'childrensViews.notHeardReason',
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
    childrensViews: { methods: [], howGathered: '', whatTheySaid: '', notHeardReason: '' },
    impactMatrix: { rows: [] },
    mitigation: { text: '' },
    changesMade: { text: '' },
    recommendation: { text: '', bestInterests: '' },
    communication: { text: '' },
    followUp: { indicators: [] },
  };
}

/**
 * The item-wise change between two versions of a list (`ListChange`): the old state of items
 * changed or removed, the new state of items changed or added, matched by `key`. Null when no item
 * differs (a pure reordering is not a change of content).
 */
export function listChange<T extends object>(from: readonly T[], to: readonly T[], key: string): ListChange<T> | null {
  const id = (item: T) => String((item as Record<string, unknown>)[key]);
  const before = new Map(from.map((item) => [id(item), item]));
  const after = new Map(to.map((item) => [id(item), item]));
  const same = (a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);
  const old = from.filter((item) => !after.has(id(item)) || !same(item, after.get(id(item)) as T));
  const next = to.filter((item) => !before.has(id(item)) || !same(item, before.get(id(item)) as T));
  return old.length || next.length ? { from: old, to: next, items: true } : null;
}

/** True for a change written item-wise (versions before it held the whole lists). */
export function isListChange(change: unknown): change is ListChange {
  return typeof change === 'object' && change !== null && (change as { items?: unknown }).items === true;
}

/**
 * Several consecutive changes of one list as one: per item, its state before the first change that
 * touched it and after the last (items changed and changed back drop out). Whole-list changes of
 * older versions are read item-wise first.
 */
export function composeListChanges(changes: readonly { from: unknown; to: unknown }[], key: string): ListChange | null {
  const first = new Map<string, unknown>();
  const last = new Map<string, unknown>();
  const order: string[] = [];
  const id = (item: unknown) => String((item as Record<string, unknown>)[key]);
  for (const raw of changes) {
    const change = isListChange(raw) ? raw : listChange((raw.from as object[]) ?? [], (raw.to as object[]) ?? [], key);
    if (!change) continue;
    const touched = new Set([...change.from.map(id), ...change.to.map(id)]);
    for (const itemId of touched) {
      if (!first.has(itemId)) {
        order.push(itemId);
        first.set(itemId, change.from.find((item) => id(item) === itemId) ?? null);
      }
      last.set(itemId, change.to.find((item) => id(item) === itemId) ?? null);
    }
  }
  const from: unknown[] = [];
  const to: unknown[] = [];
  for (const itemId of order) {
    const a = first.get(itemId) ?? null;
    const b = last.get(itemId) ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (a !== null) from.push(a);
    if (b !== null) to.push(b);
  }
  return from.length || to.length ? { from, to, items: true } : null;
}

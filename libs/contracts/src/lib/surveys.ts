import type { Language } from './roles';

/**
 * Children's anonymous surveys linked to an assessment (issue 14). A survey has 1–10 questions of
 * kinds made for children; answers carry no personal data and are counted by SQL, with small cells
 * suppressed so that no child can be singled out.
 */
export const SURVEY_QUESTION_KINDS = ['smiley', 'single', 'multiple', 'text', 'age_band'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

/** Age bands a child picks from (an `age_band` question). */
export const SURVEY_AGE_BANDS = ['under_10', '10_12', '13_15', '16_17'] as const;
export type SurveyAgeBand = (typeof SURVEY_AGE_BANDS)[number];

/** Smiley scales: 3 or 5 faces; the value is the face's position, 1 (saddest) … n (happiest). */
export const SURVEY_SMILEY_FACES = [3, 5] as const;

export const SURVEY_LIMITS = {
  questions: 10,
  options: 8,
  title: 120,
  intro: 600,
  questionText: 300,
  optionLabel: 80,
  emoji: 8,
  freeText: 500,
  classCodes: 50,
  classCode: 20,
} as const;

/** A text in each of the survey's languages (a language the survey is not in is ''). */
export type SurveyText = Record<Language, string>;

export interface SurveyOption {
  id: string;
  label: SurveyText;
  /** An optional emoji shown beside the label. */
  emoji: string;
}

export interface SurveyQuestion {
  id: string;
  kind: SurveyQuestionKind;
  text: SurveyText;
  /** smiley: 3 or 5; otherwise null. */
  faces: 3 | 5 | null;
  /** single / multiple: the options; otherwise []. */
  options: SurveyOption[];
}

export type SurveyStatus = 'draft' | 'scheduled' | 'open' | 'closed';

export interface SurveyInput {
  languages: Language[];
  title: SurveyText;
  intro: SurveyText;
  questions: SurveyQuestion[];
  opensAt: string;
  closesAt: string;
  classCodes: string[];
}

export interface SurveyView extends SurveyInput {
  id: string;
  assessmentId: string;
  assessmentTitle: string;
  status: SurveyStatus;
  version: number;
  respondents: number;
  createdAt: string;
  /** When the summary was added to the record's children's views; null if not yet. */
  addedToViewsAt: string | null;
  mayEdit: boolean;
}

export interface SurveyListItem {
  id: string;
  title: SurveyText;
  languages: Language[];
  status: SurveyStatus;
  opensAt: string;
  closesAt: string;
  respondents: number;
  createdAt: string;
}

/** What the child's page loads (no sign-in). Class codes are never sent, only whether one is asked. */
export interface PublicSurvey {
  id: string;
  languages: Language[];
  title: SurveyText;
  intro: SurveyText;
  questions: SurveyQuestion[];
  status: SurveyStatus;
  opensAt: string;
  closesAt: string;
  asksClassCode: boolean;
  /** Where the child hears what came of it: the assessment's public page (once decided) and the planned meeting. */
  publicPath: string;
  plannedMeetingDate: string | null;
}

/** One child's answer. `id` is made by the child's device (a UUID) so that a retry is not counted twice. */
export interface SurveyAnswerInput {
  id: string;
  language: Language;
  classCode?: string;
  /** questionId → a face (1…n), an option id, option ids, a text, or an age band. Unanswered questions are left out. */
  answers: Record<string, number | string | string[]>;
}

export interface SurveyAnswerResult {
  recorded: true;
  /** true when this id had been recorded before (a retry): nothing new was counted. */
  duplicate: boolean;
}

/** A count, or null when fewer than the minimum answered (suppressed). */
export type SuppressedCount = number | null;

export interface SurveyResultRow {
  /** The option id, the face (as text) or the age band. */
  value: string;
  count: SuppressedCount;
  /** Counts per age band (only when the survey asks the age band). */
  byAgeBand: Partial<Record<SurveyAgeBand, SuppressedCount>>;
}

export interface SurveyQuestionResult {
  questionId: string;
  kind: SurveyQuestionKind;
  answered: SuppressedCount;
  rows: SurveyResultRow[];
}

export interface SurveyFreeText {
  id: string;
  questionId: string;
  text: string;
  status: 'pending' | 'kept';
  createdAt: string;
}

export interface SurveyResults {
  surveyId: string;
  minCell: number;
  respondents: number;
  /** false while fewer than `minCell` answered: no figure is shown at all. */
  shown: boolean;
  ageBands: { band: SurveyAgeBand; count: SuppressedCount }[];
  classes: { code: string; count: SuppressedCount }[];
  questions: SurveyQuestionResult[];
  firstAnswerAt: string | null;
  lastAnswerAt: string | null;
}

/** A survey's summary as it stands in the record's children's views (method "survey"). */
export interface SurveyViewsEntry {
  surveyId: string;
  method: 'survey';
  title: SurveyText;
  languages: Language[];
  respondents: number;
  opensAt: string;
  closesAt: string;
  summary: SurveyText;
  addedAt: string;
}

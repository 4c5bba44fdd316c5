import {
  SURVEY_AGE_BANDS,
  type Language,
  type SuppressedCount,
  type SurveyAgeBand,
  type SurveyQuestion,
  type SurveyResults,
  type SurveyText,
} from '@lava/contracts';

/** What SQL counted (see SurveysRepository.counts): raw, before suppression. */
export interface RawCounts {
  respondents: number;
  firstAnswerOn: string | null;
  lastAnswerOn: string | null;
  /** Per question, value and age band ('' when no band given). */
  cells: { questionId: string; value: string; ageBand: string; n: number }[];
  /** Per question: how many answered it. */
  answered: { questionId: string; n: number }[];
  ageBands: { ageBand: string; n: number }[];
  classes: { code: string; n: number }[];
}

/** A count below the minimum (zero included) is not shown. */
export const suppress = (n: number, minCell: number): SuppressedCount => (n >= minCell ? n : null);

/** The values a question's results list, in the order the child saw them. */
export function questionValues(q: SurveyQuestion): string[] {
  switch (q.kind) {
    case 'smiley':
      return Array.from({ length: q.faces ?? 3 }, (_, i) => String(i + 1));
    case 'single':
    case 'multiple':
      return q.options.map((o) => o.id);
    case 'age_band':
      return [...SURVEY_AGE_BANDS];
    case 'text':
      return [];
  }
}

/**
 * The staff's view of the counts: nothing at all until `minCell` children answered; after that every
 * cell (a value, a value within an age band, an age band, a class) under `minCell` is null.
 */
export function suppressResults(surveyId: string, questions: SurveyQuestion[], raw: RawCounts, minCell: number): SurveyResults {
  const shown = raw.respondents >= minCell;
  const asksAge = questions.some((q) => q.kind === 'age_band');
  const cell = (questionId: string, value: string, band?: string) =>
    raw.cells
      .filter((c) => c.questionId === questionId && c.value === value && (band === undefined || c.ageBand === band))
      .reduce((sum, c) => sum + c.n, 0);
  const ageBandCount = (band: string) => raw.ageBands.find((b) => b.ageBand === band)?.n ?? 0;
  return {
    surveyId,
    minCell,
    respondents: raw.respondents,
    shown,
    firstAnswerAt: raw.firstAnswerOn,
    lastAnswerAt: raw.lastAnswerOn,
    ageBands: shown && asksAge ? SURVEY_AGE_BANDS.map((band) => ({ band, count: suppress(ageBandCount(band), minCell) })) : [],
    classes: shown ? raw.classes.map((c) => ({ code: c.code, count: suppress(c.n, minCell) })) : [],
    questions: !shown
      ? []
      : questions.map((q) => ({
          questionId: q.id,
          kind: q.kind,
          answered: suppress(raw.answered.find((a) => a.questionId === q.id)?.n ?? 0, minCell),
          rows: questionValues(q).map((value) => {
            const byAgeBand: Partial<Record<SurveyAgeBand, SuppressedCount>> = {};
            if (asksAge && q.kind !== 'age_band')
              for (const band of SURVEY_AGE_BANDS) byAgeBand[band] = suppress(cell(q.id, value, band), minCell);
            return { value, count: suppress(q.kind === 'age_band' ? ageBandCount(value) : cell(q.id, value), minCell), byAgeBand };
          }),
        })),
  };
}

const SUMMARY_WORDS: Record<
  Language,
  { respondents: string; hidden: string; faces: string; age: string; ages: Record<SurveyAgeBand, string> }
> = {
  fi: {
    respondents: 'Kysely lapsille ja nuorille ”{title}”, {from}–{to}: {n} vastaajaa.',
    hidden: 'Alle {min} vastauksen määriä ei näytetä.',
    faces: 'hymiö {face}/{of}',
    age: 'Ikä',
    ages: { under_10: 'alle 10 v.', '10_12': '10–12 v.', '13_15': '13–15 v.', '16_17': '16–17 v.' },
  },
  sv: {
    respondents: 'Enkät till barn och unga ”{title}”, {from}–{to}: {n} svarande.',
    hidden: 'Antal under {min} svar visas inte.',
    faces: 'smiley {face}/{of}',
    age: 'Ålder',
    ages: { under_10: 'under 10 år', '10_12': '10–12 år', '13_15': '13–15 år', '16_17': '16–17 år' },
  },
  en: {
    respondents: 'Survey of children and young people “{title}”, {from}–{to}: {n} respondents.',
    hidden: 'Counts under {min} answers are not shown.',
    faces: 'face {face} of {of}',
    age: 'Age',
    ages: { under_10: 'under 10', '10_12': '10–12', '13_15': '13–15', '16_17': '16–17' },
  },
};

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));

const finnishDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};

/** The results summary for the record's children's views, in each language of the survey (no free texts, no raw answers). */
export function summaryTexts(
  survey: { title: SurveyText; languages: Language[]; questions: SurveyQuestion[]; opensAt: string; closesAt: string },
  results: SurveyResults,
): SurveyText {
  const out: SurveyText = { fi: '', sv: '', en: '' };
  for (const language of survey.languages) {
    const words = SUMMARY_WORDS[language];
    const lines = [
      fill(words.respondents, {
        title: survey.title[language],
        from: finnishDate(survey.opensAt),
        to: finnishDate(survey.closesAt),
        n: results.respondents,
      }),
    ];
    for (const q of results.questions) {
      const question = survey.questions.find((x) => x.id === q.questionId);
      if (!question || question.kind === 'text') continue;
      const label = (value: string) =>
        question.kind === 'smiley'
          ? fill(words.faces, { face: value, of: question.faces ?? 3 })
          : question.kind === 'age_band'
            ? words.ages[value as SurveyAgeBand]
            : (question.options.find((o) => o.id === value)?.label[language] ?? value);
      const parts = q.rows.filter((r) => r.count !== null).map((r) => `${label(r.value)} ${r.count}`);
      lines.push(`${question.text[language] || (question.kind === 'age_band' ? words.age : '')}: ${parts.length ? parts.join(', ') : '–'}`);
    }
    lines.push(fill(words.hidden, { min: results.minCell }));
    out[language] = lines.join('\n');
  }
  return out;
}

/** The label of a survey summary in the agenda PDF's children's views. */
export const SURVEY_VIEWS_LABEL: Record<Language, string> = {
  fi: 'Kysely lapsille ja nuorille (menetelmä: kysely)',
  sv: 'Enkät till barn och unga (metod: enkät)',
  en: 'Survey of children and young people (method: survey)',
};

/** The summary's language for a document in `locale` (fi-FI, sv-FI, en-GB): the same if the survey has it, else its first. */
export function surveyLanguage(locale: string, languages: Language[]): Language {
  const wanted = locale.slice(0, 2) as Language;
  return languages.includes(wanted) ? wanted : (languages[0] ?? 'fi');
}

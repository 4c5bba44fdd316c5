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
 * A group of counts that add up to a total: `parts` (cell keys) sum to `total` (a cell key, or null when the
 * total is always shown, as the number of respondents is). Lists every part, including the "rest" that is never
 * shown (those who gave no age band, say) as a locked cell, so that the sum holds.
 */
export interface SuppressionGroup {
  total: string | null;
  parts: string[];
}

/**
 * Primary and complementary suppression (pure). A cell under `minCell` is hidden (primary; zero included);
 * locked cells are never shown. Then, in every group whose total is shown, the hidden parts must not be
 * derivable by subtraction: exactly one hidden part, hidden parts that must all be zero (their sum is 0),
 * or hidden parts that must all be `minCell - 1` (their sum is the most they could be), each makes the next
 * smallest shown part hidden too, until no group gives a hidden value away (groups share cells, so this runs
 * until nothing changes). A hidden total whose hidden parts are none or all 0 equals the sum of its shown
 * parts, a bound that other groups can turn into its value, so one of those parts is hidden too. A locked
 * rest may be derived when it is 0 or at least `minCell`.
 * Returns the keys of every hidden cell.
 */
export function suppressCells(
  counts: Record<string, number>,
  groups: SuppressionGroup[],
  minCell: number,
  locked: ReadonlySet<string> = new Set(),
): Set<string> {
  const n = (key: string) => counts[key] ?? 0;
  const hidden = new Set(Object.keys(counts).filter((key) => locked.has(key) || n(key) < minCell));
  const sensitive = (key: string) => !locked.has(key) || (n(key) > 0 && n(key) < minCell);
  const leaks = (g: SuppressionGroup): boolean => {
    // A locked rest of 0 tells nothing: leave it out of the sums.
    const parts = g.parts.filter((key) => !(locked.has(key) && n(key) === 0));
    const hiddenParts = parts.filter((key) => hidden.has(key));
    const sum = hiddenParts.reduce((total, key) => total + n(key), 0);
    // A hidden total is at least its shown parts: exactly that when the hidden parts are none or all 0.
    if (g.total !== null && hidden.has(g.total)) return sum === 0 && sensitive(g.total);
    if (hiddenParts.length === 0) return false;
    if (hiddenParts.length === 1) return sensitive(hiddenParts[0] as string);
    if (sum === 0) return true;
    return hiddenParts.every((key) => !locked.has(key) && n(key) < minCell) && sum >= hiddenParts.length * (minCell - 1);
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const g of groups) {
      while (leaks(g)) {
        const shown = g.parts.filter((key) => !hidden.has(key)).sort((a, b) => n(a) - n(b));
        const next = shown[0] ?? (g.total !== null && !hidden.has(g.total) ? g.total : undefined);
        if (next === undefined) break;
        hidden.add(next);
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * The staff's view of the counts: nothing at all until `minCell` children answered; after that every
 * cell (a value, a value within an age band, an age band, a class) under `minCell` is null, and so is any
 * other cell that would let a hidden one be worked out from a shown total (see suppressCells).
 */
export function suppressResults(surveyId: string, questions: SurveyQuestion[], raw: RawCounts, minCell: number): SurveyResults {
  const shown = raw.respondents >= minCell;
  const asksAge = questions.some((q) => q.kind === 'age_band');
  const cell = (questionId: string, value: string, band?: string) =>
    raw.cells
      .filter((c) => c.questionId === questionId && c.value === value && (band === undefined || c.ageBand === band))
      .reduce((sum, c) => sum + c.n, 0);
  const ageBandCount = (band: string) => raw.ageBands.find((b) => b.ageBand === band)?.n ?? 0;

  // Every count shown, by key, and the groups in which they add up.
  const counts: Record<string, number> = {};
  const locked = new Set<string>();
  const groups: SuppressionGroup[] = [];
  const group = (restKey: string, total: string | null, totalN: number, parts: string[]) => {
    const rest = totalN - parts.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
    if (rest > 0) {
      counts[restKey] = rest;
      locked.add(restKey);
      parts = [...parts, restKey];
    }
    groups.push({ total, parts });
  };
  const bandKey = (band: string) => `band:${band}`;
  const rowKey = (q: SurveyQuestion, value: string) => (q.kind === 'age_band' ? bandKey(value) : `row:${q.id}:${value}`);
  const byBandKey = (q: SurveyQuestion, value: string, band: string) => `row:${q.id}:${value}:${band}`;
  if (shown) {
    if (asksAge) {
      for (const band of SURVEY_AGE_BANDS) counts[bandKey(band)] = ageBandCount(band);
      group('rest:band', null, raw.respondents, SURVEY_AGE_BANDS.map(bandKey));
    }
    for (const c of raw.classes) counts[`class:${c.code}`] = c.n;
    if (raw.classes.length)
      group(
        'rest:class',
        null,
        raw.respondents,
        raw.classes.map((c) => `class:${c.code}`),
      );
    for (const q of questions) {
      if (q.kind === 'text') continue;
      counts[`answered:${q.id}`] = raw.answered.find((a) => a.questionId === q.id)?.n ?? 0;
      const values = questionValues(q);
      for (const value of values) {
        if (q.kind === 'age_band') continue;
        counts[rowKey(q, value)] = cell(q.id, value);
        if (!asksAge) continue;
        for (const band of SURVEY_AGE_BANDS) counts[byBandKey(q, value, band)] = cell(q.id, value, band);
        // The value's count is its age bands plus those who gave none.
        group(
          `rest:${q.id}:${value}`,
          rowKey(q, value),
          counts[rowKey(q, value)] ?? 0,
          SURVEY_AGE_BANDS.map((b) => byBandKey(q, value, b)),
        );
      }
      // One answer each (not "choose several"): the values add up to those who answered, and per age band to the band.
      if (q.kind === 'multiple') continue;
      const answered = `answered:${q.id}`;
      group(
        `rest:${q.id}`,
        answered,
        counts[answered] ?? 0,
        values.map((v) => rowKey(q, v)),
      );
      if (asksAge && q.kind !== 'age_band')
        for (const band of SURVEY_AGE_BANDS)
          group(
            `rest:${q.id}:band:${band}`,
            bandKey(band),
            ageBandCount(band),
            values.map((v) => byBandKey(q, v, band)),
          );
    }
  }
  const hidden = suppressCells(counts, groups, minCell, locked);
  const show = (key: string): SuppressedCount => (hidden.has(key) ? null : (counts[key] ?? 0));

  return {
    surveyId,
    minCell,
    respondents: raw.respondents,
    shown,
    firstAnswerAt: raw.firstAnswerOn,
    lastAnswerAt: raw.lastAnswerOn,
    ageBands: shown && asksAge ? SURVEY_AGE_BANDS.map((band) => ({ band, count: show(bandKey(band)) })) : [],
    classes: shown ? raw.classes.map((c) => ({ code: c.code, count: show(`class:${c.code}`) })) : [],
    questions: !shown
      ? []
      : questions.map((q) => ({
          questionId: q.id,
          kind: q.kind,
          answered:
            q.kind === 'text' ? suppress(raw.answered.find((a) => a.questionId === q.id)?.n ?? 0, minCell) : show(`answered:${q.id}`),
          rows: questionValues(q).map((value) => {
            const byAgeBand: Partial<Record<SurveyAgeBand, SuppressedCount>> = {};
            if (asksAge && q.kind !== 'age_band') for (const band of SURVEY_AGE_BANDS) byAgeBand[band] = show(byBandKey(q, value, band));
            return { value, count: show(rowKey(q, value)), byAgeBand };
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
    hidden: 'Alle {min} vastauksen määriä ei näytetä, eikä määriä, joista ne voisi laskea.',
    faces: 'hymiö {face}/{of}',
    age: 'Ikä',
    ages: { under_10: 'alle 10 v.', '10_12': '10–12 v.', '13_15': '13–15 v.', '16_17': '16–17 v.' },
  },
  sv: {
    respondents: 'Enkät till barn och unga ”{title}”, {from}–{to}: {n} svarande.',
    hidden: 'Antal under {min} svar visas inte, inte heller antal som de kunde räknas ut från.',
    faces: 'smiley {face}/{of}',
    age: 'Ålder',
    ages: { under_10: 'under 10 år', '10_12': '10–12 år', '13_15': '13–15 år', '16_17': '16–17 år' },
  },
  en: {
    respondents: 'Survey of children and young people “{title}”, {from}–{to}: {n} respondents.',
    hidden: 'Counts under {min} answers are not shown, nor counts they could be worked out from.',
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

import type { SurveyQuestion } from '@lava/contracts';
import { summaryTexts, suppress, suppressResults, type RawCounts } from './survey-results';

/** The value, or the test fails here. */
function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}

const text = (fi: string) => ({ fi, sv: `${fi} (sv)`, en: '' });
const QUESTIONS: SurveyQuestion[] = [
  { id: 'mood', kind: 'smiley', faces: 3, text: text('Miltä tuntuu?'), options: [] },
  {
    id: 'how',
    kind: 'single',
    faces: null,
    text: text('Miten kuljet?'),
    options: [
      { id: 'walk', label: text('Kävellen'), emoji: '' },
      { id: 'bus', label: text('Bussilla'), emoji: '' },
    ],
  },
  { id: 'age', kind: 'age_band', faces: null, text: text(''), options: [] },
  { id: 'say', kind: 'text', faces: null, text: text('Sano'), options: [] },
];

const raw = (respondents: number, cells: RawCounts['cells'], ageBands: RawCounts['ageBands'] = []): RawCounts => ({
  respondents,
  firstAnswerOn: '2027-01-10',
  lastAnswerOn: '2027-01-12',
  cells,
  answered: [{ questionId: 'mood', n: respondents }],
  ageBands,
  classes: [{ code: '7A', n: 4 }],
});

describe('survey results suppression', () => {
  it('hides a count under the minimum, zero included', () => {
    expect([0, 1, 4, 5, 12].map((n) => suppress(n, 5))).toEqual([null, null, null, 5, 12]);
    expect(suppress(2, 2)).toBe(2);
  });

  it('shows nothing at all below the minimum number of respondents', () => {
    const r = suppressResults('s', QUESTIONS, raw(4, [{ questionId: 'mood', value: '3', ageBand: '', n: 4 }]), 5);
    expect(r).toMatchObject({ shown: false, respondents: 4, questions: [], classes: [], ageBands: [] });
  });

  it('suppresses each cell, per value and per age band, and lists every value in order', () => {
    const cells = [
      { questionId: 'mood', value: '3', ageBand: '10_12', n: 6 },
      { questionId: 'mood', value: '3', ageBand: '13_15', n: 2 },
      { questionId: 'mood', value: '1', ageBand: '13_15', n: 1 },
      { questionId: 'how', value: 'walk', ageBand: '10_12', n: 6 },
      { questionId: 'how', value: 'bus', ageBand: '13_15', n: 3 },
    ];
    const r = suppressResults(
      's',
      QUESTIONS,
      raw(9, cells, [
        { ageBand: '10_12', n: 6 },
        { ageBand: '13_15', n: 3 },
      ]),
      5,
    );
    const mood = must(r.questions[0]);
    expect(mood.rows.map((x) => [x.value, x.count])).toEqual([
      ['1', null],
      ['2', null],
      ['3', 8],
    ]);
    expect(must(mood.rows[2]).byAgeBand).toEqual({ under_10: null, '10_12': 6, '13_15': null, '16_17': null });
    expect(must(r.questions[1]).rows.map((x) => x.count)).toEqual([6, null]);
    expect(must(r.questions[2]).rows.map((x) => [x.value, x.count])).toEqual([
      ['under_10', null],
      ['10_12', 6],
      ['13_15', null],
      ['16_17', null],
    ]);
    expect(r.classes).toEqual([{ code: '7A', count: null }]);
    expect(r.ageBands.find((b) => b.band === '10_12')?.count).toBe(6);

    const summary = summaryTexts(
      {
        title: text('Koulumatka'),
        languages: ['fi', 'sv'],
        questions: QUESTIONS,
        opensAt: '2027-01-10T06:00:00Z',
        closesAt: '2027-01-24T20:00:00Z',
      },
      r,
    );
    expect(summary.fi.split('\n')).toEqual([
      'Kysely lapsille ja nuorille ”Koulumatka”, 10.1.2027–24.1.2027: 9 vastaajaa.',
      'Miltä tuntuu?: hymiö 3/3 8',
      'Miten kuljet?: Kävellen 6',
      'Ikä: 10–12 v. 6',
      'Alle 5 vastauksen määriä ei näytetä.',
    ]);
    expect(summary.sv).toContain('Kävellen (sv) 6');
    expect(summary.en).toBe('');
  });
});

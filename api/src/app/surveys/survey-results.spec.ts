import type { SurveyQuestion } from '@lava/contracts';
import { summaryTexts, suppress, suppressCells, suppressResults, type RawCounts } from './survey-results';

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
    // All 10–12-year-olds chose face 3 (faces 1 and 2 must be 0 there): the 6 is hidden too.
    expect(must(mood.rows[2]).byAgeBand).toEqual({ under_10: null, '10_12': null, '13_15': null, '16_17': null });
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
      'Alle 5 vastauksen määriä ei näytetä, eikä määriä, joista ne voisi laskea.',
    ]);
    expect(summary.sv).toContain('Kävellen (sv) 6');
    expect(summary.en).toBe('');
  });

  it('hides nothing more when no hidden count can be worked out from the total', () => {
    // Two hidden counts (3 and 2) behind a shown total: only their sum (5) can be known.
    expect([...suppressCells({ a: 10, b: 3, c: 2, d: 7 }, [{ total: null, parts: ['a', 'b', 'c', 'd'] }], 5)].sort()).toEqual(['b', 'c']);
    // Nothing hidden at all.
    expect(suppressCells({ a: 10, b: 5, t: 15 }, [{ total: 't', parts: ['a', 'b'] }], 5).size).toBe(0);
    // A rest never shown (no age band given) that is large enough keeps the one hidden count from being derived.
    expect([...suppressCells({ a: 10, b: 3, rest: 6 }, [{ total: null, parts: ['a', 'b', 'rest'] }], 5, new Set(['rest']))].sort()).toEqual(
      ['b', 'rest'],
    );
  });

  it('hides the next smallest count when a hidden one could be worked out from the total', () => {
    // Exactly one hidden: 12 - 7 - 2… the smallest shown (7) goes too.
    expect([...suppressCells({ a: 10, b: 3, c: 7 }, [{ total: null, parts: ['a', 'b', 'c'] }], 5)].sort()).toEqual(['b', 'c']);
    // Hidden counts that must all be 0.
    expect([...suppressCells({ a: 10, b: 0, c: 0, d: 6 }, [{ total: null, parts: ['a', 'b', 'c', 'd'] }], 5)].sort()).toEqual([
      'b',
      'c',
      'd',
    ]);
    // Hidden counts that must all be 4 (the most "under 5" can be).
    expect([...suppressCells({ a: 10, b: 4, c: 4 }, [{ total: null, parts: ['a', 'b', 'c'] }], 5)].sort()).toEqual(['a', 'b', 'c']);
    // A rest of 0 tells nothing: the one hidden count is still alone.
    expect([...suppressCells({ a: 10, b: 3, rest: 0 }, [{ total: null, parts: ['a', 'b', 'rest'] }], 5, new Set(['rest']))].sort()).toEqual(
      ['a', 'b', 'rest'],
    );
    // A shown total with one hidden part: a hidden part alone in its row is protected; the cell taken for that
    // leaves its column with one hidden part, so the suppression goes on there (groups share cells).
    //        x    y   | row
    //   r1   3    9   | 12
    //   r2   8   10   | 18
    //  col  11   19   | 30
    const counts = { r1x: 3, r1y: 9, r2x: 8, r2y: 10, r1: 12, r2: 18, x: 11, y: 19 };
    const groups = [
      { total: 'r1', parts: ['r1x', 'r1y'] },
      { total: 'r2', parts: ['r2x', 'r2y'] },
      { total: 'x', parts: ['r1x', 'r2x'] },
      { total: 'y', parts: ['r1y', 'r2y'] },
    ];
    expect([...suppressCells(counts, groups, 5)].sort()).toEqual(['r1x', 'r1y', 'r2x', 'r2y']);
    // A hidden total (b: 6, hidden because its neighbours are 0) whose only other part is 0 equals its shown part:
    // with the respondents (13 = a 7 + the rest 6) that would pin b at 6, so the shown part goes as well.
    //   a 7, b 6, c 0 (of 13 respondents); b = b1 6 + b2 0
    expect(
      [
        ...suppressCells(
          { a: 7, b: 6, c: 0, b1: 6, b2: 0 },
          [
            { total: null, parts: ['a', 'b', 'c'] },
            { total: 'b', parts: ['b1', 'b2'] },
          ],
          5,
        ),
      ].sort(),
    ).toEqual(['b', 'b1', 'b2', 'c']);
  });

  it('never lets a hidden answer be worked out from the number who answered, in the results or the summary', () => {
    // 7 answered "how": 5 walk, 2 by bus. Showing 5 would give the 2 away.
    const r = suppressResults(
      's',
      QUESTIONS,
      {
        ...raw(7, [
          { questionId: 'mood', value: '3', ageBand: '', n: 7 },
          { questionId: 'how', value: 'walk', ageBand: '', n: 5 },
          { questionId: 'how', value: 'bus', ageBand: '', n: 2 },
        ]),
        answered: [
          { questionId: 'mood', n: 7 },
          { questionId: 'how', n: 7 },
        ],
        classes: [
          { code: '7A', n: 6 },
          { code: '7B', n: 1 },
        ],
      },
      5,
    );
    expect(must(r.questions[1]).answered).toBe(7);
    expect(must(r.questions[1]).rows.map((x) => x.count)).toEqual([null, null]);
    expect(r.classes).toEqual([
      { code: '7A', count: null },
      { code: '7B', count: null },
    ]);
    // Face 3 is all 7; faces 1 and 2 must be 0, so 7 is hidden as well.
    expect(must(r.questions[0]).rows.map((x) => x.count)).toEqual([null, null, null]);
    const summary = summaryTexts(
      {
        title: text('Koulumatka'),
        languages: ['fi'],
        questions: QUESTIONS,
        opensAt: '2027-01-10T06:00:00Z',
        closesAt: '2027-01-24T20:00:00Z',
      },
      r,
    );
    expect(summary.fi).not.toContain('Kävellen');
    expect(summary.fi).toContain('Miten kuljet?: –');
  });
});

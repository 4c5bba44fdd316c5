import { GENERAL_PRINCIPLES, type ImpactMatrixRow } from './assessments';
import { withGeneralPrinciples } from './impact-matrix';

const row = (id: string, alternativeId: string, articles: number[]): ImpactMatrixRow => ({
  id,
  alternativeId,
  articles,
  groups: [],
  wellbeing: [],
  direction: 'positive',
  directness: null,
  term: null,
  note: '',
});

describe('withGeneralPrinciples', () => {
  it('gives a new alternative a row per general principle at the end, nothing judged', () => {
    let n = 0;
    const rows = withGeneralPrinciples([{ id: 'b' }], [row('r1', 'a', [2])], () => `new${++n}`);
    expect(rows.map((r) => [r.id, r.alternativeId, r.articles])).toEqual([
      ['r1', 'a', [2]],
      ...GENERAL_PRINCIPLES.map((article, i) => [`new${i + 1}`, 'b', [article]]),
    ]);
    expect(rows[1]).toMatchObject({ direction: null, directness: null, term: null, groups: [], wellbeing: [], note: '' });
  });

  it('adds only the missing principles, right after the alternative’s own rows, and leaves other alternatives alone', () => {
    let n = 0;
    const rows = withGeneralPrinciples(
      [{ id: 'a' }],
      [row('a1', 'a', [2, 3]), row('a2', 'a', [12, 28]), row('b1', 'b', [31])],
      () => `new${++n}`,
    );
    expect(rows.map((r) => [r.id, r.alternativeId, r.articles])).toEqual([
      ['a1', 'a', [2, 3]],
      ['a2', 'a', [12, 28]],
      ['new1', 'a', [6]],
      ['b1', 'b', [31]],
    ]);
  });
});

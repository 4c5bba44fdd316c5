import { recordCompleteness, reviewBlockers, type CompletenessInput } from './completeness';

const A = 'alt-a';
const B = 'alt-b';
const impact = (id: string, alternativeId: string, articles: number[], direction: string | null, groups = ['all']) => ({
  id,
  alternativeId,
  articles,
  groups,
  direction,
  directness: null,
  term: null,
});

/** Two alternatives compared on all four principles, with evidence and children's views. */
function ready(overrides: Partial<CompletenessInput> = {}): CompletenessInput {
  return {
    alternatives: [
      { id: A, title: '', defaultName: 'proposal' },
      { id: B, title: 'Keep the school open', defaultName: null },
    ],
    impacts: [impact('r1', A, [2, 3, 6, 12], 'positive'), impact('r2', B, [2, 3, 6], 'negative'), impact('r3', B, [12], 'unknown')],
    evidence: { items: [{ id: 'e1', source: 'School health survey 2023' }], gaps: '' },
    childrensViews: { whatTheySaid: 'The pupils want the school to stay.', notHeardReason: '' },
    ...overrides,
  };
}

const codes = (input: CompletenessInput) => recordCompleteness(input).map((i) => i.code);

describe('recordCompleteness', () => {
  it('finds nothing missing in a record ready for review; a multi-article impact considers every article it names', () => {
    expect(recordCompleteness(ready())).toEqual([]);
  });

  it('counts an alternative as compared only when one of its impacts has a direction stated', () => {
    const input = ready({ impacts: [impact('r1', A, [2, 3, 6, 12], 'positive'), impact('r2', B, [2, 3, 6, 12], null)] });
    const blockers = reviewBlockers(recordCompleteness(input));
    expect(blockers.map((b) => [b.code, b.params])).toEqual([['too_few_alternatives_compared', { count: 1 }]]);
    expect(codes(input)).toContain('alternative_not_assessed');
    expect(recordCompleteness(input).find((i) => i.code === 'impact_direction_not_stated')?.itemId).toBe('r2');
  });

  it('names the general principles an alternative compared has not considered', () => {
    const input = ready({ impacts: [impact('r1', A, [2, 3, 6, 12], 'positive'), impact('r2', B, [3, 34, 35], 'negative')] });
    const principle = recordCompleteness(input).find((i) => i.code === 'principle_not_considered');
    expect(principle).toMatchObject({ blocksReview: true, params: { articles: '2, 6, 12', count: 3 } });
  });

  it('asks for evidence or a stated gap, and takes either', () => {
    expect(codes(ready({ evidence: { items: [], gaps: ' ' } }))).toContain('no_evidence_or_gap');
    expect(codes(ready({ evidence: { items: [], gaps: 'No local figures for under-sevens.' } }))).toEqual([]);
  });

  it('asks for children’s views or the reason none were heard, and takes either', () => {
    expect(codes(ready({ childrensViews: { whatTheySaid: '', notHeardReason: '' } }))).toEqual(['no_childrens_views_or_reason']);
    expect(codes(ready({ childrensViews: { whatTheySaid: '', notHeardReason: 'The decision is technical.' } }))).toEqual([]);
  });

  it('reports unfinished items beside their fields without blocking review', () => {
    const input = ready({
      alternatives: [...ready().alternatives, { id: 'alt-c', title: '  ', defaultName: null }],
      impacts: [...ready().impacts, impact('r4', A, [], 'neutral', [])],
      evidence: { items: [{ id: 'e1', source: '' }], gaps: '' },
    });
    const items = recordCompleteness(input);
    expect(items.map((i) => [i.code, i.itemId ?? null, i.blocksReview])).toEqual([
      ['alternative_unnamed', 'alt-c', false],
      ['alternative_not_assessed', 'alt-c', false],
      ['impact_groups_not_stated', 'r4', false],
      ['evidence_source_missing', 'e1', false],
    ]);
  });

  it('blocks an empty draft on all four review conditions', () => {
    const empty: CompletenessInput = {
      alternatives: [],
      impacts: [],
      evidence: { items: [], gaps: '' },
      childrensViews: { whatTheySaid: '', notHeardReason: '' },
    };
    expect(reviewBlockers(recordCompleteness(empty)).map((b) => b.code)).toEqual([
      'too_few_alternatives_compared',
      'principle_not_considered',
      'no_evidence_or_gap',
      'no_childrens_views_or_reason',
    ]);
  });
});

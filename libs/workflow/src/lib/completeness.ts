/**
 * What a draft still lacks. A draft always saves: the API refuses a save only for hard limits and
 * wrong types, never because something is unfinished. What is unfinished is computed here, once,
 * from the record's content: the web shows each item beside its field in plain words, and the
 * workflow's guards refuse the transitions that need the record complete (`send to review`).
 *
 * Structural types only (no import of the contracts, which import the workflow).
 */

/** The UNCRC general principles (2, 3, 6, 12): each must be considered for every alternative compared. */
export const PRINCIPLES_TO_CONSIDER = [2, 3, 6, 12] as const;

export interface CompletenessInput {
  readonly alternatives: readonly { readonly id: string; readonly title: string; readonly defaultName: string | null }[];
  readonly impacts: readonly {
    readonly id: string;
    readonly alternativeId: string;
    readonly articles: readonly number[];
    readonly groups: readonly string[];
    readonly direction: string | null;
    readonly directness: string | null;
    readonly term: string | null;
  }[];
  readonly evidence: { readonly items: readonly { readonly id: string; readonly source: string }[]; readonly gaps: string };
  readonly childrensViews: { readonly whatTheySaid: string; readonly notHeardReason: string };
}

export const INCOMPLETE_CODES = [
  // Blocking "send to review".
  'too_few_alternatives_compared',
  'principle_not_considered',
  'no_evidence_or_gap',
  'no_childrens_views_or_reason',
  // Shown beside the field; they do not block a transition.
  'alternative_unnamed',
  'alternative_not_assessed',
  'impact_direction_not_stated',
  'impact_groups_not_stated',
  'evidence_source_missing',
] as const;
export type IncompleteCode = (typeof INCOMPLETE_CODES)[number];

export interface IncompleteItem {
  readonly code: IncompleteCode;
  /** The field it belongs beside, as `<section>.<field>` (`impactMatrix.rows`, `evidence.gaps`…). */
  readonly field: string;
  /** The list item it belongs to (an alternative, impact or evidence item id), when it is one item's. */
  readonly itemId?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** True when "send to review" (and closing a consultation into review) is refused while it remains. */
  readonly blocksReview: boolean;
}

const blank = (text: string) => text.trim() === '';

/** An alternative counts as compared when at least one of its impacts has a direction stated. */
export function comparedAlternativeIds(input: CompletenessInput): string[] {
  return input.alternatives.filter((a) => input.impacts.some((r) => r.alternativeId === a.id && r.direction !== null)).map((a) => a.id);
}

/** Everything the record still lacks, in the page's order. Empty when nothing is missing. */
export function recordCompleteness(input: CompletenessInput): IncompleteItem[] {
  const out: IncompleteItem[] = [];
  input.alternatives.forEach((a, i) => {
    if (blank(a.title) && a.defaultName === null)
      out.push({ code: 'alternative_unnamed', field: 'alternatives.items', itemId: a.id, params: { n: i + 1 }, blocksReview: false });
  });
  const compared = comparedAlternativeIds(input);
  if (compared.length < 2) {
    out.push({ code: 'too_few_alternatives_compared', field: 'impactMatrix.rows', params: { count: compared.length }, blocksReview: true });
  }
  input.alternatives.forEach((a, i) => {
    if (!compared.includes(a.id))
      out.push({ code: 'alternative_not_assessed', field: 'impactMatrix.rows', itemId: a.id, params: { n: i + 1 }, blocksReview: false });
  });
  // Each principle, for every alternative compared, needs an impact naming it with a direction stated
  // ("unknown" is a judgement: considered, effect not known).
  const missing = PRINCIPLES_TO_CONSIDER.filter(
    (article) =>
      compared.length === 0 ||
      compared.some(
        (alternativeId) =>
          !input.impacts.some((r) => r.alternativeId === alternativeId && r.articles.includes(article) && r.direction !== null),
      ),
  );
  if (missing.length) {
    out.push({
      code: 'principle_not_considered',
      field: 'impactMatrix.rows',
      params: { articles: missing.join(', '), count: missing.length },
      blocksReview: true,
    });
  }
  for (const r of input.impacts) {
    if (r.direction === null)
      out.push({ code: 'impact_direction_not_stated', field: 'impactMatrix.rows', itemId: r.id, blocksReview: false });
    if (r.groups.length === 0)
      out.push({ code: 'impact_groups_not_stated', field: 'impactMatrix.rows', itemId: r.id, blocksReview: false });
  }
  for (const e of input.evidence.items) {
    if (blank(e.source)) out.push({ code: 'evidence_source_missing', field: 'evidence.items', itemId: e.id, blocksReview: false });
  }
  if (input.evidence.items.length === 0 && blank(input.evidence.gaps)) {
    out.push({ code: 'no_evidence_or_gap', field: 'evidence.gaps', blocksReview: true });
  }
  if (blank(input.childrensViews.whatTheySaid) && blank(input.childrensViews.notHeardReason)) {
    out.push({ code: 'no_childrens_views_or_reason', field: 'childrensViews.whatTheySaid', blocksReview: true });
  }
  return out;
}

/** The items that hold up review. */
export function reviewBlockers(items: readonly IncompleteItem[]): IncompleteItem[] {
  return items.filter((i) => i.blocksReview);
}

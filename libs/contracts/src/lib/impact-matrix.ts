import { GENERAL_PRINCIPLES, type ImpactMatrixRow } from './assessments';

/**
 * The general-principle rows, in one place for the API and the web: every alternative has at least
 * one impact matrix row naming each UNCRC general principle. Returns the rows plus, for each listed
 * alternative, a row for each principle it lacks (right after that alternative's own rows, or at the
 * end when it has none), nothing judged yet. `newId` makes the new rows' ids (the API's randomUUID,
 * the web's own).
 */
export function withGeneralPrinciples(
  alternatives: readonly { id: string }[],
  rows: readonly ImpactMatrixRow[],
  newId: () => string,
): ImpactMatrixRow[] {
  const out = [...rows];
  for (const alternative of alternatives) {
    for (const article of GENERAL_PRINCIPLES) {
      if (out.some((r) => r.alternativeId === alternative.id && r.articles.includes(article))) continue;
      const lastOfAlternative = out.map((r) => r.alternativeId).lastIndexOf(alternative.id);
      const row: ImpactMatrixRow = {
        id: newId(),
        alternativeId: alternative.id,
        articles: [article],
        groups: [],
        wellbeing: [],
        direction: null,
        directness: null,
        term: null,
        note: '',
      };
      out.splice(lastOfAlternative === -1 ? out.length : lastOfAlternative + 1, 0, row);
    }
  }
  return out;
}

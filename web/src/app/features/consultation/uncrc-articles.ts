import { UNCRC_ARTICLE_MAX, UNCRC_ARTICLE_MIN } from '@lava/contracts';

/**
 * The translation key of a UNCRC article's name in plain words (`youth.articles.<n>` in the youth
 * translation part, fi/sv/en): young readers see "Article 31: The right to play, rest and free time",
 * not a bare number.
 */
export function articleNameKey(article: number): string {
  return Number.isInteger(article) && article >= UNCRC_ARTICLE_MIN && article <= UNCRC_ARTICLE_MAX
    ? `youth.articles.${article}`
    : 'youth.articles.unknown';
}

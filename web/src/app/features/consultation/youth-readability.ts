/**
 * A rough plain-language (selkokieli) check of a set of texts, as the youth pages' Finnish is held
 * to (docs/youth-pages.md): short sentences and few long words. Placeholders count as one word.
 */
export interface Readability {
  sentences: number;
  words: number;
  /** Words per sentence, on average. */
  averageSentenceLength: number;
  /** The longest sentence, in words. */
  longestSentence: number;
  /** Share (0–1) of words with at least LONG_WORD_LETTERS letters. */
  longWordShare: number;
  longWords: string[];
}

/** A Finnish word this long is usually a compound a young reader stumbles on. */
export const LONG_WORD_LETTERS = 13;

export function readability(texts: readonly string[]): Readability {
  const lengths: number[] = [];
  const words: string[] = [];
  for (const text of texts) {
    const plain = text.replace(/\{\{[^}]*\}\}/g, 'X');
    for (const sentence of plain.split(/[.!?:…]+(?:\s|$)/)) {
      const found = sentence.match(/[\p{L}-]+/gu) ?? [];
      if (found.length === 0) continue;
      lengths.push(found.length);
      words.push(...found);
    }
  }
  const longWords = words.filter((w) => w.replace(/-/g, '').length >= LONG_WORD_LETTERS);
  return {
    sentences: lengths.length,
    words: words.length,
    averageSentenceLength: lengths.length ? words.length / lengths.length : 0,
    longestSentence: Math.max(0, ...lengths),
    longWordShare: words.length ? longWords.length / words.length : 0,
    longWords: [...new Set(longWords)].sort(),
  };
}

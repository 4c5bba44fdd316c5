import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG_WORD_LETTERS, readability } from './youth-readability';

type Tree = { [key: string]: string | Tree };

function texts(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : texts(value)));
}

function youth(lang: 'fi' | 'sv' | 'en'): string[] {
  const file = join(__dirname, '../../../../public/i18n/youth', `${lang}.json`);
  // The `youth` key: the young people's pages (the part's other keys are staff texts).
  return texts((JSON.parse(readFileSync(file, 'utf8')) as { youth: Tree }).youth);
}

/**
 * The thresholds of docs/youth-pages.md ("Plain language"): Finnish plain-language guidance asks
 * for short sentences and few long compound words.
 */
const MAX_AVERAGE_SENTENCE_WORDS = 8;
const MAX_SENTENCE_WORDS = 14;
const MAX_LONG_WORD_SHARE = 0.05;

describe('youth texts are plain language (selkokieli)', () => {
  it(`keeps the Finnish texts to short sentences and few words of ${LONG_WORD_LETTERS}+ letters`, () => {
    const fi = readability(youth('fi'));
    expect(fi.sentences).toBeGreaterThan(100);
    expect(fi.averageSentenceLength).toBeLessThanOrEqual(MAX_AVERAGE_SENTENCE_WORDS);
    expect(fi.longestSentence).toBeLessThanOrEqual(MAX_SENTENCE_WORDS);
    expect(fi.longWordShare).toBeLessThanOrEqual(MAX_LONG_WORD_SHARE);
  });

  it('holds Swedish and English to the same sentence lengths', () => {
    for (const lang of ['sv', 'en'] as const) {
      const r = readability(youth(lang));
      expect(r.averageSentenceLength).toBeLessThanOrEqual(MAX_AVERAGE_SENTENCE_WORDS);
      expect(r.longestSentence).toBeLessThanOrEqual(MAX_SENTENCE_WORDS);
    }
  });

  it('measures what it claims: an official sentence fails where a plain one passes', () => {
    const official = readability([
      'Lausuntopyyntöön annettavassa lausunnossa nuorisovaltuusto voi esittää perustellun näkemyksensä lapsivaikutusten arvioinnin johtopäätöksistä sekä eri vaihtoehtojen keskinäisestä vertailusta.',
    ]);
    expect(official.longestSentence).toBeGreaterThan(MAX_SENTENCE_WORDS);
    expect(official.longWordShare).toBeGreaterThan(MAX_LONG_WORD_SHARE);
    expect(official.longWords).toContain('lapsivaikutusten');
    const plain = readability(['Kunta kysyy teidän mielipidettänne. Vastatkaa yhdessä.']);
    expect(plain).toMatchObject({ sentences: 2, words: 6, longestSentence: 4 });
  });
});

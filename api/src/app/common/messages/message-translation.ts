import type { Language } from '@lava/contracts';

/**
 * One API message in the three languages, gettext-style: the English text the code throws is the
 * key. `{name}` marks a part filled in at run time (a number, a date, a name, a stage); the same
 * names appear in the Finnish and Swedish texts, in the order those languages want.
 */
export interface MessageTranslation {
  readonly en: string;
  readonly fi: string;
  readonly sv: string;
}

interface CompiledTemplate {
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly translation: MessageTranslation;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Translates the API's English messages into the language a person reads. Whole messages are
 * looked up exactly first, then as templates; a value filled into a template is itself looked up
 * in the vocabulary (stage and role names and other words the code puts into sentences). A message
 * the catalogue does not know stays in English: the coverage test keeps that from happening to any
 * message written in the source.
 */
export class MessageTranslator {
  private readonly exact = new Map<string, MessageTranslation>();
  private readonly templates: CompiledTemplate[] = [];
  private readonly words = new Map<string, MessageTranslation>();

  constructor(messages: readonly MessageTranslation[], vocabulary: readonly MessageTranslation[] = []) {
    for (const translation of messages) {
      const names = [...translation.en.matchAll(PLACEHOLDER)].map((m) => m[1]);
      if (names.length === 0) {
        this.exact.set(translation.en, translation);
        continue;
      }
      const source = translation.en
        .split(PLACEHOLDER)
        .map((part, i) => (i % 2 === 0 ? escapeRegExp(part) : '(.+?)'))
        .join('');
      this.templates.push({ pattern: new RegExp(`^${source}$`, 's'), names, translation });
    }
    // More literal text first, so "must be at most {n} characters long" wins over "must be {x}".
    this.templates.sort((a, b) => literalLength(b.translation.en) - literalLength(a.translation.en));
    for (const word of vocabulary) this.words.set(word.en, word);
  }

  translate(message: string, language: Language): string {
    if (language === 'en') return message;
    const exact = this.exact.get(message);
    if (exact) return exact[language];
    for (const template of this.templates) {
      const match = template.pattern.exec(message);
      if (!match) continue;
      const values = new Map(template.names.map((name, i) => [name, match[i + 1]]));
      return template.translation[language].replace(PLACEHOLDER, (whole, name: string) => {
        const value = values.get(name);
        return value === undefined ? whole : this.word(value, language);
      });
    }
    return message;
  }

  /** Whether the catalogue knows this message (whole or as a template). */
  knows(message: string): boolean {
    return this.exact.has(message) || this.templates.some((t) => t.pattern.test(message));
  }

  private word(value: string, language: Language): string {
    const word = this.words.get(value);
    if (word) return word[language];
    // A value may itself be a catalogued sentence (a field problem inside a summary, say).
    return this.exact.get(value)?.[language] ?? value;
  }
}

function literalLength(template: string): number {
  return template.replace(PLACEHOLDER, '').length;
}

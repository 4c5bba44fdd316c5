import type { Language } from '@lava/contracts';

/**
 * An erased person's name. The users row keeps a language-neutral token in `display_name`
 * ("Former-council-member-17": one word, so views that show a first name show all of it, and
 * readable English wherever a token is shown untranslated); every JSON answer of the API shows it in
 * the request's language (PseudonymInterceptor), e.g. "Entinen nuorisovaltuutettu 17".
 */
export type PseudonymKind = 'council-member' | 'user';

const TOKEN = /^Former-(council-member|user)-([1-9][0-9]{0,9})$/;

const WORDS: Record<PseudonymKind, Record<Language, string>> = {
  'council-member': { fi: 'Entinen nuorisovaltuutettu', sv: 'Tidigare ungdomsfullmäktigeledamot', en: 'Former council member' },
  user: { fi: 'Entinen käyttäjä', sv: 'Tidigare användare', en: 'Former user' },
};

/** The token stored as the erased person's display name. */
export function pseudonymToken(kind: PseudonymKind, n: number): string {
  return `Former-${kind}-${n}`;
}

/** The e-mail address an erased account keeps (unique, never deliverable: `.invalid` is reserved, RFC 2606). */
export function pseudonymEmail(n: number): string {
  return `erased-${n}@erased.invalid`;
}

/** The pseudonym in a language, or null when `text` is not a pseudonym token. */
export function translatePseudonym(text: string, language: Language): string | null {
  const match = TOKEN.exec(text);
  if (!match) return null;
  return `${WORDS[match[1] as PseudonymKind][language]} ${match[2]}`;
}

/**
 * A copy of a JSON value with every pseudonym token translated; the value itself when none was found
 * (the common case: no copy is made). Strings are checked only when they start like a token.
 */
export function translatePseudonyms<T>(value: T, language: Language): T {
  return translate(value, language, 0) as T;
}

function translate(value: unknown, language: Language, depth: number): unknown {
  if (typeof value === 'string') {
    return value.startsWith('Former-') ? (translatePseudonym(value, language) ?? value) : value;
  }
  if (value === null || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const next = translate(value[i], language, depth + 1);
      if (next !== value[i]) (copy ??= [...value])[i] = next;
    }
    return copy ?? value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // Dates, Buffers, streams, class instances
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    const next = translate(item, language, depth + 1);
    if (next !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = next;
  }
  return copy ?? value;
}

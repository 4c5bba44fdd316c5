import { LANGUAGES, type Language } from '@lava/contracts';

export const DEFAULT_LANGUAGE: Language = 'fi';
export const LANGUAGE_STORAGE_KEY = 'lava.language';

/** BCP 47 locale used for dates and numbers in each UI language. */
export const LOCALES: Record<Language, string> = {
  fi: 'fi-FI',
  sv: 'sv-FI',
  en: 'en-GB',
};

/** Each language's name in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  fi: 'Suomi',
  sv: 'Svenska',
  en: 'English',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

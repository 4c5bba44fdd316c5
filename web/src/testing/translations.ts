import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TranslocoTestingModule, type Translation } from '@jsverse/transloco';

export const LANGS = ['fi', 'sv', 'en'] as const;

/** The real translation file for a language (web/public/i18n/<lang>.json). */
export function loadTranslation(lang: (typeof LANGS)[number]): Translation {
  const file = join(__dirname, '..', '..', 'public', 'i18n', `${lang}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Translation;
}

/** Transloco with the real English texts, so tests query what a user reads. */
export function translocoTesting() {
  return TranslocoTestingModule.forRoot({
    langs: { en: loadTranslation('en') },
    translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
    preloadLangs: true,
  });
}

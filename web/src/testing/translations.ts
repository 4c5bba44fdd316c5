import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TranslocoTestingModule, type Translation } from '@jsverse/transloco';
import { mergeTranslationParts, TRANSLATION_PARTS, type TranslationTree } from '../app/core/i18n/translation-parts';

export const LANGS = ['fi', 'sv', 'en'] as const;

const I18N = join(__dirname, '..', '..', 'public', 'i18n');

/** The real translations for a language: web/public/i18n/<lang>.json merged with every part's <part>/<lang>.json. */
export function loadTranslation(lang: (typeof LANGS)[number]): Translation {
  const files = [`${lang}.json`, ...TRANSLATION_PARTS.map((part) => join(part, `${lang}.json`))];
  return mergeTranslationParts(
    files.map((name) => ({ name, tree: JSON.parse(readFileSync(join(I18N, name), 'utf8')) as TranslationTree })),
  ) as Translation;
}

/** Transloco with the real English texts, so tests query what a user reads. */
export function translocoTesting() {
  return TranslocoTestingModule.forRoot({
    langs: { en: loadTranslation('en') },
    translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
    preloadLangs: true,
  });
}

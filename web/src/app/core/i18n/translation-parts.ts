/**
 * The translation files besides the core `i18n/<lang>.json`: one folder per domain area
 * (`i18n/<part>/<lang>.json`), so that features grow their texts without all editing one file.
 * Parts are merged by top-level key; a key may live in one file only (the translation test checks).
 */
export const TRANSLATION_PARTS = [
  'content',
  'review',
  'consultation',
  'comments',
  'follow-up',
  'privacy',
  'public',
  'youth',
  'drafting',
  'record-model',
  'security',
  'admin-languages',
  'calendar',
  'wellbeing',
  'surveys',
  'dashboard',
  'bodies',
  'mends',
] as const;

export type TranslationTree = { [key: string]: string | TranslationTree };

/** Merges the core file and the parts into one translation; a top-level key defined twice is an error. */
export function mergeTranslationParts(files: readonly { name: string; tree: TranslationTree }[]): TranslationTree {
  const merged: TranslationTree = {};
  const owner = new Map<string, string>();
  for (const { name, tree } of files) {
    for (const [key, value] of Object.entries(tree)) {
      const earlier = owner.get(key);
      if (earlier !== undefined) throw new Error(`Translation key "${key}" is defined in both ${earlier} and ${name}.`);
      owner.set(key, name);
      merged[key] = value;
    }
  }
  return merged;
}

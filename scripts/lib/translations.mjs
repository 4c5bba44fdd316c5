// The production web build's features' texts in one file per language: `i18n/<lang>.features.json`, every
// part `i18n/<part>/<lang>.json` merged by top-level key (a key defined in two files, or in a part and the
// core `i18n/<lang>.json`, is an error, as in the app's own merge). The app loads the core file before its
// first render and this one file, instead of a request per part (18 and growing), with the first page
// that needs it; it falls back to the parts if the file is missing (see web/src/app/core/i18n/feature-texts.ts).
// Run after `nx build web` by `npm start` (scripts/start.mjs) and the web image (docker/web.Dockerfile):
//   node scripts/lib/translations.mjs dist/web/browser
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function bundleTranslations(browserDir) {
  const root = join(browserDir, 'i18n');
  const entries = await readdir(root, { withFileTypes: true });
  const parts = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const languages = entries.filter((e) => e.isFile() && /^[a-z]{2}\.json$/.test(e.name)).map((e) => e.name.slice(0, 2));
  for (const language of languages) {
    const merged = {};
    const owner = new Map(
      Object.keys(JSON.parse(await readFile(join(root, `${language}.json`), 'utf8'))).map((key) => [key, `${language}.json`]),
    );
    for (const file of parts.map((part) => join(part, `${language}.json`))) {
      const tree = JSON.parse(await readFile(join(root, file), 'utf8'));
      for (const [key, value] of Object.entries(tree)) {
        if (owner.has(key)) throw new Error(`Translation key "${key}" is defined in both ${owner.get(key)} and ${file}.`);
        owner.set(key, file);
        merged[key] = value;
      }
    }
    await writeFile(join(root, `${language}.features.json`), JSON.stringify(merged));
  }
  return languages;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/lib/translations.mjs <dist/web/browser>');
    process.exit(2);
  }
  const languages = await bundleTranslations(dir);
  console.log(`Features' texts bundled: ${languages.map((l) => `i18n/${l}.features.json`).join(', ')}`);
}

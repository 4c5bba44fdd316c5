import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Route } from '@angular/router';
import { appRoutes } from '../../app.routes';
import { TRANSLATION_PARTS } from './translation-parts';

// The shell and the pages marked CORE_TEXTS_ONLY are drawn before the features' texts have loaded
// (feature-texts.ts), so every key they use must be in the core file: otherwise a guest on a phone
// would see a raw key such as "privacy.footer.notice". This follows each page's static imports and
// templates (lazy imports are other pages, with their own guard) and looks at every quoted key.

const APP = resolve(__dirname, '..', '..');
const I18N = resolve(APP, '..', '..', 'public', 'i18n');

/** Top-level key → the part file that holds it (the core file's keys are not in here). */
const partOfKey = new Map(
  TRANSLATION_PARTS.flatMap((part) =>
    Object.keys(JSON.parse(readFileSync(join(I18N, part, 'fi.json'), 'utf8')) as object).map((key) => [key, part] as const),
  ),
);

function staticImportClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      const target = resolve(dirname(file), m[1] as string);
      const found = [`${target}.ts`, join(target, 'index.ts')].find((candidate) => existsSync(candidate));
      if (found) queue.push(found);
    }
    for (const m of text.matchAll(/templateUrl:\s*['"]([^'"]+)['"]/g)) queue.push(resolve(dirname(file), m[1] as string));
  }
  return [...seen];
}

/** The file a route's loadComponent imports, read off the function's code. */
function componentFile(route: Route): string {
  const source = String(route.loadComponent);
  const path = /['"](\.\/[^'"]+)['"]/.exec(source)?.[1];
  if (!path) throw new Error(`cannot read the page of route "${route.path}" from ${source}`);
  return `${resolve(APP, path)}.ts`;
}

function partKeysUsed(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['"`]([A-Za-z]\w*)\.([\w.]*)['"`]/g)) {
      const part = partOfKey.get(m[1] as string);
      if (part) found.push(`${relative(APP, file)}: '${m[1]}.${m[2]}' is in the "${part}" texts`);
    }
  }
  return found;
}

describe('the texts drawn before the features’ texts load', () => {
  const coreOnlyPages = appRoutes.filter((route) => route.data?.['coreTextsOnly'] && route.loadComponent);

  it('are the shell and the pages a guest opens first', () => {
    expect(coreOnlyPages.map((route) => route.path)).toEqual(['login', 'forgot-password', 'reset-password', 'invitation', '**']);
  });

  it('are all in the core file', () => {
    const files = staticImportClosure([join(APP, 'app.ts'), ...coreOnlyPages.map(componentFile)]);
    expect(files.map((file) => relative(APP, file))).toEqual(expect.arrayContaining(['app.html', 'features/auth/login.page.html']));
    expect(partKeysUsed(files)).toEqual([]);
  });

  it('notices a key from a part', () => {
    // The check itself: the bodies part's texts are not core, the statement link's page uses them.
    expect(partKeysUsed([join(APP, 'features', 'bodies', 'statement-link.page.ts')]).length).toBeGreaterThan(0);
  });
});

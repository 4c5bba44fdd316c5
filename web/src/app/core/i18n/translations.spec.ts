import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '@lava/contracts';
import { STAGES } from '@lava/workflow';
import { LANGS, loadTranslation } from '../../../testing/translations';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const flat = Object.fromEntries(LANGS.map((lang) => [lang, flatten(loadTranslation(lang) as Tree)])) as Record<
  (typeof LANGS)[number],
  Map<string, string>
>;

describe('translation files', () => {
  it.each(['sv', 'en'] as const)('%s has exactly the same keys as fi', (lang) => {
    const fiKeys = [...flat.fi.keys()].sort();
    expect([...flat[lang].keys()].sort()).toEqual(fiKeys);
  });

  it.each(LANGS)('%s has no empty texts', (lang) => {
    const empty = [...flat[lang]].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} in every language', () => {
    for (const [key, fiText] of flat.fi) {
      for (const lang of ['sv', 'en'] as const) {
        expect({ key, lang, params: placeholders(flat[lang].get(key) ?? '') }).toEqual({
          key,
          lang,
          params: placeholders(fiText),
        });
      }
    }
  });

  it('names every stage and role, with the domain words', () => {
    for (const stage of STAGES) expect(flat.fi.has(`stages.${stage}`)).toBe(true);
    for (const role of ROLES) expect(flat.fi.has(`roles.${role}`)).toBe(true);
    expect(flat.fi.get('stages.consultation')).toBe('Lausuntokierros');
    expect(flat.sv.get('stages.consultation')).toBe('Remiss');
    expect(flat.fi.get('app.fullName')).toBe('Lapsivaikutusten arviointi');
    expect(flat.sv.get('app.fullName')).toBe('Bedömning av konsekvenser för barn');
  });

  it('has every literal key the templates and code use', () => {
    const root = join(__dirname, '..', '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /'((?:app|nav|titles|common|login|roles|stages|assessments|newAssessment|detail|notifications|notFound)\.[\w.]*\w)'/g,
      )) {
        used.add(m[1]);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !flat.fi.has(key));
    expect(missing).toEqual([]);
  });
});

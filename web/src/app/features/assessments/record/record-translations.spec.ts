import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONTENT_FIELDS,
  IMPACT_DIRECTIONS,
  IMPACT_DIRECTNESS,
  IMPACT_TERMS,
  RECORD_SECTIONS,
  SHANARRI_INDICATORS,
  VIEW_METHODS,
  VULNERABLE_GROUPS,
} from '@lava/contracts';
import { REFUSAL_CODES, WORKFLOW_ACTIONS } from '@lava/workflow';
import { MATRIX_COLUMNS } from './impact-matrix-grid';
import { LANGS, loadTranslation } from '../../../../testing/translations';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = Object.fromEntries(LANGS.map((lang) => [lang, loadTranslation(lang) as Tree]));

describe('record page translations', () => {
  it.each(LANGS)('%s names every workflow action, as a button and in the history', (lang) => {
    const missing = WORKFLOW_ACTIONS.flatMap((a) => [`workflow.actions.${a}`, `workflow.done.${a}`]).filter(
      (k) => !lookup(files[lang], k)?.trim(),
    );
    expect(missing).toEqual([]);
  });

  it.each(LANGS)('%s explains every refusal code', (lang) => {
    const missing = REFUSAL_CODES.map((c) => `workflow.refusals.${c}`).filter((k) => !lookup(files[lang], k)?.trim());
    expect(missing).toEqual([]);
  });

  it.each(LANGS)('%s names every record section, content field, group, method and matrix value', (lang) => {
    const keys = [
      ...RECORD_SECTIONS.map((s) => `content.sections.${s}`),
      ...CONTENT_FIELDS.map((f) => `content.fields.${f}`),
      ...VULNERABLE_GROUPS.flatMap((g) => [`content.vulnerable.${g}.name`, `content.vulnerable.${g}.prompt`]),
      ...VIEW_METHODS.map((m) => `content.views.method.${m}`),
      ...IMPACT_DIRECTIONS.map((d) => `content.direction.${d}`),
      ...IMPACT_DIRECTNESS.map((d) => `content.directness.${d}`),
      ...IMPACT_TERMS.map((t) => `content.term.${t}`),
      ...MATRIX_COLUMNS.map((c) => (c === 'wellbeing' || c === 'copy' ? `recordModel.matrix.col.${c}` : `content.matrix.col.${c}`)),
      ...SHANARRI_INDICATORS.map((i) => `recordModel.wellbeing.shanarri.${i}`),
    ];
    expect(keys.filter((k) => !lookup(files[lang], k)?.trim())).toEqual([]);
  });

  it('uses the domain words', () => {
    expect(lookup(files['fi'], 'workflow.done.return_for_preparation')).toBe('Palautettu uudelleen valmisteltavaksi');
    expect(lookup(files['sv'], 'workflow.done.return_for_preparation')).toBe('Återremitterad');
    expect(lookup(files['fi'], 'workflow.done.table')).toBe('Pantu pöydälle');
    expect(lookup(files['sv'], 'workflow.done.table')).toBe('Bordlagd');
    expect(lookup(files['fi'], 'record.summary.label')).toBe('Selkokielinen tiivistelmä');
    expect(lookup(files['sv'], 'record.summary.label')).toBe('Lättläst sammanfattning');
  });

  it('has every literal record/workflow key the assessment pages use, in every language', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'((?:record|recordModel|workflow|content)\.[\w.]*\w)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(30);
    for (const lang of LANGS) {
      expect({ lang, missing: [...used].filter((key) => !lookup(files[lang], key)) }).toEqual({ lang, missing: [] });
    }
  });
});

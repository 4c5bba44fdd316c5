import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { refusal, REFUSAL_CODES, type RefusalCode, type RefusalParams, STAGES, TRANSITIONS, WORKFLOW_ROLES } from '@lava/workflow';
import { API_MESSAGE_CATALOGUE, API_MESSAGES } from './api-messages';
import { COMMON_WORDS } from './common/messages/common.messages';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
/** Startup configuration errors are for operators, in English, and never reach a browser. */
const NOT_USER_FACING = new Set(['config', 'demo']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return NOT_USER_FACING.has(name) && dir === appRoot ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.messages.ts') ? [path] : [];
  });
}

// A string literal: '…' or `…` with ${…} parts (one level of braces inside them).
const LITERAL = String.raw`('(?:[^'\\]|\\.)*'|\`(?:[^\`\\$]|\\.|\$(?!\{)|\$\{(?:[^{}\`]|\{[^{}]*\})*\})*\`)`;
/** Where the code writes a message for a person: exceptions, `message:` properties, field errors. */
const MESSAGE_SITES = [
  new RegExp(String.raw`new \w*Exception\(\s*` + LITERAL, 'g'),
  new RegExp(String.raw`\bmessage:\s*` + LITERAL, 'g'),
  new RegExp(String.raw`\b\w*[eE]rror\(\s*'[\w.]+',\s*` + LITERAL, 'g'),
  // The stale-version 409 (common/stale-version.ts): its first argument is the message.
  new RegExp(String.raw`\bstaleVersion\(\s*` + LITERAL, 'g'),
];

/** The text of a literal, with each ${…} as {} so templates compare by shape. */
function shapeOfLiteral(literal: string): string {
  const inner = literal.slice(1, -1);
  const text = literal.startsWith('`') ? inner.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, '{}') : inner;
  return text.replace(/\\(['`\\])/g, '$1');
}

const shapeOfTemplate = (en: string) => en.replace(/\{\w+\}/g, '{}');

describe('API message catalogue', () => {
  const found = new Map<string, string>();
  for (const file of sourceFiles(appRoot)) {
    const source = readFileSync(file, 'utf8');
    for (const site of MESSAGE_SITES) {
      for (const match of source.matchAll(site)) found.set(shapeOfLiteral(match[1]), relative(appRoot, file));
    }
  }
  const templates = new Set(API_MESSAGE_CATALOGUE.map((m) => shapeOfTemplate(m.en)));

  it('finds the messages in the source (the scan itself works)', () => {
    expect(found.size).toBeGreaterThan(100);
    expect(found.get('Not found.')).toBe('common/api-exception.filter.ts');
  });

  it('has Finnish and Swedish for every message a person can get from the API', () => {
    const missing = [...found]
      .filter(([shape]) => (shape.includes('{}') ? !templates.has(shape) : !API_MESSAGES.knows(shape)))
      .map(([shape, file]) => `${file}: ${shape}`);
    expect(missing).toEqual([]);
  });

  it('gives every entry a text in each language, with the same placeholders', () => {
    const problems = [...API_MESSAGE_CATALOGUE, ...COMMON_WORDS].flatMap((m) => {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((p) => p[1]).sort();
      const out: string[] = [];
      for (const language of ['fi', 'sv'] as const) {
        if (!m[language].trim()) out.push(`${m.en}: no ${language}`);
        else if (names(m[language]).join() !== names(m.en).join()) out.push(`${m.en}: placeholders differ in ${language}`);
      }
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('has each English text once', () => {
    const seen = new Set<string>();
    const twice = API_MESSAGE_CATALOGUE.filter((m) => (seen.has(m.en) ? true : (seen.add(m.en), false))).map((m) => m.en);
    expect(twice).toEqual([]);
  });
});

describe('workflow refusals in the API catalogue', () => {
  /** Stage and role words as the English refusals write them; none may be left in a translation. */
  const ENGLISH_WORDS =
    /\b(screening|draft|consultation|review|decision|decided|follow-up|closed|official|reviewer|committee chair|youth council member|administrator)\b/i;
  const stages = [...STAGES];
  // Every combination of roles a transition allows, and each role alone (the API checks single roles too).
  const roleSets = [...new Set([...TRANSITIONS.map((t) => t.roles.join(',')), ...WORKFLOW_ROLES])];
  const base = {
    action: 'fly',
    pendingCount: 2,
    nextDeadline: '2027-03-01T23:59:00+02:00',
    missingCount: 3,
    missingItems: 'evidence_gaps_stated, vulnerable_groups_covered',
    followUpDate: '2028-03-01',
    count: 1,
    articles: '6, 12',
  };
  const cases: [RefusalCode, RefusalParams][] = REFUSAL_CODES.flatMap((code): [RefusalCode, RefusalParams][] => {
    switch (code) {
      case 'role_not_allowed':
        return roleSets.map((allowedRoles) => [code, { allowedRoles }]);
      case 'wrong_stage':
        return stages.flatMap((stage) => stages.map((expectedStage): [RefusalCode, RefusalParams] => [code, { stage, expectedStage }]));
      case 'plain_language_summary_language_missing':
        return ['fi', 'sv', 'fi,sv'].map((languages) => [code, { languages }]);
      case 'stage_is_final':
      case 'content_read_only':
        return stages.map((stage) => [code, { stage }]);
      default:
        return [[code, base]];
    }
  });

  it('covers every refusal code', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(REFUSAL_CODES));
    expect(roleSets).toContain('official');
  });

  it.each(['fi', 'sv'] as const)('translates every refusal, with its stages and roles, into %s', (language) => {
    const problems = cases.flatMap(([code, params]) => {
      const { message } = refusal(code, params);
      const translated = API_MESSAGES.translate(message, language);
      if (translated === message) return [`${code} ${JSON.stringify(params)}: not translated: ${message}`];
      if (ENGLISH_WORDS.test(translated)) return [`${code} ${JSON.stringify(params)}: English words left: ${translated}`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('writes stages and roles in the reader’s language', () => {
    expect(API_MESSAGES.translate(refusal('wrong_stage', { stage: 'follow_up', expectedStage: 'review' }).message, 'fi')).toBe(
      'Tämän voi tehdä vain vaiheessa ”tarkastus”; arviointi on vaiheessa ”seuranta”.',
    );
    expect(API_MESSAGES.translate(refusal('role_not_allowed', { allowedRoles: 'committee_chair' }).message, 'sv')).toBe(
      'Endast nämndens ordförande får göra detta.',
    );
    expect(API_MESSAGES.translate(refusal('role_not_allowed', { allowedRoles: 'official' }).message, 'en')).toBe(
      'Only the preparing official may do this.',
    );
  });
});

describe('messages with words of the vocabulary', () => {
  it.each([
    ['official is not a role in a committee', 'fi', 'roolia valmistelija ei ole organisaatiossa, jonka tyyppi on lautakunta'],
    [
      'A youth council cannot be added under a region.',
      'sv',
      'En organisation av typen ungdomsfullmäktige kan inte läggas till under en organisation av typen landskap.',
    ],
    ['must be one of (none) here', 'fi', 'pitää tässä olla jokin näistä: (ei mitään)'],
    [
      'Someone saved a newer version (4) while you were editing version 3. Your changes were not saved; reload to see theirs.',
      'sv',
      'Någon sparade en nyare version (4) medan du redigerade version 3. Dina ändringar sparades inte; ladda om sidan för att se den nyare versionen.',
    ],
    [
      'Reviewers are assigned while the assessment is in draft, consultation or review; it is in follow-up.',
      'fi',
      'Tarkastajat nimetään, kun arviointi on vaiheessa luonnos, lausuntokierros tai tarkastus; nyt se on vaiheessa ”seuranta”.',
    ],
    ['Too many sign-in attempts. Try again in 1 minute.', 'fi', 'Liian monta kirjautumisyritystä. Yritä uudelleen minuutin kuluttua.'],
    ['Too many sign-in attempts. Try again in 5 minutes.', 'sv', 'För många inloggningsförsök. Försök igen om 5 minuter.'],
    [
      'must have at most 10 alternatives (the proposal and "no change" at least)',
      'fi',
      'saa sisältää enintään 10 vaihtoehtoa (joista ainakin ehdotus ja ”ei muutosta”)',
    ],
  ] as const)('%s (%s)', (english, language, translated) => {
    expect(API_MESSAGES.translate(english, language)).toBe(translated);
  });
});

import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/app/demo/demo-data';
import { seedDemoData } from '../src/app/demo/seed-demo-data';
import { Organization } from '../src/app/organizations/organization.entity';
import { createUser } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Schema-driven fuzzing of every operation in the OpenAPI document, with the demo data seeded.
 *
 * For each operation: a caller who may use it and real ids from the database are found by trying
 * the operation with values derived from its schema; then every path parameter, query parameter and
 * body field (and the body as a whole) is replaced, one at a time, by each hostile value below. Every
 * answer must be below 500, and when it is not a 2xx nothing saved may have changed: a trigger on
 * every user table counts the rows written, in the writing transaction (so a write rolled back counts
 * nothing), and the count after each request is compared with the one before.
 *
 * Nothing here names a route: an operation added to the API is fuzzed without editing this file.
 */

// ---------------------------------------------------------------- hostile values

/** A JSON text sent as is (numbers JavaScript cannot hold, nesting JSON.stringify would not write). */
class Raw {
  constructor(readonly json: string) {}
}
const raw = (json: string) => new Raw(json);
const nested = (depth: number, open: string, close: string, inner = '1') => raw(open.repeat(depth) + inner + close.repeat(depth));

const ONE_MB = 'ä'.repeat(512 * 1024);
const TEXTS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  ONE_MB,
  'x'.repeat(70_000),
  '',
  '   ',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(10)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '2026-02-30',
  '2026-02-30T12:00:00+02:00',
  '2026-13-01',
  '0000-00-00',
  '+275760-09-13T00:00:01Z',
  '-271821-04-20',
  'NaN',
  '-1',
  '99999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '\u202eevil\u200b\ufeff',
  '👩‍👩‍👧‍👦'.repeat(50),
  '../../etc/passwd',
  '%00',
];
const JSON_VALUES: unknown[] = [
  ...TEXTS,
  0,
  -1,
  1.5,
  2147483647,
  2147483648,
  -2147483649,
  Number.MAX_SAFE_INTEGER,
  raw('99999999999999999999'),
  raw('-99999999999999999999'),
  raw('1e400'),
  raw('-1e400'),
  raw('1e-400'),
  true,
  false,
  null,
  [],
  {},
  [1, 'a', null],
  [{}],
  { a: 1 },
  raw('{"__proto__":{"polluted":true}}'),
  raw('{"constructor":{"prototype":{"polluted":true}}}'),
  nested(40, '[', ']'),
  nested(40, '{"a":', '}'),
  nested(20_000, '[', ']'),
];
/** Already %-encoded, for the path and the query string. */
const URL_TEXTS = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%80',
  '%FF',
  'x'.repeat(10_000),
  '',
  '%20',
  encodeURIComponent("'; DROP TABLE users; --"),
  encodeURIComponent('<script>alert(1)</script>'),
  '2026-02-30',
  '99999999999999999999',
  '-1',
  '1e400',
  'NaN',
  '1.5',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '..',
  '%2E%2E%2F%2E%2E',
  encodeURIComponent('👩‍👩‍👧‍👦'),
];

const serialize = (value: unknown): string => {
  if (value instanceof Raw) return value.json;
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
};
const describeValue = (value: unknown): string => {
  const text = value instanceof Raw ? value.json : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : text;
};

// ---------------------------------------------------------------- the OpenAPI document

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  template: string;
  parameters: Parameter[];
  body?: Schema;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = (schema: Schema | undefined, seen = new Set<string>()): Schema | undefined => {
    if (!schema) return undefined;
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop() ?? '';
      if (seen.has(name)) return { type: 'object' };
      return resolve(document.components?.schemas?.[name], new Set([...seen, name]));
    }
    const merged = schema.allOf ? Object.assign({}, ...schema.allOf.map((s) => resolve(s, seen))) : {};
    const first = schema.oneOf?.[0] ?? schema.anyOf?.[0];
    return {
      ...merged,
      ...(first ? resolve(first, seen) : {}),
      ...schema,
      items: resolve(schema.items, seen),
      properties: schema.properties
        ? Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, seen) ?? {}]))
        : merged.properties,
    };
  };
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) })),
      body: resolve(op.requestBody?.content?.['application/json']?.schema),
    })),
  );
}

/** Destructive operations last, so the records they remove were there for everything else. */
const ORDER: Record<string, number> = { GET: 0, PUT: 1, PATCH: 1, POST: 2, DELETE: 3 };

// ---------------------------------------------------------------- the test

describe('schema-driven fuzzing of every operation', () => {
  let env: TestEnvironment;
  let baseUrl: string;
  const tokens = new Map<string, string>();
  const callerIds = new Set<string>();
  let tables: string[] = [];
  /** child table → [column, parent table] for each foreign key. */
  const foreignKeys = new Map<string, [string, string][]>();
  const columns = new Map<string, Set<string>>();
  let organizationKinds = new Set<string>();

  beforeAll(async () => {
    // The comment rate limits would otherwise end the probes of the comment routes early (429 is a fine answer, but a dull one).
    env = await startTestEnvironment({ JWT_TTL_SECONDS: '3600', COMMENT_RATE_LIMIT: '100000', MENTION_RATE_LIMIT: '100000' });
    expect(await seedDemoData(env.db)).toBe(true);
    // People for the admin routes to act on (deactivate, memberships, ...): never one of the callers.
    const kotka = await env.db.getRepository(Organization).findOneByOrFail({ nameFi: 'Kotka' });
    for (let i = 0; i < 3; i++) await createUser(env.db, 'official', kotka);
    for (const user of DEMO_USERS) {
      tokens.set(user.email, await env.login(user.email, DEMO_PASSWORD));
      const [row] = await env.db.query(`SELECT id FROM users WHERE email = $1`, [user.email]);
      callerIds.add(row.id);
    }
    await new Promise<void>((resolve) => env.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(env.app.getHttpServer().address() as AddressInfo).port}`;

    tables = (
      await env.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)
    ).map((r: { table_name: string }) => r.table_name);
    for (const r of await env.db.query(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`))
      columns.set(r.table_name, (columns.get(r.table_name) ?? new Set()).add(r.column_name));
    for (const r of await env.db.query(
      `SELECT kcu.table_name AS child, kcu.column_name AS col, ccu.table_name AS parent
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`,
    ))
      foreignKeys.set(r.child, [...(foreignKeys.get(r.child) ?? []), [r.col, r.parent]]);
    organizationKinds = new Set((await env.db.query(`SELECT DISTINCT kind FROM organizations`)).map((r: { kind: string }) => r.kind));

    // Every row written to a user table moves a counter, in the same transaction: a write rolled back
    // leaves it as it was, a committed one does not. One tiny read per request instead of a checksum.
    await env.db.query(`CREATE TABLE fuzz_changes (n bigint NOT NULL, tables text[] NOT NULL)`);
    await env.db.query(`INSERT INTO fuzz_changes VALUES (0, '{}')`);
    await env.db.query(
      `CREATE FUNCTION fuzz_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE fuzz_changes SET n = n + 1,
           tables = CASE WHEN TG_TABLE_NAME = ANY (tables) THEN tables ELSE tables || TG_TABLE_NAME::text END;
         RETURN NULL;
       END $$`,
    );
    for (const table of tables.filter((t) => t !== 'migrations')) {
      await env.db.query(
        `CREATE TRIGGER fuzz_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION fuzz_note_change()`,
      );
      await env.db.query(
        `CREATE TRIGGER fuzz_truncate AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION fuzz_note_change()`,
      );
    }
  }, 120_000);
  afterAll(() => env?.close());

  // ---- what the database saved: a counter every write to a user table moves, in the writing transaction

  const changes = async (): Promise<{ n: number; tables: string[] }> =>
    (await env.db.query(`SELECT n::int AS n, tables FROM fuzz_changes`))[0];
  /** The count once it has stopped moving (two reads 50 ms apart agree; at most 2 s). */
  const settled = async (last: { n: number; tables: string[] }): Promise<{ n: number; tables: string[] }> => {
    for (let tries = 0; tries < 40; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = await changes();
      if (now.n === last.n) return now;
      last = now;
    }
    return last;
  };

  // ---- real ids

  const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_');
  /** The table a path parameter names: by the segment before it, by its own name, or by a table ending in either. */
  const tableFor = (segment: string, parameter: string): string | undefined => {
    const stem = snake(parameter.replace(/Id$/, ''));
    const names = [snake(segment), `${stem}s`, stem];
    return names.find((n) => tables.includes(n)) ?? tables.find((t) => names.some((n) => t.endsWith(`_${n}`)));
  };
  /** Ids of `table` rows, callers' own accounts left out (an admin route must not lock a caller out). */
  const idsOf = async (table: string, where = 'TRUE', args: unknown[] = []): Promise<string[]> => {
    const rows = await env.db.query(`SELECT id::text AS id FROM "${table}" WHERE ${where} ORDER BY id LIMIT 40`, args);
    return rows.map((r: { id: string }) => r.id).filter((id: string) => table !== 'users' || !callerIds.has(id));
  };
  /** The foreign-key steps from a `child` row to its ancestor in `parent` (up to three), or null. */
  const ancestorPath = (child: string, parent: string, depth = 3): { table: string; column: string }[] | null => {
    if (depth === 0) return null;
    for (const [column, target] of foreignKeys.get(child) ?? []) {
      if (target === parent) return [{ table: child, column }];
      const rest = target !== child ? ancestorPath(target, parent, depth - 1) : null;
      if (rest) return [{ table: child, column }, ...rest];
    }
    return null;
  };
  const ancestorOf = async (child: string, childId: string, parent: string): Promise<string | undefined> => {
    const steps = ancestorPath(child, parent);
    if (!steps) return undefined;
    const joins = steps.slice(1).map((step, i) => `JOIN "${step.table}" t${i + 1} ON t${i + 1}.id = t${i}.${steps[i].column}`);
    const last = steps.length - 1;
    const [row] = await env.db.query(
      `SELECT t${last}.${steps[last].column}::text AS id FROM "${child}" t0 ${joins.join(' ')} WHERE t0.id::text = $1`,
      [childId],
    );
    return row?.id ?? undefined;
  };

  /**
   * Sets of path values to try, most nested parameter first: its rows, with the parameters before it
   * set to that row's ancestors where a foreign key leads there.
   */
  const pathCandidates = async (op: Operation): Promise<Record<string, string>[]> => {
    const segments = op.template.split('/');
    const params = segments
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.startsWith('{'))
      .map(({ s, i }) => {
        const name = s.slice(1, -1);
        const schema = op.parameters.find((p) => p.in === 'path' && p.name === name)?.schema;
        return { name, table: schema?.enum ? undefined : tableFor(segments[i - 1] ?? '', name), schema };
      });
    if (params.length === 0) return [{}];
    const last = params[params.length - 1];
    const lastIds = last.table ? await idsOf(last.table) : [];
    const candidates: Record<string, string>[] = [];
    for (const id of lastIds.length > 0 ? spread(lastIds, 4) : ['00000000-0000-4000-8000-000000000000']) {
      const values: Record<string, string> = { [last.name]: id };
      for (const p of params.slice(0, -1)) {
        const ancestor = last.table && p.table ? await ancestorOf(last.table, id, p.table) : undefined;
        values[p.name] = ancestor ?? (p.table ? ((await idsOf(p.table))[0] ?? '') : baseText(p.schema ?? {}, p.name));
      }
      if (!last.table) values[last.name] = baseText(last.schema ?? {}, last.name);
      candidates.push(values);
    }
    return candidates;
  };

  // ---- values derived from the schema

  let counter = 0;
  const baseText = (schema: Schema, name: string): string => {
    if (schema.enum?.length) return String(schema.enum[0]);
    if (typeof schema.example === 'string') return schema.example;
    if (schema.format === 'date') return new Date().toISOString().slice(0, 10);
    if (schema.format === 'date-time') return new Date(Date.now() + 30 * 86_400_000).toISOString();
    if (schema.format === 'email' || /e-?mail/i.test(name)) return `fuzz-${++counter}@test.example`;
    const text = `Fuzz ${name} ${++counter}`;
    return text.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 100);
  };
  /** A real id for a uuid field (`committeeId`, `userId`, ...) from the table or organization kind it names. */
  const realId = async (name: string): Promise<string | undefined> => {
    const stem = snake(name.replace(/Ids?$/, ''));
    if (organizationKinds.has(stem)) return (await idsOf('organizations', 'kind = $1', [stem]))[0];
    const table = tableFor('', name.replace(/s$/, '')) ?? (stem === 'parent' ? 'organizations' : undefined);
    return table ? (await idsOf(table))[0] : undefined;
  };
  const versionFor = async (path: Record<string, string>, op: Operation, name: string): Promise<number> => {
    const segments = op.template.split('/');
    const owners = segments
      .map((s, i) => (s.startsWith('{') ? { id: path[s.slice(1, -1)], table: tableFor(segments[i - 1] ?? '', s.slice(1, -1)) } : null))
      .filter((o): o is { id: string; table: string } => !!o?.table && !!o.id && !!columns.get(o.table)?.has('version'));
    const owner = name === 'assessmentVersion' ? owners.find((o) => o.table === 'assessments') : owners[owners.length - 1];
    if (!owner) return 1;
    const [row] = await env.db.query(`SELECT version FROM "${owner.table}" WHERE id::text = $1`, [owner.id]);
    return row?.version ?? 1;
  };
  const baseValue = async (
    schema: Schema,
    name: string,
    ctx: { path: Record<string, string>; op: Operation },
    depth = 0,
  ): Promise<unknown> => {
    if (schema.example !== undefined && schema.type !== 'object' && schema.format !== 'uuid') return schema.example;
    if (schema.enum?.length) return schema.enum[0];
    switch (schema.type) {
      case 'integer':
      case 'number':
        return /version/i.test(name) ? versionFor(ctx.path, ctx.op, name) : (schema.minimum ?? 1);
      case 'boolean':
        return true;
      case 'array': {
        const items = schema.items ?? { type: 'string' };
        const n = Math.max(1, schema.minItems ?? 1);
        const values = [];
        for (let i = 0; i < n; i++) values.push(await baseValue(items, name.replace(/s$/, ''), ctx, depth + 1));
        return values;
      }
      case 'object':
      case undefined: {
        if (!schema.properties || depth > 6) return schema.type === 'object' ? {} : baseText(schema, name);
        const out: Record<string, unknown> = {};
        for (const [key, property] of Object.entries(schema.properties)) out[key] = await baseValue(property, key, ctx, depth + 1);
        return out;
      }
      default:
        if (schema.format === 'uuid') return (await realId(name)) ?? '00000000-0000-4000-8000-000000000000';
        return baseText(schema, name);
    }
  };

  // ---- requests

  interface Attempt {
    path: Record<string, string>;
    query: Record<string, string>;
    body?: unknown;
  }
  let requests = 0;
  let language = 0;
  const send = async (
    op: Operation,
    token: string | undefined,
    attempt: Attempt,
    rawQuery?: string,
  ): Promise<{ status: number; text: string }> => {
    let url = op.template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = attempt.path[name] ?? '';
      return /%|^\.\.$/.test(value) ? value : encodeURIComponent(value);
    });
    const query =
      rawQuery ??
      Object.entries(attempt.query)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&');
    if (query) url += `?${query}`;
    const headers: Record<string, string> = { 'Accept-Language': ['fi', 'sv', 'en'][language++ % 3] };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    let body: string | undefined;
    if (attempt.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = serialize(attempt.body);
    }
    requests++;
    try {
      const response = await fetch(baseUrl + url, { method: op.method, headers, body });
      return { status: response.status, text: (await response.text()).slice(0, 300) };
    } catch (error) {
      return { status: 599, text: `no answer: ${(error as Error).message}` };
    }
  };

  /** Which callers to try: every demo account, then nobody (public routes). */
  const callers = (): [string, string | undefined][] => [
    ...[...tokens].map(([email, token]): [string, string] => [email, token]),
    ['anonymous', undefined],
  ];
  const rank = (status: number) => (status < 300 ? 4 : [401, 403, 404].includes(status) ? 0 : status === 400 ? 1 : status < 500 ? 3 : 2);

  const serverErrors: string[] = [];
  const unexpectedChanges: string[] = [];
  const fuzzed = new Map<string, number>();
  const statuses = new Map<number, number>();

  it('answers every hostile request below 500, and saves nothing unless it answers 2xx', async () => {
    const started = Date.now();
    const cpuAtStart = process.cpuUsage();
    const document = (await env.http().get('/api/openapi.json').expect(200)).body as OpenApiDocument;
    const operations = operationsOf(document).sort((a, b) => (ORDER[a.method] ?? 2) - (ORDER[b.method] ?? 2));
    expect(operations.length).toBeGreaterThan(50);

    let before = await changes();
    /** Sends one request and checks the answer, and the rows written, against the count before it. */
    const check = async (op: Operation, caller: string, token: string | undefined, attempt: Attempt, what: string, rawQuery?: string) => {
      const answer = await send(op, token, attempt, rawQuery);
      const label = `${op.method} ${op.template} as ${caller}, ${what}`;
      if (answer.status >= 500) {
        serverErrors.push(`${label}: ${answer.status} ${answer.text}`);
        if (serverErrors.length <= 50) process.stderr.write(`fuzz: 5xx: ${serverErrors.at(-1)}\n`);
      }
      const after = await changes();
      if (after.n !== before.n) {
        if (answer.status >= 300) {
          unexpectedChanges.push(`${label}: ${answer.status}, wrote ${after.n - before.n} rows to ${after.tables.join(', ')}`);
          if (unexpectedChanges.length <= 50) process.stderr.write(`fuzz: write without 2xx: ${unexpectedChanges.at(-1)}\n`);
        }
        await env.db.query(`UPDATE fuzz_changes SET tables = '{}'`);
      }
      before = after;
      // Some 2xx answers finish their writes just after answering (a password reset answers the same at
      // once for every address): let those land before the next request is judged by the count.
      if (answer.status < 300) before = await settled(before);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (requests % 1000 === 0)
        process.stderr.write(
          `fuzz: ${requests} requests, ${((Date.now() - started) / 1000).toFixed(0)} s, now ${op.method} ${op.template}\n`,
        );
      fuzzed.set(`${op.method} ${op.template}`, (fuzzed.get(`${op.method} ${op.template}`) ?? 0) + 1);
      return answer.status;
    };

    for (const op of operations) {
      const queryParams = op.parameters.filter((p) => p.in === 'query');
      const baseAttempt = async (path: Record<string, string>): Promise<Attempt> => {
        const query: Record<string, string> = {};
        for (const p of queryParams.filter((q) => q.required))
          query[p.name] = String(await baseValue(p.schema ?? { type: 'string' }, p.name, { path, op }));
        const body = op.body
          ? await baseValue(op.body, 'body', { path, op })
          : op.method === 'GET' || op.method === 'DELETE'
            ? undefined
            : {};
        return { path, query, body };
      };

      // Who may use it, on which rows: the first caller and ids the operation answers best (a 2xx, else a refusal
      // from past the guards), trying the schema-derived request itself.
      let best = { rank: -1, caller: 'anonymous', token: undefined as string | undefined, path: {} as Record<string, string> };
      const candidates = await pathCandidates(op);
      search: for (const path of candidates.slice(0, 4)) {
        for (const [caller, token] of callers()) {
          const status = await check(op, caller, token, await baseAttempt(path), 'schema-derived request');
          if (rank(status) > best.rank) best = { rank: rank(status), caller, token, path };
          if (best.rank === 4) break search;
          if (best.rank >= 1 && caller !== 'anonymous' && status !== 400) break;
        }
      }
      const { caller, token } = best;
      if (process.env['FUZZ_VERBOSE'])
        process.stderr.write(`fuzz: ${op.method} ${op.template} as ${caller} (schema-derived request: rank ${best.rank})\n`);
      // Rows a successful probe deleted are gone: take the ids afresh when the chosen ones vanished.
      let path = best.path;
      const stillThere = (await pathCandidates(op)).find((c) => Object.keys(path).every((k) => c[k] === path[k]));
      if (!stillThere) path = (await pathCandidates(op))[0] ?? {};

      let base = await baseAttempt(path);
      const run = async (attempt: Attempt, what: string, rawQuery?: string) => {
        const status = await check(op, caller, token, attempt, what, rawQuery);
        if (status < 300) base = await baseAttempt(path); // a version moved on
      };

      // Path parameters.
      for (const name of Object.keys(path))
        for (const value of URL_TEXTS) await run({ ...base, path: { ...path, [name]: value } }, `path ${name}=${value.slice(0, 40)}`);
      // Query parameters: each hostile text, twice (an array), and as an object.
      for (const p of queryParams) {
        for (const value of URL_TEXTS)
          await run({ ...base, query: { ...base.query } }, `query ${p.name}=${value.slice(0, 40)}`, queryWith(base.query, p.name, value));
        await run(base, `query ${p.name} twice`, queryWith(base.query, p.name, '1') + `&${p.name}=2`);
        await run(base, `query ${p.name} as an object`, queryWith(base.query, p.name, null) + `&${p.name}[a]=1&${p.name}[__proto__][x]=1`);
      }
      // An operation without query parameters still gets the hostile texts in a query string it does not expect.
      if (queryParams.length === 0)
        for (const value of URL_TEXTS)
          await run({ ...base, query: { ...base.query } }, `unexpected query x=${value.slice(0, 40)}`, queryWith(base.query, 'x', value));
      // Body: the whole body, then every field at every depth.
      if (base.body !== undefined) {
        for (const value of [...JSON_VALUES, [base.body]]) await run({ ...base, body: value }, `body=${describeValue(value)}`);
        for (const [fieldPath, original] of leaves(base.body)) {
          for (const value of [...JSON_VALUES, [original], { value: original }])
            await run({ ...base, body: replaceAt(base.body, fieldPath, value) }, `body.${fieldPath.join('.')}=${describeValue(value)}`);
        }
      }
    }

    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    // Printed for the issue's note: the count, the time, and the CPU this process (test and API) used.
    process.stdout.write(
      `\nfuzz: ${requests} requests to ${operations.length} operations in ${seconds.toFixed(0)} s ` +
        `(${(requests / seconds).toFixed(0)}/s; test and API used ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s of CPU); ` +
        `${serverErrors.length} answered 5xx, ${unexpectedChanges.length} wrote rows without a 2xx\n` +
        `fuzz: answers ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, n]) => `${status}×${n}`)
          .join(' ')}\n`,
    );
    expect(serverErrors.slice(0, 30)).toEqual([]);
    expect(unexpectedChanges.slice(0, 30)).toEqual([]);
    // Every operation was fuzzed, each with more than its probes.
    expect(
      operations.filter((op) => (fuzzed.get(`${op.method} ${op.template}`) ?? 0) < 15).map((op) => `${op.method} ${op.template}`),
    ).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(10_000);
  }, 1_800_000);
});

/** Up to `n` members spread over the list (rows of different kinds and stages, not the first few alike). */
function spread<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]);
}

/** A query string with `name` set to an already-encoded value (or left out when null). */
function queryWith(query: Record<string, string>, name: string, encoded: string | null): string {
  const parts = Object.entries(query)
    .filter(([k]) => k !== name)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  if (encoded !== null) parts.push(`${encodeURIComponent(name)}=${encoded}`);
  return parts.join('&');
}

/** Every field of a body at every depth (objects, arrays and their members), as a path and its value. */
function leaves(value: unknown, path: (string | number)[] = []): [(string | number)[], unknown][] {
  const here: [(string | number)[], unknown][] = path.length > 0 ? [[path, value]] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => leaves(v, [...path, i]))];
  if (typeof value === 'object' && value !== null && !(value instanceof Raw))
    return [...here, ...Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))];
  return here;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const object = value as Record<string, unknown>;
  return { ...object, [head]: replaceAt(object[head as string], rest, replacement) };
}

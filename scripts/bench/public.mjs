// `npm run bench:public`: the public register and its JSON at 100,000 published assessments, and how
// long the worker takes to make the agenda PDF of the largest demo record. Builds the API, fills a
// scratch database (lava_bench_public on the test server) with the demo data plus ROWS published
// assessments, starts the real API and worker, and times through HTTP: the first page and pages deep
// in the register (keyset cursors), one municipality's register, a year + outcome filter, a search,
// and one assessment's public page. Prints p50/p95.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { childEnv, repoRoot } from '../lib/env.mjs';
import { recreateDatabase } from '../lib/postgres.mjs';
import { run, waitForHttp } from '../lib/processes.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseUrl = Object.assign(new URL(server), { pathname: '/lava_bench_public' }).toString();
const port = Number(process.env.BENCH_API_PORT ?? 3210);
const env = childEnv({
  DATABASE_URL: databaseUrl,
  API_PORT: String(port),
  QUEUE_PREFIX: `lava-bench-public-${process.pid}`,
  LOG_LEVEL: 'error',
  MIGRATIONS_RUN: 'skip',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
  OUTBOX_RELAY_INTERVAL_MS: '500',
});

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

console.log(`Building the API and preparing ${ROWS.toLocaleString('en')} published assessments in lava_bench_public…`);
if (process.env.BENCH_SKIP_BUILD !== 'true') await run('nx', ['build', 'api'], { cwd: repoRoot, env });
await recreateDatabase(databaseUrl);
await run('node', [join('dist', 'api', 'seed-demo.js')], { cwd: repoRoot, env });

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
let t0 = performance.now();
// Decided assessments spread over the demo's committees, published over five years, with a decision each.
await db.query(
  `WITH made AS (
     INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, case_number,
                              plain_language_summary, screening_affects_children, created_at, updated_at)
     SELECT 'Päätös ' || n || ' ' || (ARRAY['koulu','nuorisotalo','kirjasto','liikenne','päiväkoti','uimahalli'])[1 + n % 6],
            'decided', c.parent_id, c.id, u.id, u.id, 'BENCH/' || n || '/2026',
            'Tiivistelmä ' || n, true, ts, ts
       FROM generate_series(1, $1) AS n
       CROSS JOIN LATERAL (SELECT now() - n * interval '25 minutes' AS ts) t
       JOIN LATERAL (SELECT id, parent_id FROM organizations WHERE kind = 'committee' ORDER BY id OFFSET (n % 12) LIMIT 1) c ON true
       JOIN LATERAL (SELECT id FROM users WHERE email = 'official@kotka.example') u ON true
     RETURNING id, municipality_id, committee_id, title, case_number, plain_language_summary, created_at)
   INSERT INTO publications (assessment_id, kind, published, municipality_id, committee_id, title, case_number, summary, outcome, decided_on,
                             published_at)
   SELECT id, 'assessment', true, municipality_id, committee_id, title, case_number, plain_language_summary,
          (ARRAY['approved','approved_as_modified','rejected'])[1 + (extract(epoch FROM created_at)::bigint / 60) % 3],
          created_at::date, created_at
     FROM made`,
  [ROWS],
);
await db.query('ANALYZE');
console.log(`Inserted in ${seconds(t0)} s`);

const api = spawn('node', [join('dist', 'api', 'main.js')], { cwd: repoRoot, env, stdio: 'inherit' });
const worker = spawn('node', [join('dist', 'api', 'worker.js')], { cwd: repoRoot, env, stdio: 'inherit' });
try {
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { child: api });
  const get = async (path) => {
    const start = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    const body = await response.json();
    if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body)}`);
    return { ms: performance.now() - start, body };
  };

  const [{ id: kotka }] = (await db.query(`SELECT id FROM organizations WHERE name_fi = 'Kotka' AND kind = 'municipality'`)).rows;
  const walk = async (query) => {
    const cursors = [];
    let cursor = null;
    for (let page = 0; page < 1000 && (page === 0 || cursor); page++) {
      const { body } = await get(`/api/public/assessments?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = body.nextCursor;
      if (cursor && page % 50 === 49) cursors.push(cursor);
    }
    return cursors;
  };
  t0 = performance.now();
  const deep = await walk('');
  const deepKotka = await walk(`&municipalityId=${kotka}`);
  console.log(`Walked the whole register (${deep.length} cursors) and Kotka's (${deepKotka.length}) in ${seconds(t0)} s`);
  const [{ assessment_id: someId }] = (
    await db.query(`SELECT assessment_id FROM publications ORDER BY published_at DESC OFFSET 5000 LIMIT 1`)
  ).rows;
  const year = new Date().getFullYear() - 2;

  for (const [label, path] of [
    ['JSON list, first page (20 rows)', () => '/api/public/assessments?limit=20'],
    ['JSON list, deep pages (20 rows, 5k–100k rows in)', (i) => `/api/public/assessments?limit=20&cursor=${deep[i % deep.length]}`],
    ['register of one municipality, first page', () => `/api/public/assessments?limit=20&municipalityId=${kotka}`],
    [
      'register of one municipality, deep pages',
      (i) => `/api/public/assessments?limit=20&municipalityId=${kotka}&cursor=${deepKotka[i % Math.max(1, deepKotka.length)] ?? ''}`,
    ],
    ['year + outcome filter, first page', () => `/api/public/assessments?limit=20&municipalityId=${kotka}&year=${year}&outcome=rejected`],
    ['search "uimahalli", first page', () => '/api/public/assessments?limit=20&q=uimahalli'],
    ['one assessment’s public page', () => `/api/public/assessments/${someId}`],
  ]) {
    await get(path(0)); // warm up
    const times = [];
    for (let i = 0; i < REQUESTS; i++) times.push((await get(path(i))).ms);
    times.sort((a, b) => a - b);
    console.log(
      `${label}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms over ${REQUESTS} requests`,
    );
  }

  // The agenda PDF of the largest demo record (most matrix rows and evidence), made by the worker.
  const [largest] = (
    await db.query(
      `SELECT a.id, a.title,
              (SELECT count(*) FROM impact_matrix_rows m WHERE m.assessment_id = a.id) + (SELECT count(*) FROM assessment_evidence_items e WHERE e.assessment_id = a.id) AS items
         FROM assessments a WHERE a.case_number NOT LIKE 'BENCH/%' ORDER BY items DESC LIMIT 1`,
    )
  ).rows;
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'official@kotka.example', password: 'lava-demo-2026' }),
  }).then((r) => r.json());
  const headers = { authorization: `Bearer ${login.accessToken}` };
  const renders = [];
  for (let round = 0; round < 3; round++) {
    await db.query(`DELETE FROM agenda_documents WHERE assessment_id = $1`, [largest.id]);
    await fetch(`http://127.0.0.1:${port}/api/assessments/${largest.id}/documents`, { method: 'POST', headers });
    const start = performance.now();
    for (;;) {
      const { rows } = await db.query(
        `SELECT language, byte_size, extract(epoch FROM rendered_at - requested_at) * 1000 AS ms FROM agenda_documents
          WHERE assessment_id = $1 AND status = 'ready'`,
        [largest.id],
      );
      if (rows.length === 3) {
        renders.push(...rows.map((r) => ({ ...r, ms: Number(r.ms) })));
        break;
      }
      if (performance.now() - start > 600_000) throw new Error('The PDFs were not made in 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const times = renders.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `Agenda PDF of "${largest.title}" (${largest.items} matrix rows and evidence items; ${renders[0].byte_size} bytes): ` +
      `request to stored, per language, p50 ${percentile(times, 50).toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms over ${times.length} PDFs ` +
      `(one worker renders one at a time)`,
  );
  const plan = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT assessment_id FROM publications p WHERE p.published AND p.municipality_id = $1
      ORDER BY p.published_at DESC, p.assessment_id DESC LIMIT 21`,
    [kotka],
  );
  console.log('Plan of a municipality page:\n  ' + plan.rows.map((r) => r['QUERY PLAN']).join('\n  '));
} finally {
  api.kill('SIGTERM');
  worker.kill('SIGTERM');
  await db.end();
}

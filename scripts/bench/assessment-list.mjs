// `npm run bench:assessments`: how fast the assessment list answers with a million assessments.
// Builds the API, fills a scratch database (lava_bench on the test server) with the demo data plus
// ROWS assessments, starts the real API and times GET /api/assessments through HTTP: the first page,
// pages deep in the list (keyset cursors), and the same SQL's plan. Prints the figures.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { childEnv, repoRoot } from '../lib/env.mjs';
import { recreateDatabase } from '../lib/postgres.mjs';
import { run, waitForHttp } from '../lib/processes.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseUrl = Object.assign(new URL(server), { pathname: '/lava_bench' }).toString();
const port = 3200;
const env = childEnv({
  DATABASE_URL: databaseUrl,
  API_PORT: String(port),
  QUEUE_PREFIX: 'lava-bench',
  LOG_LEVEL: 'error',
  MIGRATIONS_RUN: 'skip',
});

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

console.log(`Building the API and preparing ${ROWS.toLocaleString('en')} assessments in lava_bench…`);
await run('nx', ['build', 'api'], { cwd: repoRoot, env });
await recreateDatabase(databaseUrl);
await run('node', [join('dist', 'api', 'seed-demo.js')], { cwd: repoRoot, env });

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
let t0 = performance.now();
await db.query(
  `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, created_at, updated_at)
   SELECT 'Assessment ' || n, (ARRAY['screening','draft','consultation','review','decision','decided','follow_up','closed'])[1 + n % 8],
          c.parent_id, c.id, u.id, u.id, ts, ts
     FROM generate_series(1, $1) AS n
     CROSS JOIN LATERAL (SELECT now() - n * interval '7 seconds' AS ts) t
     JOIN LATERAL (SELECT id, parent_id FROM organizations WHERE kind = 'committee' ORDER BY id OFFSET (n % 12) LIMIT 1) c ON true
     JOIN LATERAL (SELECT id FROM users WHERE email = 'official@kotka.example') u ON true`,
  [ROWS],
);
// Every assessment in consultation has asked its municipality's youth council, with a deadline a month
// after it started: the list's "next deadline" and the deadline-range filter read these.
await db.query(
  `INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, status, opened_at)
   SELECT a.id, yc.id, 1, a.created_at + interval '30 days', 'drafting', a.created_at
     FROM assessments a JOIN organizations yc ON yc.parent_id = a.municipality_id AND yc.kind = 'youth_council'
    WHERE a.stage = 'consultation'
   ON CONFLICT DO NOTHING`,
);
await db.query('ANALYZE');
console.log(`Inserted in ${seconds(t0)} s`);
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const api = spawn('node', [join('dist', 'api', 'main.js')], { cwd: repoRoot, env, stdio: 'inherit' });
try {
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { child: api });
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'official@kotka.example', password: 'lava-demo-2026' }),
  }).then((r) => r.json());
  const headers = { authorization: `Bearer ${login.accessToken}` };
  const get = async (query) => {
    const start = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/assessments?${query}`, { headers });
    const body = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(body));
    return { ms: performance.now() - start, body };
  };

  // Walk deep into Kotka's list once to collect cursors at several depths.
  const cursors = [];
  let cursor = null;
  t0 = performance.now();
  for (let page = 0; page < 2000 && (page === 0 || cursor); page++) {
    const { body } = await get(`limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    cursor = body.nextCursor;
    if (cursor && page % 100 === 99) cursors.push(cursor);
  }
  console.log(`Walked ${cursors.length * 100 * 100} rows deep in ${seconds(t0)} s (100 rows a page)`);

  for (const [label, query] of [
    ['first page (25 rows)', () => 'limit=25'],
    ['deep pages (25 rows, cursors 10k–200k rows in)', (i) => `limit=25&cursor=${cursors[i % cursors.length]}`],
    ['in consultation, first page (25 rows, each with its next deadline)', () => 'limit=25&stage=consultation'],
    ['council deadlines in one week (first page)', () => `limit=25&deadlineFrom=${day(-14)}&deadlineTo=${day(-8)}`],
  ]) {
    await get(query(0)); // warm up
    const times = [];
    for (let i = 0; i < REQUESTS; i++) times.push((await get(query(i))).ms);
    times.sort((a, b) => a - b);
    console.log(
      `${label}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms over ${REQUESTS} requests`,
    );
  }

  const [{ id: kotka }] = (await db.query(`SELECT id FROM organizations WHERE name_fi = 'Kotka'`)).rows;
  // The same shape as AssessmentsService.list: one ordered index scan per visible municipality.
  const plan = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS)
     SELECT p.id FROM unnest($1::uuid[]) AS visible(municipality_id)
      CROSS JOIN LATERAL (
        SELECT x.id, x.created_at FROM assessments x
         WHERE x.municipality_id = visible.municipality_id
           AND (x.created_at, x.id) < (now() - interval '30 days', 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)
         ORDER BY x.created_at DESC, x.id DESC LIMIT 26) p
      ORDER BY p.created_at DESC, p.id DESC LIMIT 26`,
    [[kotka]],
  );
  console.log('Plan of a deep page:\n  ' + plan.rows.map((r) => r['QUERY PLAN']).join('\n  '));
  const { rows } = await db.query('SELECT (SELECT count(*)::int FROM assessments) AS n, (SELECT count(*)::int FROM consultations) AS c');
  console.log(`assessments in the table: ${rows[0].n.toLocaleString('en')}, consultations: ${rows[0].c.toLocaleString('en')}`);
} finally {
  api.kill('SIGTERM');
  await db.end();
}

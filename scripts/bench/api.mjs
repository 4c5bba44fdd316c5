// `npm run bench:api`: Lava's hot reads against a bare NestJS app running the same SQL.
// Fills a scratch database (lava_bench_api on the test server) with the demo data plus 10,000
// assessments and 100,000 comments, records the SQL statements Lava runs for each hot read (once, with
// record-sql.cjs preloaded), then loads Lava's API and the bare app (bare-nest.cjs) in turn with
// autocannon and prints requests/s, p50/p99 latency and the ratio Lava/bare for each read.
//
// Saturated, 100 connections queue behind each other (latency ≈ connections ÷ throughput, for the bare
// app as much as for Lava), so each read's latency is also measured unqueued: one connection, one
// request after another (what a person waits when the server is not saturated).
//
// BENCH_CONNECTIONS (default 100), BENCH_SECONDS per run (default 10), BENCH_ROUNDS
// (alternating Lava/bare runs per read, best kept; default 2), BENCH_ASSESSMENTS,
// BENCH_COMMENTS, BENCH_DATABASE (default lava_bench_api; also the queue prefix), BENCH_API_PORT (3210),
// BENCH_BARE_PORT (API port + 1). On a shared or busy machine the figures move a lot: compare the ratio, and run when
// `uptime` shows the load is low.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildIfChanged } from '../lib/build.mjs';
import { childEnv, repoRoot } from '../lib/env.mjs';
import { recreateDatabase } from '../lib/postgres.mjs';
import { run, waitForHttp } from '../lib/processes.mjs';

const ASSESSMENTS = Number(process.env.BENCH_ASSESSMENTS ?? 10_000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = Math.min(SECONDS, 3);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = process.env.BENCH_DATABASE ?? 'lava_bench_api';
const databaseUrl = Object.assign(new URL(server), { pathname: `/${databaseName}` }).toString();
const lavaPort = Number(process.env.BENCH_API_PORT ?? 3210);
const barePort = Number(process.env.BENCH_BARE_PORT ?? lavaPort + 1);
const recordDir = mkdtempSync(join(tmpdir(), 'lava-bench-api-'));
const env = childEnv({
  DATABASE_URL: databaseUrl,
  API_PORT: String(lavaPort),
  QUEUE_PREFIX: databaseName.replaceAll('_', '-'),
  LOG_LEVEL: 'error',
  MIGRATIONS_RUN: 'skip',
  NODE_ENV: 'development',
  BENCH_RECORD_DIR: recordDir,
});
const children = [];
const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);

async function prepare() {
  console.log(
    `Building the API and preparing ${databaseName}: ${ASSESSMENTS.toLocaleString('en')} assessments, ${COMMENTS.toLocaleString('en')} comments…`,
  );
  await buildIfChanged({
    root: repoRoot,
    name: 'api',
    inputs: [
      'api/src',
      'api/webpack.config.js',
      'api/tsconfig.app.json',
      'api/tsconfig.json',
      'api/project.json',
      'libs',
      'tsconfig.base.json',
      'package-lock.json',
      'nx.json',
    ],
    output: join('dist', 'api', 'main.js'),
    command: 'nx',
    args: ['build', 'api', '--configuration=development', '--outputStyle=static'],
    env,
  });
  await recreateDatabase(databaseUrl);
  await run('node', [join('dist', 'api', 'seed-demo.js')], { cwd: repoRoot, env });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const t0 = performance.now();
  await db.query(
    `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, created_at, updated_at)
     SELECT 'Assessment ' || n, (ARRAY['screening','draft','consultation','review','decision','decided','follow_up','closed'])[1 + n % 8],
            c.parent_id, c.id, u.id, u.id, ts, ts
       FROM generate_series(1, $1) AS n
       CROSS JOIN LATERAL (SELECT now() - n * interval '7 seconds' AS ts) t
       JOIN LATERAL (SELECT id, parent_id FROM organizations WHERE kind = 'committee' ORDER BY id OFFSET (n % 12) LIMIT 1) c ON true
       JOIN LATERAL (SELECT id FROM users WHERE email = 'official@kotka.example') u ON true`,
    [ASSESSMENTS],
  );
  // Comments: ten per staff thread, spread over the new assessments; the newest assessment (the one the
  // bench reads) gets a hundred threads of them in its sections.
  const threads = Math.ceil(COMMENTS / 10);
  await db.query(
    `WITH targets AS (
       SELECT a.id, row_number() OVER (ORDER BY a.created_at DESC) AS rank
         FROM assessments a WHERE a.title LIKE 'Assessment %')
     INSERT INTO comment_threads (assessment_id, section, audience, anchored_version, created_by_id, created_at, updated_at)
     SELECT t.id, (ARRAY['summary','children','impacts','alternatives'])[1 + n % 4], 'staff', 1, u.id,
            now() - n * interval '1 minute', now() - n * interval '1 minute'
       FROM generate_series(1, $1) AS n
       JOIN targets t ON t.rank = CASE WHEN n <= 100 THEN 1 ELSE 1 + (n % $2) END
       JOIN LATERAL (SELECT id FROM users WHERE email = 'official@kotka.example') u ON true`,
    [threads, ASSESSMENTS],
  );
  await db.query(
    `INSERT INTO comments (thread_id, author_id, body, created_at)
     SELECT t.id, t.created_by_id, 'Comment ' || k || ' on this section, long enough to look like a real one.', t.created_at + k * interval '1 second'
       FROM comment_threads t CROSS JOIN generate_series(1, 10) AS k`,
  );
  await db.query('ANALYZE');
  const [{ count: comments }] = (await db.query('SELECT count(*)::int AS count FROM comments')).rows;
  console.log(`Inserted in ${seconds(t0)} s (${comments.toLocaleString('en')} comments in all).`);
  await db.end();
}

async function startLava(preload) {
  const args = [...(preload ? ['-r', join(repoRoot, 'scripts', 'bench', 'record-sql.cjs')] : []), join('dist', 'api', 'main.js')];
  const child = spawn('node', args, { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  await waitForHttp(`http://127.0.0.1:${lavaPort}/api/health`, { child });
  return child;
}

async function signIn() {
  const response = await fetch(`http://127.0.0.1:${lavaPort}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'official@kotka.example', password: 'lava-demo-2026' }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return (await response.json()).accessToken;
}

async function load(url, headers, duration = SECONDS, connections = CONNECTIONS) {
  const result = await autocannon({ url, headers, connections, duration });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

let exitCode = 0;
try {
  await prepare();
  const headersFor = (token) => ({ authorization: `Bearer ${token}`, 'accept-language': 'fi' });

  // 1. What Lava runs for each read (the newest assessment: the one with a hundred threads).
  const recorder = await startLava(true);
  let token = await signIn();
  const list = await (await fetch(`http://127.0.0.1:${lavaPort}/api/assessments`, { headers: headersFor(token) })).json();
  const id = list.items[0].id;
  const reads = [
    ['list', '/api/assessments'],
    ['detail', `/api/assessments/${id}`],
    ['versions', `/api/assessments/${id}/versions`],
    ['threads', `/api/assessments/${id}/comment-threads`],
    ['me', '/api/auth/me'],
    ['bell', '/api/notifications?limit=20'],
  ];
  for (const [name, path] of reads) {
    const response = await fetch(`http://127.0.0.1:${lavaPort}${path}`, { headers: { ...headersFor(token), 'x-bench-record': name } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  writeFileSync(join(recordDir, 'routes.json'), JSON.stringify(reads.map(([name]) => name)));
  await stop(recorder);

  // 2. Both apps up; each read is loaded on Lava and on the bare app back to back (BENCH_ROUNDS times,
  // alternating, best run of each kept), so that other work on a shared machine weighs on both sides
  // of a ratio alike instead of on whichever app happened to run while it was busy.
  const loadAtStart = loadavg()[0];
  const lava = await startLava(false);
  const bare = spawn('node', [join(repoRoot, 'scripts', 'bench', 'bare-nest.cjs')], {
    cwd: repoRoot,
    env: { ...env, BARE_PORT: String(barePort), JWT_SECRET: env.JWT_SECRET ?? 'lava-development-secret-do-not-use-in-production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(bare);
  await waitForHttp(`http://127.0.0.1:${barePort}/api/bare/me`, { child: bare });
  token = await signIn();
  const results = {};
  const best = (a, b) => (!a || b.rps > a.rps ? b : a);
  for (const [name, path] of reads) {
    const lavaUrl = `http://127.0.0.1:${lavaPort}${path}`;
    const bareUrl = `http://127.0.0.1:${barePort}/api/bare/${name}`;
    await load(lavaUrl, headersFor(token), WARM_UP_SECONDS); // warm-up (JIT, caches, pool)
    await load(bareUrl, headersFor(token), WARM_UP_SECONDS);
    results[name] = { lava: null, bare: null };
    for (let round = 0; round < ROUNDS; round++) {
      results[name].lava = best(results[name].lava, await load(lavaUrl, headersFor(token)));
      results[name].bare = best(results[name].bare, await load(bareUrl, headersFor(token)));
    }
    results[name].single = await load(lavaUrl, headersFor(token), SECONDS, 1);
  }
  await stop(lava);
  await stop(bare);

  console.log(
    `\nHot reads, ${CONNECTIONS} connections, best of ${ROUNDS} × ${SECONDS} s each (Lava API vs a bare NestJS app, Express, running the same SQL)`,
  );
  console.log('read       SQL    Lava req/s   p50   p99    bare req/s   p50   p99    Lava/bare');
  for (const [name, path] of reads) {
    const { lava: l, bare: b } = results[name];
    const statements = JSON.parse(readFileSync(join(recordDir, `${name}.json`), 'utf8')).length;
    const row = [
      name.padEnd(9),
      String(statements).padStart(4),
      l.rps.toFixed(0).padStart(12),
      String(l.p50).padStart(5),
      String(l.p99).padStart(5),
      b.rps.toFixed(0).padStart(13),
      String(b.p50).padStart(5),
      String(b.p99).padStart(5),
      `${(l.rps / b.rps).toFixed(2)}×`.padStart(11),
    ];
    console.log(`${row.join(' ')}${l.errors || b.errors ? `   (errors: Lava ${l.errors}, bare ${b.errors})` : ''}   ${path}`);
  }
  console.log('(latencies in ms; SQL = statements Lava runs for the read, the bare app runs the same)');
  console.log('\nLava unqueued: one connection, one request after another');
  console.log('read       req/s   p50   p99');
  for (const [name] of reads) {
    const p = results[name].single;
    console.log(
      `${name.padEnd(9)} ${p.rps.toFixed(0).padStart(6)} ${String(p.p50).padStart(5)} ${String(p.p99).padStart(5)}${p.errors ? `   (errors: ${p.errors})` : ''}`,
    );
  }
  const tabs = 2000;
  console.log(
    `\nThe bell: polling every 5 s was ${tabs / 5} requests/s for ${tabs.toLocaleString('en')} open tabs (1,000 officials with two tabs), ` +
      `each like the "bell" row above; with server-sent events an idle tab sends none (a comment line every 25 s keeps the stream open) ` +
      `and reads the list only when its notifications change.`,
  );
  console.log(
    `(load average ${loadAtStart.toFixed(1)} at the start of the runs, ${loadavg()[0].toFixed(1)} at the end, on ${(await import('node:os')).cpus().length} cores: figures from a busy machine are low and noisy)`,
  );
} catch (error) {
  console.error(`\n[bench:api] ${error.stack ?? error.message}`);
  exitCode = 1;
} finally {
  for (const child of children) await stop(child);
}
process.exit(exitCode);

// `npm run bench:versions`: how fast one assessment's version history pages and compares when a long
// autosaved drafting session has left thousands of versions with whole texts in them. Builds the API,
// fills a scratch database (lava_bench_versions on the test server) with the demo data plus one
// assessment with VERSIONS versions (each a ~2 KB text edit; every tenth also a second text), starts
// the real API and times through HTTP: the first page of the history, a deep page (keyset on the
// version number), and a comparison across every version. Prints the figures and the compare plan.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { childEnv, repoRoot } from '../lib/env.mjs';
import { recreateDatabase } from '../lib/postgres.mjs';
import { run, waitForHttp } from '../lib/processes.mjs';

const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 5_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
// The impact matrix: one assessment with MATRIX_ROWS rows saved MATRIX_VERSIONS times through the API,
// each save changing one row's note (the history's payload is what the page downloads).
const MATRIX_ROWS = Number(process.env.BENCH_MATRIX_ROWS ?? 100);
const MATRIX_VERSIONS = Number(process.env.BENCH_MATRIX_VERSIONS ?? 5_000);
const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = process.env.BENCH_DATABASE ?? 'lava_bench_versions';
const databaseUrl = Object.assign(new URL(server), { pathname: `/${databaseName}` }).toString();
const port = Number(process.env.BENCH_API_PORT ?? 3203);
const env = childEnv({
  DATABASE_URL: databaseUrl,
  API_PORT: String(port),
  QUEUE_PREFIX: 'lava-bench-versions',
  LOG_LEVEL: 'error',
  MIGRATIONS_RUN: 'skip',
});

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

console.log(`Building the API and preparing one assessment with ${VERSIONS.toLocaleString('en')} versions in ${databaseName}…`);
await run('nx', ['build', 'api'], { cwd: repoRoot, env });
await recreateDatabase(databaseUrl);
await run('node', [join('dist', 'api', 'seed-demo.js')], { cwd: repoRoot, env });

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const t0 = performance.now();
const [{ id }] = (
  await db.query(
    `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, version)
     SELECT 'Autosaved all day', 'draft', c.parent_id, c.id, u.id, u.id, $1::int
       FROM organizations c, users u
      WHERE c.kind = 'committee' AND u.email = 'official@kotka.example'
        AND c.parent_id = (SELECT organization_id FROM memberships m WHERE m.user_id = u.id AND m.role = 'official' LIMIT 1)
      LIMIT 1
     RETURNING id`,
    [VERSIONS],
  )
).rows;
// Text n: ~2 KB of hex words (barely compressible, like prose after TOAST's compression would be).
// Version n (2…VERSIONS) changes the mitigation text from text n-1 to text n; every tenth also the
// recommendation, and versions alternate between two officials.
await db.query(
  `WITH texts AS (
     SELECT n, (SELECT string_agg(md5(n::text || '-' || i::text), ' ') FROM generate_series(1, 60) i) AS body
       FROM generate_series(1, $2::int) n
   ), people AS (
     SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE email IN ('official@kotka.example', 'reviewer@kotka.example')
   )
   INSERT INTO assessment_versions (assessment_id, version, changed_at, changed_by_id, kind, changes)
   SELECT $1::uuid, t.n, now() - ($2::int - t.n) * interval '20 seconds', p.ids[1 + (t.n % array_length(p.ids, 1))],
          CASE WHEN t.n = 1 THEN 'created' ELSE 'edited' END,
          CASE WHEN t.n = 1 THEN '{}'::jsonb
               ELSE jsonb_build_object('mitigation.text', jsonb_build_object('from', prev.body, 'to', t.body))
                    || CASE WHEN t.n % 10 = 0
                            THEN jsonb_build_object('recommendation.text', jsonb_build_object('from', left(prev.body, 500), 'to', left(t.body, 500)))
                            ELSE '{}'::jsonb END
          END
     FROM texts t LEFT JOIN texts prev ON prev.n = t.n - 1, people p`,
  [id, VERSIONS],
);
await db.query(`UPDATE assessments SET mitigation = $2 WHERE id = $1`, [
  id,
  (
    await db.query(`SELECT changes -> 'mitigation.text' ->> 'to' AS t FROM assessment_versions WHERE assessment_id = $1 AND version = $2`, [
      id,
      VERSIONS,
    ])
  ).rows[0]?.t ?? '',
]);
await db.query('ANALYZE assessment_versions');
const size = (await db.query(`SELECT pg_size_pretty(pg_total_relation_size('assessment_versions')) AS s`)).rows[0].s;
console.log(`Inserted in ${seconds(t0)} s (assessment_versions: ${size})`);

const api = spawn('node', [join('dist', 'api', 'main.js')], { cwd: repoRoot, env, stdio: 'inherit' });
try {
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { child: api });
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'official@kotka.example', password: 'lava-demo-2026' }),
  }).then((r) => r.json());
  const headers = { authorization: `Bearer ${login.accessToken}` };
  const get = async (path) => {
    const start = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/assessments/${id}/${path}`, { headers });
    const body = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(body));
    return { ms: performance.now() - start, body, bytes: Number(response.headers.get('content-length') ?? 0) };
  };

  const compared = (await get(`versions/compare?from=1&to=${VERSIONS}`)).body;
  console.log(
    `compare 1→${VERSIONS}: ${compared.fields.map((f) => `${f.field} (${f.changeCount} changes by ${f.changedBy.length} ${f.changedBy.length === 1 ? 'person' : 'people'})`).join(', ')}`,
  );
  for (const [label, path] of [
    ['first page (30 versions)', 'versions'],
    [`deep page (30 versions before version 100)`, 'versions?before=100'],
    [`compare across all ${VERSIONS.toLocaleString('en')} versions`, `versions/compare?from=1&to=${VERSIONS}`],
  ]) {
    const { bytes } = await get(path); // warm up
    const times = [];
    for (let i = 0; i < REQUESTS; i++) times.push((await get(path)).ms);
    times.sort((a, b) => a - b);
    console.log(
      `${label}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms over ${REQUESTS} requests (${(bytes / 1024).toFixed(0)} KB)`,
    );
  }

  await matrixHistory(db, headers);

  // The compare's range scan, as AssessmentRecordService.compare runs it (the per-field reads trimmed).
  const plan = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS)
     SELECT f.key, min(v.version), max(v.version), count(*)
       FROM assessment_versions v CROSS JOIN LATERAL jsonb_each(v.changes) f
      WHERE v.assessment_id = $1 AND v.version > 1 AND v.version <= $2
      GROUP BY f.key`,
    [id, VERSIONS],
  );
  console.log('Plan of the compare range scan:\n  ' + plan.rows.map((r) => r['QUERY PLAN']).join('\n  '));
} finally {
  api.kill('SIGTERM');
  await db.end();
}

/**
 * A second assessment whose matrix of MATRIX_ROWS rows is saved MATRIX_VERSIONS times through the real
 * PATCH, one row's note changed each time, every save its own version (an editing session apart from
 * the one before: the bench moves the previous version's times back an hour). Prints the size of the
 * history's first page, a deep page and the table.
 */
async function matrixHistory(db, headers) {
  const [{ id }] = (
    await db.query(
      `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, version,
                                screening_affects_children)
       SELECT 'Matrix all day', 'draft', c.parent_id, c.id, u.id, u.id, 1, true
         FROM organizations c, users u
        WHERE c.kind = 'committee' AND u.email = 'official@kotka.example'
          AND c.parent_id = (SELECT organization_id FROM memberships m WHERE m.user_id = u.id AND m.role = 'official' LIMIT 1)
        LIMIT 1
       RETURNING id`,
    )
  ).rows;
  await db.query(`INSERT INTO assessment_versions (assessment_id, version, kind) VALUES ($1, 1, 'created')`, [id]);
  const base = `http://127.0.0.1:${port}/api/assessments/${id}`;
  const alternatives = [0, 1].map((i) => ({ id: crypto.randomUUID(), title: `Alternative ${i + 1}`, description: '' }));
  const rows = Array.from({ length: MATRIX_ROWS }, (_, i) => matrixRow(alternatives[i % 2].id, i));
  let version = 1;
  const patch = async (body) => {
    const response = await fetch(base, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ version, ...body }),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(answer));
    version = answer.version;
    // The next save comes in a later editing session.
    await db.query(
      `UPDATE assessment_versions SET changed_at = changed_at - interval '1 hour' WHERE assessment_id = $1 AND version = $2`,
      [id, version],
    );
    return answer;
  };
  const t0 = performance.now();
  let saved = await patch({ alternatives: { items: alternatives }, impactMatrix: { rows } });
  for (let n = 1; n < MATRIX_VERSIONS; n++) {
    const matrix = saved.impactMatrix.rows;
    const i = n % matrix.length;
    matrix[i] = { ...matrix[i], note: `Note of save ${n}: ${'the impact seen in the school health survey '.repeat(2)}` };
    saved = await patch({ impactMatrix: { rows: matrix } });
    if (n % 1000 === 0) console.log(`  … ${n} matrix saves (${seconds(t0)} s)`);
  }
  const size = (await db.query(`SELECT pg_size_pretty(pg_total_relation_size('assessment_versions')) AS s`)).rows[0].s;
  console.log(
    `Matrix of ${saved.impactMatrix.rows.length} rows saved ${MATRIX_VERSIONS.toLocaleString('en')} times in ${seconds(t0)} s: ${version} versions (assessment_versions now ${size})`,
  );
  for (const [label, path] of [
    ['matrix history, first page (30 versions)', 'versions'],
    ['matrix history, deep page (30 versions before version 100)', 'versions?before=100'],
    [`matrix compare 1→${version}`, `versions/compare?from=1&to=${version}`],
  ]) {
    const start = performance.now();
    const response = await fetch(`${base}/${path}`, { headers });
    const text = await response.text();
    console.log(`${label}: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB in ${(performance.now() - start).toFixed(0)} ms`);
  }
}

function matrixRow(alternativeId, i) {
  return {
    id: crypto.randomUUID(),
    alternativeId,
    article: [2, 3, 6, 12, 28, 31][i % 6],
    group: 'all',
    direction: 'positive',
    directness: 'direct',
    term: 'short',
    note: `Row ${i}`,
  };
}

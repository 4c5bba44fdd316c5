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
// The impact matrix: one assessment with MATRIX_ROWS rows and MATRIX_VERSIONS versions, each changing one
// row's note (the history's payload is what the page downloads). See matrixHistory.
const MATRIX_ROWS = Number(process.env.BENCH_MATRIX_ROWS ?? 100);
const MATRIX_VERSIONS = Number(process.env.BENCH_MATRIX_VERSIONS ?? 5_000);
const MATRIX_SAVES = Number(process.env.BENCH_MATRIX_SAVES ?? 200);
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
 * A second assessment whose matrix of MATRIX_ROWS rows is saved through the real PATCH MATRIX_SAVES
 * times, one row's note changed each time, every save its own version (an editing session apart
 * from the one before: the bench moves the version's times back an hour). The versions the API wrote
 * are then repeated by SQL, as they are, up to MATRIX_VERSIONS (saving 5,000 times through HTTP takes
 * too long on a shared machine). Prints the size of the history's pages, a comparison and the table.
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
  const shape = process.env.BENCH_MATRIX_SHAPE ?? 'impacts';
  const alternatives = [0, 1].map((i) => ({
    id: crypto.randomUUID(),
    title: `Alternative ${i + 1}`,
    description: '',
    ...(shape === 'impacts' ? { defaultName: null } : {}),
  }));
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
    await db.query(`UPDATE assessment_versions SET changed_at = changed_at - interval '1 hour' WHERE assessment_id = $1 AND version = $2`, [
      id,
      version,
    ]);
    await db
      .query(`UPDATE assessment_versions SET started_at = started_at - interval '1 hour' WHERE assessment_id = $1 AND version = $2`, [
        id,
        version,
      ])
      .catch(() => undefined); // (no such column before versions were coalesced)
    return answer;
  };
  const t0 = performance.now();
  let saved = await patch({ alternatives: { items: alternatives }, impactMatrix: { rows } });
  for (let n = 1; n < MATRIX_SAVES; n++) {
    const matrix = saved.impactMatrix.rows;
    const i = n % matrix.length;
    matrix[i] = { ...matrix[i], note: `Note of save ${n}: ${'the impact seen in the school health survey '.repeat(2)}` };
    saved = await patch({ impactMatrix: { rows: matrix } });
  }
  console.log(
    `Matrix of ${saved.impactMatrix.rows.length} rows saved ${MATRIX_SAVES} times through the API in ${seconds(t0)} s: ${version} versions`,
  );
  // Versions 3… repeated (one note change each) up to MATRIX_VERSIONS.
  await db.query(
    `INSERT INTO assessment_versions (assessment_id, version, changed_at, changed_by_id, kind, changes)
     SELECT $1::uuid, n, now() - ($2::int - n) * interval '20 seconds', t.changed_by_id, t.kind, t.changes
       FROM generate_series($3::int + 1, $2::int) n
       JOIN assessment_versions t ON t.assessment_id = $1 AND t.version = 3 + (n - 3) % ($3::int - 2)`,
    [id, MATRIX_VERSIONS, version],
  );
  await db.query(`UPDATE assessments SET version = $2 WHERE id = $1`, [id, MATRIX_VERSIONS]);
  await db.query('ANALYZE assessment_versions');
  const size = (await db.query(`SELECT pg_size_pretty(pg_total_relation_size('assessment_versions')) AS s`)).rows[0].s;
  console.log(`… repeated to ${MATRIX_VERSIONS.toLocaleString('en')} versions (assessment_versions now ${size})`);
  for (const [label, path] of [
    ['matrix history, first page (30 versions)', 'versions'],
    ['matrix history, deep page (30 versions before version 100)', 'versions?before=100'],
    [`matrix compare 1→${MATRIX_VERSIONS}`, `versions/compare?from=1&to=${MATRIX_VERSIONS}`],
    [`matrix compare ${MATRIX_VERSIONS - 1}→${MATRIX_VERSIONS}`, `versions/compare?from=${MATRIX_VERSIONS - 1}&to=${MATRIX_VERSIONS}`],
  ]) {
    const times = [];
    let bytes = 0;
    for (let r = 0; r < 5; r++) {
      const start = performance.now();
      const response = await fetch(`${base}/${path}`, { headers });
      const text = await response.text();
      if (!response.ok) throw new Error(text);
      times.push(performance.now() - start);
      bytes = Buffer.byteLength(text);
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: ${(bytes / 1024).toFixed(1)} KB, median ${times[2].toFixed(0)} ms over 5 requests`);
  }
}

/** A row in the matrix contract of the code being measured (multi-article impacts since issue 10, single articles before). */
function matrixRow(alternativeId, i) {
  const article = [2, 3, 6, 12, 28, 31][i % 6];
  const shape = process.env.BENCH_MATRIX_SHAPE ?? 'impacts';
  return {
    id: crypto.randomUUID(),
    alternativeId,
    ...(shape === 'impacts' ? { articles: [article], groups: ['all'], wellbeing: [] } : { article, group: 'all' }),
    direction: 'positive',
    directness: 'direct',
    term: 'short',
    note: `Row ${i}`,
  };
}

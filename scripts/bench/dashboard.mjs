// `npm run bench:dashboard`: the dashboard's aggregates at a million assessments and ten million
// statement points across 30 organizations (issue 13). Builds the API (for its migrations and demo
// seed), fills a throwaway database (lava_bench_dashboard on the test server) with generate_series,
// then runs each dashboard query (the very SQL of api/src/app/dashboard/dashboard.sql.ts) repeatedly
// over three scopes — the whole region, one organization, one organization and one year — and prints
// p50/p95 per chart, the EXPLAIN (ANALYZE, BUFFERS) plans' index use, and the machine's load average.
// BENCH_ASSESSMENTS, BENCH_POINTS, BENCH_RUNS scale it; BENCH_SKIP_BUILD=true reuses dist/api;
// BENCH_REUSE=true times an already seeded lava_bench_dashboard again (no build, no seeding).
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { childEnv, repoRoot } from '../lib/env.mjs';
import { recreateDatabase } from '../lib/postgres.mjs';
import { run } from '../lib/processes.mjs';
import { DASHBOARD_SQL, dashboardParameters } from '../../api/src/app/dashboard/dashboard.sql.ts';

const ASSESSMENTS = Number(process.env.BENCH_ASSESSMENTS ?? 1_000_000);
const POINTS = Number(process.env.BENCH_POINTS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const REUSE = process.env.BENCH_REUSE === 'true';
/** BENCH_TABLES: only these charts (comma-separated), e.g. BENCH_TABLES=dispositions. */
const ONLY = process.env.BENCH_TABLES?.split(',');
const ORGANIZATIONS = 30;
const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseUrl = Object.assign(new URL(server), { pathname: '/lava_bench_dashboard' }).toString();
const env = childEnv({ DATABASE_URL: databaseUrl, QUEUE_PREFIX: 'lava-bench-dashboard', LOG_LEVEL: 'error' });

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} CPUs`;

console.log(
  `Preparing ${ASSESSMENTS.toLocaleString('en')} assessments and ${POINTS.toLocaleString('en')} statement points in lava_bench_dashboard (${load()})…`,
);
if (!REUSE && process.env.BENCH_SKIP_BUILD !== 'true') await run('nx', ['build', 'api'], { cwd: repoRoot, env });
if (!REUSE) await recreateDatabase(databaseUrl);
if (!REUSE) await run('node', [join('dist', 'api', 'seed-demo.js')], { cwd: repoRoot, env });

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const step = async (label, sql, params = []) => {
  const t0 = performance.now();
  const result = await db.query(sql, params);
  console.log(`  ${label}: ${result.rowCount?.toLocaleString('en') ?? ''} rows in ${seconds(t0)} s`);
};
async function benchOrganizations() {
  await db.query(`CREATE TEMP TABLE bench_org AS
    SELECT row_number() OVER (ORDER BY m.id) - 1 AS i, m.id AS municipality_id,
           (SELECT array_agg(c.id ORDER BY c.id) FROM organizations c WHERE c.parent_id = m.id AND c.kind = 'committee') AS committees,
           (SELECT yc.id FROM organizations yc WHERE yc.parent_id = m.id AND yc.kind = 'youth_council') AS council
      FROM organizations m WHERE m.kind = 'municipality' AND m.name_fi LIKE 'Kunta %'`);
}

async function seed() {
  await db.query(`SET synchronous_commit = off`);
  const t0 = performance.now();
  // 30 municipalities of the demo region (Kymenlaakso), each with two committees and a youth council.
  await step(
    'organizations',
    `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en)
     SELECT 'municipality', r.id, 'Kunta ' || n, 'Kommun ' || n, 'Municipality ' || n
       FROM generate_series(1, ${ORGANIZATIONS}) n, (SELECT id FROM organizations WHERE kind = 'region' ORDER BY created_at LIMIT 1) r`,
  );
  await step(
    'committees and councils',
    `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en)
     SELECT k, m.id, k || ' ' || m.name_fi, k || ' ' || m.name_sv, k || ' ' || m.name_en
       FROM organizations m CROSS JOIN (VALUES ('committee'), ('committee'), ('youth_council')) AS kinds(k)
      WHERE m.kind = 'municipality' AND m.name_fi LIKE 'Kunta %'`,
  );
  await benchOrganizations();
  const [{ id: official }] = (await db.query(`SELECT id FROM users WHERE email = 'official@kotka.example'`)).rows;
  // Stages spread like a living register: many closed and decided, fewer in the middle. n % 20 picks:
  // 0 screening, 1–2 draft, 3 consultation, 4 review, 5 decision, 6–9 decided, 10–11 follow-up,
  // 12–16 closed after a decision, 17–19 closed as screened out ("no impact").
  await step(
    'assessments',
    `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, created_at, updated_at,
                              screening_affects_children, screening_signed_at, planned_meeting_date, follow_up_date)
     SELECT 'Bench ' || n, s.stage, o.municipality_id, o.committees[1 + (n / ${ORGANIZATIONS}) % 2], $2, $2, t.created, t.created,
            CASE WHEN s.stage = 'screening' THEN NULL ELSE n % 20 < 17 END,
            CASE WHEN s.stage = 'screening' THEN NULL ELSE t.created + interval '3 days' END,
            (t.created + interval '90 days')::date,
            CASE WHEN s.stage IN ('decided', 'follow_up', 'closed') AND n % 20 < 17 THEN (t.created + interval '400 days')::date END
       FROM generate_series(1, $1) n
       JOIN bench_org o ON o.i = n % ${ORGANIZATIONS}
       CROSS JOIN LATERAL (SELECT timestamptz '2019-01-01' + (n::float / $1) * (now() - timestamptz '2019-01-01') AS created) t
       CROSS JOIN LATERAL (SELECT (ARRAY['screening','draft','draft','consultation','review','decision','decided','decided','decided','decided',
                                         'follow_up','follow_up','closed','closed','closed','closed','closed','closed','closed','closed'])[1 + n % 20] AS stage) s`,
    [ASSESSMENTS, official],
  );
  // The stage history: created, then one transition per stage passed, 3–20 days apart.
  await step(
    'stage history (audit events)',
    `INSERT INTO audit_events (occurred_at, actor_user_id, entity_type, entity_id, action, from_stage, to_stage)
     SELECT a.created_at + make_interval(days => (k * (3 + (hashtext(a.id::text) & 15)))::int), $1, 'assessment', a.id,
            CASE WHEN k = 0 THEN 'assessment.created' ELSE 'assessment.transition' END,
            CASE WHEN k = 0 THEN NULL ELSE path[k] END, path[k + 1]
       FROM assessments a
       CROSS JOIN LATERAL (SELECT CASE
           WHEN a.stage = 'closed' AND NOT a.screening_affects_children THEN ARRAY['screening','closed']
           ELSE (ARRAY['screening','draft','consultation','review','decision','decided','follow_up','closed'])[1:array_position(
                  ARRAY['screening','draft','consultation','review','decision','decided','follow_up','closed'], a.stage)] END AS path) p
       CROSS JOIN LATERAL generate_series(0, array_length(p.path, 1) - 1) k
      WHERE a.title LIKE 'Bench %'`,
    [official],
  );
  await step(
    'decisions',
    `INSERT INTO decisions (assessment_id, committee_id, outcome, meeting_date, minutes_section, signed_by_id)
     SELECT id, committee_id, (ARRAY['approved','approved_as_modified','rejected'])[1 + abs(hashtext(id::text)) % 3], planned_meeting_date, '§ 1', $1
       FROM assessments WHERE title LIKE 'Bench %' AND stage IN ('decided','follow_up','closed') AND screening_affects_children`,
    [official],
  );
  // Every assessment that reached the consultation asked its own council: 80 % answered (a fifth of them late).
  await step(
    'consultations',
    `INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, status, opened_at, closed_at, sent_version)
     SELECT a.id, o.council, 1, a.created_at + interval '30 days',
            CASE WHEN abs(hashtext(a.id::text)) % 10 < 8 THEN 'submitted' ELSE 'drafting' END,
            a.created_at + interval '10 days', CASE WHEN a.stage <> 'consultation' THEN a.created_at + interval '30 days' END, 1
       FROM assessments a JOIN bench_org o ON o.municipality_id = a.municipality_id
      WHERE a.title LIKE 'Bench %' AND a.stage NOT IN ('screening','draft') AND a.screening_affects_children`,
  );
  await step(
    'statements',
    `INSERT INTO statements (consultation_id, submitted_at)
     SELECT c.id, CASE WHEN c.status = 'submitted' THEN c.deadline + make_interval(days => (abs(hashtext(c.id::text)) % 10) - 8) END
       FROM consultations c JOIN assessments a ON a.id = c.assessment_id WHERE a.title LIKE 'Bench %'`,
  );
  const [{ submitted }] = (await db.query(`SELECT count(*)::int AS submitted FROM statements WHERE submitted_at IS NOT NULL`)).rows;
  const perStatement = Math.max(1, Math.round(POINTS / Math.max(1, submitted)));
  await step(
    `statement points (${perStatement} per submitted statement)`,
    `INSERT INTO statement_points (statement_id, position, text, disposition, disposition_reason)
     SELECT s.id, k, 'Point ' || k,
            (ARRAY['accepted','partly_accepted','not_accepted','out_of_scope',NULL])[1 + (k + abs(hashtext(s.id::text))) % 5],
            CASE WHEN k % 3 = 0 THEN '' ELSE 'Reason' END
       FROM statements s CROSS JOIN generate_series(1, $1) k
      WHERE s.submitted_at IS NOT NULL`,
    [perStatement],
  );
  console.log('  VACUUM ANALYZE…');
  await db.query('VACUUM ANALYZE');
  console.log(`Seeded in ${seconds(t0)} s (${load()})`);
}

if (REUSE) {
  await benchOrganizations();
  console.log(`  VACUUM ANALYZE… (${load()})`);
  // BENCH_VACUUM names tables (comma-separated) to vacuum instead of all, e.g. while another run still fills one.
  await db.query(`VACUUM ANALYZE ${(process.env.BENCH_VACUUM ?? '').replace(/[^a-z_,]/g, '')}`);
} else await seed();

const counts = (
  await db.query(`SELECT (SELECT count(*)::int FROM assessments) AS assessments, (SELECT count(*)::int FROM statement_points) AS points,
                         (SELECT count(*)::int FROM consultations) AS consultations, (SELECT count(*)::int FROM audit_events) AS events`)
).rows[0];
console.log(
  `In the database: ${counts.assessments.toLocaleString('en')} assessments, ${counts.points.toLocaleString('en')} statement points, ` +
    `${counts.consultations.toLocaleString('en')} consultations, ${counts.events.toLocaleString('en')} audit events`,
);

const all = (await db.query(`SELECT array_agg(municipality_id) AS ids FROM bench_org`)).rows[0].ids;
const one = [all[0]];
const year = new Date().getFullYear() - 1;
const scopes = [
  ['region (30 organizations)', { organizationIds: all, committeeId: null, year: null }],
  ['one organization', { organizationIds: one, committeeId: null, year: null }],
  [`one organization, year ${year}`, { organizationIds: one, committeeId: null, year }],
];
const plans = [];
for (const [scopeLabel, filter] of scopes) {
  console.log(`\n${scopeLabel} (${RUNS} runs each, ${load()}):`);
  for (const [table, sql] of Object.entries(DASHBOARD_SQL).filter(([t]) => !ONLY || ONLY.includes(t))) {
    const text = sql('name_fi');
    const params = dashboardParameters(filter);
    await db.query(text, params); // warm up
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await db.query(text, params);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${table.padEnd(14)} p50 ${percentile(times, 50).toFixed(1).padStart(8)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(8)} ms`,
    );
    if (scopeLabel === 'one organization') plans.push([table, text, params]);
  }
}

console.log('\nIndex use, one organization (EXPLAIN (ANALYZE, BUFFERS)):');
for (const [table, text, params] of plans) {
  const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params)).rows.map((r) => r['QUERY PLAN']);
  const scans = plan.filter((line) => /Scan|Execution Time/.test(line)).map((line) => line.trim().replace(/\s+\(cost=[^)]*\)/, ''));
  console.log(`  ${table}:\n    ${scans.join('\n    ')}`);
}
if (process.env.BENCH_FULL_PLANS === 'true')
  for (const [table, text, params] of plans)
    console.log(
      `\n${table}:\n` + (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n'),
    );
console.log(`\nDone (${load()}). The database lava_bench_dashboard is left for inspection; drop it when done.`);
await db.end();

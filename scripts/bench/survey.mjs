// `npm run bench:survey`: a school of pupils and a link shared on social media answering one
// children's survey at once. Builds the API, makes a scratch database (lava_bench_survey on the test
// server) with the demo data and one open survey, starts the real API and worker, and posts ANSWERS
// answers with CONNECTIONS concurrent clients (autocannon), each from its own address (X-Forwarded-For
// behind the one proxy the API trusts), every RETRY_EVERY-th a retry of an answer already sent (same
// client-made id). Prints throughput, p50/p95/p99, and whether the database holds exactly the distinct
// answers that were accepted: 0 lost, 0 doubled. Exits 1 on any loss, double or non-2xx answer.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { childEnv, repoRoot } from '../lib/env.mjs';
import { recreateDatabase } from '../lib/postgres.mjs';
import { run, waitForHttp } from '../lib/processes.mjs';

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const RETRY_EVERY = Number(process.env.BENCH_RETRY_EVERY ?? 20);
const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseUrl = Object.assign(new URL(server), { pathname: '/lava_bench_survey' }).toString();
const port = Number(process.env.BENCH_API_PORT ?? 3220);
const env = childEnv({
  DATABASE_URL: databaseUrl,
  API_PORT: String(port),
  QUEUE_PREFIX: `lava-bench-survey-${process.pid}`,
  LOG_LEVEL: 'error',
  OUTBOX_RELAY_INTERVAL_MS: '500',
  TRUST_PROXY_HOPS: '1',
});

console.log(`Building the API and preparing one open survey in lava_bench_survey…`);
if (process.env.BENCH_SKIP_BUILD !== 'true') await run('nx', ['build', 'api'], { cwd: repoRoot, env });
await recreateDatabase(databaseUrl);
await run('node', [join('dist', 'api', 'seed-demo.js')], { cwd: repoRoot, env });

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const questions = [
  { id: 'mood', kind: 'smiley', faces: 5, text: { fi: 'Miltä tuntuu?', sv: 'Hur känns det?', en: 'How does it feel?' }, options: [] },
  {
    id: 'how',
    kind: 'single',
    faces: null,
    text: { fi: 'Miten kuljet?', sv: 'Hur tar du dig?', en: 'How do you travel?' },
    options: ['walk', 'bike', 'bus', 'car'].map((id) => ({ id, label: { fi: id, sv: id, en: id }, emoji: '' })),
  },
  {
    id: 'like',
    kind: 'multiple',
    faces: null,
    text: { fi: 'Mistä pidät?', sv: 'Vad tycker du om?', en: 'What do you like?' },
    options: ['friends', 'nature', 'sports'].map((id) => ({ id, label: { fi: id, sv: id, en: id }, emoji: '' })),
  },
  { id: 'say', kind: 'text', faces: null, text: { fi: 'Sano', sv: 'Säg', en: 'Say' }, options: [] },
  { id: 'age', kind: 'age_band', faces: null, text: { fi: '', sv: '', en: '' }, options: [] },
];
const {
  rows: [survey],
} = await db.query(
  `INSERT INTO surveys (assessment_id, created_by_id, languages, title, intro, questions, opens_at, closes_at)
   SELECT a.id, a.responsible_official_id, '{fi,sv,en}', '{"fi":"Kysely","sv":"Enkät","en":"Survey"}', '{"fi":"","sv":"","en":""}', $1,
          now() - interval '1 hour', now() + interval '1 day'
     FROM assessments a ORDER BY a.created_at LIMIT 1
   RETURNING id`,
  [JSON.stringify(questions)],
);
const surveyId = survey.id;

const api = spawn('node', [join('dist', 'api', 'main.js')], { cwd: repoRoot, env, stdio: 'inherit' });
let exitCode = 0;
try {
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { child: api });
  const sent = [];
  const bands = ['under_10', '10_12', '13_15', '16_17'];
  const pick = (list, n) => list[n % list.length];
  let n = 0;
  const answerBody = () => {
    n += 1;
    const retry = RETRY_EVERY > 0 && n % RETRY_EVERY === 0 && sent.length > 0;
    const id = retry ? sent[Math.floor(Math.random() * sent.length)] : randomUUID();
    if (!retry) sent.push(id);
    return {
      id,
      language: pick(['fi', 'sv', 'en'], n),
      answers: {
        mood: 1 + (n % 5),
        how: pick(['walk', 'bike', 'bus', 'car'], n),
        like: n % 3 === 0 ? ['friends', 'sports'] : ['nature'],
        age: pick(bands, n),
        ...(n % 4 === 0 ? { say: `Vastaus ${n}: koulumatka voisi olla turvallisempi.` } : {}),
      },
    };
  };

  console.log(`Posting ${ANSWERS.toLocaleString('en')} answers with ${CONNECTIONS} concurrent clients (every ${RETRY_EVERY}th a retry)…`);
  const load = loadavg()[0];
  const statuses = new Map();
  const instance = autocannon({
    url: `http://127.0.0.1:${port}/api/public/surveys/${surveyId}/answers`,
    connections: CONNECTIONS,
    amount: ANSWERS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          headers: {
            'content-type': 'application/json',
            'accept-language': 'fi',
            // One device, one address: the per-address limit is for floods, not for a school.
            'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          },
          body: JSON.stringify(answerBody()),
        }),
      },
    ],
  });
  const times = [];
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    times.push(responseTime);
  });
  const result = await instance;

  const {
    rows: [{ answers, texts }],
  } = await db.query(
    `SELECT (SELECT count(*)::int FROM survey_answers WHERE survey_id = $1) AS answers,
            (SELECT count(*)::int FROM survey_free_texts WHERE survey_id = $1) AS texts`,
    [surveyId],
  );
  const {
    rows: [{ present }],
  } = await db.query(`SELECT count(*)::int AS present FROM survey_answers WHERE id = ANY($1::uuid[])`, [sent]);
  const ok = statuses.get(200) ?? 0;
  const lost = sent.length - present;
  const doubled = answers - present;
  console.log('');
  console.log(
    `  answers sent         ${result.requests.sent.toLocaleString('en')} (${sent.length.toLocaleString('en')} distinct, ${(result.requests.sent - sent.length).toLocaleString('en')} retries)`,
  );
  console.log(
    `  responses            ${[...statuses].map(([s, c]) => `${s}: ${c}`).join(', ')}; errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  console.log(
    `  throughput           ${(result.requests.sent / (result.duration || 1)).toFixed(0)} answers/s over ${result.duration.toFixed(1)} s (mean ${result.requests.average.toFixed(0)} req/s)`,
  );
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]?.toFixed(1);
  console.log(`  latency              p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms, max ${times.at(-1)?.toFixed(1)} ms`);
  console.log(`  in the database      ${answers.toLocaleString('en')} answers, ${texts.toLocaleString('en')} free texts`);
  console.log(`  lost                 ${lost}`);
  console.log(`  doubled              ${doubled}`);
  console.log(
    `  load average         ${load.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end (2 cores shared: figures are low and noisy)`,
  );
  if (lost !== 0 || doubled !== 0 || ok !== result.requests.sent) exitCode = 1;
  console.log(exitCode === 0 ? '\n  OK: every distinct answer counted exactly once.' : '\n  FAILED: see above.');
} finally {
  api.kill('SIGTERM');
  await db.end();
}
process.exit(exitCode);

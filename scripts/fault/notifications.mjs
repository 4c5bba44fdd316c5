// Fault test for notification delivery (run by `npm test` after the integration tests):
//   A. N notifications queued, the worker process is killed with SIGKILL midway and started again;
//   B. N more, and the Redis behind the queue is stopped midway and started again.
// Afterwards every notification must have reached the SMTP server and been shown in-app once; the script counts
// the copies of each Message-ID at the server (derived from the row id), prints the counts, and exits 1
// on any loss or failure, or on a duplicate that a send cut short by the SIGKILL does not explain.
// It uses a redis-server of its own on FAULT_REDIS_PORT (default 6391) so it may stop it, a scratch
// database on the test PostgreSQL server, and real worker processes from the API build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startMailSink } from '../lib/mail-sink.mjs';
import {
  buildApi,
  createNotifications,
  createRecipients,
  enqueue,
  exited,
  scratchDatabase,
  sleep,
  startRedis,
  startWorker,
  stopWorker,
  waitFor,
} from '../lib/notification-harness.mjs';
import { redisAnswers } from '../lib/redis.mjs';

const N = Number(process.env.FAULT_N ?? 1000);
const REDIS_PORT = Number(process.env.FAULT_REDIS_PORT ?? 6391);
const redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;
const started = Date.now();
const log = (message) => console.log(`[fault] ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${message}`);
const cleanups = [];
const children = new Set();

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function main() {
  log('Building the API (Nx cache)…');
  await buildApi();
  if (await redisAnswers(redisUrl)) throw new Error(`Something already answers on ${redisUrl}; set FAULT_REDIS_PORT to a free port`);
  const redisDir = mkdtempSync(join(tmpdir(), 'lava-fault-redis-'));
  cleanups.push(async () => rmSync(redisDir, { recursive: true, force: true }));
  let redis = track(startRedis(REDIS_PORT, redisDir));
  await waitFor(() => redisAnswers(redisUrl), { timeoutMs: 10_000, what: 'redis-server' });

  const sink = await startMailSink({ keepBodies: false });
  cleanups.push(sink.close);
  const db = await scratchDatabase('lava_fault');
  cleanups.push(db.drop);
  const recipients = await createRecipients(db.client, 200);
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `lava-fault-${randomBytes(3).toString('hex')}`,
    MAIL_MODE: 'smtp',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    // A dead worker's jobs come back after 3 s; an unfinished send may be retried after 11 s.
    QUEUE_LOCK_DURATION_MS: '3000',
    MAIL_TIMEOUT_MS: '2000',
    OUTBOX_RELAY_INTERVAL_MS: '1000',
    OUTBOX_REQUEUE_AFTER_MS: '20000',
  };
  const rowIdOf = (messageId) => messageId.match(/^<notification-([0-9a-f-]{36})@/)?.[1];
  const receivedFor = (ids) => {
    const wanted = new Set(ids);
    return sink.messages.filter((m) => wanted.has(rowIdOf(m.messageId)));
  };
  const allSent = async (ids) =>
    (await db.client.query(`SELECT count(*)::int AS c FROM notifications WHERE id = ANY($1) AND email_sent_at IS NOT NULL`, [ids])).rows[0]
      .c === ids.length;

  async function scenario(name, fault) {
    const ids = await createNotifications(db.client, recipients, N, name);
    await enqueue(db.client, redisUrl, env.QUEUE_PREFIX, ids);
    let worker = track(startWorker(env, { name: `${name}-1` }));
    const t0 = Date.now();
    await waitFor(async () => receivedFor(ids).length >= N / 3, { what: `a third of scenario ${name}` });
    const atFault = receivedFor(ids).length;
    worker = await fault(worker);
    await waitFor(() => allSent(ids), { timeoutMs: 100_000, what: `every notification of scenario ${name} to be sent` });
    await sleep(1500); // a late duplicate would arrive by now
    await stopWorker(worker);
    const seconds = (Date.now() - t0) / 1000;

    const copies = new Map();
    for (const m of receivedFor(ids)) copies.set(m.messageId, (copies.get(m.messageId) ?? 0) + 1);
    const duplicated = [...copies].filter(([, c]) => c > 1).map(([messageId]) => rowIdOf(messageId));
    const { rows } = await db.client.query(
      `SELECT count(*) FILTER (WHERE delivered_at IS NOT NULL)::int AS in_app,
              count(*) FILTER (WHERE email_attempts > 1)::int AS resent,
              count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed,
              count(*) FILTER (WHERE id = ANY($2) AND email_attempts = 1)::int AS unexplained
         FROM notifications WHERE id = ANY($1)`,
      [ids, duplicated],
    );
    const wrongRecipient = receivedFor(ids).filter((m) => m.to.length !== 1 || !m.to[0].endsWith('@fault.example')).length;
    return {
      scenario: name,
      enqueued: N,
      'at fault': atFault,
      'mailed (distinct)': copies.size,
      duplicates: [...copies.values()].reduce((sum, c) => sum + c - 1, 0),
      lost: N - copies.size,
      'in-app shown': rows[0].in_app,
      'cut short': rows[0].resent,
      unexplained: rows[0].unexplained,
      failed: rows[0].failed + wrongRecipient,
      seconds: Number(seconds.toFixed(1)),
    };
  }

  const results = [];
  log(`Scenario A: ${N} notifications, SIGKILL the worker at one third, start another`);
  results.push(
    await scenario('A', async (worker) => {
      worker.kill('SIGKILL');
      await exited(worker);
      log('  worker killed (SIGKILL); starting a new one');
      return track(startWorker(env, { name: 'A-2' }));
    }),
  );
  log(`Scenario B: ${N} notifications, stop Redis at one third, start it again`);
  results.push(
    await scenario('B', async (worker) => {
      redis.kill('SIGTERM');
      await exited(redis);
      log('  Redis stopped; starting it again in 2 s');
      await sleep(2000);
      redis = track(startRedis(REDIS_PORT, redisDir));
      await waitFor(() => redisAnswers(redisUrl), { timeoutMs: 10_000, what: 'redis-server to restart' });
      return worker;
    }),
  );
  console.table(results);
  // Scenario A may leave a duplicate: a send the server had accepted when the worker died, before the
  // row could record it (SMTP cannot tell us afterwards). It carries the same Message-ID, and only a
  // send cut short by the kill may produce one. Everything else must be exactly once.
  const problems = results.flatMap((r) => [
    ...(r.lost > 0 ? [`${r.scenario}: ${r.lost} lost`] : []),
    ...(r.failed > 0 ? [`${r.scenario}: ${r.failed} failed`] : []),
    ...(r['in-app shown'] !== N ? [`${r.scenario}: ${r['in-app shown']} shown in-app`] : []),
    ...(r.unexplained > 0 ? [`${r.scenario}: ${r.unexplained} duplicates not explained by a send cut short`] : []),
    ...(r.scenario === 'B' && r.duplicates > 0 ? [`B: ${r.duplicates} duplicates without any process dying`] : []),
  ]);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const windowCopies = results.reduce((sum, r) => sum + r.duplicates, 0);
  log(
    windowCopies === 0
      ? 'Every notification was delivered, each exactly once.'
      : `Every notification was delivered; ${windowCopies} e-mail(s) reached the SMTP server twice with the same Message-ID, ` +
          'each a send the killed worker had handed over but not yet recorded (the window SMTP leaves open).',
  );
}

let code = 0;
try {
  await main();
} catch (error) {
  console.error(`[fault] FAILED: ${error.message}`);
  code = 1;
} finally {
  for (const child of children) child.kill('SIGKILL');
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
process.exit(code);

// Shared by the notification fault test and benchmark: a scratch database migrated by the real
// build, recipients and outbox rows written straight into it, jobs queued exactly as the API does,
// and real worker processes (node dist/api/worker.js).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { childEnv, repoRoot } from './env.mjs';
import { run } from './processes.mjs';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function buildApi() {
  await run('nx', ['build', 'api', '--configuration=development'], { cwd: repoRoot, env: childEnv() });
}

/** A fresh database migrated by `node dist/api/migrate.js`; returns { url, client, drop }. */
export async function scratchDatabase(prefix) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = Object.assign(new URL(TEST_SERVER_URL), { pathname: `/${name}` }).toString();
  await run('node', [join('dist', 'api', 'migrate.js')], { cwd: repoRoot, env: childEnv({ DATABASE_URL: url, LOG_LEVEL: 'error' }) });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    client,
    drop: async () => {
      await client.end().catch(() => undefined);
      const c = new pg.Client({ connectionString: TEST_SERVER_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** `users` recipients (languages fi/sv/en in turn) in one municipality; returns their ids. */
export async function createRecipients(db, users) {
  const [{ id: municipalityId }] = (
    await db.query(
      `INSERT INTO organizations (kind, name_fi, name_sv, name_en) VALUES ('municipality', 'Kotka', 'Kotka', 'Kotka') RETURNING id`,
    )
  ).rows;
  const { rows } = await db.query(
    `INSERT INTO users (email, display_name, language)
     SELECT 'person' || n || '@fault.example', 'Person ' || n, (ARRAY['fi','sv','en'])[1 + n % 3] FROM generate_series(1, $1) AS n
     RETURNING id`,
    [users],
  );
  await db.query(`INSERT INTO memberships (user_id, organization_id, role) SELECT unnest($1::uuid[]), $2, 'official'`, [
    rows.map((r) => r.id),
    municipalityId,
  ]);
  return rows.map((r) => r.id);
}

/** `count` outbox rows (one per recipient in turn), as the API writes them; returns their ids. */
export async function createNotifications(db, recipientIds, count, label) {
  const { rows } = await db.query(
    `INSERT INTO notifications (recipient_user_id, kind, params)
     SELECT ($1::uuid[])[1 + (n - 1) % cardinality($1::uuid[])], 'assessment_created',
            jsonb_build_object('title', $3::text || ' ' || n, 'municipality', 'Kotka')
       FROM generate_series(1, $2) AS n
     RETURNING id`,
    [recipientIds, count, label],
  );
  return rows.map((r) => r.id);
}

/** Queues rows as the API does after commit: job id = row id, then marks them enqueued. */
export async function enqueue(db, redisUrl, prefix, ids) {
  const queue = new Queue('notifications', {
    connection: { url: redisUrl },
    prefix,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 86400, count: 10000 },
      removeOnFail: false,
    },
  });
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await queue.addBulk(chunk.map((id) => ({ name: 'deliver-notification', data: { notificationId: id }, opts: { jobId: id } })));
  }
  await db.query(`UPDATE notifications SET enqueued_at = now() WHERE id = ANY($1)`, [ids]);
  await queue.close();
}

/** A real worker process. Its output goes to our stderr only when `verbose`. */
export function startWorker(env, { verbose = false, name = 'worker' } = {}) {
  const child = spawn('node', [join('dist', 'api', 'worker.js')], {
    cwd: repoRoot,
    env: childEnv({ NODE_ENV: 'development', LOG_LEVEL: 'warn', WORKER_ID: name, ...env }),
    stdio: ['ignore', verbose ? 'inherit' : 'ignore', verbose ? 'inherit' : 'pipe'],
  });
  if (!verbose) child.stderr?.on('data', () => undefined);
  return child;
}

export function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function stopWorker(child, signal = 'SIGTERM') {
  child.kill(signal);
  await exited(child);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(check, { timeoutMs = 120_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A redis-server of our own (AOF on, data in `dir`), which the fault test may stop and start. */
export function startRedis(port, dir) {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', dir], {
    stdio: 'ignore',
  });
}

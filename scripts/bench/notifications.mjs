// `npm run bench:notifications`: throughput of notification delivery, N (BENCH_N, default 10,000)
// notifications each mailed to an in-process SMTP sink, with one and with two real worker processes;
// beside it, a bare BullMQ loop (no-op jobs) on the same Redis in the same run, as the ceiling the
// queue itself sets. Uses a scratch database on the test PostgreSQL server and REDIS_URL.
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { startMailSink } from '../lib/mail-sink.mjs';
import {
  buildApi,
  createNotifications,
  createRecipients,
  enqueue,
  scratchDatabase,
  startWorker,
  stopWorker,
  waitFor,
} from '../lib/notification-harness.mjs';

const N = Number(process.env.BENCH_N ?? 10_000);
const redisUrl = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 10);
const prefix = `lava-bench-${randomBytes(3).toString('hex')}`;
const rate = (n, ms) => Math.round(n / (ms / 1000));

console.log(`Building the API; ${N.toLocaleString('en')} notifications per run, Redis ${redisUrl}, concurrency ${concurrency} per worker`);
await buildApi();
const sink = await startMailSink({ keepBodies: false });
const db = await scratchDatabase('lava_bench_notifications');
const results = [];
try {
  const recipients = await createRecipients(db.client, 500);
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    MAIL_MODE: 'smtp',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    WORKER_CONCURRENCY: String(concurrency),
  };

  for (const workers of [1, 2]) {
    const queuePrefix = `${prefix}-${workers}`;
    const ids = await createNotifications(db.client, recipients, N, `bench ${workers}`);
    await enqueue(db.client, redisUrl, queuePrefix, ids);
    const before = sink.messages.length;
    const t0 = performance.now();
    const children = Array.from({ length: workers }, (_, i) => startWorker({ ...env, QUEUE_PREFIX: queuePrefix }, { name: `bench-${i}` }));
    await waitFor(async () => sink.messages.length - before >= N, { timeoutMs: 600_000, what: 'every e-mail' });
    const ms = performance.now() - t0;
    await Promise.all(children.map((child) => stopWorker(child)));
    results.push({
      run: `Lava, ${workers} worker process${workers > 1 ? 'es' : ''} (start-up included)`,
      n: N,
      seconds: +(ms / 1000).toFixed(1),
      'per second': rate(N, ms),
    });
  }

  // The same Redis, a bare BullMQ Worker in this process with the same concurrency, jobs that do nothing.
  const queue = new Queue('bare', { connection: { url: redisUrl }, prefix: `${prefix}-bare` });
  for (let i = 0; i < N; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, N - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts: { removeOnComplete: true } })),
    );
  }
  let done = 0;
  const t0 = performance.now();
  const worker = new Worker('bare', async () => void done++, {
    connection: { url: redisUrl, maxRetriesPerRequest: null },
    prefix: `${prefix}-bare`,
    concurrency,
  });
  await waitFor(async () => done >= N, { timeoutMs: 600_000, what: 'the bare loop' });
  const ms = performance.now() - t0;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  results.push({ run: 'bare BullMQ loop, no-op jobs, 1 worker', n: N, seconds: +(ms / 1000).toFixed(1), 'per second': rate(N, ms) });

  for (const workers of [1, 2]) {
    const q = new Queue('notifications', { connection: { url: redisUrl }, prefix: `${prefix}-${workers}` });
    await q.obliterate({ force: true });
    await q.close();
  }
  const copies = sink.countsByMessageId();
  console.table(results);
  console.log(`SMTP sink: ${sink.messages.length} messages, ${copies.size} distinct Message-IDs.`);
} finally {
  await sink.close();
  await db.drop();
}

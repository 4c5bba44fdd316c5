// `npm run bench:notifications`: throughput of notification delivery, N (BENCH_N, default 10,000)
// notifications each mailed to an in-process SMTP sink, with one and with two real worker processes;
// beside it, in the same run on the same Redis: the floor, a bare BullMQ worker process that sends the
// same e-mail with nodemailer to the same sink (bare-mail-worker.cjs; Lava's goal is ≥ 0.6× of it), and a
// bare BullMQ loop (no-op jobs), the ceiling the queue itself sets. Uses a scratch database on the test PostgreSQL server and REDIS_URL.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { simpleParser } from 'mailparser';
import { childEnv, repoRoot } from '../lib/env.mjs';
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
const prefix = `${process.env.QUEUE_PREFIX ?? 'lava-bench'}-${randomBytes(3).toString('hex')}`;
const rate = (n, ms) => Math.round(n / (ms / 1000));
/** Milliseconds from now until `sink` holds more than `before` messages (polled every 10 ms). */
async function timeToFirst(sink, before) {
  const t0 = performance.now();
  while (sink.messages.length <= before) {
    if (performance.now() - t0 > 600_000) throw new Error('No e-mail reached the sink within 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - t0;
}

console.log(`Building the API; ${N.toLocaleString('en')} notifications per run, Redis ${redisUrl}, concurrency ${concurrency} per worker`);
await buildApi();
const sink = await startMailSink({ keepBodies: false });
const db = await scratchDatabase('lava_bench_notifications');
const results = [];
const loadAtStart = loadavg()[0];
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
    const firstMs = await timeToFirst(sink, before);
    await waitFor(async () => sink.messages.length - before >= N, { timeoutMs: 600_000, what: 'every e-mail' });
    const ms = performance.now() - t0;
    await Promise.all(children.map((child) => stopWorker(child)));
    results.push({
      run: `Lava, ${workers} worker process${workers > 1 ? 'es' : ''} (start-up included)`,
      n: N,
      seconds: +(ms / 1000).toFixed(1),
      'per second': rate(N, ms),
      'after the first': rate(N - 1, ms - firstMs),
    });
  }

  // The floor: a bare BullMQ worker process that sends the same e-mail with nodemailer to the same sink
  // (bare-mail-worker.cjs), with one and with two processes, start-up included as for Lava's.
  const sample = await simpleParser(sink.firstRaw());
  const mailFile = join(mkdtempSync(join(tmpdir(), 'lava-bench-mail-')), 'mail.json');
  writeFileSync(mailFile, JSON.stringify({ from: sample.from?.text, subject: sample.subject, text: sample.text, html: sample.html }));
  for (const workers of [1, 2]) {
    const queuePrefix = `${prefix}-mail-${workers}`;
    const queue = new Queue('bare-mail', { connection: { url: redisUrl }, prefix: queuePrefix });
    for (let i = 0; i < N; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, N - i) }, (_, j) => ({
          name: 'mail',
          data: { to: `bare-${(i + j) % 500}@bench.example`, messageId: `<bare-${workers}-${i + j}@lava.localhost>` },
          opts: { removeOnComplete: true },
        })),
      );
    }
    const before = sink.messages.length;
    const t0 = performance.now();
    const children = Array.from({ length: workers }, () =>
      spawn('node', [join(repoRoot, 'scripts', 'bench', 'bare-mail-worker.cjs')], {
        cwd: repoRoot,
        env: childEnv({ ...env, QUEUE_PREFIX: queuePrefix, BARE_MAIL: mailFile }),
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
    const firstMs = await timeToFirst(sink, before);
    await waitFor(async () => sink.messages.length - before >= N, { timeoutMs: 600_000, what: 'every bare e-mail' });
    const ms = performance.now() - t0;
    await Promise.all(children.map((child) => stopWorker(child)));
    await queue.obliterate({ force: true });
    await queue.close();
    const lava = results.find((r) => r.run.startsWith(`Lava, ${workers} `));
    const floor = rate(N, ms);
    const steadyFloor = rate(N - 1, ms - firstMs);
    results.push({
      run: `bare BullMQ + nodemailer, same e-mail, ${workers} process${workers > 1 ? 'es' : ''}`,
      n: N,
      seconds: +(ms / 1000).toFixed(1),
      'per second': floor,
      'after the first': steadyFloor,
    });
    if (lava) {
      lava['× floor'] = +(lava['per second'] / floor).toFixed(2);
      lava['× floor after the first'] = +(lava['after the first'] / steadyFloor).toFixed(2);
    }
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
  console.log("× floor: Lava's rate over the bare BullMQ + nodemailer worker's with as many processes (goal ≥ 0.6).");
  console.log("'after the first': from the first e-mail at the sink to the last, i.e. without the processes' start-up.");
  console.log(`(load average ${loadavg()[0].toFixed(1)} at the end, load at the start ${loadAtStart.toFixed(1)})`);
  console.log(`SMTP sink: ${sink.messages.length} messages, ${copies.size} distinct Message-IDs.`);
} finally {
  await sink.close();
  await db.drop();
}

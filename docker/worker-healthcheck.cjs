// Health check for the worker container: `node worker-healthcheck.cjs` (runs in /app of the API image).
// The worker has no HTTP port; every few seconds it writes
//   ${QUEUE_PREFIX}:worker-heartbeat:${WORKER_ID or <hostname>-<pid>}
// to Redis with a short expiry (see api/src/worker/worker-heartbeat.ts). This script exits 0 when such a
// key exists for this container (same hostname), i.e. the worker is alive AND can reach Redis.
'use strict';
const { hostname } = require('node:os');
const { Redis } = require('ioredis');

const prefix = process.env.QUEUE_PREFIX || 'lava';
const id = process.env.WORKER_ID || `${hostname()}-*`;
const pattern = `${prefix}:worker-heartbeat:${id}`;
const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
  lazyConnect: true,
  connectTimeout: 3000,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
});
redis.on('error', () => undefined);

const fail = (message) => {
  console.error(`worker unhealthy: ${message}`);
  redis.disconnect();
  process.exit(1);
};
setTimeout(() => fail('timed out'), 8000).unref();

(async () => {
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) {
      redis.disconnect();
      process.exit(0);
    }
    cursor = next;
  } while (cursor !== '0');
  fail(`no heartbeat key matching ${pattern}`);
})().catch((error) => fail(error && error.message ? error.message : String(error)));

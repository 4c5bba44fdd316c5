import type { RedisOptions } from 'bullmq';

/**
 * BullMQ connection options from REDIS_URL.
 * `forWorker`: workers block on Redis and must retry forever (maxRetriesPerRequest: null);
 * producers in the API fail fast instead, so a Redis outage never hangs an HTTP request
 * (the outbox relay queues what could not be queued).
 */
export function redisConnection(redisUrl: string, mode: 'producer' | 'worker'): RedisOptions {
  return mode === 'worker'
    ? { url: redisUrl, maxRetriesPerRequest: null }
    : { url: redisUrl, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 3000 };
}

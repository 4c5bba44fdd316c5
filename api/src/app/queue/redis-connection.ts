import type { RedisOptions } from 'bullmq';

/**
 * BullMQ connection options from REDIS_URL.
 * Workers block on Redis and must retry forever (maxRetriesPerRequest: null). Producers in the
 * API give up on a command after one failed reconnect, so a Redis outage delays an HTTP request
 * by seconds at most (the outbox relay queues what could not be queued). The offline queue stays
 * on so commands issued while the first connection is still opening simply wait for it.
 */
export function redisConnection(redisUrl: string, mode: 'producer' | 'worker'): RedisOptions {
  return mode === 'worker'
    ? { url: redisUrl, maxRetriesPerRequest: null }
    : { url: redisUrl, maxRetriesPerRequest: 1, connectTimeout: 2000 };
}

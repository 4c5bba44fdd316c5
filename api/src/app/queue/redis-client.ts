import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { LavaConfig } from '../config/lava-config';

/**
 * The API's (and the worker's) one plain Redis connection, for health checks, heartbeats and rate
 * limits (`common/rate-limit.ts`); not for queues. Provided once by RedisClientModule. No offline
 * queue and a one-second command timeout: a request never waits for an absent or stuck Redis.
 */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly redis: Redis;

  constructor(@Inject(LavaConfig) private readonly config: LavaConfig) {
    this.redis = new Redis(config.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 3000,
      commandTimeout: 1000,
    });
    // Errors surface through commands (health says "down"); avoid unhandled 'error' events.
    this.redis.on('error', () => undefined);
    void this.redis.connect().catch(() => undefined);
  }

  /**
   * Resolves once the client is connected, waiting up to `timeoutMs` for a connection in progress:
   * with no offline queue, a command sent while connecting (just after start, or after a Redis
   * restart) fails at once, which is not the same as Redis being down.
   */
  whenReady(timeoutMs: number): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => done();
      const timer = setTimeout(() => done(new Error(`Redis not connected within ${timeoutMs} ms`)), timeoutMs).unref();
      this.redis.on('ready', onReady);
    });
  }

  key(suffix: string): string {
    return `${this.config.QUEUE_PREFIX}:${suffix}`;
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { LavaConfig } from '../config/lava-config';

/** A plain Redis client for health checks and heartbeats (not for queues). */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly redis: Redis;

  constructor(@Inject(LavaConfig) private readonly config: LavaConfig) {
    this.redis = new Redis(config.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 3000,
    });
    // Errors surface through commands (health says "down"); avoid unhandled 'error' events.
    this.redis.on('error', () => undefined);
    void this.redis.connect().catch(() => undefined);
  }

  key(suffix: string): string {
    return `${this.config.QUEUE_PREFIX}:${suffix}`;
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

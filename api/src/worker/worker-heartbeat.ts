import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WORKER_HEARTBEAT_INTERVAL_MS, WORKER_HEARTBEAT_KEY } from '@lava/contracts';
import { hostname } from 'node:os';
import { LavaConfig } from '../app/config/lava-config';
import { RedisClient } from '../app/queue/redis-client';

/** Writes this worker's heartbeat to Redis with an expiry; GET /api/health counts the live ones. */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly key: string;

  constructor(
    private readonly redisClient: RedisClient,
    @Inject(LavaConfig) config: LavaConfig,
  ) {
    this.key = redisClient.key(`${WORKER_HEARTBEAT_KEY}:${config.WORKER_ID ?? `${hostname()}-${process.pid}`}`);
  }

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), WORKER_HEARTBEAT_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redisClient.redis.del(this.key).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.redisClient.redis.set(this.key, new Date().toISOString(), 'PX', WORKER_HEARTBEAT_INTERVAL_MS * 3).catch(() => undefined);
  }
}

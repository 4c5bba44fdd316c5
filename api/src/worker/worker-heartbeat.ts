import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WORKER_HEARTBEAT_INTERVAL_MS, WORKER_HEARTBEAT_KEY } from '@lava/contracts';
import { hostname } from 'node:os';
import { LavaConfig } from '../app/config/lava-config';
import { RedisClient } from '../app/queue/redis-client';

/**
 * Writes this worker's heartbeat into one small sorted set in Redis (member: the worker's id, score:
 * the time); GET /api/health counts the members that beat lately. The set expires with the last worker.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly key: string;
  private readonly workerId: string;

  constructor(
    private readonly redisClient: RedisClient,
    @Inject(LavaConfig) config: LavaConfig,
  ) {
    this.key = redisClient.key(WORKER_HEARTBEAT_KEY);
    this.workerId = config.WORKER_ID ?? `${hostname()}-${process.pid}`;
  }

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), WORKER_HEARTBEAT_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redisClient.redis.zrem(this.key, this.workerId).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.redisClient.redis
      .multi()
      .zadd(this.key, Date.now(), this.workerId)
      .pexpire(this.key, WORKER_HEARTBEAT_INTERVAL_MS * 3)
      .exec()
      .catch(() => undefined);
  }
}

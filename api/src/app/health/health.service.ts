import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WORKER_HEARTBEAT_INTERVAL_MS, WORKER_HEARTBEAT_KEY, type ComponentStatus, type HealthResponse } from '@lava/contracts';
import { DataSource } from 'typeorm';
import { RedisClient } from '../queue/redis-client';

const CHECK_TIMEOUT_MS = 2000;
/** One answer serves every caller for this long: flooding the endpoint costs the database and Redis nothing more. */
export const HEALTH_CACHE_MS = 3000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redisClient: RedisClient,
  ) {}

  private cached?: { at: number; answer: Promise<HealthResponse> };

  /** The latest answer, made at most once every HEALTH_CACHE_MS however many ask at once. */
  check(): Promise<HealthResponse> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= HEALTH_CACHE_MS) this.cached = { at: now, answer: this.checkNow() };
    return this.cached.answer;
  }

  private async checkNow(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      status(this.db.query('SELECT 1')),
      status(this.redisClient.whenReady(CHECK_TIMEOUT_MS).then(() => this.redisClient.redis.ping())),
    ]);
    const worker = redis === 'up' ? await this.workerHeartbeats() : { status: 'down' as const, workers: 0, lastHeartbeatAt: null };
    const ok = database === 'up' && redis === 'up' && worker.status === 'up';
    return { status: ok ? 'ok' : 'degraded', database: { status: database }, redis: { status: redis }, worker };
  }

  /** Workers that beat within three intervals, from one sorted set (two commands, whatever else Redis holds). */
  private async workerHeartbeats(): Promise<HealthResponse['worker']> {
    try {
      const key = this.redisClient.key(WORKER_HEARTBEAT_KEY);
      const since = Date.now() - WORKER_HEARTBEAT_INTERVAL_MS * 3;
      const live = await withTimeout(this.redisClient.redis.zrangebyscore(key, since, '+inf', 'WITHSCORES'));
      const workers = live.length / 2;
      const latest = workers > 0 ? Math.max(...live.filter((_, i) => i % 2 === 1).map(Number)) : null;
      return { status: workers > 0 ? 'up' : 'down', workers, lastHeartbeatAt: latest === null ? null : new Date(latest).toISOString() };
    } catch {
      return { status: 'down', workers: 0, lastHeartbeatAt: null };
    }
  }
}

async function status(check: Promise<unknown>): Promise<ComponentStatus> {
  try {
    await withTimeout(check);
    return 'up';
  } catch {
    return 'down';
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

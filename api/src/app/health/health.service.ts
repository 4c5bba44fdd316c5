import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WORKER_HEARTBEAT_KEY, type ComponentStatus, type HealthResponse } from '@lava/contracts';
import { DataSource } from 'typeorm';
import { RedisClient } from '../queue/redis-client';

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redisClient: RedisClient,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      status(this.db.query('SELECT 1')),
      status(this.redisClient.whenReady(CHECK_TIMEOUT_MS).then(() => this.redisClient.redis.ping())),
    ]);
    const worker = redis === 'up' ? await this.workerHeartbeats() : { status: 'down' as const, workers: 0, lastHeartbeatAt: null };
    const ok = database === 'up' && redis === 'up' && worker.status === 'up';
    return { status: ok ? 'ok' : 'degraded', database: { status: database }, redis: { status: redis }, worker };
  }

  /** Each live worker keeps a key with a short expiry; a missing key means that worker stopped. */
  private async workerHeartbeats(): Promise<HealthResponse['worker']> {
    try {
      const keys = await withTimeout(this.scanKeys(this.redisClient.key(`${WORKER_HEARTBEAT_KEY}:*`)));
      const beats = keys.length > 0 ? await withTimeout(this.redisClient.redis.mget(keys)) : [];
      const latest =
        beats
          .filter((b): b is string => !!b)
          .sort()
          .pop() ?? null;
      return { status: keys.length > 0 ? 'up' : 'down', workers: keys.length, lastHeartbeatAt: latest };
    } catch {
      return { status: 'down', workers: 0, lastHeartbeatAt: null };
    }
  }

  private async scanKeys(pattern: string): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redisClient.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 100);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return keys;
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

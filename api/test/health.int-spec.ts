import type { HealthResponse } from '@lava/contracts';
import { loadConfig } from '../src/app/config/lava-config';
import { preflight, PreflightError } from '../src/app/database/preflight';
import { RedisClient } from '../src/app/queue/redis-client';
import { TEST_REDIS_URL, TEST_SERVER_URL } from './support/databases';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

describe('GET /api/health', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await startTestEnvironment();
  });
  afterAll(() => env?.close());

  it('reports the database and Redis up, and the worker only once one is alive', async () => {
    const before = (await env.http().get('/api/health').expect(200)).body as HealthResponse;
    expect(before).toMatchObject({
      status: 'degraded',
      database: { status: 'up' },
      redis: { status: 'up' },
      worker: { status: 'down', workers: 0 },
    });

    const worker = await env.startWorker();
    const after = await eventually(async () => {
      const body = (await env.http().get('/api/health').expect(200)).body as HealthResponse;
      return body.worker.status === 'up' ? body : null;
    });
    expect(after).toMatchObject({ status: 'ok', worker: { workers: 1 } });
    expect(Date.parse(after.worker.lastHeartbeatAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

    await worker.close();
    const stopped = (await env.http().get('/api/health').expect(200)).body as HealthResponse;
    expect(stopped.worker.status).toBe('down');
  });

  it('is public and serves the OpenAPI document with every route', async () => {
    const document = (await env.http().get('/api/openapi.json').expect(200)).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/assessments', '/api/assessments/{id}', '/api/notifications', '/api/health']),
    );
    await env.http().get('/api/docs').expect(200);
  });
});

describe('the health check’s Redis client', () => {
  it('waits for a connection still being made instead of calling Redis down, and gives up on an absent one', async () => {
    const up = new RedisClient(loadConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/unused', REDIS_URL: TEST_REDIS_URL }));
    const absent = new RedisClient(loadConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/unused', REDIS_URL: 'redis://127.0.0.1:6391' }));
    try {
      // Asked at once, while connecting: a plain command would fail here (no offline queue).
      await up.whenReady(2000);
      expect(await up.redis.ping()).toBe('PONG');
      await expect(absent.whenReady(300)).rejects.toThrow('Redis not connected within 300 ms');
    } finally {
      await up.onApplicationShutdown();
      await absent.onApplicationShutdown();
    }
  });
});

describe('preflight', () => {
  it('explains an unreachable database in one line, without the password', async () => {
    const error = await preflight('postgres://lava:secret@127.0.0.1:1/lava', TEST_REDIS_URL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toMatch(
      /^Cannot connect to PostgreSQL at postgres:\/\/lava:\*\*\*@127\.0\.0\.1:1\/lava: ECONNREFUSED\. Check DATABASE_URL/,
    );
    expect((error as Error).message).not.toContain('secret');
    expect((error as Error).message).not.toContain('\n');
  });

  it('explains an unreachable Redis in one line', async () => {
    const error = await preflight(TEST_SERVER_URL, 'redis://127.0.0.1:6391').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Cannot connect to Redis at redis:\/\/127\.0\.0\.1:6391: ECONNREFUSED\. Check REDIS_URL/);
  });
});

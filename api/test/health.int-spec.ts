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
    // The answer is cached for a few seconds; then the stopped worker is gone from it.
    await eventually(async () => ((await env.http().get('/api/health').expect(200)).body as HealthResponse).worker.status === 'down');
  });

  it('counts workers from one small structure, whatever else Redis holds, and tells outsiders only the status', async () => {
    const worker = await env.startWorker();
    try {
      // A flood of keys that look like heartbeats (the old health check scanned for these and counted each).
      const redis = env.app.get(RedisClient);
      const junk = Array.from({ length: 5000 }, (_, i) => redis.key(`worker-heartbeat:junk-${i}`));
      for (let i = 0; i < junk.length; i += 500) {
        await redis.redis.mset(...junk.slice(i, i + 500).flatMap((k) => [k, new Date().toISOString()]));
      }
      const body = await eventually(async () => {
        const answer = (await env.http().get('/api/health').expect(200)).body as HealthResponse;
        return answer.worker.status === 'up' ? answer : null;
      });
      expect(body.worker.workers).toBe(1);
      expect(await redis.redis.type(redis.key('worker-heartbeats'))).toBe('zset');
      await redis.redis.del(...junk);

      // Through a proxy (or from elsewhere) only the overall status shows.
      const outside = await env.http().get('/api/health').set('X-Forwarded-For', '203.0.113.9').expect(200);
      expect(outside.body).toEqual({ status: 'ok' });
      expect(outside.headers['cache-control']).toBe('no-store');
    } finally {
      await worker.close();
    }
  });

  it('is public and serves the OpenAPI document with every route', async () => {
    const document = (await env.http().get('/api/openapi.json').expect(200)).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/assessments', '/api/assessments/{id}', '/api/notifications', '/api/health']),
    );
    await env.http().get('/api/docs').expect(200);
  });
});

describe('in production', () => {
  it('serves neither Swagger UI nor the OpenAPI document', async () => {
    const env = await startTestEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), MAIL_MODE: 'smtp' });
    try {
      await env.http().get('/api/docs').expect(404);
      await env.http().get('/api/openapi.json').expect(404);
      await env.http().get('/api/health').expect(200);
    } finally {
      await env.close();
    }
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

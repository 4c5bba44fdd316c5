import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app/app.module';
import { configureApp } from '../../src/app/configure-app';
import { type LavaConfig, loadConfig } from '../../src/app/config/lava-config';
import { WorkerModule } from '../../src/worker/worker.module';
import { createTestDatabase, TEST_REDIS_URL, uniqueQueuePrefix } from './databases';
import { TEST_PASSWORD } from './factories';

export interface TestEnvironment {
  config: LavaConfig;
  app: INestApplication;
  db: DataSource;
  http: () => ReturnType<typeof request>;
  startWorker: (overrides?: Partial<Record<keyof LavaConfig, string>>) => Promise<INestApplicationContext>;
  login: (email: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
}

/**
 * The real API on its own freshly cloned database and its own Redis key prefix.
 * Workers are started on demand, in-process, with the same WorkerModule the worker process uses.
 */
export async function startTestEnvironment(overrides: Partial<Record<keyof LavaConfig, string>> = {}): Promise<TestEnvironment> {
  const database = await createTestDatabase();
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueQueuePrefix(),
    OUTBOX_RELAY_INTERVAL_MS: '200',
    LOG_LEVEL: 'error',
    ...overrides,
  };
  const config = loadConfig(env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  configureApp(app, config);
  await app.init();
  const workers: INestApplicationContext[] = [];

  const environment: TestEnvironment = {
    config,
    app,
    db: app.get(DataSource),
    http: () => request(app.getHttpServer()),
    startWorker: async (workerOverrides = {}) => {
      const worker = await NestFactory.createApplicationContext(
        WorkerModule.register(loadConfig({ ...env, REDIS_URL: TEST_REDIS_URL, ...workerOverrides })),
        { logger: ['error'] },
      );
      await worker.init();
      workers.push(worker);
      return worker;
    },
    login: async (email, password = TEST_PASSWORD) => {
      const response = await environment.http().post('/api/auth/login').send({ email, password }).expect(200);
      return response.body.accessToken as string;
    },
    close: async () => {
      for (const worker of workers) await worker.close();
      await app.close();
      await database.drop();
    },
  };
  return environment;
}

/** Polls until `check` returns a truthy value (for work done by the worker process). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms (last value: ${JSON.stringify(last)})`);
}

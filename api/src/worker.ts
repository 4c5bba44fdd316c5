import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { exitWithStartupFailure } from './app/startup-failure';
import { loadConfig, loggerLevels } from './app/config/lava-config';
import { preflight } from './app/database/preflight';
import { WorkerModule } from './worker/worker.module';

/** The worker process: run as many as you like against the same Redis and database. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await preflight(config.DATABASE_URL, config.REDIS_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: loggerLevels(config),
  });
  app.enableShutdownHooks();
  Logger.log('Worker started', 'Lava');
}

bootstrap().catch((error: unknown) => exitWithStartupFailure('Lava worker', error));

import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from './app/config/lava-config';
import { PreflightError, preflight } from './app/database/preflight';
import { WorkerModule } from './worker/worker.module';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** The worker process: run as many as you like against the same Redis and database. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await preflight(config.DATABASE_URL, config.REDIS_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
  });
  app.enableShutdownHooks();
  Logger.log('Worker started', 'Lava');
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PreflightError) console.error(`Lava worker cannot start. ${error.message}`);
  else console.error('Lava worker cannot start:', error);
  process.exit(1);
});

import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';
import { ConfigError, loadConfig } from './app/config/lava-config';
import { runMigrations } from './app/database/data-source';
import { PreflightError, preflight } from './app/database/preflight';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await preflight(config.DATABASE_URL, config.REDIS_URL);
  if (config.MIGRATIONS_RUN === 'at-start') {
    const applied = await runMigrations(config.DATABASE_URL);
    if (applied.length > 0) Logger.log(`Applied migrations: ${applied.join(', ')}`, 'Migrations');
  }
  const app = await NestFactory.create(AppModule.register(config), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
  });
  configureApp(app, config);
  await app.listen(config.API_PORT);
  Logger.log(`API listening on http://localhost:${config.API_PORT}/api (docs: /api/docs)`, 'Lava');
}

bootstrap().catch((error: unknown) => {
  // Known start-up problems get one readable line; anything else keeps its stack for the developer.
  if (error instanceof ConfigError || error instanceof PreflightError) console.error(`Lava API cannot start. ${error.message}`);
  else console.error('Lava API cannot start:', error);
  process.exit(1);
});

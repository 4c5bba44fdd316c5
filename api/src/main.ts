import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';
import { exitWithStartupFailure } from './app/startup-failure';
import { loadConfig, loggerLevels } from './app/config/lava-config';
import { runMigrations } from './app/database/data-source';
import { preflight } from './app/database/preflight';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await preflight(config.DATABASE_URL, config.REDIS_URL);
  if (config.MIGRATIONS_RUN === 'at-start') {
    const applied = await runMigrations(config.DATABASE_URL);
    if (applied.length > 0) Logger.log(`Applied migrations: ${applied.join(', ')}`, 'Migrations');
  }
  const app = await NestFactory.create(AppModule.register(config), {
    logger: loggerLevels(config),
  });
  configureApp(app, config);
  await app.listen(config.API_PORT);
  Logger.log(`API listening on http://localhost:${config.API_PORT}/api (docs: /api/docs)`, 'Lava');
}

bootstrap().catch((error: unknown) => exitWithStartupFailure('Lava API', error));

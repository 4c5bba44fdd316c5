import { exitWithStartupFailure } from './app/startup-failure';
import { loadConfig } from './app/config/lava-config';
import { runMigrations } from './app/database/data-source';
import { preflight } from './app/database/preflight';

/** `node migrate.js`: applies pending migrations (under the advisory lock) and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  await preflight(config.DATABASE_URL);
  const applied = await runMigrations(config.DATABASE_URL);
  console.log(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'The database schema is up to date.');
}

main().catch((error: unknown) => exitWithStartupFailure('Migration', error));

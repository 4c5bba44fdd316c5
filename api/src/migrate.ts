import { ConfigError, loadConfig } from './app/config/lava-config';
import { runMigrations } from './app/database/data-source';
import { PreflightError } from './app/database/preflight';

/** `node migrate.js`: applies pending migrations (under the advisory lock) and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await runMigrations(config.DATABASE_URL);
  console.log(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'The database schema is up to date.');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PreflightError) console.error(error.message);
  else console.error('Migration failed:', error);
  process.exit(1);
});

import { DataSource } from 'typeorm';
import { preflight } from './app/database/preflight';
import { exitWithStartupFailure } from './app/startup-failure';
import { loadConfig } from './app/config/lava-config';
import { dataSourceOptions, runMigrations } from './app/database/data-source';
import { seedDemoData } from './app/demo/seed-demo-data';

/** `node seed-demo.js`: migrates, then adds the Kymenlaakso demo data unless it is already there. */
async function main(): Promise<void> {
  const config = loadConfig();
  await preflight(config.DATABASE_URL);
  await runMigrations(config.DATABASE_URL);
  const db = new DataSource(dataSourceOptions(config.DATABASE_URL));
  await db.initialize();
  try {
    console.log((await seedDemoData(db)) ? 'Demo data added.' : 'Demo data was already there.');
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => exitWithStartupFailure('Demo seeding', error));

import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './app/config/lava-config';
import { dataSourceOptions, runMigrations } from './app/database/data-source';
import { seedDemoData } from './app/demo/seed-demo-data';

/** `node seed-demo.js`: migrates, then adds the Kymenlaakso demo data unless it is already there. */
async function main(): Promise<void> {
  const config = loadConfig();
  await runMigrations(config.DATABASE_URL);
  const db = new DataSource(dataSourceOptions(config.DATABASE_URL));
  await db.initialize();
  try {
    console.log((await seedDemoData(db)) ? 'Demo data added.' : 'Demo data was already there.');
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

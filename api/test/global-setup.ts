import { runMigrations } from '../src/app/database/data-source';
import { adminQuery, databaseUrl } from './support/databases';

/** Migrates one template database per run; each test file clones it. */
export default async function globalSetup(): Promise<void> {
  const name = `lava_template_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  await runMigrations(databaseUrl(name));
  process.env['LAVA_TEST_TEMPLATE'] = name;
}

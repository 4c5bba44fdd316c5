import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Server used for test databases; the machines here run PostgreSQL on 5432 with trust auth. */
export const TEST_SERVER_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Name of this run's migrated template database (set by global setup). */
export function templateName(): string {
  const name = process.env['LAVA_TEST_TEMPLATE'];
  if (!name) throw new Error('LAVA_TEST_TEMPLATE is not set: run through jest.integration.config.cts');
  return name;
}

/** A fresh database for one test file: a clone of the migrated template (fast: a file copy). */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lava_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
  return { url: databaseUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export function uniqueQueuePrefix(): string {
  return `lava-test-${randomBytes(4).toString('hex')}`;
}

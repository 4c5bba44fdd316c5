import { Client } from 'pg';
import { runMigrations } from '../src/app/database/data-source';
import { createTestDatabase } from './support/databases';

describe('database', () => {
  let database: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('lets several processes migrate at once (advisory lock): each finds the schema up to date', async () => {
    const results = await Promise.all([runMigrations(database.url), runMigrations(database.url), runMigrations(database.url)]);
    expect(results).toEqual([[], [], []]);
  });

  it('keeps the audit trail append-only', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO audit_events (entity_type, entity_id, action) VALUES ('assessment', gen_random_uuid(), 'test')`);
      await expect(client.query(`UPDATE audit_events SET action = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});

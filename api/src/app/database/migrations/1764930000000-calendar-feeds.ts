import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal calendar feeds: one secret address per person, kept only as the SHA-256 of its secret
 * (a stolen database does not give anyone's feed). Making a new address replaces the row; revoking
 * deletes it.
 */
export class CalendarFeeds1764930000000 implements MigrationInterface {
  name = 'CalendarFeeds1764930000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_read_at timestamptz(3)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_feeds`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the sign-in that began a session (refresh-token family) happened: a session ends SESSION_MAX_DAYS after it, however often refreshed. */
export class SessionStartedAt1764800000003 implements MigrationInterface {
  name = 'SessionStartedAt1764800000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE refresh_tokens ADD COLUMN session_started_at timestamptz`);
    await db.query(
      `UPDATE refresh_tokens t SET session_started_at = f.started
         FROM (SELECT family_id, min(created_at) AS started FROM refresh_tokens GROUP BY family_id) f
        WHERE f.family_id = t.family_id`,
    );
    await db.query(
      `ALTER TABLE refresh_tokens ALTER COLUMN session_started_at SET DEFAULT now(), ALTER COLUMN session_started_at SET NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE refresh_tokens DROP COLUMN session_started_at`);
  }
}

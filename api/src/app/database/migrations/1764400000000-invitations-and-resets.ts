import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations and password resets. Neither table ever holds a usable token: the worker makes the
 * token when it sends the e-mail and stores only its SHA-256 hash (see NotificationDelivery).
 */
export class InvitationsAndResets1764400000000 implements MigrationInterface {
  name = 'InvitationsAndResets1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        invited_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        organization_ids uuid[] NOT NULL,
        notification_id uuid REFERENCES notifications (id) ON DELETE SET NULL,
        token_hash text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz
      )`);
    // One open invitation per person: inviting again revokes the earlier one.
    await db.query(`CREATE UNIQUE INDEX invitations_open_key ON invitations (user_id) WHERE accepted_at IS NULL AND revoked_at IS NULL`);
    await db.query(`CREATE INDEX invitations_notification_idx ON invitations (notification_id)`);
    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        notification_id uuid NOT NULL UNIQUE REFERENCES notifications (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX password_resets_user_idx ON password_resets (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_resets`);
    await db.query(`DROP TABLE invitations`);
  }
}

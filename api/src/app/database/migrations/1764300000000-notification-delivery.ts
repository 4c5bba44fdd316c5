import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification delivery per channel, preferences and the daily digest.
 *
 * The outbox row stays the unit of work (job id = row id). The worker decides its channel once,
 * from the recipient's preference, when it shows the row in-app (`delivered_at`). For e-mail it
 * claims the row (`email_sending_at`, a lease), sends with a Message-ID derived from the row id and
 * records `email_sent_at`; `failed_at` marks a permanent failure an admin can retry.
 */
export class NotificationDelivery1764300000000 implements MigrationInterface {
  name = 'NotificationDelivery1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('in_app', 'email', 'digest')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
    await db.query(`
      CREATE TABLE notification_digests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        email_sending_at timestamptz,
        email_sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        failed_at timestamptz,
        last_error text
      )`);
    // At most one digest per user is being put together or sent at a time.
    await db.query(
      `CREATE UNIQUE INDEX notification_digests_open_key ON notification_digests (user_id) WHERE email_sent_at IS NULL AND failed_at IS NULL`,
    );
    await db.query(`
      ALTER TABLE notifications
        ADD COLUMN channel text CHECK (channel IN ('in_app', 'email', 'digest')),
        ADD COLUMN email_sending_at timestamptz,
        ADD COLUMN email_sent_at timestamptz,
        ADD COLUMN email_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN failed_at timestamptz,
        ADD COLUMN digest_id uuid REFERENCES notification_digests (id) ON DELETE SET NULL`);
    // Admins' list of failed deliveries, newest first.
    await db.query(`CREATE INDEX notifications_failed_idx ON notifications (failed_at DESC, id DESC) WHERE failed_at IS NOT NULL`);
    // The digest's scan for rows waiting for tomorrow's mail.
    await db.query(
      `CREATE INDEX notifications_digest_waiting_idx ON notifications (recipient_user_id) WHERE channel = 'digest' AND digest_id IS NULL`,
    );
    // The relay's scan for rows queued long ago but not finished (their job was lost with Redis data).
    await db.query(
      `CREATE INDEX notifications_unfinished_idx ON notifications (enqueued_at)
        WHERE failed_at IS NULL AND (delivered_at IS NULL OR (channel = 'email' AND email_sent_at IS NULL))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications_unfinished_idx`);
    await db.query(`DROP INDEX notifications_digest_waiting_idx`);
    await db.query(`DROP INDEX notifications_failed_idx`);
    await db.query(`
      ALTER TABLE notifications
        DROP COLUMN digest_id, DROP COLUMN failed_at, DROP COLUMN email_attempts,
        DROP COLUMN email_sent_at, DROP COLUMN email_sending_at, DROP COLUMN channel`);
    await db.query(`DROP TABLE notification_digests`);
    await db.query(`DROP TABLE notification_preferences`);
  }
}

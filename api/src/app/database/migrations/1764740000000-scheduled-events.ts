import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled events (deadline reminders, overdue escalations, follow-up due): written in the caller's
 * transaction like the notification outbox, handed to BullMQ as a delayed job whose id is the row id,
 * and fired once. A row that is cancelled (or replaced by a moved deadline) is skipped at fire time.
 */
export class ScheduledEvents1764740000000 implements MigrationInterface {
  name = 'ScheduledEvents1764740000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scheduled_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('consultation_deadline_reminder', 'consultation_overdue', 'follow_up_due')),
        subject_id uuid NOT NULL,
        due_at timestamptz(3) NOT NULL,
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'cancelled', 'fired')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        enqueued_at timestamptz(3),
        cancelled_at timestamptz(3),
        fired_at timestamptz(3),
        notification_count integer
      )`);
    // Replacing a subject's pending events, and the relay's two scans.
    await db.query(`CREATE INDEX scheduled_events_subject_idx ON scheduled_events (subject_id, kind) WHERE status = 'pending'`);
    await db.query(
      `CREATE INDEX scheduled_events_unqueued_idx ON scheduled_events (created_at) WHERE status = 'pending' AND enqueued_at IS NULL`,
    );
    await db.query(`CREATE INDEX scheduled_events_due_idx ON scheduled_events (due_at) WHERE status = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE scheduled_events`);
  }
}

import type { EntityManager } from 'typeorm';
import { consultationDeadlineEvents } from '../scheduling/consultation-deadlines.service';
import { insertScheduledEvents } from '../queue/scheduled-events.queue';

/**
 * Notifications and scheduling in the demo: every open consultation gets its deadline reminders and
 * overdue escalation (rows only: the worker's relay queues them as delayed jobs, as after a crash),
 * and the council's members find the request for a statement in their notifications, unread.
 */
export async function seedNotificationsDemo(tx: EntityManager, now = new Date()): Promise<void> {
  const open: {
    id: string;
    assessment_id: string;
    youth_council_id: string;
    deadline: Date;
    opened_at: Date;
    title: string;
    name_fi: string;
    name_sv: string;
    name_en: string;
  }[] = await tx.query(
    `SELECT c.id, c.assessment_id, c.youth_council_id, c.deadline, c.opened_at, a.title, o.name_fi, o.name_sv, o.name_en
       FROM consultations c
       JOIN assessments a ON a.id = c.assessment_id
       JOIN organizations o ON o.id = c.youth_council_id
      WHERE c.status IN ('not_started', 'drafting') AND c.opened_at IS NOT NULL AND c.closed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM scheduled_events e WHERE e.subject_id = c.id AND e.status = 'pending')`,
  );
  for (const c of open) {
    await insertScheduledEvents(tx, consultationDeadlineEvents(c.id, new Date(c.deadline), now));
    const params = {
      title: c.title,
      council: c.name_fi,
      council_fi: c.name_fi,
      council_sv: c.name_sv,
      council_en: c.name_en,
      consultationId: c.id,
      deadline: new Date(c.deadline).toISOString(),
    };
    // Shown in Lava already (delivered, in-app): the demo sends no e-mail for it.
    await tx.query(
      `INSERT INTO notifications (recipient_user_id, kind, assessment_id, params, created_at, enqueued_at, delivered_at, channel)
       SELECT m.user_id, 'consultation_opened', $1, $2::jsonb, $3, $3, $3, 'in_app'
         FROM memberships m
        WHERE m.organization_id = $4 AND m.role = 'youth_council_member'
          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.recipient_user_id = m.user_id AND n.kind = 'consultation_opened' AND n.assessment_id = $1)`,
      [c.assessment_id, JSON.stringify(params), c.opened_at, c.youth_council_id],
    );
  }
}

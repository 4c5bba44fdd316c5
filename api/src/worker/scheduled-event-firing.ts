import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type NotificationKind, type NotificationParams, QUEUES, type ScheduledEventKind } from '@lava/contracts';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { enqueueNotifications } from '../app/notifications/outbox';
import { closeSurvey } from '../app/surveys/survey-closing';

export type FireOutcome = 'fired' | 'condition-gone' | 'not-pending' | 'gone';

/** How early a job may run before its row's due time (clock skew between Redis and Postgres). */
const EARLY_TOLERANCE_MS = 2_000;

interface EventRow {
  id: string;
  kind: ScheduledEventKind;
  subject_id: string;
  params: Record<string, string>;
  status: string;
  early_ms: number;
}

interface Draft {
  /** A user, or (recipientContactId) a body's e-mail-only contact. */
  recipientUserId: string | null;
  recipientContactId?: string;
  assessmentId: string;
  /** The values of the kind the event fires as (NOTIFICATION_VALUES in contracts). */
  params: NotificationParams['consultation_deadline_reminder' | 'consultation_overdue' | 'follow_up_due'];
}

/**
 * The worker side of scheduled events. Under a row lock: skips a row that is no longer pending,
 * checks the condition again in the database (a moved deadline, a submitted statement, an assessment
 * that left its stage all mean "no"), writes the notifications and marks the row fired in one
 * transaction, then queues the notifications. Running twice fires once.
 */
@Injectable()
export class ScheduledEventFiring {
  private readonly logger = new Logger(ScheduledEventFiring.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
  ) {}

  async fire(scheduledEventId: string): Promise<FireOutcome> {
    const result = await this.db.transaction(async (tx) => {
      const [row]: EventRow[] = await tx.query(
        `SELECT id, kind, subject_id, params, status,
                floor(extract(epoch FROM (due_at - clock_timestamp())) * 1000)::int AS early_ms
           FROM scheduled_events WHERE id = $1 FOR UPDATE`,
        [scheduledEventId],
      );
      if (!row) return { outcome: 'gone' as const, ids: [] };
      if (row.status !== 'pending') return { outcome: 'not-pending' as const, ids: [] };
      if (row.early_ms > EARLY_TOLERANCE_MS)
        throw new Error(`Scheduled event ${row.id} is not due for ${row.early_ms} ms; trying again later`);
      if (row.kind === 'survey_close') return closeSurvey(tx, row);

      const drafts = await this.recipients(tx, row);
      if (drafts.length === 0) {
        await tx.query(`UPDATE scheduled_events SET status = 'cancelled', cancelled_at = now(), notification_count = 0 WHERE id = $1`, [
          row.id,
        ]);
        return { outcome: 'condition-gone' as const, ids: [] };
      }
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO notifications (recipient_user_id, kind, assessment_id, params, recipient_contact_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::jsonb[], $5::uuid[])
         RETURNING id`,
        [
          drafts.map((d) => d.recipientUserId),
          drafts.map(() => row.kind as NotificationKind),
          drafts.map((d) => d.assessmentId),
          drafts.map((d) => JSON.stringify(d.params)),
          drafts.map((d) => d.recipientContactId ?? null),
        ],
      );
      await tx.query(`UPDATE scheduled_events SET status = 'fired', fired_at = now(), notification_count = $2 WHERE id = $1`, [
        row.id,
        inserted.length,
      ]);
      return { outcome: 'fired' as const, ids: inserted.map((r) => r.id) };
    });
    if (result.ids.length > 0) {
      // After commit; if Redis fails here the outbox relay queues them.
      await enqueueNotifications(this.queue, this.db, result.ids).catch((error: Error) =>
        this.logger.warn(`Notifications of scheduled event ${scheduledEventId} queued later by the relay: ${error.message}`),
      );
    }
    return result.outcome;
  }

  /** Who hears about the event now; nobody when its condition no longer holds. */
  private async recipients(tx: EntityManager, row: EventRow): Promise<Draft[]> {
    switch (row.kind) {
      case 'consultation_deadline_reminder':
      case 'consultation_overdue': {
        const reminder = row.kind === 'consultation_deadline_reminder';
        // Still open, not submitted or withdrawn, the deadline the event was scheduled for, the assessment still in consultation.
        const [c]: {
          assessment_id: string;
          youth_council_id: string;
          responsible_official_id: string;
          title: string;
          name_fi: string;
          name_sv: string;
          name_en: string;
        }[] = await tx.query(
          `SELECT c.assessment_id, c.youth_council_id, a.responsible_official_id, a.title, o.name_fi, o.name_sv, o.name_en
               FROM consultations c
               JOIN assessments a ON a.id = c.assessment_id
               JOIN organizations o ON o.id = c.youth_council_id
              WHERE c.id = $1 AND c.status IN ('not_started', 'drafting') AND c.opened_at IS NOT NULL
                AND date_trunc('milliseconds', c.deadline) = $2::timestamptz
                AND (c.closed_at IS NULL OR c.closed_at >= c.deadline)
                AND a.stage = 'consultation'`,
          [row.subject_id, row.params['deadline']],
        );
        if (!c) return [];
        const params: NotificationParams['consultation_overdue'] = {
          title: c.title,
          council: c.name_fi,
          council_fi: c.name_fi,
          council_sv: c.name_sv,
          council_en: c.name_en,
          deadline: row.params['deadline'] ?? '',
        };
        if (!reminder) return [{ recipientUserId: c.responsible_official_id, assessmentId: c.assessment_id, params }];
        const members: { id: string }[] = await tx.query(
          `SELECT u.id FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.organization_id = $1 AND m.role = 'youth_council_member' AND u.active
            ORDER BY u.id`,
          [c.youth_council_id],
        );
        // Members' links go to their council's page for the request (`consultationId`).
        const forMembers: NotificationParams['consultation_deadline_reminder'] = {
          ...params,
          daysLeft: row.params['daysLeft'] ?? '',
          consultationId: row.subject_id,
        };
        // A body's e-mail-only contacts who have not answered yet are reminded by e-mail with a new link.
        const contacts: { id: string }[] = await tx.query(
          `SELECT contact_id AS id FROM consultation_links WHERE consultation_id = $1 AND used_at IS NULL ORDER BY contact_id`,
          [row.subject_id],
        );
        return [
          ...members.map((m) => ({ recipientUserId: m.id, assessmentId: c.assessment_id, params: forMembers })),
          ...contacts.map((k) => ({ recipientUserId: null, recipientContactId: k.id, assessmentId: c.assessment_id, params: forMembers })),
        ];
      }
      case 'follow_up_due': {
        const [a]: { id: string; title: string; responsible_official_id: string }[] = await tx.query(
          `SELECT id, title, responsible_official_id FROM assessments
            WHERE id = $1 AND stage = 'decided' AND follow_up_date = $2::date`,
          [row.subject_id, row.params['followUpDate']],
        );
        if (!a) return [];
        return [
          {
            recipientUserId: a.responsible_official_id,
            assessmentId: a.id,
            params: { title: a.title, followUpDate: row.params['followUpDate'] ?? '' },
          },
        ];
      }
      default:
        this.logger.warn(`Unknown scheduled event kind ${String(row.kind)}`);
        return [];
    }
  }
}

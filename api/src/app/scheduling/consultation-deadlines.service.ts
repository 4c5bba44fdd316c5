import { Injectable } from '@nestjs/common';
import type { ScheduledEventKind } from '@lava/contracts';
import type { OutboxBatch } from '../notifications/notification-outbox.service';
import type { ScheduledEventDraft } from '../queue/scheduled-events.queue';

const DAY_MS = 24 * 3600 * 1000;
const DEADLINE_KINDS: readonly ScheduledEventKind[] = ['consultation_deadline_reminder', 'consultation_overdue'];

/** Days before the deadline when the members are reminded. */
export const REMINDER_DAYS = [7, 2] as const;

/** The reminders still ahead (7 and 2 days before) and the escalation at the deadline. */
export function consultationDeadlineEvents(consultationId: string, deadline: Date, now: Date): ScheduledEventDraft[] {
  const iso = deadline.toISOString();
  const reminders: ScheduledEventDraft[] = REMINDER_DAYS.map((days) => ({ days, dueAt: new Date(deadline.getTime() - days * DAY_MS) }))
    .filter((r) => r.dueAt.getTime() > now.getTime())
    .map((r) => ({
      kind: 'consultation_deadline_reminder',
      subjectId: consultationId,
      dueAt: r.dueAt,
      params: { deadline: iso, daysLeft: String(r.days) },
    }));
  return [...reminders, { kind: 'consultation_overdue', subjectId: consultationId, dueAt: deadline, params: { deadline: iso } }];
}

/**
 * A consultation's deadline work: reminders to the council's members 7 and 2 days before (those
 * already in the past are skipped) and the escalation to the responsible official at the deadline.
 *
 * Call `schedule` when a consultation opens or its deadline moves, `cancel` when it is submitted,
 * withdrawn or closed, both with the `out` of your unit of work (`NotificationOutbox.run`), which
 * publishes them after commit.
 * At fire time the worker checks the consultation again (status not_started/drafting, deadline still
 * the scheduled one, not closed, assessment still in consultation), so a late cancel or a moved
 * deadline never sends a wrong reminder even if a job was already on its way.
 */
@Injectable()
export class ConsultationDeadlines {
  /** Replaces the consultation's pending deadline events; returns the ids of the cancelled and the new ones. */
  async schedule(out: OutboxBatch, consultationId: string, deadline: Date, now: Date = new Date()): Promise<string[]> {
    const cancelled = await out.cancelScheduled(consultationId, DEADLINE_KINDS);
    const added = await out.schedule(consultationDeadlineEvents(consultationId, deadline, now));
    return [...cancelled, ...added];
  }

  /** Cancels the consultation's pending deadline events; returns their ids. */
  cancel(out: OutboxBatch, consultationId: string): Promise<string[]> {
    return out.cancelScheduled(consultationId, DEADLINE_KINDS);
  }
}

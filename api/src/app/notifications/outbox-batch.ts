import type { NotificationKind, NotificationParams, ScheduledEventKind } from '@lava/contracts';
import type { EntityManager } from 'typeorm';
import { cancelPendingEvents, insertScheduledEvents, type ScheduledEventDraft } from '../queue/scheduled-events.queue';
import { Notification } from './notification.entity';

/** One notification to write: its params are the kind's values (`NotificationParams` in contracts), checked by the compiler. */
export type NotificationDraft<K extends NotificationKind = NotificationKind> = {
  [Kind in K]: { recipientUserId: string; kind: Kind; assessmentId: string | null; params: NotificationParams[Kind] };
}[K];

/** One kind with its values (a draft without its recipient). */
export type NotificationValues<K extends NotificationKind = NotificationKind> = {
  [Kind in K]: { kind: Kind; params: NotificationParams[Kind] };
}[K];

/** A notice to a heard body's e-mail-only contact (no account, issue 13): the row names the contact; the worker e-mails it. */
export type ContactNotificationDraft<K extends NotificationKind = NotificationKind> = {
  [Kind in K]: { recipientContactId: string; kind: Kind; assessmentId: string; params: NotificationParams[Kind] };
}[K];

/**
 * The `out` of a unit of work (`NotificationOutbox.run`): writes notification and scheduled-event
 * rows in the unit's transaction as they are added, and keeps their ids in two typed lists, which the
 * unit publishes after commit (and drops, unpublished, when the transaction rolls back).
 */
export class OutboxBatch {
  private readonly notifications: string[] = [];
  private readonly events: string[] = [];

  constructor(private readonly tx: EntityManager) {}

  /** Notification rows to deliver after commit; returns their ids (e.g. for a row that refers to its notification). */
  async notify(drafts: readonly NotificationDraft[]): Promise<string[]> {
    if (drafts.length === 0) return [];
    const result = await this.tx.getRepository(Notification).insert([...drafts]);
    const ids = result.identifiers.map((identifier) => identifier['id'] as string);
    this.notifications.push(...ids);
    return ids;
  }

  /** Notices to e-mail-only contacts, delivered after commit like the others; returns their ids. */
  async notifyContacts(drafts: readonly ContactNotificationDraft[]): Promise<string[]> {
    if (drafts.length === 0) return [];
    const rows: { id: string }[] = await this.tx.query(
      `INSERT INTO notifications (recipient_contact_id, kind, assessment_id, params)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::jsonb[])
       RETURNING id`,
      [
        drafts.map((d) => d.recipientContactId),
        drafts.map((d) => d.kind),
        drafts.map((d) => d.assessmentId),
        drafts.map((d) => JSON.stringify(d.params)),
      ],
    );
    const ids = rows.map((r) => r.id);
    this.notifications.push(...ids);
    return ids;
  }

  /** Scheduled events to hand to the queue as delayed jobs after commit; returns their ids. */
  async schedule(drafts: readonly ScheduledEventDraft[]): Promise<string[]> {
    const ids = await insertScheduledEvents(this.tx, drafts);
    this.events.push(...ids);
    return ids;
  }

  /** Cancels the subject's pending events of these kinds; after commit their delayed jobs are removed. Returns their ids. */
  async cancelScheduled(subjectId: string, kinds: readonly ScheduledEventKind[]): Promise<string[]> {
    const ids = await cancelPendingEvents(this.tx, subjectId, kinds);
    this.events.push(...ids);
    return ids;
  }

  /** What the unit publishes after commit: notification ids and scheduled-event ids (added or cancelled). */
  collected(): { readonly notificationIds: readonly string[]; readonly scheduledEventIds: readonly string[] } {
    return { notificationIds: [...this.notifications], scheduledEventIds: [...this.events] };
  }
}

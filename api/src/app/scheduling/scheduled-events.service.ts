import { Injectable } from '@nestjs/common';
import type { ScheduledEventKind } from '@lava/contracts';
import type { EntityManager } from 'typeorm';
import { NotificationOutbox } from '../notifications/notification-outbox.service';

export interface ScheduledEventDraft {
  kind: ScheduledEventKind;
  /** The consultation (deadline kinds) or the assessment (follow_up_due) the event is about. */
  subjectId: string;
  dueAt: Date;
  /** What the fire handler checks against the database (e.g. the deadline it was scheduled for) and puts in the notification. */
  params: Record<string, string>;
}

/** Writes scheduled events in the caller's transaction (also used by the demo seed); returns their ids. */
export async function insertScheduledEvents(tx: Pick<EntityManager, 'query'>, drafts: readonly ScheduledEventDraft[]): Promise<string[]> {
  if (drafts.length === 0) return [];
  const rows: { id: string }[] = await tx.query(
    `INSERT INTO scheduled_events (kind, subject_id, due_at, params)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::jsonb[])
     RETURNING id`,
    [
      drafts.map((d) => d.kind),
      drafts.map((d) => d.subjectId),
      drafts.map((d) => d.dueAt.toISOString()),
      drafts.map((d) => JSON.stringify(d.params)),
    ],
  );
  return rows.map((r) => r.id);
}

/**
 * The producer side of scheduled work: rows written in the caller's transaction (an outbox, like
 * notifications), handed to BullMQ as delayed jobs after commit by `publish`, or later by the worker's
 * relay if the process died in between. Firing is in the worker (ScheduledEventFiring).
 */
@Injectable()
export class ScheduledEvents {
  constructor(private readonly outbox: NotificationOutbox) {}

  /** Adds events; returns their ids to publish after commit. */
  add(tx: EntityManager, drafts: readonly ScheduledEventDraft[]): Promise<string[]> {
    return insertScheduledEvents(tx, drafts);
  }

  /** Cancels the subject's pending events of these kinds; returns their ids (publishing them removes their delayed jobs). */
  async cancelPending(tx: EntityManager, subjectId: string, kinds: readonly ScheduledEventKind[]): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await tx.query(
      `UPDATE scheduled_events SET status = 'cancelled', cancelled_at = now()
        WHERE subject_id = $1 AND kind = ANY($2) AND status = 'pending'
        RETURNING id`,
      [subjectId, kinds],
    );
    return rows.map((r) => r.id);
  }

  /** After commit, best effort (the worker's relay catches up if Redis is away). */
  publish(ids: readonly string[]): Promise<void> {
    return this.outbox.publish(ids);
  }
}

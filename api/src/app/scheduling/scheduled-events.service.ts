import { Injectable } from '@nestjs/common';
import type { ScheduledEventKind } from '@lava/contracts';
import type { EntityManager } from 'typeorm';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { cancelPendingEvents, insertScheduledEvents, type ScheduledEventDraft } from '../queue/scheduled-events.queue';

export { insertScheduledEvents, type ScheduledEventDraft };

/**
 * The producer side of scheduled work by hand: rows written in the caller's transaction, handed to
 * BullMQ as delayed jobs after commit by `publish`, or later by the worker's relay if the process died
 * in between. Firing is in the worker (ScheduledEventFiring). New code uses the unit of work instead
 * (`NotificationOutbox.run`, whose `out.schedule`/`out.cancelScheduled` publish after commit by themselves);
 * this remains for the surveys feature until it moves over.
 */
@Injectable()
export class ScheduledEvents {
  constructor(private readonly outbox: NotificationOutbox) {}

  /** Adds events; returns their ids to publish after commit. */
  add(tx: EntityManager, drafts: readonly ScheduledEventDraft[]): Promise<string[]> {
    return insertScheduledEvents(tx, drafts);
  }

  /** Cancels the subject's pending events of these kinds; returns their ids (publishing them removes their delayed jobs). */
  cancelPending(tx: EntityManager, subjectId: string, kinds: readonly ScheduledEventKind[]): Promise<string[]> {
    return cancelPendingEvents(tx, subjectId, kinds);
  }

  /** After commit, best effort (the worker's relay catches up if Redis is away). */
  publish(ids: readonly string[]): Promise<void> {
    return this.outbox.publish(ids);
  }
}

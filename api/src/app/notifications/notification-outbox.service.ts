import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES } from '@lava/contracts';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { enqueueScheduledEvents } from '../queue/scheduled-events.queue';
import { enqueueNotifications } from './outbox';
import { OutboxBatch } from './outbox-batch';

export type { ContactNotificationDraft, NotificationDraft, NotificationValues } from './outbox-batch';
export { OutboxBatch } from './outbox-batch';

/** How the unit of work waits for its publishing: `'background'` answers without waiting (e.g. so timing tells nothing). */
export interface OutboxRunOptions {
  publish?: 'await' | 'background';
}

/** The API side of the transactional outbox. */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger(NotificationOutbox.name);

  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    // Connection trouble is expected now and then (the relay covers it); log it instead of crashing on an unhandled 'error'.
    this.queue.on('error', (error) => this.logger.warn(`Notification queue: ${error.message}`));
  }

  /**
   * The unit of work: runs `work` in a transaction with an `out` that writes notifications and
   * scheduled events in it; after commit publishes exactly what `out` collected, once. When `work`
   * throws, the transaction rolls back and nothing is published.
   */
  async run<T>(work: (tx: EntityManager, out: OutboxBatch) => Promise<T>, options: OutboxRunOptions = {}): Promise<T> {
    let batch: OutboxBatch | undefined;
    const result = await this.db.transaction(async (tx) => {
      const out = new OutboxBatch(tx);
      const value = await work(tx, out);
      batch = out;
      return value;
    });
    if (batch) {
      const published = this.publishCollected(batch);
      if (options.publish === 'background') void published;
      else await published;
    }
    return result;
  }

  /**
   * Best effort right after commit. If Redis is down the rows stay un-enqueued and the
   * worker's relay queues them later; the user's request still succeeds. The ids may include
   * scheduled events: those become delayed jobs (or, cancelled, lose theirs).
   */
  async publish(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      const { others } = await enqueueScheduledEvents(this.queue, this.db, ids);
      await enqueueNotifications(this.queue, this.db, others);
    } catch (error) {
      this.logger.warn(`Queued ${ids.length} notification(s) or scheduled event(s) later via the relay: ${(error as Error).message}`);
    }
  }

  /** Publishes a committed batch (never throws: the relay covers what Redis did not take). */
  private async publishCollected(batch: OutboxBatch): Promise<void> {
    const { notificationIds, scheduledEventIds } = batch.collected();
    if (notificationIds.length + scheduledEventIds.length === 0) return;
    try {
      if (scheduledEventIds.length > 0) await enqueueScheduledEvents(this.queue, this.db, scheduledEventIds);
      await enqueueNotifications(this.queue, this.db, [...notificationIds]);
    } catch (error) {
      const count = notificationIds.length + scheduledEventIds.length;
      this.logger.warn(`Queued ${count} notification(s) or scheduled event(s) later via the relay: ${(error as Error).message}`);
    }
  }
}

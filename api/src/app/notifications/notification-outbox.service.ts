import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES, type NotificationKind } from '@lava/contracts';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { Notification } from './notification.entity';
import { enqueueScheduledEvents } from '../queue/scheduled-events.queue';
import { enqueueNotifications } from './outbox';

export interface NotificationDraft {
  recipientUserId: string;
  kind: NotificationKind;
  assessmentId: string | null;
  params: Record<string, string>;
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

  /** Writes notification rows in the caller's transaction. Call `publish` with the ids after commit. */
  async add(tx: EntityManager, drafts: NotificationDraft[]): Promise<string[]> {
    if (drafts.length === 0) return [];
    const result = await tx.getRepository(Notification).insert(drafts);
    return result.identifiers.map((identifier) => identifier['id'] as string);
  }

  /**
   * Best effort right after commit. If Redis is down the rows stay un-enqueued and the
   * worker's relay queues them later; the user's request still succeeds. The ids may include
   * scheduled events (see ScheduledEvents): those become delayed jobs (or, cancelled, lose theirs).
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
}

import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES } from '@lava/contracts';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { LavaConfig } from '../app/config/lava-config';
import { enqueueNotifications } from '../app/notifications/outbox';
import { enqueueScheduledEvents } from '../app/queue/scheduled-events.queue';

const BATCH_SIZE = 500;

/**
 * Queues notification rows and scheduled events that the API committed but could not queue (Redis down,
 * a crash between commit and enqueue). Runs at start and then on an interval; rows are
 * claimed with SKIP LOCKED so several workers share the work.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.OUTBOX_RELAY_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Queues every pending row; returns how many it queued. */
  async relayPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const queued = await this.db.transaction(async (tx) => {
        const rows: { id: string }[] = await tx.query(
          `SELECT id FROM notifications WHERE enqueued_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [BATCH_SIZE],
        );
        const ids = rows.map((r) => r.id);
        if (ids.length > 0) await enqueueNotifications(this.queue, tx, ids);
        return ids.length;
      });
      total += queued;
      if (queued < BATCH_SIZE) break;
    }
    return total + (await this.requeueStale()) + (await this.relayScheduledEvents());
  }

  /**
   * Scheduled events: pending rows never queued (a crash between commit and publish), and pending rows
   * overdue by OUTBOX_REQUEUE_AFTER_MS (their delayed job was lost with Redis data, or failed for good).
   * Adding an existing job id is a no-op, so a job still waiting is untouched.
   */
  async relayScheduledEvents(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: { id: string }[] = await tx.query(
        `SELECT id FROM scheduled_events
          WHERE status = 'pending'
            AND (enqueued_at IS NULL OR due_at < now() - make_interval(secs => $1::int / 1000.0))
          ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_REQUEUE_AFTER_MS, BATCH_SIZE],
      );
      const ids = rows.map((r) => r.id);
      for (const id of ids) {
        const job = await this.queue.getJob(id);
        if (job && (await job.isFailed())) await job.retry('failed');
      }
      await enqueueScheduledEvents(this.queue, tx, ids);
      return ids.length;
    });
  }

  /**
   * Rows queued long ago (OUTBOX_REQUEUE_AFTER_MS) and still not delivered: their job may have been
   * lost with Redis data (a Redis restarted without persistence) or failed for good by stalling.
   * Adding a job id that still exists is a no-op, so a row merely waiting for its backoff is untouched.
   */
  async requeueStale(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: { id: string }[] = await tx.query(
        `SELECT id FROM notifications
          WHERE enqueued_at < now() - make_interval(secs => $1::int / 1000.0)
            AND failed_at IS NULL AND (delivered_at IS NULL OR (channel = 'email' AND email_sent_at IS NULL))
          ORDER BY enqueued_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_REQUEUE_AFTER_MS, BATCH_SIZE],
      );
      for (const { id } of rows) {
        const job = await this.queue.getJob(id);
        if (job && (await job.isFailed())) await job.retry('failed');
      }
      if (rows.length > 0) {
        await enqueueNotifications(
          this.queue,
          tx,
          rows.map((r) => r.id),
        );
        await tx.query(`UPDATE notifications SET enqueued_at = now() WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
      }
      return rows.length;
    });
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.relayPending();
    try {
      const queued = await this.running;
      if (queued > 0) this.logger.log(`Relayed ${queued} notification(s) to the queue`);
    } catch (error) {
      this.logger.warn(`Outbox relay will retry: ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }
}

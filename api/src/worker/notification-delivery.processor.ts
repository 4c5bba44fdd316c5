import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES, type DeliverNotificationJob } from '@lava/contracts';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * Delivers a notification. The queue delivers at least once; the conditional update
 * makes the person see it at most once, whichever worker gets the job.
 */
@Processor(QUEUES.notifications, { concurrency: 10 })
export class NotificationDeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationDeliveryProcessor.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async process(job: Job<DeliverNotificationJob>): Promise<'delivered' | 'already-delivered' | 'gone'> {
    const { notificationId } = job.data;
    const [rows, affected] = await this.db.query(
      `UPDATE notifications SET delivered_at = now(), attempts = attempts + 1, last_error = NULL
        WHERE id = $1 AND delivered_at IS NULL
        RETURNING id`,
      [notificationId],
    );
    if (affected === 1 && rows.length === 1) return 'delivered';
    const [exists] = await this.db.query(`SELECT 1 FROM notifications WHERE id = $1`, [notificationId]);
    if (!exists) this.logger.warn(`Notification ${notificationId} no longer exists (its assessment was deleted)`);
    return exists ? 'already-delivered' : 'gone';
  }
}

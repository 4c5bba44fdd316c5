import { JOBS, type DeliverNotificationJob } from '@lava/contracts';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Hands notification rows to the queue. The job id is the row id, so adding the same
 * row twice (API after commit, and the relay) is a no-op in BullMQ; the row is marked
 * enqueued only after Redis accepted the job.
 */
export async function enqueueNotifications(
  queue: Queue,
  db: Pick<DataSource | EntityManager, 'query'>,
  notificationIds: string[],
): Promise<void> {
  if (notificationIds.length === 0) return;
  await queue.addBulk(
    notificationIds.map((notificationId) => ({
      name: JOBS.deliverNotification,
      data: { notificationId } satisfies DeliverNotificationJob,
      opts: { jobId: notificationId },
    })),
  );
  await db.query(`UPDATE notifications SET enqueued_at = now() WHERE id = ANY($1) AND enqueued_at IS NULL`, [notificationIds]);
}

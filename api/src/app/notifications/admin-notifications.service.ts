import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type FailedNotificationPage, type NotificationKind, QUEUES, type QueueOverview } from '@lava/contracts';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage } from '../common/keyset-cursor';
import { enqueueNotifications } from './outbox';
import { queueBoardAllowed } from './queue-board';

interface FailedRow {
  id: string;
  kind: NotificationKind;
  recipient_user_id: string;
  email: string;
  created_at: Date;
  failed_at: Date;
  email_attempts: number;
  last_error: string | null;
}

/** The organizations where the user is admin, and everything below them. */
const ADMIN_SCOPE = `WITH RECURSIVE scope AS (
    SELECT o.id FROM organizations o
      JOIN memberships ms ON ms.organization_id = o.id AND ms.user_id = $1 AND ms.role = 'admin'
    UNION
    SELECT child.id FROM organizations child JOIN scope ON child.parent_id = scope.id)`;

const RECIPIENT_IN_SCOPE = `EXISTS (SELECT 1 FROM memberships rm WHERE rm.user_id = n.recipient_user_id AND rm.organization_id IN (SELECT id FROM scope))`;

@Injectable()
export class AdminNotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
  ) {}

  async failed(adminId: string, limit: number, cursor?: string): Promise<FailedNotificationPage> {
    const position = cursor ? decodeCursor(cursor) : null;
    const rows: FailedRow[] = await this.db.query(
      `${ADMIN_SCOPE}
       SELECT n.id, n.kind, n.recipient_user_id, u.email, n.created_at, n.failed_at, n.email_attempts, n.last_error
         FROM notifications n JOIN users u ON u.id = n.recipient_user_id
        WHERE n.failed_at IS NOT NULL AND ${RECIPIENT_IN_SCOPE}
          ${position ? 'AND (n.failed_at, n.id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY n.failed_at DESC, n.id DESC
        LIMIT $2`,
      position ? [adminId, limit + 1, position.createdAt, position.id] : [adminId, limit + 1],
    );
    return toPage(
      rows,
      limit,
      (row) => ({ createdAt: row.failed_at, id: row.id }),
      (row) => ({
        id: row.id,
        kind: row.kind,
        recipientUserId: row.recipient_user_id,
        recipientEmail: row.email,
        createdAt: row.created_at.toISOString(),
        failedAt: row.failed_at.toISOString(),
        attempts: row.email_attempts,
        lastError: row.last_error,
      }),
    );
  }

  /** Clears the failure and hands the row to the queue again (the same job id: a failed job is retried). */
  async retry(adminId: string, notificationId: string): Promise<void> {
    const [rows]: [{ id: string }[], number] = await this.db.query(
      `${ADMIN_SCOPE}
       UPDATE notifications n SET failed_at = NULL, last_error = NULL, email_sending_at = NULL
        WHERE n.id = $2 AND n.failed_at IS NOT NULL AND ${RECIPIENT_IN_SCOPE}
        RETURNING n.id`,
      [adminId, notificationId],
    );
    if (rows.length === 0) throw new NotFoundException('No such failed notification.');
    const job = await this.queue.getJob(notificationId);
    if (job && (await job.isFailed())) {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    } else {
      if (job) await job.remove().catch(() => undefined);
      await enqueueNotifications(this.queue, this.db, [notificationId]);
    }
  }

  /** Whether the admin may open the queue dashboard (an admin of a top-level organization; see queue-board.ts). */
  boardAllowed(adminId: string): Promise<boolean> {
    return queueBoardAllowed(this.db, adminId);
  }

  async queueOverview(adminId: string): Promise<QueueOverview> {
    const [counts, boardAvailable] = await Promise.all([
      this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed'),
      this.boardAllowed(adminId),
    ]);
    const queues = [
      {
        name: QUEUES.notifications,
        waiting: counts['waiting'] ?? 0,
        active: counts['active'] ?? 0,
        delayed: counts['delayed'] ?? 0,
        completed: counts['completed'] ?? 0,
        failed: counts['failed'] ?? 0,
      },
    ];
    return { queues, boardAvailable };
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EMAIL_ONLY_NOTIFICATION_KINDS, type NotificationKind, type NotificationPage } from '@lava/contracts';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage } from '../common/keyset-cursor';
import { NotificationEvents } from './notification-events';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  params: Record<string, string>;
  assessment_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** The recipient's side: only delivered notifications are visible, and not the e-mail-only kinds (invitations, resets). */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: NotificationEvents,
  ) {}

  async list(userId: string, limit: number, cursor?: string): Promise<NotificationPage> {
    const position = cursor ? decodeCursor(cursor) : null;
    const after = position ? `AND (created_at, id) < ($3::timestamptz, $4::uuid)` : '';
    // The page and the unread count in one statement (the bell reads this whenever its stream says so):
    // one row with a null id when the page is empty.
    const rows: ((NotificationRow | { [K in keyof NotificationRow]: null }) & { unread_count: number })[] = await this.db.query(
      `WITH unread AS (
         SELECT count(*)::int AS count FROM notifications
          WHERE recipient_user_id = $1 AND delivered_at IS NOT NULL AND read_at IS NULL AND kind <> ALL('{${EMAIL_ONLY_NOTIFICATION_KINDS.join(',')}}'))
       SELECT n.*, unread.count AS unread_count
         FROM unread LEFT JOIN LATERAL (
                SELECT id, kind, params, assessment_id, created_at, read_at
                  FROM notifications
                 WHERE recipient_user_id = $1 AND delivered_at IS NOT NULL AND kind <> ALL('{${EMAIL_ONLY_NOTIFICATION_KINDS.join(',')}}') ${after}
                 ORDER BY created_at DESC, id DESC
                 LIMIT $2) n ON true
        ORDER BY n.created_at DESC, n.id DESC`,
      position ? [userId, limit + 1, position.createdAt, position.id] : [userId, limit + 1],
    );
    const count = rows[0]?.unread_count ?? 0;
    const page = toPage(
      rows.filter((row): row is NotificationRow & { unread_count: number } => row.id !== null),
      limit,
      (row) => ({ createdAt: row.created_at, id: row.id }),
      (row) => ({
        id: row.id,
        kind: row.kind,
        params: row.params,
        assessmentId: row.assessment_id,
        createdAt: row.created_at.toISOString(),
        readAt: row.read_at?.toISOString() ?? null,
      }),
    );
    return { ...page, unreadCount: count };
  }

  async markRead(userId: string, notificationId: string): Promise<void> {
    const [, affected] = await this.db.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND recipient_user_id = $2 AND delivered_at IS NOT NULL AND kind <> ALL('{${EMAIL_ONLY_NOTIFICATION_KINDS.join(',')}}')`,
      [notificationId, userId],
    );
    // Someone else's notification is reported exactly like a missing one.
    if (affected === 0) throw new NotFoundException('No such notification.');
    // The person's other tabs (on any API replica) update their bell.
    await this.events.publish(userId);
  }
}

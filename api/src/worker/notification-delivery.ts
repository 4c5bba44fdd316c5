import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_NOTIFICATION_CHANNEL,
  EMAIL_ONLY_NOTIFICATION_KINDS,
  type Language,
  type NotificationChannel,
  type NotificationKind,
} from '@lava/contracts';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { LavaConfig } from '../app/config/lava-config';
import { NotificationEvents } from '../app/notifications/notification-events';
import { isPermanentMailError, Mailer, type OutgoingMail } from './mail/mailer';
import { renderDigest, renderNotification, type TemplateInput } from './mail/templates';
import { type IssuedLink, issueSignInLink } from './sign-in-links';
import { issueStatementLink } from './statement-links';

export type DeliveryOutcome = 'delivered' | 'emailed' | 'already-delivered' | 'failed-earlier' | 'gone';

export interface RowForDelivery {
  id: string;
  recipient_user_id: string | null;
  /** A body's e-mail-only contact instead of a user (issue 13): e-mail at once, with a statement link. */
  recipient_contact_id: string | null;
  kind: NotificationKind;
  params: Record<string, string>;
  assessment_id: string | null;
  channel: NotificationChannel | null;
  delivered_at: Date | null;
  email_sent_at: Date | null;
  failed_at: Date | null;
  email: string;
  language: Language;
  active: boolean;
  preferred: NotificationChannel | null;
}

/** A notification row with its recipient's address, language and preference; callers add the WHERE. */
export const SELECT_FOR_DELIVERY = `
  SELECT n.id, n.recipient_user_id, n.recipient_contact_id, n.kind, n.params, n.assessment_id, n.channel, n.delivered_at,
         n.email_sent_at, n.failed_at, coalesce(u.email, bc.email) AS email, coalesce(u.language, bc.language) AS language,
         coalesce(u.active, bc.id IS NOT NULL) AS active, p.channel AS preferred
    FROM notifications n
    LEFT JOIN users u ON u.id = n.recipient_user_id
    LEFT JOIN body_contacts bc ON bc.id = n.recipient_contact_id
    LEFT JOIN notification_preferences p ON p.user_id = n.recipient_user_id AND p.kind = n.kind`;

/**
 * Invitations and resets carry a sign-in link: always an e-mail at once, whatever the preferences say.
 * So does every notice to an e-mail-only contact: they have no account to see it in.
 */
export function isEmailOnly(row: RowForDelivery): boolean {
  return row.recipient_contact_id !== null || (EMAIL_ONLY_NOTIFICATION_KINDS as readonly string[]).includes(row.kind);
}

/** The channel a row is delivered on, fixed from the recipient's preference when it is delivered. */
export function wantedChannel(row: RowForDelivery): NotificationChannel {
  if (!row.active) return 'in_app';
  if (isEmailOnly(row)) return 'email';
  return row.preferred ?? DEFAULT_NOTIFICATION_CHANNEL[row.kind] ?? 'in_app';
}

/**
 * Delivers one outbox row: shown in-app once (conditional update of `delivered_at`), with the channel
 * fixed from the recipient's preference at that moment; then, for immediate e-mail, sent once.
 *
 * E-mail, step by step: claim the row (`email_sending_at`, committed, a lease of MAIL_TIMEOUT_MS plus
 * a margin so a second attempt cannot overlap a live one); send with Message-ID `<notification-{id}@…>`;
 * record `email_sent_at`. A crash before the server accepted the message resends it later, which is
 * what we want. A crash in the narrow window after the server's "250 accepted" and before our
 * `email_sent_at` commit resends it too: SMTP gives no way to ask a server whether it holds a message,
 * so this window cannot be closed from our side. The copy carries the same Message-ID, which mail
 * clients use to fold duplicates, and the fault test (scripts/fault/notifications.mjs) counts such
 * copies at the SMTP server by Message-ID.
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: Mailer,
    @Inject(LavaConfig) private readonly config: LavaConfig,
    private readonly events: NotificationEvents,
  ) {}

  private get leaseMs(): number {
    return this.config.MAIL_TIMEOUT_MS * 3 + 5_000;
  }

  /** `finalAttempt`: the queue will not try again, so a transient failure is recorded as failed too. */
  async deliver(notificationId: string, finalAttempt = false): Promise<DeliveryOutcome> {
    const [row]: RowForDelivery[] = await this.db.query(`${SELECT_FOR_DELIVERY} WHERE n.id = $1`, [notificationId]);
    if (!row) {
      this.logger.warn(`Notification ${notificationId} no longer exists (its assessment was deleted)`);
      return 'gone';
    }
    if (row.failed_at) return 'failed-earlier';

    let channel = row.channel;
    let outcome: DeliveryOutcome = 'already-delivered';
    if (!row.delivered_at) {
      const emailOnly = isEmailOnly(row);
      const wanted = wantedChannel(row);
      const [updated]: [{ channel: NotificationChannel }[], number] = await this.db.query(
        `UPDATE notifications SET delivered_at = now(), channel = $2, attempts = attempts + 1, last_error = NULL
          WHERE id = $1 AND delivered_at IS NULL
          RETURNING channel`,
        [notificationId, wanted],
      );
      if (updated.length === 1) {
        channel = wanted;
        outcome = 'delivered';
        // The person's open tabs show it now (server-sent events through every API replica).
        if (!emailOnly && row.recipient_user_id) await this.events.publish(row.recipient_user_id);
      } else {
        channel = (await this.db.query(`SELECT channel FROM notifications WHERE id = $1`, [notificationId]))[0]?.channel ?? null;
      }
    }
    if (channel !== 'email' || row.email_sent_at) return outcome;
    if (!row.active) {
      // Deactivated after the channel was chosen: no e-mail any more.
      await this.db.query(`UPDATE notifications SET channel = 'in_app' WHERE id = $1 AND email_sent_at IS NULL`, [notificationId]);
      return outcome;
    }

    // The claim and, for invitations and resets, the new link's hash commit together (see sign-in-links.ts).
    const claim = await this.db.transaction(async (tx) => {
      const [claimed]: [{ id: string }[], number] = await tx.query(
        `UPDATE notifications SET email_sending_at = now(), email_attempts = email_attempts + 1
          WHERE id = $1 AND email_sent_at IS NULL AND failed_at IS NULL
            AND (email_sending_at IS NULL OR email_sending_at < now() - make_interval(secs => $2::int / 1000.0))
          RETURNING id`,
        [notificationId, this.leaseMs],
      );
      if (claimed.length === 0) return null;
      const link = row.recipient_contact_id
        ? await issueStatementLink(tx, {
            kind: row.kind,
            contactId: row.recipient_contact_id,
            assessmentId: row.assessment_id,
            language: row.language,
            params: row.params,
          })
        : await issueSignInLink(
            tx,
            { id: row.id, kind: row.kind, recipientUserId: row.recipient_user_id ?? '', params: row.params },
            this.config,
          );
      return { link };
    });
    if (claim?.link === 'obsolete') {
      // The invitation was accepted or replaced, or the reset used, before this e-mail went out: nothing to send.
      await this.db.query(`UPDATE notifications SET channel = 'in_app', email_sending_at = NULL WHERE id = $1 AND email_sent_at IS NULL`, [
        notificationId,
      ]);
      return outcome;
    }
    if (!claim) {
      const [now] = await this.db.query(`SELECT email_sent_at, failed_at FROM notifications WHERE id = $1`, [notificationId]);
      if (now?.email_sent_at || now?.failed_at) return 'already-delivered';
      // Another attempt holds the lease (a stalled job still running): try again after a backoff.
      throw new Error('This e-mail is being sent by another attempt; trying again later');
    }

    try {
      await this.mailer.send(this.mailFor(row, claim.link));
    } catch (error) {
      await this.recordFailure('notifications', notificationId, error, finalAttempt);
    }
    await this.db.query(`UPDATE notifications SET email_sent_at = now(), last_error = NULL WHERE id = $1 AND email_sent_at IS NULL`, [
      notificationId,
    ]);
    return 'emailed';
  }

  /** The e-mail of one notification, in its recipient's language, with the link issued for it if any. */
  mailFor(row: RowForDelivery, link: IssuedLink | null): OutgoingMail {
    return {
      to: row.email,
      messageId: this.mailer.messageId('notification', row.id),
      ...renderNotification(
        withLink(
          { kind: row.kind, params: row.params, assessmentId: row.assessment_id, withoutAccount: row.recipient_contact_id !== null },
          link,
        ),
        row.language,
        this.config.WEB_ORIGIN,
      ),
    };
  }

  /** Users with notifications waiting for the digest, and users whose digest did not finish. */
  async usersWithDigestWaiting(): Promise<string[]> {
    const rows: { user_id: string }[] = await this.db.query(
      `SELECT DISTINCT recipient_user_id AS user_id FROM notifications
        WHERE channel = 'digest' AND digest_id IS NULL AND delivered_at IS NOT NULL
       UNION
       SELECT user_id FROM notification_digests WHERE email_sent_at IS NULL AND failed_at IS NULL`,
    );
    return rows.map((r) => r.user_id);
  }

  /**
   * One person's digest: gathers their waiting rows into an open digest (one per person at a time,
   * a unique index), sends it once with Message-ID `<digest-{id}@…>`, and records it sent.
   */
  async sendDigest(userId: string, finalAttempt = false): Promise<'sent' | 'nothing' | 'already-sent'> {
    const digestId = await this.db.transaction(async (tx) => {
      let [open] = await tx.query(
        `SELECT id, email_sending_at FROM notification_digests WHERE user_id = $1 AND email_sent_at IS NULL AND failed_at IS NULL FOR UPDATE`,
        [userId],
      );
      if (!open) {
        [open] = await tx.query(`INSERT INTO notification_digests (user_id) VALUES ($1) RETURNING id, email_sending_at`, [userId]);
      }
      // Rows join a digest only until its sending starts, so every copy of one digest says the same.
      if (!open.email_sending_at) {
        await tx.query(
          `UPDATE notifications SET digest_id = $2
            WHERE recipient_user_id = $1 AND channel = 'digest' AND digest_id IS NULL AND delivered_at IS NOT NULL`,
          [userId, open.id],
        );
      }
      return open.id as string;
    });
    const items: (TemplateInput & { email: string; language: Language; active: boolean })[] = (
      await this.db.query(
        `SELECT n.kind, n.params, n.assessment_id, u.email, u.language, u.active
           FROM notifications n JOIN users u ON u.id = n.recipient_user_id
          WHERE n.digest_id = $1 ORDER BY n.created_at, n.id`,
        [digestId],
      )
    ).map(
      (r: {
        kind: NotificationKind;
        params: Record<string, string>;
        assessment_id: string | null;
        email: string;
        language: Language;
        active: boolean;
      }) => ({
        kind: r.kind,
        params: r.params,
        assessmentId: r.assessment_id,
        email: r.email,
        language: r.language,
        active: r.active,
      }),
    );
    const first = items[0];
    if (!first || !first.active) {
      await this.db.query(`DELETE FROM notification_digests WHERE id = $1 AND email_sending_at IS NULL`, [digestId]);
      if (first) await this.db.query(`UPDATE notifications SET channel = 'in_app', digest_id = NULL WHERE digest_id = $1`, [digestId]);
      return 'nothing';
    }
    const [claimed]: [{ id: string }[], number] = await this.db.query(
      `UPDATE notification_digests SET email_sending_at = now(), attempts = attempts + 1
        WHERE id = $1 AND email_sent_at IS NULL
          AND (email_sending_at IS NULL OR email_sending_at < now() - make_interval(secs => $2::int / 1000.0))
        RETURNING id`,
      [digestId, this.leaseMs],
    );
    if (claimed.length === 0) throw new Error('This digest is being sent by another attempt; trying again later');
    try {
      await this.mailer.send({
        to: first.email,
        messageId: this.mailer.messageId('digest', digestId),
        ...renderDigest(items, first.language, this.config.WEB_ORIGIN),
      });
    } catch (error) {
      await this.recordFailure('notification_digests', digestId, error, finalAttempt);
    }
    await this.db.query(`UPDATE notification_digests SET email_sent_at = now(), last_error = NULL WHERE id = $1`, [digestId]);
    return 'sent';
  }

  /** Records the failure and rethrows: permanently (no retries, visible to admins) or for a retry with backoff. */
  async recordFailure(table: 'notifications' | 'notification_digests', id: string, error: unknown, finalAttempt: boolean): Promise<never> {
    const message = (error as Error).message?.slice(0, 1000) ?? String(error);
    const permanent = isPermanentMailError(error);
    await this.db.query(
      `UPDATE ${table} SET email_sending_at = NULL, last_error = $2, failed_at = CASE WHEN $3 THEN now() ELSE failed_at END WHERE id = $1`,
      [id, message, permanent || finalAttempt],
    );
    if (permanent) throw new UnrecoverableError(message);
    throw error;
  }
}

function withLink(input: TemplateInput, link: IssuedLink | null): TemplateInput {
  return link ? { ...input, params: { ...input.params, ...link.params }, linkPath: link.path } : input;
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationChannel } from '@lava/contracts';
import { DataSource } from 'typeorm';
import { LavaConfig } from '../app/config/lava-config';
import { NotificationEvents } from '../app/notifications/notification-events';
import { Mailer } from './mail/mailer';
import {
  type DeliveryOutcome,
  isEmailOnly,
  NotificationDelivery,
  type RowForDelivery,
  SELECT_FOR_DELIVERY,
  wantedChannel,
} from './notification-delivery';

/** How long a delivery waits for others to share its round trips, when fewer than a full batch are in flight. */
const BATCH_WINDOW_MS = 2;

interface Delivery {
  notificationId: string;
  finalAttempt: boolean;
}

/** Wrapped, so that a batch can hand back outcomes still on their way (a row sent one by one, a failure being recorded). */
interface PendingOutcome {
  outcome: Promise<DeliveryOutcome>;
}

/**
 * Delivers the notification jobs one worker has in flight together (up to its concurrency), so that
 * PostgreSQL reads, updates and records them a batch at a time instead of in six statements per
 * e-mail (bench:notifications: parsing and planning those was half of PostgreSQL's CPU per e-mail).
 * Each job still waits for its own outcome, and every guarantee of NotificationDelivery holds, because
 * a batch takes the same steps for many rows at once: read the rows; one UPDATE both marks them
 * delivered (the channel fixed from each preference) and, for those going by e-mail, claims the send
 * lease (a row never delivered was never claimed, and one statement commits both); send each e-mail
 * with its row's Message-ID; record the ones the server took, in one UPDATE, before their jobs complete.
 *
 * Only the plain case is batched: a row never delivered, to a person with an account, without a link
 * to issue. Everything else (invitations and resets, e-mail-only contacts, retries of rows already
 * delivered or claimed, a row another attempt took between the read and the update, the same row twice)
 * goes through NotificationDelivery.deliver one by one, as before.
 */
@Injectable()
export class DeliveryBatches {
  private pending: { delivery: Delivery; resolve: (pending: PendingOutcome) => void; reject: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly maxBatch: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delivery: NotificationDelivery,
    private readonly mailer: Mailer,
    private readonly events: NotificationEvents,
    @Inject(LavaConfig) config: LavaConfig,
  ) {
    this.maxBatch = Math.max(1, config.WORKER_CONCURRENCY);
  }

  /** Resolves with this row's outcome, or rejects with its own error (the job is then retried as before). */
  deliver(notificationId: string, finalAttempt = false): Promise<DeliveryOutcome> {
    return new Promise<PendingOutcome>((resolve, reject) => {
      this.pending.push({ delivery: { notificationId, finalAttempt }, resolve, reject });
      // A full batch goes at once: a timer on every batch cost about a fifth of the throughput in bench:notifications.
      if (this.pending.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), BATCH_WINDOW_MS);
    }).then(({ outcome }) => outcome);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    this.deliverBatch(batch.map(({ delivery }) => delivery)).then(
      (outcomes) =>
        batch.forEach(({ delivery, resolve }, i) =>
          resolve(outcomes[i] ?? { outcome: this.delivery.deliver(delivery.notificationId, delivery.finalAttempt) }),
        ),
      (error: unknown) => batch.forEach(({ reject }) => reject(error)),
    );
  }

  /** One outcome per delivery, in order; an e-mail's settles once it is sent and recorded (or has failed). */
  private async deliverBatch(batch: readonly Delivery[]): Promise<PendingOutcome[]> {
    const rows: RowForDelivery[] = await this.db.query(`${SELECT_FOR_DELIVERY} WHERE n.id = ANY($1::uuid[])`, [
      batch.map((item) => item.notificationId),
    ]);
    const rowsById = new Map(rows.map((row) => [row.id, row]));
    const plain = new Map<string, { row: RowForDelivery; channel: NotificationChannel; finalAttempt: boolean }>();
    for (const { notificationId, finalAttempt } of batch) {
      const row = rowsById.get(notificationId);
      if (row && isPlain(row) && !plain.has(row.id)) plain.set(row.id, { row, channel: wantedChannel(row), finalAttempt });
    }

    let delivered: { id: string; channel: NotificationChannel }[] = [];
    if (plain.size > 0) {
      const entries = [...plain.values()];
      [delivered] = await this.db.query(
        `UPDATE notifications n
            SET delivered_at = now(), channel = w.channel, attempts = n.attempts + 1, last_error = NULL,
                email_sending_at = CASE WHEN w.channel = 'email' THEN now() END,
                email_attempts = n.email_attempts + CASE WHEN w.channel = 'email' THEN 1 ELSE 0 END
           FROM unnest($1::uuid[], $2::text[]) AS w(id, channel)
          WHERE n.id = w.id AND n.delivered_at IS NULL AND n.email_sending_at IS NULL AND n.email_sent_at IS NULL AND n.failed_at IS NULL
          RETURNING n.id, n.channel`,
        [entries.map((entry) => entry.row.id), entries.map((entry) => entry.channel)],
      );
    }
    const channels = new Map(delivered.map((row) => [row.id, row.channel]));

    // The person's open tabs show it now (server-sent events through every API replica).
    const recipients = new Set([...channels.keys()].map((id) => plain.get(id)?.row.recipient_user_id ?? ''));
    const published = Promise.all([...recipients].filter(Boolean).map((userId) => this.events.publish(userId)));

    // Each row's e-mail is sent; those the server took are recorded in one UPDATE before their jobs complete.
    // Waiting for the batch's sends keeps the jobs of one batch together: the next batch is as full.
    const outcomes = new Map<string, Promise<DeliveryOutcome>>();
    const emails: { row: RowForDelivery; finalAttempt: boolean }[] = [];
    for (const [id, channel] of channels) {
      const entry = plain.get(id);
      if (!entry) continue;
      if (channel === 'email') emails.push(entry);
      else outcomes.set(id, Promise.resolve('delivered'));
    }
    const sends = await Promise.allSettled(emails.map(async ({ row }) => this.mailer.send(this.delivery.mailFor(row, null))));
    await published;
    const sent = emails.filter((_, i) => sends[i]?.status === 'fulfilled').map(({ row }) => row.id);
    const recorded =
      sent.length === 0
        ? Promise.resolve<DeliveryOutcome>('emailed')
        : handled(
            this.db
              .query(
                `UPDATE notifications SET email_sent_at = now(), last_error = NULL WHERE id = ANY($1::uuid[]) AND email_sent_at IS NULL`,
                [sent],
              )
              .then((): DeliveryOutcome => 'emailed'),
          );
    emails.forEach(({ row, finalAttempt }, i) => {
      const send = sends[i];
      // A failure is recorded as one by one would (permanent: no retries, shown to admins); the job fails with it.
      if (send?.status === 'rejected')
        outcomes.set(row.id, handled(this.delivery.recordFailure('notifications', row.id, send.reason, finalAttempt)));
      else outcomes.set(row.id, recorded);
    });
    await recorded.catch(() => undefined);

    const taken = new Set<string>();
    return batch.map((item) => {
      const outcome = outcomes.get(item.notificationId);
      // Not delivered by this batch (not plain, taken by another attempt, or listed twice): one by one.
      if (!outcome || taken.has(item.notificationId)) return { outcome: this.delivery.deliver(item.notificationId, item.finalAttempt) };
      taken.add(item.notificationId);
      return { outcome };
    });
  }
}

/** Marks a rejection as handled here: the job that adopts the promise later still fails with it. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Never delivered, never claimed, to a person with an account, with no link to issue. */
function isPlain(row: RowForDelivery): boolean {
  return !row.delivered_at && !row.email_sent_at && !row.failed_at && row.recipient_user_id !== null && !isEmailOnly(row);
}

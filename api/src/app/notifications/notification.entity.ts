import type { NotificationChannel, NotificationKind } from '@lava/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox row and in-app notification in one: written in the same
 * transaction as the change that causes it, queued by id, delivered by the worker.
 * The recipient sees it once `delivered_at` is set.
 */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'recipient_user_id', type: 'uuid' })
  recipientUserId!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ name: 'assessment_id', type: 'uuid', nullable: true })
  assessmentId!: string | null;

  /** Values the message template needs, in every language (e.g. names in fi/sv/en). */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  params!: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** Decided once, from the recipient's preference, when the row is delivered in-app. */
  @Column({ type: 'text', nullable: true })
  channel!: NotificationChannel | null;

  /** Claimed for sending (a lease: another attempt waits until it is older than the mail timeout). */
  @Column({ name: 'email_sending_at', type: 'timestamptz', nullable: true })
  emailSendingAt!: Date | null;

  @Column({ name: 'email_sent_at', type: 'timestamptz', nullable: true })
  emailSentAt!: Date | null;

  @Column({ name: 'email_attempts', type: 'int', default: 0 })
  emailAttempts!: number;

  /** Set when delivery can never succeed as it is (e.g. the address was refused); an admin may retry. */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ name: 'digest_id', type: 'uuid', nullable: true })
  digestId!: string | null;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An invitation to set a password. The link's token is made by the worker when it sends the
 * e-mail; only its SHA-256 hash is stored here. Sending again (a retry) replaces the hash.
 */
@Entity({ name: 'invitations' })
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true })
  invitedByUserId!: string | null;

  /** The organizations the invitation gave roles in (shown to the invited person). */
  @Column({ name: 'organization_ids', type: 'uuid', array: true })
  organizationIds!: string[];

  /** The outbox row that sends the e-mail. */
  @Column({ name: 'notification_id', type: 'uuid', nullable: true })
  notificationId!: string | null;

  @Column({ name: 'token_hash', type: 'text', nullable: true, select: false })
  tokenHash!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  /** Replaced by a newer invitation to the same person. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

import type { NotificationChannel, NotificationKind } from '@lava/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's choice for one kind of notification; without a row, DEFAULT_NOTIFICATION_CHANNEL applies. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: NotificationKind;

  @Column({ type: 'text' })
  channel!: NotificationChannel;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CONFIGURABLE_NOTIFICATION_KINDS,
  DEFAULT_NOTIFICATION_CHANNEL,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreferences,
} from '@lava/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { UpdateNotificationPreferencesDto } from './notification-preferences.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** How you hear about each kind of event: in Lava only, an e-mail at once, or in the daily digest. Invitations and resets are always e-mailed and not listed. */
  @Get()
  async get(@CurrentUser() user: AuthenticatedUser): Promise<NotificationPreferences> {
    const rows: { kind: NotificationKind; channel: NotificationChannel }[] = await this.db.query(
      `SELECT kind, channel FROM notification_preferences WHERE user_id = $1`,
      [user.id],
    );
    const chosen = new Map(rows.map((r) => [r.kind, r.channel]));
    return {
      items: CONFIGURABLE_NOTIFICATION_KINDS.map((kind) => ({
        kind,
        channel: chosen.get(kind) ?? DEFAULT_NOTIFICATION_CHANNEL[kind],
        isDefault: !chosen.has(kind),
      })),
    };
  }

  /** Saves the kinds given; others keep their setting. Applies to notifications delivered from now on. */
  @Put()
  async update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferences> {
    if (body.items.length > 0) {
      await this.db.query(
        `INSERT INTO notification_preferences (user_id, kind, channel)
         SELECT $1, kind, channel FROM unnest($2::text[], $3::text[]) AS t (kind, channel)
         ON CONFLICT (user_id, kind) DO UPDATE SET channel = excluded.channel, updated_at = now()`,
        [user.id, body.items.map((i) => i.kind), body.items.map((i) => i.channel)],
      );
    }
    return this.get(user);
  }
}

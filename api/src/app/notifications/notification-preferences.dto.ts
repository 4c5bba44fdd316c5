import { ApiProperty } from '@nestjs/swagger';
import {
  CONFIGURABLE_NOTIFICATION_KINDS,
  type ConfigurableNotificationKind,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type UpdateNotificationPreferences,
} from '@lava/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateNested } from 'class-validator';

export class NotificationPreferenceDto {
  @ApiProperty({ enum: CONFIGURABLE_NOTIFICATION_KINDS })
  @IsIn(CONFIGURABLE_NOTIFICATION_KINDS, { message: `must be one of ${CONFIGURABLE_NOTIFICATION_KINDS.join(', ')}` })
  kind!: ConfigurableNotificationKind;

  @ApiProperty({
    enum: NOTIFICATION_CHANNELS,
    description: 'in_app: only in Lava; email: also an e-mail at once; digest: in the daily e-mail.',
  })
  @IsIn(NOTIFICATION_CHANNELS, { message: `must be one of ${NOTIFICATION_CHANNELS.join(', ')}` })
  channel!: NotificationChannel;
}

export class UpdateNotificationPreferencesDto implements UpdateNotificationPreferences {
  @ApiProperty({ type: [NotificationPreferenceDto] })
  @IsArray()
  @ArrayMaxSize(CONFIGURABLE_NOTIFICATION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceDto)
  items!: NotificationPreferenceDto[];
}

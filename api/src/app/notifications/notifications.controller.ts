import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { NotificationPage } from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { PageQueryDto } from '../common/page-query.dto';
import { uuidPipe } from '../common/uuid.pipe';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's in-app notifications, newest first, with the unread count. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto): Promise<NotificationPage> {
    return this.notifications.list(user.id, query.limit, query.cursor);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked as read (again is fine).' })
  @ApiNotFoundResponse({ description: 'No such notification for this user.' })
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidPipe('notification')) id: string): Promise<void> {
    return this.notifications.markRead(user.id, id);
  }
}

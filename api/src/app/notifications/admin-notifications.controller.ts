import { Controller, ForbiddenException, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { FailedNotificationPage, QueueCounts } from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { PageQueryDto } from '../common/page-query.dto';
import { uuidPipe } from '../common/uuid.pipe';
import { AdminNotificationsService } from './admin-notifications.service';

/** Admin routes are no secret: others get 403. Which rows an admin sees is decided by their organizations. */
function requireAdmin(user: AuthenticatedUser): void {
  if (!user.memberships.some((m) => m.role === 'admin')) throw new ForbiddenException('This is for administrators.');
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only for admins.' })
@Controller('admin')
export class AdminNotificationsController {
  constructor(private readonly admin: AdminNotificationsService) {}

  /** Notifications whose e-mail failed for good, newest first, for people in your organizations. */
  @Get('notifications/failed')
  failed(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto): Promise<FailedNotificationPage> {
    requireAdmin(user);
    return this.admin.failed(user.id, query.limit, query.cursor);
  }

  @Post('notifications/:id/retry')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Queued again.' })
  @ApiNotFoundResponse({ description: 'No failed notification with this id for people in your organizations.' })
  retry(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidPipe('notification')) id: string): Promise<void> {
    requireAdmin(user);
    return this.admin.retry(user.id, id);
  }

  /** Job counts of each queue (the admin's view of the queues). */
  @Get('queues')
  queues(@CurrentUser() user: AuthenticatedUser): Promise<QueueCounts[]> {
    requireAdmin(user);
    return this.admin.queueCounts();
  }
}

import { Controller, ForbiddenException, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FailedNotificationPage, QueueBoardSession, QueueOverview } from '@lava/contracts';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { PageQueryDto } from '../common/page-query.dto';
import { uuidPipe } from '../common/uuid.pipe';
import { LavaConfig } from '../config/lava-config';
import { AdminNotificationsService } from './admin-notifications.service';
import { boardCookieOptions, QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH, QUEUE_BOARD_SESSION_MS, signBoardSession } from './queue-board';

/** Admin routes are no secret: others get 403. Which rows an admin sees is decided by their organizations. */
function requireAdmin(user: AuthenticatedUser): void {
  if (!user.memberships.some((m) => m.role === 'admin')) throw new ForbiddenException('This is for administrators.');
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only for admins.' })
@Controller('admin')
export class AdminNotificationsController {
  constructor(
    private readonly admin: AdminNotificationsService,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

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

  /** Job counts of each queue (the admin's view of the queues), and whether this admin may open the dashboard. */
  @Get('queues')
  queues(@CurrentUser() user: AuthenticatedUser): Promise<QueueOverview> {
    requireAdmin(user);
    return this.admin.queueOverview(user.id);
  }

  /**
   * Opens the queue dashboard (Bull Board, read-only) for 15 minutes: sets an httpOnly, SameSite=Strict
   * cookie, signed by the server and sent by the browser only to the board's path, because a browser
   * navigation cannot carry the bearer token. Only for admins of a top-level organization (a region):
   * the board shows every municipality's jobs (issue 17's stop-gap; see queue-board.ts).
   */
  @Post('queues/board-session')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The cookie is set; open `url`.' })
  @ApiForbiddenResponse({ description: 'Only for admins of a top-level organization (a region).' })
  async boardSession(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) response: Response): Promise<QueueBoardSession> {
    requireAdmin(user);
    if (!(await this.admin.boardAllowed(user.id))) {
      throw new ForbiddenException('The queue dashboard is only for administrators of a whole region: it shows every municipality’s jobs.');
    }
    const expiresAt = new Date(Date.now() + QUEUE_BOARD_SESSION_MS);
    response.cookie(QUEUE_BOARD_COOKIE, signBoardSession(this.config, user.id, expiresAt), boardCookieOptions(this.config, expiresAt));
    response.setHeader('Cache-Control', 'no-store');
    return { url: `${QUEUE_BOARD_PATH}/`, expiresAt: expiresAt.toISOString() };
  }
}

import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationStreamTicket } from '@lava/contracts';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { Public } from '../common/public.decorator';
import { LavaConfig } from '../config/lava-config';
import { NotificationEvents, signStreamTicket, STREAM_TICKET_MS, verifyStreamTicket } from './notification-events';

/** A stream ends after this long (the browser opens a new one with a new ticket): a person signed out or deactivated meanwhile gets no more events. */
export const STREAM_MAX_MS = 15 * 60_000;
/** A comment line this often keeps proxies (nginx's 60 s read timeout) from closing a quiet stream. */
export const STREAM_HEARTBEAT_MS = 25_000;

/**
 * The bell's live updates (server-sent events). The browser polls only when the stream fails.
 * See NotificationEvents for how an event reaches every API replica.
 */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsStreamController {
  constructor(
    private readonly events: NotificationEvents,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  @Post('stream-ticket')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'A ticket for GET /api/notifications/stream, valid for a minute.' })
  ticket(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) response: Response): NotificationStreamTicket {
    const expiresAt = new Date(Date.now() + STREAM_TICKET_MS);
    response.setHeader('Cache-Control', 'no-store');
    return { ticket: signStreamTicket(this.config, user.id, expiresAt), expiresAt: expiresAt.toISOString() };
  }

  /** `text/event-stream`: `notifications` when the person's notifications change, `reconnect` before the server ends it. */
  @Public()
  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiUnauthorizedResponse({ description: 'No valid ticket (ask for a new one), or the person is not active.' })
  async stream(@Query('ticket') ticket: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const userId = verifyStreamTicket(this.config, typeof ticket === 'string' ? ticket : undefined);
    if (!userId) throw new UnauthorizedException('The notification stream needs a new ticket.');
    const [active]: { active: boolean }[] = await this.db.query(`SELECT active FROM users WHERE id = $1`, [userId]);
    if (!active?.active) throw new UnauthorizedException('The notification stream needs a new ticket.');
    await this.events.ready();

    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      // nginx (docker/) would otherwise hold the events in its buffer.
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    // How long the browser waits before it reconnects by itself (it does not: it asks for a new ticket).
    response.write('retry: 5000\n\n');
    response.write('event: ready\ndata: {}\n\n');
    const stop = this.events.listen(userId, () => response.write('event: notifications\ndata: {}\n\n'));
    const heartbeat = setInterval(() => response.write(': ping\n\n'), STREAM_HEARTBEAT_MS);
    const reconnect = () => {
      response.write('event: reconnect\ndata: {}\n\n');
      response.end();
    };
    const end = setTimeout(reconnect, STREAM_MAX_MS);
    const forget = this.events.onShutdown(reconnect);
    const close = () => {
      stop();
      forget();
      clearInterval(heartbeat);
      clearTimeout(end);
    };
    request.on('close', close);
    response.on('close', close);
  }
}

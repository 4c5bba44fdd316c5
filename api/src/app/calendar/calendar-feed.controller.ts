import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { Public } from '../common/public.decorator';
import { CalendarFeedService } from './calendar-feed.service';

@ApiTags('calendar')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  /** Whether you have a calendar feed address (the address itself is shown only when made). */
  @Get('me/calendar-feed')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'Your calendar feed: on or off, made when, last read when.' })
  status(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedStatus> {
    return this.feeds.status(user.id);
  }

  /** Makes your secret calendar feed address; an earlier one stops working. */
  @Post('me/calendar-feed')
  @ApiBearerAuth()
  @ApiCreatedResponse({ description: 'The new secret address, shown this once.' })
  create(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedCreated> {
    return this.feeds.create(user.id);
  }

  /** Turns your calendar feed off: its address answers 404 from now on. */
  @Delete('me/calendar-feed')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Turned off.' })
  async revoke(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.feeds.revoke(user.id);
  }

  /** The feed itself (RFC 5545), for calendar apps: the secret in the address is the only key. */
  @Public()
  @Get('calendar/:file')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'Your dates as an iCalendar feed, in Europe/Helsinki time.' })
  @ApiNotFoundResponse({ description: 'No feed at this address (unknown, replaced or turned off).' })
  async feed(@Param('file') file: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const calendar = await this.feeds.feed(file);
    // Set only once the feed is found, so that a 404 stays a JSON error.
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'private, no-cache');
    response.setHeader('X-Robots-Tag', 'noindex');
    return calendar;
  }
}

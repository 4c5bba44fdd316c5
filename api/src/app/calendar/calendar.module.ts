import { Module } from '@nestjs/common';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';

/** Personal calendar feeds (ICS) with a secret, revocable address. */
@Module({ controllers: [CalendarFeedController], providers: [CalendarFeedService] })
export class CalendarModule {}

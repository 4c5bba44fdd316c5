import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ConsultationDeadlines } from './consultation-deadlines.service';
import { FollowUpSchedule } from './follow-up-schedule';
import { ScheduledEvents } from './scheduled-events.service';

/** Scheduled work on BullMQ delayed jobs: consultation deadlines and the follow-up date. Firing lives in the worker. */
@Module({
  imports: [AssessmentsModule, NotificationsModule],
  providers: [ScheduledEvents, ConsultationDeadlines, FollowUpSchedule],
  exports: [ScheduledEvents, ConsultationDeadlines],
})
export class SchedulingModule {}

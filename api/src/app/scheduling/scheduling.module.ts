import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ConsultationDeadlines } from './consultation-deadlines.service';
import { FollowUpSchedule } from './follow-up-schedule';

/** Scheduled work on BullMQ delayed jobs: consultation deadlines and the follow-up date. Firing lives in the worker. */
@Module({
  imports: [AssessmentsModule, NotificationsModule],
  providers: [ConsultationDeadlines, FollowUpSchedule],
  exports: [ConsultationDeadlines],
})
export class SchedulingModule {}

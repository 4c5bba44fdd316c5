import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SurveyPoster } from './survey-poster';
import { SurveyRateLimitInterceptor } from './survey-rate-limit.interceptor';
import { PublicSurveysController, SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

/** Children's anonymous surveys linked to an assessment (issue 14). The closing fires in the worker (ScheduledEventFiring). */
@Module({
  imports: [AssessmentsModule, NotificationsModule],
  controllers: [SurveysController, PublicSurveysController],
  providers: [SurveysService, SurveyRateLimitInterceptor, SurveyPoster],
})
export class SurveysModule {}

import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';

/** Youth council consultations: requests, statements, responses and feedback (see ConsultationsService). */
@Module({
  imports: [AssessmentsModule, OrganizationsModule, NotificationsModule, SchedulingModule],
  controllers: [ConsultationsController],
  providers: [ConsultationsService],
})
export class ConsultationsModule {}

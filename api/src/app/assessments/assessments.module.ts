import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AssessmentRecordService } from './assessment-record.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';

@Module({
  imports: [OrganizationsModule, NotificationsModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsService, AssessmentRecordService],
})
export class AssessmentsModule {}

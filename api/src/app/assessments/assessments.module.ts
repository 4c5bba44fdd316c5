import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AssessmentAccess } from './assessment-access.service';
import { AssessmentExtensions } from './assessment-extensions';
import { AssessmentRecordService } from './assessment-record.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { RecordContentService } from './record-content/record-content.service';

@Module({
  imports: [OrganizationsModule, NotificationsModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsService, AssessmentRecordService, AssessmentAccess, AssessmentExtensions, RecordContentService],
  exports: [AssessmentAccess, AssessmentExtensions, AssessmentsService],
})
export class AssessmentsModule {}

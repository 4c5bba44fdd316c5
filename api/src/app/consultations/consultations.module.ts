import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { ConsultationsController } from './consultations.controller';
import { ConsultationAccess } from './consultation-access.service';
import { ConsultationBoard } from './consultation-board.service';
import { ConsultationNotices } from './consultation-notices.service';
import { ConsultationRequests } from './consultation-requests.service';
import { ConsultationWorkflow } from './consultation-workflow.service';
import { ConsultationRepository } from './consultation.repository';
import { StatementService } from './statements.service';

/**
 * Youth council consultations: requests, statements, responses and feedback. By audience:
 * ConsultationRequests (the official), StatementService (the council), ConsultationBoard (reading),
 * ConsultationWorkflow (the assessment workflow's extension), ConsultationNotices (members' notices
 * and deadline jobs), ConsultationAccess (who the caller is), ConsultationRepository (the SQL).
 */
@Module({
  imports: [AssessmentsModule, OrganizationsModule, NotificationsModule, SchedulingModule],
  controllers: [ConsultationsController],
  providers: [
    ConsultationRepository,
    ConsultationAccess,
    ConsultationNotices,
    ConsultationWorkflow,
    ConsultationBoard,
    ConsultationRequests,
    StatementService,
  ],
  exports: [ConsultationRepository, ConsultationNotices],
})
export class ConsultationsModule {}

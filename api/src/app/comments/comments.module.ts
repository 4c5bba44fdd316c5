import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { CommentAccess } from './comment-access.service';
import { CommentRateLimit } from './comment-rate-limit';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { SectionChangesService } from './section-changes.service';

/** Comment threads on assessment sections, moderation, and "changed since your comments" for youth councils. */
@Module({
  imports: [AssessmentsModule, OrganizationsModule, NotificationsModule],
  controllers: [CommentsController],
  providers: [CommentAccess, CommentRateLimit, CommentsService, SectionChangesService],
})
export class CommentsModule {}

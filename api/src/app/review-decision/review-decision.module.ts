import { Module, type OnModuleInit } from '@nestjs/common';
import { AssessmentExtensions } from '../assessments/assessment-extensions';
import { AssessmentsModule } from '../assessments/assessments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { DecisionService } from './decision.service';
import { ReviewDecisionController } from './review-decision.controller';
import { ReviewChecklist } from './review-checklist.service';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';
import { ReviewerAssignment } from './reviewer-assignment.service';

/** Reviewers, review rounds with the quality checklist, and the committee's signed decisions. */
@Module({
  imports: [AssessmentsModule, NotificationsModule],
  controllers: [ReviewDecisionController],
  providers: [ReviewRepository, ReviewService, ReviewerAssignment, ReviewChecklist, DecisionService],
})
export class ReviewDecisionModule implements OnModuleInit {
  constructor(
    private readonly extensions: AssessmentExtensions,
    private readonly reviews: ReviewService,
    private readonly decisions: DecisionService,
  ) {}

  onModuleInit(): void {
    this.extensions.register({
      facts: (db, assessment) => this.reviews.facts(db, assessment),
      beforeTransition: (context) => this.decisions.beforeTransition(context),
      afterTransition: async (context) => {
        await this.reviews.afterTransition(context);
        await this.decisions.afterTransition(context);
      },
    });
  }
}

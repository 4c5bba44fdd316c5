import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ReviewPerson, type ReviewOverview } from '@lava/contracts';
import { actorRefusals, canAssignReviewer, canBeAssignedReviewer, type WorkflowActor } from '@lava/workflow';
import { DataSource } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import type { Assessment } from '../assessments/assessment.entity';
import { workflowRefusal } from '../assessments/workflow-refusal';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';

/**
 * Assigning reviewers: the responsible official asks people holding the reviewer role in the
 * assessment's municipality (never themselves), while the assessment is in draft, consultation or
 * review (`canAssignReviewer`); one assigned during review is asked at once.
 */
@Injectable()
export class ReviewerAssignment {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly store: ReviewRepository,
    private readonly reviews: ReviewService,
  ) {}

  /** People the official may ask to review: reviewers of the municipality, not the official, not yet assigned. */
  async candidates(user: AuthenticatedUser, assessmentId: string): Promise<ReviewPerson[]> {
    const assessment = await this.access.readable(null, user, assessmentId);
    this.requireResponsibleOfficial(await this.access.actor(user, assessment), assessment);
    const rows: { id: string; display_name: string }[] = await this.db.query(
      `SELECT DISTINCT u.id, u.display_name
         FROM users u
         JOIN memberships ms ON ms.user_id = u.id AND ms.role = 'reviewer' AND ms.organization_id = $2
        WHERE u.active AND u.id <> $3
          AND NOT EXISTS (SELECT 1 FROM assessment_reviewers r WHERE r.assessment_id = $1 AND r.reviewer_id = u.id)
        ORDER BY u.display_name, u.id`,
      [assessmentId, assessment.municipalityId, assessment.responsibleOfficialId],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  async assign(user: AuthenticatedUser, assessmentId: string, reviewerId: string): Promise<ReviewOverview> {
    await this.outbox.run(async (tx, out) => {
      const assessment = await this.access.readable(tx, user, assessmentId, true);
      this.requireAssigner(await this.access.actor(user, assessment), assessment);
      const candidacy = canBeAssignedReviewer(assessment, reviewerId);
      if (!candidacy.allowed) {
        throw new BadRequestException({
          message: 'userId: you prepared this assessment, so someone else must review it.',
          refusals: candidacy.reasons,
        });
      }
      const [candidate]: { display_name: string }[] = await tx.query(
        `SELECT u.display_name FROM users u
          WHERE u.id = $1 AND u.active
            AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = u.id AND ms.role = 'reviewer' AND ms.organization_id = $2)`,
        [reviewerId, assessment.municipalityId],
      );
      if (!candidate) {
        throw new BadRequestException({ message: 'userId: this person is not a reviewer in the assessment’s municipality.' });
      }
      const inserted: unknown[] = await tx.query(
        `INSERT INTO assessment_reviewers (assessment_id, reviewer_id, assigned_by_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING reviewer_id`,
        [assessmentId, reviewerId, user.id],
      );
      if (inserted.length === 0) return;
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessmentId,
        action: 'review.reviewer_assigned',
        details: { reviewerId, reviewer: candidate.display_name },
      });
      // Already in review: the new reviewer is asked at once.
      if (assessment.stage === 'review')
        await out.notify([{ recipientUserId: reviewerId, kind: 'review_requested', assessmentId, params: { title: assessment.title } }]);
    });
    return this.reviews.overview(user, assessmentId);
  }

  async unassign(user: AuthenticatedUser, assessmentId: string, reviewerId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const assessment = await this.access.readable(tx, user, assessmentId, true);
      this.requireAssigner(await this.access.actor(user, assessment), assessment);
      const deleted: [unknown[], number] = await tx.query(
        `DELETE FROM assessment_reviewers WHERE assessment_id = $1 AND reviewer_id = $2 RETURNING reviewer_id`,
        [assessmentId, reviewerId],
      );
      if (deleted[1] === 0) throw new NotFoundException('This person is not assigned to review this assessment.');
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessmentId,
        action: 'review.reviewer_unassigned',
        details: { reviewerId },
      });
    });
  }

  /** The responsible official (403 otherwise); candidates are listed in any stage. */
  private requireResponsibleOfficial(actor: WorkflowActor, assessment: Assessment): void {
    const byWhom = actorRefusals(canAssignReviewer(assessment, actor).reasons);
    if (byWhom.length > 0) throw workflowRefusal(byWhom);
  }

  /** The responsible official (403), while reviewers are assigned (409): `canAssignReviewer`. */
  private requireAssigner(actor: WorkflowActor, assessment: Assessment): void {
    this.requireResponsibleOfficial(actor, assessment);
    const check = canAssignReviewer(assessment, actor);
    if (check.allowed) return;
    throw new ConflictException({
      message: `Reviewers are assigned while the assessment is in draft, consultation or review; it is in ${assessment.stage.replace(/_/g, '-')}.`,
      refusals: check.reasons,
    });
  }
}

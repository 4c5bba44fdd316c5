import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REVIEW_CHECKLIST_ITEMS, type ReviewOverview } from '@lava/contracts';
import { isStaff, type AssessmentFacts } from '@lava/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import type { TransitionContext } from '../assessments/assessment-extensions';
import type { Assessment } from '../assessments/assessment.entity';
import type { AuthenticatedUser } from '../common/authenticated-user';
import type { OutboxBatch } from '../notifications/notification-outbox.service';
import { ReviewRepository, type RoundRow } from './review.repository';

/**
 * The review of an assessment: reading it (internal to the municipality), what the workflow needs
 * (the facts; a round opened on each entry into review and ended on approval or return) and who is
 * told. Assigning reviewers: ReviewerAssignment; the checklist: ReviewChecklist; SQL: ReviewRepository.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly store: ReviewRepository,
  ) {}

  async overview(user: AuthenticatedUser, assessmentId: string): Promise<ReviewOverview> {
    const assessment = await this.access.readable(null, user, assessmentId);
    await this.requireStaff(user, assessment);
    return {
      reviewers: await this.store.reviewers(this.db.manager, assessmentId),
      rounds: await this.store.rounds(this.db.manager, assessmentId),
    };
  }

  async facts(db: EntityManager, assessment: Assessment): Promise<Partial<AssessmentFacts>> {
    const [latest]: { checklist: RoundRow['checklist'] }[] = await db.query(
      `SELECT checklist FROM review_rounds WHERE assessment_id = $1 ORDER BY round DESC LIMIT 1`,
      [assessment.id],
    );
    return {
      assignedReviewerIds: await this.store.assignedReviewerIds(db, assessment.id),
      reviewChecklist: REVIEW_CHECKLIST_ITEMS.map((item) => ({ item, done: latest?.checklist[item]?.done === true })),
    };
  }

  /** Opens a round on each entry into review; ends it on approval or return; tells who needs to know. */
  async afterTransition(context: TransitionContext): Promise<void> {
    const { tx, out, assessment, user, action, to, now, reason } = context;
    if (to === 'review' && context.from !== 'review') {
      await this.store.startRound(tx, assessment.id);
      const reviewerIds = await this.store.assignedReviewerIds(tx, assessment.id);
      await out.notify(
        reviewerIds.map((id) => ({
          recipientUserId: id,
          kind: 'review_requested',
          assessmentId: assessment.id,
          params: { title: assessment.title },
        })),
      );
      return;
    }
    if (to === 'decision' && context.from !== 'decision') await this.decisionRequested(tx, out, assessment);
    if (action === 'approve_review' || action === 'return_from_review') {
      const round = await this.store.openRound(tx, assessment.id, false);
      if (round) {
        await tx.query(
          `UPDATE review_rounds SET ended_at = $2, outcome = $3, ended_by_id = $4, return_reason = $5, version = version + 1 WHERE id = $1`,
          [round.id, now, action === 'approve_review' ? 'approved' : 'returned', user.id, action === 'return_from_review' ? reason : null],
        );
      }
      if (action === 'return_from_review') await this.returned(out, assessment, user, reason);
    }
  }

  /** `decision_requested` to the chairs of the deciding committee: the assessment now waits for their decision. */
  private async decisionRequested(tx: EntityManager, out: OutboxBatch, assessment: Assessment): Promise<void> {
    const chairs: { id: string; name_fi: string; name_sv: string; name_en: string; language: 'fi' | 'sv' | 'en' }[] = await tx.query(
      `SELECT u.id, u.language, o.name_fi, o.name_sv, o.name_en
         FROM memberships ms JOIN users u ON u.id = ms.user_id AND u.active JOIN organizations o ON o.id = ms.organization_id
        WHERE ms.organization_id = $1 AND ms.role = 'committee_chair'`,
      [assessment.committeeId],
    );
    await out.notify(
      chairs.map((c) => ({
        recipientUserId: c.id,
        kind: 'decision_requested',
        assessmentId: assessment.id,
        params: {
          title: assessment.title,
          committee: c.language === 'sv' ? c.name_sv : c.language === 'en' ? c.name_en : c.name_fi,
          committee_fi: c.name_fi,
          committee_sv: c.name_sv,
          committee_en: c.name_en,
        },
      })),
    );
  }

  /** `assessment_returned` to the responsible official (a return from review or from the committee). */
  async returned(out: OutboxBatch, assessment: Assessment, user: AuthenticatedUser, reason: string | null): Promise<void> {
    await out.notify([
      {
        recipientUserId: assessment.responsibleOfficialId,
        kind: 'assessment_returned',
        assessmentId: assessment.id,
        params: { title: assessment.title, by: user.displayName, reason: reason ?? '' },
      },
    ]);
  }

  async requireStaff(user: AuthenticatedUser, assessment: Assessment): Promise<void> {
    const actor = await this.access.actor(user, assessment);
    if (!isStaff(actor.roles)) {
      throw new ForbiddenException(
        'The review is internal to the municipality: only its officials, reviewers, the committee chair and admins see it.',
      );
    }
  }

  /** The reviewers assigned to the assessment (the decision's notices go to them too). */
  assignedReviewerIds(db: EntityManager, assessmentId: string): Promise<string[]> {
    return this.store.assignedReviewerIds(db, assessmentId);
  }
}

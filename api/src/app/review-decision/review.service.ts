import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  REVIEW_CHECKLIST_ITEMS,
  type AssignedReviewer,
  type ReviewPerson,
  type ReviewChecklistEntry,
  type ReviewChecklistItem,
  type ReviewOverview,
  type ReviewRoundOutcome,
  type ReviewRoundView,
} from '@lava/contracts';
import {
  actorRefusals,
  canAssignReviewer,
  canBeAssignedReviewer,
  canTickChecklist,
  isStaff,
  type AssessmentFacts,
  type WorkflowActor,
} from '@lava/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import type { TransitionContext } from '../assessments/assessment-extensions';
import type { Assessment } from '../assessments/assessment.entity';
import { workflowRefusal } from '../assessments/workflow-refusal';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import type { UpdateChecklistItemDto } from './review-decision.dto';
import { staleVersion } from '../common/stale-version';

/** How a checklist item is stored in `review_rounds.checklist` (keyed by item). */
interface StoredEntry {
  done: boolean;
  comment: string;
  updatedById: string;
  updatedAt: string;
}

interface RoundRow {
  id: string;
  round: number;
  started_at: Date;
  ended_at: Date | null;
  outcome: ReviewRoundOutcome | null;
  ended_by_id: string | null;
  ended_by_name: string | null;
  return_reason: string | null;
  checklist: Partial<Record<ReviewChecklistItem, StoredEntry>>;
  version: number;
}

/**
 * Reviewers and review rounds. The responsible official assigns reviewers (people holding the
 * reviewer role in the assessment's municipality, never themselves); each entry into review opens a
 * round whose quality checklist the assigned reviewers work through; the round ends when a reviewer
 * approves or returns it, and stays as history (comments and the return reason included).
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
  ) {}

  // --- Reading ---

  async overview(user: AuthenticatedUser, assessmentId: string): Promise<ReviewOverview> {
    const assessment = await this.access.readable(null, user, assessmentId);
    await this.requireStaff(user, assessment);
    return { reviewers: await this.reviewers(this.db.manager, assessmentId), rounds: await this.rounds(this.db.manager, assessmentId) };
  }

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

  // --- Assigning reviewers ---

  async assign(user: AuthenticatedUser, assessmentId: string, reviewerId: string): Promise<ReviewOverview> {
    const notificationIds = await this.db.transaction(async (tx) => {
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
      if (inserted.length === 0) return [];
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessmentId,
        action: 'review.reviewer_assigned',
        details: { reviewerId, reviewer: candidate.display_name },
      });
      // Already in review: the new reviewer is asked at once.
      return assessment.stage === 'review'
        ? this.outbox.add(tx, [
            { recipientUserId: reviewerId, kind: 'review_requested', assessmentId, params: { title: assessment.title } },
          ])
        : [];
    });
    await this.outbox.publish(notificationIds);
    return this.overview(user, assessmentId);
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

  // --- The checklist ---

  async updateChecklistItem(
    user: AuthenticatedUser,
    assessmentId: string,
    item: string,
    dto: UpdateChecklistItemDto,
  ): Promise<ReviewRoundView> {
    if (!(REVIEW_CHECKLIST_ITEMS as readonly string[]).includes(item)) {
      throw new BadRequestException(`item: there is no checklist item "${item}"; the items are ${REVIEW_CHECKLIST_ITEMS.join(', ')}.`);
    }
    const checklistItem = item as ReviewChecklistItem;
    const roundId = await this.db.transaction(async (tx) => {
      const assessment = await this.access.readable(tx, user, assessmentId, true);
      const actor = await this.access.actor(user, assessment);
      const reviewerIds = await this.assignedReviewerIds(tx, assessmentId);
      const check = canTickChecklist(
        { stage: assessment.stage, responsibleOfficialId: assessment.responsibleOfficialId, assignedReviewerIds: reviewerIds },
        actor,
      );
      if (!check.allowed) throw workflowRefusal(check.reasons);

      const round = (await this.openRound(tx, assessmentId, true)) ?? (await this.startRound(tx, assessmentId));
      if (round.version !== dto.version) {
        const [current] = await this.rounds(tx, assessmentId, round.id);
        throw staleVersion(
          `The checklist was changed (version ${round.version}) while you had version ${dto.version} open. Your change was not saved; look at the checklist again.`,
          { currentVersion: round.version, changes: [], round: current },
        );
      }
      const previous = round.checklist[checklistItem];
      const entry: StoredEntry = {
        done: dto.done,
        comment: dto.comment ?? previous?.comment ?? '',
        updatedById: user.id,
        updatedAt: new Date().toISOString(),
      };
      await tx.query(`UPDATE review_rounds SET checklist = checklist || $2::jsonb, version = version + 1 WHERE id = $1`, [
        round.id,
        JSON.stringify({ [checklistItem]: entry }),
      ]);
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessmentId,
        action: 'review.checklist_updated',
        details: { round: round.round, item: checklistItem, done: dto.done, commented: entry.comment !== '' },
      });
      return round.id;
    });
    const [view] = await this.rounds(this.db.manager, assessmentId, roundId);
    if (!view) throw new NotFoundException('No such review round.');
    return view;
  }

  // --- What the workflow and the transitions need ---

  async facts(db: EntityManager, assessment: Assessment): Promise<Partial<AssessmentFacts>> {
    const [latest]: { checklist: RoundRow['checklist'] }[] = await db.query(
      `SELECT checklist FROM review_rounds WHERE assessment_id = $1 ORDER BY round DESC LIMIT 1`,
      [assessment.id],
    );
    return {
      assignedReviewerIds: await this.assignedReviewerIds(db, assessment.id),
      reviewChecklist: REVIEW_CHECKLIST_ITEMS.map((item) => ({ item, done: latest?.checklist[item]?.done === true })),
    };
  }

  /** Opens a round on each entry into review; ends it on approval or return; tells who needs to know. */
  async afterTransition(context: TransitionContext): Promise<readonly string[]> {
    const { tx, assessment, user, action, to, now, reason } = context;
    if (to === 'review' && context.from !== 'review') {
      await this.startRound(tx, assessment.id);
      const reviewerIds = await this.assignedReviewerIds(tx, assessment.id);
      return this.outbox.add(
        tx,
        reviewerIds.map((id) => ({
          recipientUserId: id,
          kind: 'review_requested',
          assessmentId: assessment.id,
          params: { title: assessment.title },
        })),
      );
    }
    const ids: string[] = [];
    if (to === 'decision' && context.from !== 'decision') ids.push(...(await this.decisionRequested(tx, assessment)));
    if (action === 'approve_review' || action === 'return_from_review') {
      const round = await this.openRound(tx, assessment.id, false);
      if (round) {
        await tx.query(
          `UPDATE review_rounds SET ended_at = $2, outcome = $3, ended_by_id = $4, return_reason = $5, version = version + 1 WHERE id = $1`,
          [round.id, now, action === 'approve_review' ? 'approved' : 'returned', user.id, action === 'return_from_review' ? reason : null],
        );
      }
      if (action === 'return_from_review') ids.push(...(await this.returned(tx, assessment, user, reason)));
    }
    return ids;
  }

  /** `decision_requested` to the chairs of the deciding committee: the assessment now waits for their decision. */
  private async decisionRequested(tx: EntityManager, assessment: Assessment): Promise<string[]> {
    const chairs: { id: string; name_fi: string; name_sv: string; name_en: string; language: 'fi' | 'sv' | 'en' }[] = await tx.query(
      `SELECT u.id, u.language, o.name_fi, o.name_sv, o.name_en
         FROM memberships ms JOIN users u ON u.id = ms.user_id AND u.active JOIN organizations o ON o.id = ms.organization_id
        WHERE ms.organization_id = $1 AND ms.role = 'committee_chair'`,
      [assessment.committeeId],
    );
    return this.outbox.add(
      tx,
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
  returned(tx: EntityManager, assessment: Assessment, user: AuthenticatedUser, reason: string | null): Promise<string[]> {
    return this.outbox.add(tx, [
      {
        recipientUserId: assessment.responsibleOfficialId,
        kind: 'assessment_returned',
        assessmentId: assessment.id,
        params: { title: assessment.title, by: user.displayName, reason: reason ?? '' },
      },
    ]);
  }

  async assignedReviewerIds(db: EntityManager, assessmentId: string): Promise<string[]> {
    const rows: { reviewer_id: string }[] = await db.query(
      `SELECT reviewer_id FROM assessment_reviewers WHERE assessment_id = $1 ORDER BY assigned_at, reviewer_id`,
      [assessmentId],
    );
    return rows.map((r) => r.reviewer_id);
  }

  // --- Helpers ---

  private async requireStaff(user: AuthenticatedUser, assessment: Assessment): Promise<void> {
    const actor = await this.access.actor(user, assessment);
    if (!isStaff(actor.roles)) {
      throw new ForbiddenException(
        'The review is internal to the municipality: only its officials, reviewers, the committee chair and admins see it.',
      );
    }
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

  private async openRound(tx: EntityManager, assessmentId: string, lock: boolean): Promise<RoundRow | null> {
    const [row]: RoundRow[] = await tx.query(
      `SELECT id, round, started_at, ended_at, outcome, ended_by_id, NULL AS ended_by_name, return_reason, checklist, version
         FROM review_rounds WHERE assessment_id = $1 AND ended_at IS NULL ORDER BY round DESC LIMIT 1 ${lock ? 'FOR UPDATE' : ''}`,
      [assessmentId],
    );
    return row ?? null;
  }

  private async startRound(tx: EntityManager, assessmentId: string): Promise<RoundRow> {
    // A round left open (it should not be) is closed as returned, so only one is ever open.
    await tx.query(`UPDATE review_rounds SET ended_at = now(), outcome = 'returned' WHERE assessment_id = $1 AND ended_at IS NULL`, [
      assessmentId,
    ]);
    const [row]: RoundRow[] = await tx.query(
      `INSERT INTO review_rounds (assessment_id, round)
       SELECT $1, COALESCE(MAX(round), 0) + 1 FROM review_rounds WHERE assessment_id = $1
       RETURNING id, round, started_at, ended_at, outcome, ended_by_id, NULL AS ended_by_name, return_reason, checklist, version`,
      [assessmentId],
    );
    if (!row) throw new Error('review round not created');
    return row;
  }

  private async reviewers(db: EntityManager, assessmentId: string): Promise<AssignedReviewer[]> {
    const rows: { id: string; display_name: string; assigned_at: Date; by_id: string | null; by_name: string | null }[] = await db.query(
      `SELECT u.id, u.display_name, r.assigned_at, b.id AS by_id, b.display_name AS by_name
         FROM assessment_reviewers r
         JOIN users u ON u.id = r.reviewer_id
         LEFT JOIN users b ON b.id = r.assigned_by_id
        WHERE r.assessment_id = $1
        ORDER BY r.assigned_at, u.id`,
      [assessmentId],
    );
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      assignedAt: r.assigned_at.toISOString(),
      assignedBy: r.by_id ? { id: r.by_id, displayName: r.by_name ?? '' } : null,
    }));
  }

  /** Rounds newest first (or the one round `roundId`), with people's names resolved. */
  private async rounds(db: EntityManager, assessmentId: string, roundId?: string): Promise<ReviewRoundView[]> {
    const rows: RoundRow[] = await db.query(
      `SELECT r.id, r.round, r.started_at, r.ended_at, r.outcome, r.ended_by_id, e.display_name AS ended_by_name,
              r.return_reason, r.checklist, r.version
         FROM review_rounds r LEFT JOIN users e ON e.id = r.ended_by_id
        WHERE r.assessment_id = $1 AND ($2::uuid IS NULL OR r.id = $2)
        ORDER BY r.round DESC`,
      [assessmentId, roundId ?? null],
    );
    const peopleIds = [...new Set(rows.flatMap((r) => Object.values(r.checklist).map((e) => e?.updatedById ?? '')))].filter(Boolean);
    const people: { id: string; display_name: string }[] = peopleIds.length
      ? await db.query(`SELECT id, display_name FROM users WHERE id = ANY($1)`, [peopleIds])
      : [];
    const name = new Map(people.map((p) => [p.id, p.display_name]));
    return rows.map((r) => ({
      id: r.id,
      round: r.round,
      startedAt: r.started_at.toISOString(),
      endedAt: r.ended_at?.toISOString() ?? null,
      outcome: r.outcome,
      endedBy: r.ended_by_id ? { id: r.ended_by_id, displayName: r.ended_by_name ?? '' } : null,
      returnReason: r.return_reason,
      checklist: REVIEW_CHECKLIST_ITEMS.map((item): ReviewChecklistEntry => {
        const stored = r.checklist[item];
        return {
          item,
          done: stored?.done === true,
          comment: stored?.comment ?? '',
          updatedBy: stored ? { id: stored.updatedById, displayName: name.get(stored.updatedById) ?? '' } : null,
          updatedAt: stored?.updatedAt ?? null,
        };
      }),
      version: r.version,
    }));
  }
}

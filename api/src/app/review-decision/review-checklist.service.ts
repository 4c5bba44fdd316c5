import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REVIEW_CHECKLIST_ITEMS, type ReviewChecklistItem, type ReviewRoundView } from '@lava/contracts';
import { canTickChecklist } from '@lava/workflow';
import { DataSource } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import { workflowRefusal } from '../assessments/workflow-refusal';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import type { UpdateChecklistItemDto } from './review-decision.dto';
import { staleVersion } from '../common/stale-version';
import { ReviewRepository, type StoredEntry } from './review.repository';

/**
 * The open round's quality checklist: an assigned reviewer ticks and comments it item by item
 * (`canTickChecklist`), against the round's version; each save is audited.
 */
@Injectable()
export class ReviewChecklist {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly audit: AuditService,
    private readonly store: ReviewRepository,
  ) {}

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
      const reviewerIds = await this.store.assignedReviewerIds(tx, assessmentId);
      const check = canTickChecklist(
        { stage: assessment.stage, responsibleOfficialId: assessment.responsibleOfficialId, assignedReviewerIds: reviewerIds },
        actor,
      );
      if (!check.allowed) throw workflowRefusal(check.reasons);

      const round = (await this.store.openRound(tx, assessmentId, true)) ?? (await this.store.startRound(tx, assessmentId));
      if (round.version !== dto.version) {
        const [current] = await this.store.rounds(tx, assessmentId, round.id);
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
    const [view] = await this.store.rounds(this.db.manager, assessmentId, roundId);
    if (!view) throw new NotFoundException('No such review round.');
    return view;
  }
}

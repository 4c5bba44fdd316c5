import { ConflictException, Injectable, OnModuleInit } from '@nestjs/common';
import type { SummaryLanguage } from '@lava/contracts';
import { type AssessmentFacts, canReadAsCouncil, type ConsultationFact, councilSentVersion, type CouncilRequest } from '@lava/workflow';
import type { EntityManager } from 'typeorm';
import { AssessmentExtensions, type TransitionContext } from '../assessments/assessment-extensions';
import type { Assessment } from '../assessments/assessment.entity';
import { nameColumn } from '../organizations/organizations.service';
import { Consultation, Statement } from './consultation.entities';
import { ConsultationNotices } from './consultation-notices.service';

/**
 * The consultations' part in the assessment workflow (registered with AssessmentExtensions):
 * the facts the guards read, the read grant of consulted councils' members, and what happens
 * around a transition — opening the requests, closing the round, the feedback after the decision.
 */
@Injectable()
export class ConsultationWorkflow implements OnModuleInit {
  constructor(
    private readonly extensions: AssessmentExtensions,
    private readonly notices: ConsultationNotices,
  ) {}

  async facts(db: EntityManager, assessment: Assessment): Promise<Partial<AssessmentFacts>> {
    const rows: { youth_council_id: string; deadline: Date; status: Consultation['status']; languages: SummaryLanguage[] }[] =
      await db.query(
        `SELECT c.youth_council_id, c.deadline, c.status, m.languages
         FROM consultations c JOIN organizations yc ON yc.id = c.youth_council_id JOIN organizations m ON m.id = yc.parent_id
        WHERE c.assessment_id = $1 AND c.closed_at IS NULL
          AND c.round = (SELECT max(round) FROM consultations WHERE assessment_id = $1 AND closed_at IS NULL)`,
        [assessment.id],
      );
    const [answered]: { ok: boolean }[] = await db.query(
      `SELECT NOT EXISTS (
         SELECT 1 FROM statement_points p
           JOIN statements s ON s.id = p.statement_id
           JOIN consultations c ON c.id = s.consultation_id
          WHERE c.assessment_id = $1 AND s.submitted_at IS NOT NULL AND p.deleted_at IS NULL
            AND (p.disposition IS NULL OR p.disposition_reason = '')) AS ok`,
      [assessment.id],
    );
    const consultations: ConsultationFact[] = rows.map((r) => ({
      youthCouncilId: r.youth_council_id,
      deadline: r.deadline.toISOString(),
      status: r.status,
      // The council reads the summary in its municipality's languages.
      languages: r.languages,
    }));
    return { consultations, allStatementPointsAnswered: answered?.ok ?? true };
  }

  /**
   * Members of a council that was sent the request (and not withdrawn) read the assessment while
   * their round is open (the draft, read-only), and again once it is decided and public. In between
   * (closed, returned, under review) they keep only their request page and the history up to the
   * version they were sent (`sentVersion`), never a later draft. The rule is `canReadAsCouncil`.
   */
  async grantsRead(db: EntityManager, userId: string, assessment: Assessment): Promise<boolean> {
    return canReadAsCouncil(assessment.stage, await this.memberRequests(db, userId, assessment)).allowed;
  }

  /** The newest version the member's councils were sent (requests not withdrawn); null when none (`councilSentVersion`). */
  async sentVersion(db: EntityManager, userId: string, assessment: Assessment): Promise<number | null> {
    return councilSentVersion(await this.memberRequests(db, userId, assessment));
  }

  /** The requests about this assessment to the councils the user is a member of. */
  private memberRequests(db: EntityManager, userId: string, assessment: Assessment): Promise<CouncilRequest[]> {
    return db.query(
      `SELECT c.opened_at AS "openedAt", c.status, c.closed_at AS "closedAt", c.sent_version AS "sentVersion" FROM consultations c
         JOIN memberships ms ON ms.organization_id = c.youth_council_id AND ms.role = 'youth_council_member' AND ms.user_id = $1
        WHERE c.assessment_id = $2`,
      [userId, assessment.id],
    );
  }

  async beforeTransition({ tx, user, assessment, action, now }: TransitionContext): Promise<void> {
    if (action !== 'open_consultation') return;
    // The councils' names in the official's own language: the rest of the message is translated for them.
    const name = nameColumn(user.language);
    const past: { name: string }[] = await tx.query(
      `SELECT o.${name} AS name FROM consultations c JOIN organizations o ON o.id = c.youth_council_id
        WHERE c.assessment_id = $1 AND c.opened_at IS NULL AND c.closed_at IS NULL AND c.status <> 'withdrawn' AND c.deadline <= $2
        ORDER BY o.${name}`,
      [assessment.id, now],
    );
    if (past.length > 0) {
      throw new ConflictException(
        `The deadline has already passed for: ${past.map((p) => p.name).join(', ')}. Change the deadline or remove the request first.`,
      );
    }
  }

  async afterTransition(context: TransitionContext): Promise<void> {
    const { tx, out, assessment, action, to, now } = context;
    if (action === 'open_consultation') {
      const planned = await tx.getRepository(Consultation).findBy({ assessmentId: assessment.id });
      for (const consultation of planned.filter((c) => c.openedAt === null && c.closedAt === null && c.status !== 'withdrawn')) {
        await tx.getRepository(Consultation).update({ id: consultation.id }, { openedAt: now, sentVersion: assessment.version });
        await tx.getRepository(Statement).insert({ consultationId: consultation.id });
        await this.notices.notifyMembers(tx, out, assessment, consultation, 'consultation_opened', consultation.deadline);
        await this.notices.deadlineJobs(out, consultation.id, consultation.deadline);
      }
    } else if (action === 'close_consultation' || action === 'close_consultation_early' || action === 'return_from_consultation') {
      // The round ends: no statement after this; a later consultation is the next round.
      // Read, then close: TypeORM answers an UPDATE … RETURNING with [rows, count], not with the rows.
      const open: { id: string }[] = await tx.query(`SELECT id FROM consultations WHERE assessment_id = $1 AND closed_at IS NULL`, [
        assessment.id,
      ]);
      await tx.query(`UPDATE consultations SET closed_at = $2, updated_at = now() WHERE id = ANY($1)`, [open.map((row) => row.id), now]);
      for (const row of open) await this.notices.deadlineJobs(out, row.id, null);
      if (action === 'return_from_consultation') {
        // The councils asked in this round are told why their request stops (the reason is required).
        const asked: { id: string; youth_council_id: string }[] = await tx.query(
          `SELECT DISTINCT ON (youth_council_id) id, youth_council_id FROM consultations
            WHERE id = ANY($1) AND status <> 'withdrawn' ORDER BY youth_council_id, round DESC`,
          [open.map((row) => row.id)],
        );
        for (const c of asked) {
          const request = { id: c.id, youthCouncilId: c.youth_council_id };
          await this.notices.notifyMembers(tx, out, assessment, request, 'consultation_returned', null, context.reason ?? '');
        }
      }
    } else if (action === 'send_to_review_without_consultation') {
      // Requests planned but never sent are dropped: this round goes without a consultation.
      await tx.query(`DELETE FROM consultations WHERE assessment_id = $1 AND opened_at IS NULL AND closed_at IS NULL`, [assessment.id]);
    }
    if (to === 'decided') await this.notices.sendFeedback(tx, out, assessment);
  }

  onModuleInit(): void {
    this.extensions.register({
      facts: (db, assessment) => this.facts(db, assessment),
      grantsRead: (db, userId, assessment) => this.grantsRead(db, userId, assessment),
      sentVersion: (db, userId, assessment) => this.sentVersion(db, userId, assessment),
      beforeTransition: (context) => this.beforeTransition(context),
      afterTransition: (context) => this.afterTransition(context),
    });
  }
}

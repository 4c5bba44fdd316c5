import { Injectable } from '@nestjs/common';
import type { Language } from '@lava/contracts';
import type { EntityManager } from 'typeorm';
import type { Assessment } from '../assessments/assessment.entity';
import type { NotificationDraft, NotificationValues, OutboxBatch } from '../notifications/notification-outbox.service';
import { ConsultationDeadlines } from '../scheduling/consultation-deadlines.service';
import { notifyContacts } from './contact-notices';
import { councilParams } from './consultation-rules';
import { ConsultationRepository } from './consultation.repository';

/**
 * What the council's members are told (sent, deadline extended, returned, the decision's
 * feedback) and the deadline jobs (reminders, overdue notice), written with the `out` of the
 * caller's unit of work (published after commit). Each returns the ids it wrote.
 */
@Injectable()
export class ConsultationNotices {
  constructor(
    private readonly deadlines: ConsultationDeadlines,
    private readonly store: ConsultationRepository,
  ) {}

  /** Tells every member of the request's council; the link takes them to their council's page for it. */
  async notifyMembers(
    tx: EntityManager,
    out: OutboxBatch,
    assessment: Assessment,
    request: { id: string; youthCouncilId: string },
    kind: 'consultation_opened' | 'consultation_deadline_extended' | 'consultation_returned' | 'statement_feedback',
    deadline: Date | null,
    reason?: string,
  ): Promise<string[]> {
    const council = await this.store.councilNames(tx, request.youthCouncilId);
    const members: { id: string; language: Language }[] = await tx.query(
      `SELECT u.id, u.language FROM memberships ms JOIN users u ON u.id = ms.user_id AND u.active
        WHERE ms.organization_id = $1 AND ms.role = 'youth_council_member'`,
      [request.youthCouncilId],
    );
    // The kind's values in one language: members get theirs, a body's e-mail-only contacts theirs (contact-notices.ts).
    const valuesIn = (language: Language): NotificationValues => {
      const params = { title: assessment.title, ...councilParams(council, language), consultationId: request.id };
      switch (kind) {
        case 'consultation_opened':
        case 'consultation_deadline_extended':
          return { kind, params: { ...params, deadline: deadline?.toISOString() ?? '' } };
        case 'consultation_returned':
          return { kind, params: { ...params, reason: reason ?? '' } };
        case 'statement_feedback':
          return { kind, params };
      }
    };
    const drafts = members.map((m): NotificationDraft => ({ recipientUserId: m.id, assessmentId: assessment.id, ...valuesIn(m.language) }));
    return [...(await out.notify(drafts)), ...(await notifyContacts(tx, out, assessment.id, request, kind, valuesIn))];
  }

  /** After the decision every council that submitted a statement (in any round) is told what became of it. */
  async sendFeedback(tx: EntityManager, out: OutboxBatch, assessment: Assessment): Promise<string[]> {
    // Each council's latest submitted request: its page shows the feedback for every round.
    const councils: { id: string; youth_council_id: string }[] = await tx.query(
      `SELECT DISTINCT ON (c.youth_council_id) c.id, c.youth_council_id FROM consultations c JOIN statements s ON s.consultation_id = c.id
        WHERE c.assessment_id = $1 AND s.submitted_at IS NOT NULL
        ORDER BY c.youth_council_id, c.round DESC`,
      [assessment.id],
    );
    const ids: string[] = [];
    for (const c of councils) {
      const request = { id: c.id, youthCouncilId: c.youth_council_id };
      ids.push(...(await this.notifyMembers(tx, out, assessment, request, 'statement_feedback', null)));
    }
    return ids;
  }

  /** The one call site of the scheduler: schedule the reminders and the overdue notice for `deadline`, or cancel them (null). */
  async deadlineJobs(out: OutboxBatch, consultationId: string, deadline: Date | null): Promise<readonly string[]> {
    return deadline ? this.deadlines.schedule(out, consultationId, deadline) : this.deadlines.cancel(out, consultationId);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DecisionOutcome, DecisionView, Language } from '@lava/contracts';
import { finnishDate, type WorkflowAction } from '@lava/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import type { TransitionContext } from '../assessments/assessment-extensions';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';

import { requestProblems } from '../common/validation';
import { nameColumn } from '../organizations/organizations.service';
import type { DecisionDto } from './review-decision.dto';
import { ReviewService } from './review.service';

/** The transitions out of decision, each recording one decision event, and the outcomes each accepts. */
const DECISION_ACTIONS: Partial<Record<WorkflowAction, readonly DecisionOutcome[]>> = {
  record_decision: ['approved', 'approved_as_modified', 'rejected'],
  table: ['tabled'],
  return_for_preparation: ['returned_for_preparation'],
};

/** What `beforeTransition` worked out, for `afterTransition` to store. */
interface PendingDecision {
  outcome: DecisionOutcome;
  meetingDate: string;
  minutesSection: string;
  decisionText: string;
  followUpDate: string | null;
}

/** A 400 in the shape of a validation error, so clients find the field in `details` (and it is translated like one). */
const fieldError = (field: string, text: string) => requestProblems([{ field, messages: [text] }]);
const decisionFieldError = (field: string, text: string) => fieldError(`decision.${field}`, text);

/**
 * Checks a decision transition's payload (400 naming the field) and keeps one signed row per
 * decision event in `decisions`: recorded (approved, approved as modified, rejected), tabled, or
 * returned for more preparation. The chair taking the action is the signer.
 *
 * The follow-up date is required when the proposal was approved (as is or as modified): the
 * follow-up evaluation asks whether what was decided worked. A rejected proposal may still set
 * one (e.g. to come back to the matter) but need not. Tabled and returned matters get none.
 */
@Injectable()
export class DecisionService {
  private readonly pending = new WeakMap<TransitionContext, PendingDecision>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly audit: AuditService,
    private readonly reviews: ReviewService,
  ) {}

  async list(user: AuthenticatedUser, assessmentId: string, language: Language): Promise<DecisionView[]> {
    await this.access.readable(null, user, assessmentId);
    return this.decisions(this.db.manager, assessmentId, language);
  }

  beforeTransition(context: TransitionContext): Promise<void> {
    const { action, request, assessment, now } = context;
    const outcomes = DECISION_ACTIONS[action];
    const payload = request.decision;
    if (!outcomes) {
      if (payload !== undefined)
        throw fieldError('decision', 'a decision is only given with record_decision, table or return_for_preparation.');
      return Promise.resolve();
    }
    const decision = validDecision(action, outcomes, payload, finnishDate(now), context.reason);
    this.pending.set(context, decision);
    // Saved with the stage change, so the version that records the decision carries the date.
    if (action === 'record_decision') assessment.followUpDate = decision.followUpDate;
    return Promise.resolve();
  }

  async afterTransition(context: TransitionContext): Promise<void> {
    const decision = this.pending.get(context);
    if (!decision) return;
    const { tx, out, assessment, user, action, now, reason } = context;
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO decisions (assessment_id, committee_id, outcome, meeting_date, minutes_section, decision_text, follow_up_date, signed_by_id, signed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        assessment.id,
        assessment.committeeId,
        decision.outcome,
        decision.meetingDate,
        decision.minutesSection,
        decision.decisionText,
        decision.followUpDate,
        user.id,
        now,
      ],
    );
    await this.audit.record(tx, {
      actorUserId: user.id,
      entityType: 'assessment',
      entityId: assessment.id,
      action: 'decision.signed',
      details: {
        decisionId: row?.id ?? '',
        outcome: decision.outcome,
        meetingDate: decision.meetingDate,
        minutesSection: decision.minutesSection,
      },
    });
    if (action === 'return_for_preparation') return this.reviews.returned(out, assessment, user, reason);
    if (action !== 'record_decision') return;
    const recipients = [...new Set([assessment.responsibleOfficialId, ...(await this.reviews.assignedReviewerIds(tx, assessment.id))])];
    await out.notify(
      recipients.map((id) => ({
        recipientUserId: id,
        kind: 'decision_recorded',
        assessmentId: assessment.id,
        params: { title: assessment.title, outcome: decision.outcome },
      })),
    );
  }

  private async decisions(db: EntityManager, assessmentId: string, language: Language): Promise<DecisionView[]> {
    const column = nameColumn(language);
    const rows: {
      id: string;
      outcome: DecisionOutcome;
      meeting_date: string;
      minutes_section: string;
      decision_text: string;
      follow_up_date: string | null;
      committee_id: string;
      committee_name: string;
      signed_by_id: string;
      signer_name: string;
      signed_at: Date;
    }[] = await db.query(
      `SELECT d.id, d.outcome, to_char(d.meeting_date, 'YYYY-MM-DD') AS meeting_date, d.minutes_section, d.decision_text,
              to_char(d.follow_up_date, 'YYYY-MM-DD') AS follow_up_date, d.committee_id, c.${column} AS committee_name,
              d.signed_by_id, u.display_name AS signer_name, d.signed_at
         FROM decisions d
         JOIN organizations c ON c.id = d.committee_id
         JOIN users u ON u.id = d.signed_by_id
        WHERE d.assessment_id = $1
        ORDER BY d.signed_at DESC, d.id`,
      [assessmentId],
    );
    return rows.map((r) => ({
      id: r.id,
      outcome: r.outcome,
      meetingDate: r.meeting_date,
      minutesSection: r.minutes_section,
      decisionText: r.decision_text,
      followUpDate: r.follow_up_date,
      committee: { id: r.committee_id, name: r.committee_name },
      signedBy: { id: r.signed_by_id, displayName: r.signer_name },
      signedAt: r.signed_at.toISOString(),
    }));
  }
}

/** Real calendar dates only (2027-02-30 is refused). */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The payload a decision action needs, or a 400 naming the field that is missing or wrong. */
export function validDecision(
  action: WorkflowAction,
  outcomes: readonly DecisionOutcome[],
  payload: DecisionDto | undefined,
  today: string,
  reason: string | null,
): PendingDecision {
  if (!payload) {
    throw fieldError(
      'decision',
      action === 'record_decision'
        ? 'give the decision (meeting date, minutes section, outcome, decision text).'
        : 'give the decision (meeting date, minutes section).',
    );
  }
  const outcome = payload.outcome ?? (outcomes.length === 1 ? outcomes[0] : undefined);
  if (!outcome) throw decisionFieldError('outcome', `choose the outcome: ${outcomes.join(', ')}.`);
  if (!outcomes.includes(outcome))
    throw decisionFieldError('outcome', `${action} records the outcome ${outcomes.join(', ')}, not ${outcome}.`);
  if (!isCalendarDate(payload.meetingDate)) throw decisionFieldError('meetingDate', 'must be a real date like 2027-02-15.');
  if (payload.meetingDate > today)
    throw decisionFieldError('meetingDate', 'the meeting must already have been held (the date is in the future).');
  const minutesSection = payload.minutesSection.trim();
  if (minutesSection === '') throw decisionFieldError('minutesSection', 'give the minutes section, e.g. § 42.');
  const decisionText = (payload.decisionText ?? '').trim() || (action === 'return_for_preparation' ? (reason ?? '') : '');
  if (action === 'record_decision' && decisionText === '')
    throw decisionFieldError('decisionText', 'write the decision as it stands in the minutes.');

  const followUpDate = payload.followUpDate ?? null;
  if (followUpDate !== null) {
    if (action !== 'record_decision')
      throw decisionFieldError('followUpDate', 'a follow-up date is set only when the decision is recorded.');
    if (!isCalendarDate(followUpDate)) throw decisionFieldError('followUpDate', 'must be a real date like 2028-03-01.');
    if (followUpDate <= payload.meetingDate) throw decisionFieldError('followUpDate', 'must be after the meeting date.');
  } else if (outcome === 'approved' || outcome === 'approved_as_modified') {
    throw decisionFieldError('followUpDate', 'set the follow-up date: when is it evaluated whether the decision worked for children?');
  }
  return { outcome, meetingDate: payload.meetingDate, minutesSection, decisionText, followUpDate };
}

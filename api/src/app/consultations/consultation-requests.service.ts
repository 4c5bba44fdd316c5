import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConsultationDetail, ConsultationView, Language } from '@lava/contracts';
import { finnishWallTime } from '@lava/workflow';
import { DataSource } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import type { DispositionDto, PlanConsultationDto, UpdateConsultationDto, VersionDto } from './consultation.dto';
import { Consultation, StatementPoint } from './consultation.entities';
import {
  ANSWERING_STAGES,
  bump,
  inPlanningStage,
  fieldError,
  futureDeadline,
  requirePointVersion,
  requireRequestVersion,
} from './consultation-rules';
import { ConsultationAccess } from './consultation-access.service';
import { ConsultationBoard } from './consultation-board.service';
import { ConsultationNotices } from './consultation-notices.service';
import { ConsultationRepository } from './consultation.repository';

/**
 * The official's requests to youth councils: planning them in draft (council, deadline, message),
 * changing or removing a planned one, extending a sent one's deadline, withdrawing it, and
 * answering each point of a submitted statement (vastine) before the review starts.
 *
 * Whom a council may be: the youth council of the assessment's municipality and, when the matter
 * reaches further (a regional school, a shared service), the youth councils of the other
 * municipalities of the same region. Every change takes the assessment's row lock first.
 */
@Injectable()
export class ConsultationRequests {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly callers: ConsultationAccess,
    private readonly store: ConsultationRepository,
    private readonly notices: ConsultationNotices,
    private readonly outbox: NotificationOutbox,
    private readonly board: ConsultationBoard,
  ) {}

  async plan(user: AuthenticatedUser, assessmentId: string, dto: PlanConsultationDto, language: Language): Promise<ConsultationView> {
    const id = await this.db.transaction(async (tx) => {
      const assessment = await this.access.readable(tx, user, assessmentId, true);
      await this.callers.requireOfficial(user, assessment);
      if (!inPlanningStage(assessment.stage)) {
        throw new ConflictException(`Youth councils are asked while the assessment is in draft; it is now in ${assessment.stage}.`);
      }
      const options = await this.board.councilOptions(user, assessmentId, 'en');
      const council = options.find((o) => o.id === dto.youthCouncilId);
      if (!council) throw fieldError('youthCouncilId', 'is not a youth council of this municipality or its region');
      const deadline = futureDeadline(dto.deadline);
      const round = await this.store.openRound(tx, assessment.id);
      const existing = await tx.getRepository(Consultation).findOneBy({ assessmentId: assessment.id, youthCouncilId: council.id, round });
      if (existing) throw new ConflictException(`${council.name} is already asked in this round. Change its deadline instead.`);
      const saved = await tx.getRepository(Consultation).save(
        tx.getRepository(Consultation).create({
          assessmentId: assessment.id,
          youthCouncilId: council.id,
          round,
          deadline,
          message: dto.message ?? '',
          status: 'not_started',
          requestedById: user.id,
        }),
      );
      await this.store.record(tx, user, assessment.id, 'consultation.planned', {
        consultationId: saved.id,
        youthCouncilId: council.id,
        round,
      });
      return saved.id;
    });
    return this.board.view(user, id, language);
  }

  /** In draft: change the planned deadline or message. Once sent: extend the deadline (the council is told). */
  async update(user: AuthenticatedUser, consultationId: string, dto: UpdateConsultationDto, language: Language): Promise<ConsultationView> {
    await this.outbox.run(async (tx, out) => {
      const { consultation, assessment, caller } = await this.callers.load(tx, user, consultationId);
      this.callers.requireOfficialCaller(caller);
      requireRequestVersion(consultation.version, dto.version);
      const changes: Partial<Consultation> = {};
      if (consultation.openedAt === null) {
        if (!inPlanningStage(assessment.stage)) throw new ConflictException('This request was never sent and can no longer be changed.');
        if (dto.deadline !== undefined) changes.deadline = futureDeadline(dto.deadline);
        if (dto.message !== undefined) changes.message = dto.message;
      } else {
        this.callers.requireOpenRequest(consultation, assessment);
        if (dto.message !== undefined && dto.message !== consultation.message) {
          throw fieldError('message', 'cannot be changed once the request has been sent');
        }
        if (dto.deadline !== undefined) {
          const deadline = futureDeadline(dto.deadline);
          if (deadline.getTime() <= consultation.deadline.getTime()) {
            throw fieldError(
              'deadline',
              `must be later than the current deadline (${finnishWallTime(consultation.deadline)} Finnish time): a deadline can only be extended`,
            );
          }
          changes.deadline = deadline;
          await this.notices.notifyMembers(tx, out, assessment, consultation, 'consultation_deadline_extended', deadline);
          if (consultation.status !== 'submitted') await this.notices.deadlineJobs(out, consultation.id, deadline);
        }
      }
      if (Object.keys(changes).length === 0) return;
      await bump(tx, Consultation, consultation.id, changes);
      await this.store.record(
        tx,
        user,
        assessment.id,
        consultation.openedAt ? 'consultation.deadline_extended' : 'consultation.plan_changed',
        {
          consultationId: consultation.id,
          ...(changes.deadline ? { from: consultation.deadline.toISOString(), to: changes.deadline.toISOString() } : {}),
        },
      );
    });
    return this.board.view(user, consultationId, language);
  }

  /** Removes a request planned in draft that was never sent. */
  async remove(user: AuthenticatedUser, consultationId: string, dto: VersionDto): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { consultation, assessment, caller } = await this.callers.load(tx, user, consultationId);
      this.callers.requireOfficialCaller(caller);
      if (consultation.openedAt !== null) throw new ConflictException('This request has been sent already; withdraw it instead.');
      if (!inPlanningStage(assessment.stage)) throw new ConflictException('Planned requests are changed while the assessment is in draft.');
      requireRequestVersion(consultation.version, dto.version);
      await tx.getRepository(Consultation).delete({ id: consultation.id });
      await this.store.record(tx, user, assessment.id, 'consultation.removed', { consultationId: consultation.id });
    });
  }

  /** The official withdraws a sent request: the council no longer answers it (it no longer holds up the consultation). */
  async withdrawRequest(user: AuthenticatedUser, consultationId: string, dto: VersionDto, language: Language): Promise<ConsultationView> {
    await this.outbox.run(async (tx, out) => {
      const { consultation, assessment, caller } = await this.callers.load(tx, user, consultationId);
      this.callers.requireOfficialCaller(caller);
      if (consultation.openedAt === null) throw new ConflictException('This request has not been sent; remove it instead.');
      this.callers.requireOpenRequest(consultation, assessment);
      if (consultation.status === 'submitted') {
        throw new ConflictException('The council has already submitted its statement, so the request can no longer be withdrawn.');
      }
      requireRequestVersion(consultation.version, dto.version);
      const now = new Date();
      await bump(tx, Consultation, consultation.id, { status: 'withdrawn', withdrawnAt: now, closedAt: now });
      await this.store.record(tx, user, assessment.id, 'consultation.withdrawn', { consultationId: consultation.id });
      await this.notices.deadlineJobs(out, consultation.id, null);
    });
    return this.board.view(user, consultationId, language);
  }

  /** The official's response (vastine) to one submitted point. */
  async answer(
    user: AuthenticatedUser,
    consultationId: string,
    pointId: string,
    dto: DispositionDto,
    language: Language,
  ): Promise<ConsultationDetail> {
    await this.db.transaction(async (tx) => {
      const { consultation, assessment, caller } = await this.callers.load(tx, user, consultationId);
      this.callers.requireOfficialCaller(caller);
      if (!ANSWERING_STAGES.includes(assessment.stage)) {
        throw new ConflictException(
          `Statement points are answered before the review starts; the assessment is now in ${assessment.stage}.`,
        );
      }
      const statement = await this.store.statementOf(tx, consultation.id);
      if (!statement?.submittedAt)
        throw new ConflictException('The council has not submitted its statement, so there is nothing to answer yet.');
      const point = await this.store.pointOf(tx, statement, pointId);
      requirePointVersion(point, dto.version, await this.store.displayName(tx, point.updatedById));
      await bump(tx, StatementPoint, point.id, {
        disposition: dto.disposition,
        dispositionReason: dto.reason,
        linkedSection: dto.linkedSection ?? null,
        dispositionById: user.id,
        dispositionAt: new Date(),
      });
      await this.store.record(tx, user, assessment.id, 'statement_point.answered', {
        consultationId: consultation.id,
        pointId: point.id,
        disposition: dto.disposition,
      });
    });
    return this.board.detail(user, consultationId, language);
  }
}

import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CONSULTATION_LIMITS, STATEMENT_POINT_UNDO_HOURS, type ConsultationDetail, type Language } from '@lava/contracts';
import { finnishDate } from '@lava/workflow';
import { DataSource, IsNull } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { sign } from '../publication/signature-chain';
import type { AdoptStatementDto, UpdatePointDto, VersionDto } from './consultation.dto';
import { Statement, StatementPoint } from './consultation.entities';
import { bump, councilParams, excerpt, fieldError, requirePointVersion, requireStatementVersion } from './consultation-rules';
import { ConsultationAccess } from './consultation-access.service';
import { ConsultationBoard } from './consultation-board.service';
import { ConsultationNotices } from './consultation-notices.service';
import { ConsultationRepository } from './consultation.repository';

/**
 * The council's statement on a request: its members draft it privately point by point (removing
 * a point can be undone for a while), the chair or secretary records the adopting meeting, a
 * member submits it (signed), and may take it back until the consultation closes.
 */
@Injectable()
export class StatementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly callers: ConsultationAccess,
    private readonly store: ConsultationRepository,
    private readonly notices: ConsultationNotices,
    private readonly outbox: NotificationOutbox,
    private readonly board: ConsultationBoard,
  ) {}

  async addPoint(user: AuthenticatedUser, consultationId: string, text: string, language: Language): Promise<ConsultationDetail> {
    await this.db.transaction(async (tx) => {
      const { consultation, statement } = await this.callers.editableStatement(tx, user, consultationId);
      const [{ count, max }]: { count: number; max: number }[] = await tx.query(
        `SELECT count(*)::int AS count, coalesce(max(position), 0)::int AS max FROM statement_points WHERE statement_id = $1 AND deleted_at IS NULL`,
        [statement.id],
      );
      if (count >= CONSULTATION_LIMITS.points) {
        throw new ConflictException(`A statement can have at most ${CONSULTATION_LIMITS.points} points. Combine some points first.`);
      }
      await tx
        .getRepository(StatementPoint)
        .insert({ statementId: statement.id, position: max + 1, text, updatedById: user.id, createdById: user.id });
      await this.store.statementChanged(tx, consultation, statement);
    });
    return this.board.detail(user, consultationId, language);
  }

  async updatePoint(
    user: AuthenticatedUser,
    consultationId: string,
    pointId: string,
    dto: UpdatePointDto,
    language: Language,
  ): Promise<ConsultationDetail> {
    await this.db.transaction(async (tx) => {
      const { consultation, statement } = await this.callers.editableStatement(tx, user, consultationId);
      const point = await this.store.pointOf(tx, statement, pointId);
      requirePointVersion(point, dto.version, await this.store.displayName(tx, point.updatedById));
      if (point.text === dto.text) return;
      // A changed point is a new point to answer: any earlier response no longer fits it.
      await bump(tx, StatementPoint, point.id, {
        text: dto.text,
        updatedById: user.id,
        disposition: null,
        dispositionReason: '',
        linkedSection: null,
        dispositionById: null,
        dispositionAt: null,
      });
      await this.store.statementChanged(tx, consultation, statement);
    });
    return this.board.detail(user, consultationId, language);
  }

  /**
   * Removes a point from the statement. The row stays for STATEMENT_POINT_UNDO_HOURS so that the
   * council can bring it back; when someone else wrote it, its author is told who removed it.
   */
  async deletePoint(user: AuthenticatedUser, consultationId: string, pointId: string, dto: VersionDto, language: Language) {
    await this.outbox.run(async (tx, out) => {
      const { consultation, assessment, statement } = await this.callers.editableStatement(tx, user, consultationId);
      const point = await this.store.pointOf(tx, statement, pointId);
      requirePointVersion(point, dto.version, await this.store.displayName(tx, point.updatedById));
      await bump(tx, StatementPoint, point.id, { deletedAt: new Date(), deletedById: user.id });
      await this.store.renumber(tx, statement.id);
      await this.store.statementChanged(tx, consultation, statement);
      await this.store.record(tx, user, assessment.id, 'statement_point.removed', { consultationId, pointId: point.id });
      const author = point.createdById ?? point.updatedById;
      if (!author || author === user.id) return;
      const council = await this.store.councilNames(tx, consultation.youthCouncilId);
      const recipients: { id: string; language: Language }[] = await tx.query(
        `SELECT u.id, u.language FROM users u JOIN memberships ms ON ms.user_id = u.id
          WHERE u.id = $1 AND u.active AND ms.organization_id = $2 AND ms.role = 'youth_council_member'`,
        [author, consultation.youthCouncilId],
      );
      const by = (await this.store.displayName(tx, user.id)) ?? '';
      await out.notify(
        recipients.map((r) => ({
          recipientUserId: r.id,
          kind: 'statement_point_removed',
          assessmentId: assessment.id,
          params: { title: assessment.title, ...councilParams(council, r.language), by, excerpt: excerpt(point.text), consultationId },
        })),
      );
    });
    return this.board.detail(user, consultationId, language);
  }

  /** Brings a removed point back to where it stood (undo), within STATEMENT_POINT_UNDO_HOURS of its removal. */
  async restorePoint(user: AuthenticatedUser, consultationId: string, pointId: string, dto: VersionDto, language: Language) {
    await this.db.transaction(async (tx) => {
      const { consultation, assessment, statement } = await this.callers.editableStatement(tx, user, consultationId);
      const point = await tx.getRepository(StatementPoint).findOneBy({ id: pointId });
      if (!point || point.statementId !== statement.id || point.deletedAt === null) {
        throw new NotFoundException('That point is not a removed point of this council’s statement.');
      }
      if (point.deletedAt.getTime() + STATEMENT_POINT_UNDO_HOURS * 3600_000 <= Date.now()) {
        throw new ConflictException(
          `A removed point can be brought back for ${STATEMENT_POINT_UNDO_HOURS} hours; this one was removed earlier.`,
        );
      }
      requirePointVersion(point, dto.version, await this.store.displayName(tx, point.deletedById));
      const count = await tx.getRepository(StatementPoint).countBy({ statementId: statement.id, deletedAt: IsNull() });
      if (count >= CONSULTATION_LIMITS.points) {
        throw new ConflictException(`A statement can have at most ${CONSULTATION_LIMITS.points} points. Combine some points first.`);
      }
      // Back where it stood: the points from there on move one down.
      await tx.query(
        `UPDATE statement_points SET position = position + 1 WHERE statement_id = $1 AND deleted_at IS NULL AND position >= $2`,
        [statement.id, point.position],
      );
      await bump(tx, StatementPoint, point.id, { deletedAt: null, deletedById: null });
      await this.store.renumber(tx, statement.id);
      await this.store.statementChanged(tx, consultation, statement);
      await this.store.record(tx, user, assessment.id, 'statement_point.restored', { consultationId, pointId: point.id });
    });
    return this.board.detail(user, consultationId, language);
  }

  /**
   * Records the council meeting that adopted the statement. Only the council's chair or secretary
   * does (they keep its minutes); who did is audited. Any member may then submit it.
   */
  async adopt(user: AuthenticatedUser, consultationId: string, dto: AdoptStatementDto, language: Language): Promise<ConsultationDetail> {
    await this.db.transaction(async (tx) => {
      const { consultation, assessment, statement, caller } = await this.callers.editableStatement(tx, user, consultationId);
      if (!caller.officer) {
        throw new ForbiddenException("Only the council's chair or secretary records the adoption. Ask them to record the meeting date.");
      }
      requireStatementVersion(statement, dto.version);
      const count = await tx.getRepository(StatementPoint).countBy({ statementId: statement.id, deletedAt: IsNull() });
      if (count === 0) throw new ConflictException('Write at least one point before the council adopts the statement.');
      const today = finnishDate(new Date());
      if (dto.meetingDate > today) throw fieldError('meetingDate', `cannot be in the future (today is ${today})`);
      const asked = finnishDate(consultation.openedAt ?? consultation.createdAt);
      if (dto.meetingDate < asked) throw fieldError('meetingDate', `cannot be before the council was asked (${asked})`);
      await bump(tx, Statement, statement.id, { adoptedAt: dto.meetingDate, adoptedById: user.id });
      await this.store.record(tx, user, assessment.id, 'statement.adopted', { consultationId, meetingDate: dto.meetingDate });
      await sign(tx, {
        kind: 'statement_adopted',
        assessmentId: assessment.id,
        subjectId: statement.id,
        signedById: user.id,
        signerRole: 'youth_council',
        signedAt: new Date(),
      });
    });
    return this.board.detail(user, consultationId, language);
  }

  async submit(user: AuthenticatedUser, consultationId: string, dto: VersionDto, language: Language): Promise<ConsultationDetail> {
    await this.outbox.run(async (tx, out) => {
      const { consultation, assessment, statement } = await this.callers.editableStatement(tx, user, consultationId);
      requireStatementVersion(statement, dto.version);
      const count = await tx.getRepository(StatementPoint).countBy({ statementId: statement.id, deletedAt: IsNull() });
      if (count === 0) throw new ConflictException('The statement has no points yet.');
      if (!statement.adoptedAt)
        throw new ConflictException('Record the date of the meeting where the council adopted the statement first.');
      await bump(tx, Statement, statement.id, { submittedAt: new Date(), submittedById: user.id });
      await tx.query(`UPDATE consultations SET status = 'submitted', updated_at = now() WHERE id = $1`, [consultation.id]);
      await this.store.record(tx, user, assessment.id, 'statement.submitted', { consultationId, points: count });
      await sign(tx, {
        kind: 'statement_submitted',
        assessmentId: assessment.id,
        subjectId: statement.id,
        signedById: user.id,
        signerRole: 'youth_council',
        signedAt: new Date(),
      });
      const council = await this.store.councilNames(tx, consultation.youthCouncilId);
      const official: { id: string; language: Language }[] = await tx.query(`SELECT id, language FROM users WHERE id = $1 AND active`, [
        assessment.responsibleOfficialId,
      ]);
      await out.notify(
        official.map((o) => ({
          recipientUserId: o.id,
          kind: 'statement_submitted',
          assessmentId: assessment.id,
          params: { title: assessment.title, ...councilParams(council, o.language) },
        })),
      );
      await this.notices.deadlineJobs(out, consultation.id, null);
    });
    return this.board.detail(user, consultationId, language);
  }

  /** The council takes its submitted statement back to change it; it can submit again until the consultation closes. */
  async withdrawStatement(
    user: AuthenticatedUser,
    consultationId: string,
    dto: VersionDto,
    language: Language,
  ): Promise<ConsultationDetail> {
    await this.outbox.run(async (tx, out) => {
      const { consultation, assessment, caller } = await this.callers.load(tx, user, consultationId);
      this.callers.requireMemberCaller(caller);
      const reason = this.callers.lockReason(consultation, assessment, new Date());
      if (reason) throw new ConflictException(reason);
      const statement = await this.store.statementOf(tx, consultation.id);
      if (!statement?.submittedAt) throw new ConflictException('The statement has not been submitted, so there is nothing to withdraw.');
      requireStatementVersion(statement, dto.version);
      await bump(tx, Statement, statement.id, { submittedAt: null, submittedById: null });
      await tx.query(`UPDATE consultations SET status = 'drafting', updated_at = now() WHERE id = $1`, [consultation.id]);
      await this.store.record(tx, user, assessment.id, 'statement.withdrawn', { consultationId });
      await this.notices.deadlineJobs(out, consultation.id, consultation.deadline);
    });
    return this.board.detail(user, consultationId, language);
  }
}

import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONSULTATION_LIMITS,
  STATEMENT_POINT_UNDO_HOURS,
  isCouncilOfficer,
  type BoardStatus,
  type CouncilOffice,
  type ConsultationDetail,
  type ConsultationFeedback,
  type ConsultationView,
  type Language,
  type Page,
  type RemovedStatementPointView,
  type StatementLock,
  type SummaryLanguage,
  type StatementPointView,
  type YouthCouncilOption,
} from '@lava/contracts';
import { finnishDate, finnishWallTime, type AssessmentFacts, type ConsultationFact, type Stage } from '@lava/workflow';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import { AssessmentExtensions, type TransitionContext } from '../assessments/assessment-extensions';
import { Assessment } from '../assessments/assessment.entity';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, toPage } from '../common/keyset-cursor';
import type { PageQueryDto } from '../common/page-query.dto';
import { NotificationOutbox, type NotificationDraft } from '../notifications/notification-outbox.service';
import { organizationName } from '../organizations/organization.entity';
import { MUNICIPAL_STAFF_ROLES, nameColumn, OrganizationsService } from '../organizations/organizations.service';
import { sign } from '../publication/signature-chain';
import { ConsultationDeadlines } from '../scheduling/consultation-deadlines.service';
import { Consultation, Statement, StatementPoint } from './consultation.entities';
import type {
  AdoptStatementDto,
  DispositionDto,
  PlanConsultationDto,
  UpdateConsultationDto,
  UpdatePointDto,
  VersionDto,
} from './consultation.dto';
import { staleVersion } from '../common/stale-version';

/** Stages in which the official answers statement points: before the review starts. */
const ANSWERING_STAGES: readonly Stage[] = ['draft', 'consultation'];
/** Stages after the decision: the council gets its feedback. */
const DECIDED_STAGES: readonly Stage[] = ['decided', 'follow_up', 'closed'];

interface ViewRow {
  id: string;
  assessment_id: string;
  title: string;
  stage: Stage;
  youth_council_id: string;
  council_name: string;
  round: number;
  deadline: Date;
  message: string;
  status: Consultation['status'];
  opened_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  adopted_at: string | null;
  submitted_at: Date | null;
  point_count: number;
  answered_count: number;
  version: number;
}

interface Caller {
  /** Municipal staff of the assessment's municipality. */
  staff: boolean;
  /** A member of the consulted council, and the request has been sent. */
  member: boolean;
  /** Such a member who is the council's chair or secretary: they record the adoption. */
  officer: boolean;
  /** The assessment's responsible official. */
  official: boolean;
}

interface Loaded {
  consultation: Consultation;
  assessment: Assessment;
  caller: Caller;
}

/**
 * Youth council consultations around an assessment: the official plans the requests in draft,
 * `open_consultation` sends them, each council drafts its statement privately, adopts and submits
 * it, the official answers every point (vastine) before review, and after the decision the
 * council is told what became of each point.
 *
 * Whom a council may be: the youth council of the assessment's municipality and, when the matter
 * reaches further (a regional school, a shared service), the youth councils of the other
 * municipalities of the same region.
 *
 * Every change takes the assessment's row lock first, so a statement and a stage change (closing
 * the consultation) never cross.
 */
@Injectable()
export class ConsultationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly extensions: AssessmentExtensions,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly deadlines: ConsultationDeadlines,
  ) {}

  onModuleInit(): void {
    this.extensions.register({
      facts: (db, assessment) => this.facts(db, assessment),
      grantsRead: (db, userId, assessment) => this.grantsRead(db, userId, assessment),
      sentVersion: (db, userId, assessment) => this.sentVersion(db, userId, assessment),
      beforeTransition: (context) => this.beforeTransition(context),
      afterTransition: (context) => this.afterTransition(context),
    });
  }

  // ---------------------------------------------------------------- workflow extension

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
   * version they were sent (`sentVersion`), never a later draft.
   */
  async grantsRead(db: EntityManager, userId: string, assessment: Assessment): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM consultations c
         JOIN memberships ms ON ms.organization_id = c.youth_council_id AND ms.role = 'youth_council_member' AND ms.user_id = $1
        WHERE c.assessment_id = $2 AND c.opened_at IS NOT NULL AND c.status <> 'withdrawn'
          AND ((c.closed_at IS NULL AND $3 = 'consultation') OR $3 = ANY($4::text[]))
        LIMIT 1`,
      [userId, assessment.id, assessment.stage, DECIDED_STAGES],
    );
    return rows.length > 0;
  }

  /** The newest version the member's councils were sent (requests not withdrawn); null when none. */
  async sentVersion(db: EntityManager, userId: string, assessment: Assessment): Promise<number | null> {
    const [row]: { sent: number | null }[] = await db.query(
      `SELECT max(c.sent_version) AS sent FROM consultations c
         JOIN memberships ms ON ms.organization_id = c.youth_council_id AND ms.role = 'youth_council_member' AND ms.user_id = $1
        WHERE c.assessment_id = $2 AND c.opened_at IS NOT NULL AND c.status <> 'withdrawn'`,
      [userId, assessment.id],
    );
    return row?.sent ?? null;
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

  async afterTransition(context: TransitionContext): Promise<readonly string[]> {
    const { tx, assessment, action, to, now } = context;
    const ids: string[] = [];
    if (action === 'open_consultation') {
      const planned = await tx.getRepository(Consultation).findBy({ assessmentId: assessment.id });
      for (const consultation of planned.filter((c) => c.openedAt === null && c.closedAt === null && c.status !== 'withdrawn')) {
        await tx.getRepository(Consultation).update({ id: consultation.id }, { openedAt: now, sentVersion: assessment.version });
        await tx.getRepository(Statement).insert({ consultationId: consultation.id });
        ids.push(...(await this.notifyMembers(tx, assessment, consultation, 'consultation_opened', consultation.deadline)));
        ids.push(...(await this.deadlineJobs(tx, consultation.id, consultation.deadline)));
      }
    } else if (action === 'close_consultation' || action === 'close_consultation_early' || action === 'return_from_consultation') {
      // The round ends: no statement after this; a later consultation is the next round.
      // Read, then close: TypeORM answers an UPDATE … RETURNING with [rows, count], not with the rows.
      const open: { id: string }[] = await tx.query(`SELECT id FROM consultations WHERE assessment_id = $1 AND closed_at IS NULL`, [
        assessment.id,
      ]);
      await tx.query(`UPDATE consultations SET closed_at = $2, updated_at = now() WHERE id = ANY($1)`, [open.map((row) => row.id), now]);
      for (const row of open) ids.push(...(await this.deadlineJobs(tx, row.id, null)));
      if (action === 'return_from_consultation') {
        // The councils asked in this round are told why their request stops (the reason is required).
        const asked: { id: string; youth_council_id: string }[] = await tx.query(
          `SELECT DISTINCT ON (youth_council_id) id, youth_council_id FROM consultations
            WHERE id = ANY($1) AND status <> 'withdrawn' ORDER BY youth_council_id, round DESC`,
          [open.map((row) => row.id)],
        );
        for (const c of asked) {
          const request = { id: c.id, youthCouncilId: c.youth_council_id };
          ids.push(...(await this.notifyMembers(tx, assessment, request, 'consultation_returned', null, context.reason ?? '')));
        }
      }
    } else if (action === 'send_to_review_without_consultation') {
      // Requests planned but never sent are dropped: this round goes without a consultation.
      await tx.query(`DELETE FROM consultations WHERE assessment_id = $1 AND opened_at IS NULL AND closed_at IS NULL`, [assessment.id]);
    }
    if (to === 'decided') ids.push(...(await this.sendFeedback(tx, assessment)));
    return ids;
  }

  // ---------------------------------------------------------------- the official: planning and the board

  /** The councils the official may ask: the municipality's own first, then the others of its region. */
  async councilOptions(user: AuthenticatedUser, assessmentId: string, language: Language): Promise<YouthCouncilOption[]> {
    const assessment = await this.access.readable(null, user, assessmentId);
    if (!(await this.isStaff(user, assessment))) throw new ForbiddenException('Only municipal staff choose the youth councils to ask.');
    const column = nameColumn(language);
    const rows: { id: string; name: string; municipality_name: string; own: boolean }[] = await this.db.query(
      `SELECT yc.id, yc.${column} AS name, m.${column} AS municipality_name, m.id = $1 AS own
         FROM organizations yc
         JOIN organizations m ON m.id = yc.parent_id AND m.kind = 'municipality'
         JOIN organizations home ON home.id = $1
        WHERE yc.kind = 'youth_council' AND (m.id = home.id OR m.parent_id = home.parent_id)
        ORDER BY (m.id = $1) DESC, m.${column}`,
      [assessment.municipalityId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, municipalityName: r.municipality_name, own: r.own }));
  }

  /** Staff see every request of every round (newest round first); a council member sees their own council's sent requests. */
  async listForAssessment(user: AuthenticatedUser, assessmentId: string, language: Language): Promise<ConsultationView[]> {
    const assessment = await this.access.readable(null, user, assessmentId);
    const staff = await this.isStaff(user, assessment);
    const councils = this.memberCouncils(user);
    const rows = await this.viewRows(
      this.db.manager,
      language,
      staff ? `c.assessment_id = $1` : `c.assessment_id = $1 AND c.opened_at IS NOT NULL AND c.youth_council_id = ANY($2)`,
      staff ? [assessmentId] : [assessmentId, councils],
      `ORDER BY c.round DESC, c.created_at, c.id`,
    );
    return rows.map((r) => toView(r, new Date()));
  }

  async plan(user: AuthenticatedUser, assessmentId: string, dto: PlanConsultationDto, language: Language): Promise<ConsultationView> {
    const id = await this.db.transaction(async (tx) => {
      const assessment = await this.access.readable(tx, user, assessmentId, true);
      await this.requireOfficial(user, assessment);
      if (assessment.stage !== 'draft') {
        throw new ConflictException(`Youth councils are asked while the assessment is in draft; it is now in ${assessment.stage}.`);
      }
      const options = await this.councilOptions(user, assessmentId, 'en');
      const council = options.find((o) => o.id === dto.youthCouncilId);
      if (!council) throw fieldError('youthCouncilId', 'is not a youth council of this municipality or its region');
      const deadline = futureDeadline(dto.deadline);
      const round = await this.openRound(tx, assessment.id);
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
      await this.record(tx, user, assessment.id, 'consultation.planned', { consultationId: saved.id, youthCouncilId: council.id, round });
      return saved.id;
    });
    return this.view(user, id, language);
  }

  /** In draft: change the planned deadline or message. Once sent: extend the deadline (the council is told). */
  async update(user: AuthenticatedUser, consultationId: string, dto: UpdateConsultationDto, language: Language): Promise<ConsultationView> {
    const ids = await this.db.transaction(async (tx) => {
      const { consultation, assessment, caller } = await this.load(tx, user, consultationId);
      this.requireOfficialCaller(caller);
      requireRequestVersion(consultation.version, dto.version);
      const changes: Partial<Consultation> = {};
      const ids: string[] = [];
      if (consultation.openedAt === null) {
        if (assessment.stage !== 'draft') throw new ConflictException('This request was never sent and can no longer be changed.');
        if (dto.deadline !== undefined) changes.deadline = futureDeadline(dto.deadline);
        if (dto.message !== undefined) changes.message = dto.message;
      } else {
        this.requireOpenRequest(consultation, assessment);
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
          ids.push(...(await this.notifyMembers(tx, assessment, consultation, 'consultation_deadline_extended', deadline)));
          if (consultation.status !== 'submitted') ids.push(...(await this.deadlineJobs(tx, consultation.id, deadline)));
        }
      }
      if (Object.keys(changes).length === 0) return ids;
      await bump(tx, Consultation, consultation.id, changes);
      await this.record(tx, user, assessment.id, consultation.openedAt ? 'consultation.deadline_extended' : 'consultation.plan_changed', {
        consultationId: consultation.id,
        ...(changes.deadline ? { from: consultation.deadline.toISOString(), to: changes.deadline.toISOString() } : {}),
      });
      return ids;
    });
    await this.outbox.publish(ids);
    return this.view(user, consultationId, language);
  }

  /** Removes a request planned in draft that was never sent. */
  async remove(user: AuthenticatedUser, consultationId: string, dto: VersionDto): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { consultation, assessment, caller } = await this.load(tx, user, consultationId);
      this.requireOfficialCaller(caller);
      if (consultation.openedAt !== null) throw new ConflictException('This request has been sent already; withdraw it instead.');
      if (assessment.stage !== 'draft') throw new ConflictException('Planned requests are changed while the assessment is in draft.');
      requireRequestVersion(consultation.version, dto.version);
      await tx.getRepository(Consultation).delete({ id: consultation.id });
      await this.record(tx, user, assessment.id, 'consultation.removed', { consultationId: consultation.id });
    });
  }

  /** The official withdraws a sent request: the council no longer answers it (it no longer holds up the consultation). */
  async withdrawRequest(user: AuthenticatedUser, consultationId: string, dto: VersionDto, language: Language): Promise<ConsultationView> {
    const ids = await this.db.transaction(async (tx) => {
      const { consultation, assessment, caller } = await this.load(tx, user, consultationId);
      this.requireOfficialCaller(caller);
      if (consultation.openedAt === null) throw new ConflictException('This request has not been sent; remove it instead.');
      this.requireOpenRequest(consultation, assessment);
      if (consultation.status === 'submitted') {
        throw new ConflictException('The council has already submitted its statement, so the request can no longer be withdrawn.');
      }
      requireRequestVersion(consultation.version, dto.version);
      const now = new Date();
      await bump(tx, Consultation, consultation.id, { status: 'withdrawn', withdrawnAt: now, closedAt: now });
      await this.record(tx, user, assessment.id, 'consultation.withdrawn', { consultationId: consultation.id });
      return this.deadlineJobs(tx, consultation.id, null);
    });
    await this.outbox.publish(ids);
    return this.view(user, consultationId, language);
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
      const { consultation, assessment, caller } = await this.load(tx, user, consultationId);
      this.requireOfficialCaller(caller);
      if (!ANSWERING_STAGES.includes(assessment.stage)) {
        throw new ConflictException(
          `Statement points are answered before the review starts; the assessment is now in ${assessment.stage}.`,
        );
      }
      const statement = await this.statementOf(tx, consultation.id);
      if (!statement?.submittedAt)
        throw new ConflictException('The council has not submitted its statement, so there is nothing to answer yet.');
      const point = await this.pointOf(tx, statement, pointId);
      requirePointVersion(point, dto.version, await this.displayName(tx, point.updatedById));
      await bump(tx, StatementPoint, point.id, {
        disposition: dto.disposition,
        dispositionReason: dto.reason,
        linkedSection: dto.linkedSection ?? null,
        dispositionById: user.id,
        dispositionAt: new Date(),
      });
      await this.record(tx, user, assessment.id, 'statement_point.answered', {
        consultationId: consultation.id,
        pointId: point.id,
        disposition: dto.disposition,
      });
    });
    return this.detail(user, consultationId, language);
  }

  // ---------------------------------------------------------------- the council: its statement

  /** Sent requests to the councils the caller is a member of, newest first. */
  async mine(user: AuthenticatedUser, query: PageQueryDto, language: Language): Promise<Page<ConsultationView>> {
    const councils = this.memberCouncils(user);
    if (councils.length === 0) return { items: [], nextCursor: null };
    const params: unknown[] = [councils, query.limit + 1];
    let where = `c.youth_council_id = ANY($1) AND c.opened_at IS NOT NULL`;
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      params.push(position.createdAt, position.id);
      where += ` AND (c.created_at, c.id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows = await this.viewRows(this.db.manager, language, where, params, 'ORDER BY c.created_at DESC, c.id DESC LIMIT $2');
    const now = new Date();
    return toPage(
      rows,
      query.limit,
      (r) => ({ createdAt: r.created_at, id: r.id }),
      (r) => toView(r, now),
    );
  }

  async view(user: AuthenticatedUser, consultationId: string, language: Language): Promise<ConsultationView> {
    await this.load(this.db.manager, user, consultationId, false);
    const [row] = await this.viewRows(this.db.manager, language, `c.id = $1`, [consultationId], '');
    if (!row) throw new NotFoundException('No such consultation.');
    return toView(row, new Date());
  }

  /** The request with the plain-language summary, the statement (the council's own; the official's once submitted) and the feedback. */
  async detail(user: AuthenticatedUser, consultationId: string, language: Language): Promise<ConsultationDetail> {
    const { consultation, assessment, caller } = await this.load(this.db.manager, user, consultationId, false);
    const [row] = await this.viewRows(this.db.manager, language, `c.id = $1`, [consultationId], '');
    if (!row) throw new NotFoundException('No such consultation.');
    const now = new Date();
    const statement = await this.statementOf(this.db.manager, consultationId);
    const visible = statement !== null && (caller.member || statement.submittedAt !== null);
    const points = visible ? await this.points(this.db.manager, statement.id, user.id) : [];
    const locked = this.lockOf(consultation, assessment, now);
    const submitted = statement?.submittedAt != null;
    const editable = caller.member && locked === null && !submitted;
    return {
      ...toView(row, now),
      plainLanguageSummary: await this.summarySent(consultation, assessment, caller.staff, caller.member ? user.language : language),
      statement:
        visible && statement
          ? {
              id: statement.id,
              adoptedAt: statement.adoptedAt,
              submittedAt: statement.submittedAt?.toISOString() ?? null,
              points,
              removedPoints: caller.member && !statement.submittedAt ? await this.removedPoints(this.db.manager, statement.id, now) : [],
              version: statement.version,
            }
          : null,
      can: {
        edit: editable,
        adopt: editable && caller.officer && points.length > 0,
        submit: editable && points.length > 0 && statement?.adoptedAt != null,
        withdrawStatement: caller.member && locked === null && submitted,
        answer: caller.official && submitted && ANSWERING_STAGES.includes(assessment.stage),
      },
      viewer: caller.member ? 'council' : 'staff',
      councilOfficers: caller.member ? await this.councilOfficers(this.db.manager, consultation.youthCouncilId) : null,
      locked: caller.member ? locked : null,
      feedback: DECIDED_STAGES.includes(assessment.stage) ? await this.feedback(assessment) : null,
    };
  }

  async addPoint(user: AuthenticatedUser, consultationId: string, text: string, language: Language): Promise<ConsultationDetail> {
    await this.db.transaction(async (tx) => {
      const { consultation, statement } = await this.editableStatement(tx, user, consultationId);
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
      await this.statementChanged(tx, consultation, statement);
    });
    return this.detail(user, consultationId, language);
  }

  async updatePoint(
    user: AuthenticatedUser,
    consultationId: string,
    pointId: string,
    dto: UpdatePointDto,
    language: Language,
  ): Promise<ConsultationDetail> {
    await this.db.transaction(async (tx) => {
      const { consultation, statement } = await this.editableStatement(tx, user, consultationId);
      const point = await this.pointOf(tx, statement, pointId);
      requirePointVersion(point, dto.version, await this.displayName(tx, point.updatedById));
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
      await this.statementChanged(tx, consultation, statement);
    });
    return this.detail(user, consultationId, language);
  }

  /**
   * Removes a point from the statement. The row stays for STATEMENT_POINT_UNDO_HOURS so that the
   * council can bring it back; when someone else wrote it, its author is told who removed it.
   */
  async deletePoint(user: AuthenticatedUser, consultationId: string, pointId: string, dto: VersionDto, language: Language) {
    const ids = await this.db.transaction(async (tx) => {
      const { consultation, assessment, statement } = await this.editableStatement(tx, user, consultationId);
      const point = await this.pointOf(tx, statement, pointId);
      requirePointVersion(point, dto.version, await this.displayName(tx, point.updatedById));
      await bump(tx, StatementPoint, point.id, { deletedAt: new Date(), deletedById: user.id });
      await this.renumber(tx, statement.id);
      await this.statementChanged(tx, consultation, statement);
      await this.record(tx, user, assessment.id, 'statement_point.removed', { consultationId, pointId: point.id });
      const author = point.createdById ?? point.updatedById;
      if (!author || author === user.id) return [];
      const council = await this.councilNames(tx, consultation.youthCouncilId);
      const recipients: { id: string; language: Language }[] = await tx.query(
        `SELECT u.id, u.language FROM users u JOIN memberships ms ON ms.user_id = u.id
          WHERE u.id = $1 AND u.active AND ms.organization_id = $2 AND ms.role = 'youth_council_member'`,
        [author, consultation.youthCouncilId],
      );
      const by = (await this.displayName(tx, user.id)) ?? '';
      return this.outbox.add(
        tx,
        recipients.map((r) => ({
          recipientUserId: r.id,
          kind: 'statement_point_removed',
          assessmentId: assessment.id,
          params: { title: assessment.title, ...councilParams(council, r.language), by, excerpt: excerpt(point.text), consultationId },
        })),
      );
    });
    await this.outbox.publish(ids);
    return this.detail(user, consultationId, language);
  }

  /** Brings a removed point back to where it stood (undo), within STATEMENT_POINT_UNDO_HOURS of its removal. */
  async restorePoint(user: AuthenticatedUser, consultationId: string, pointId: string, dto: VersionDto, language: Language) {
    await this.db.transaction(async (tx) => {
      const { consultation, assessment, statement } = await this.editableStatement(tx, user, consultationId);
      const point = await tx.getRepository(StatementPoint).findOneBy({ id: pointId });
      if (!point || point.statementId !== statement.id || point.deletedAt === null) {
        throw new NotFoundException('That point is not a removed point of this council’s statement.');
      }
      if (point.deletedAt.getTime() + STATEMENT_POINT_UNDO_HOURS * 3600_000 <= Date.now()) {
        throw new ConflictException(
          `A removed point can be brought back for ${STATEMENT_POINT_UNDO_HOURS} hours; this one was removed earlier.`,
        );
      }
      requirePointVersion(point, dto.version, await this.displayName(tx, point.deletedById));
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
      await this.renumber(tx, statement.id);
      await this.statementChanged(tx, consultation, statement);
      await this.record(tx, user, assessment.id, 'statement_point.restored', { consultationId, pointId: point.id });
    });
    return this.detail(user, consultationId, language);
  }

  /** Numbers the statement's points 1, 2, 3… in their order (removed points keep where they stood). */
  private async renumber(tx: EntityManager, statementId: string): Promise<void> {
    await tx.query(
      `UPDATE statement_points p SET position = n.position
         FROM (SELECT id, row_number() OVER (ORDER BY position, created_at)::int AS position
                 FROM statement_points WHERE statement_id = $1 AND deleted_at IS NULL) n
        WHERE p.id = n.id AND p.position <> n.position`,
      [statementId],
    );
  }

  /**
   * Records the council meeting that adopted the statement. Only the council's chair or secretary
   * does (they keep its minutes); who did is audited. Any member may then submit it.
   */
  async adopt(user: AuthenticatedUser, consultationId: string, dto: AdoptStatementDto, language: Language): Promise<ConsultationDetail> {
    await this.db.transaction(async (tx) => {
      const { consultation, assessment, statement, caller } = await this.editableStatement(tx, user, consultationId);
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
      await this.record(tx, user, assessment.id, 'statement.adopted', { consultationId, meetingDate: dto.meetingDate });
      await sign(tx, {
        kind: 'statement_adopted',
        assessmentId: assessment.id,
        subjectId: statement.id,
        signedById: user.id,
        signerRole: 'youth_council',
        signedAt: new Date(),
      });
    });
    return this.detail(user, consultationId, language);
  }

  async submit(user: AuthenticatedUser, consultationId: string, dto: VersionDto, language: Language): Promise<ConsultationDetail> {
    const ids = await this.db.transaction(async (tx) => {
      const { consultation, assessment, statement } = await this.editableStatement(tx, user, consultationId);
      requireStatementVersion(statement, dto.version);
      const count = await tx.getRepository(StatementPoint).countBy({ statementId: statement.id, deletedAt: IsNull() });
      if (count === 0) throw new ConflictException('The statement has no points yet.');
      if (!statement.adoptedAt)
        throw new ConflictException('Record the date of the meeting where the council adopted the statement first.');
      await bump(tx, Statement, statement.id, { submittedAt: new Date(), submittedById: user.id });
      await tx.query(`UPDATE consultations SET status = 'submitted', updated_at = now() WHERE id = $1`, [consultation.id]);
      await this.record(tx, user, assessment.id, 'statement.submitted', { consultationId, points: count });
      await sign(tx, {
        kind: 'statement_submitted',
        assessmentId: assessment.id,
        subjectId: statement.id,
        signedById: user.id,
        signerRole: 'youth_council',
        signedAt: new Date(),
      });
      const council = await this.councilNames(tx, consultation.youthCouncilId);
      const official: { id: string; language: Language }[] = await tx.query(`SELECT id, language FROM users WHERE id = $1 AND active`, [
        assessment.responsibleOfficialId,
      ]);
      const ids = await this.outbox.add(
        tx,
        official.map((o) => ({
          recipientUserId: o.id,
          kind: 'statement_submitted',
          assessmentId: assessment.id,
          params: { title: assessment.title, ...councilParams(council, o.language) },
        })),
      );
      return [...ids, ...(await this.deadlineJobs(tx, consultation.id, null))];
    });
    await this.outbox.publish(ids);
    return this.detail(user, consultationId, language);
  }

  /** The council takes its submitted statement back to change it; it can submit again until the consultation closes. */
  async withdrawStatement(
    user: AuthenticatedUser,
    consultationId: string,
    dto: VersionDto,
    language: Language,
  ): Promise<ConsultationDetail> {
    const ids = await this.db.transaction(async (tx) => {
      const { consultation, assessment, caller } = await this.load(tx, user, consultationId);
      this.requireMemberCaller(caller);
      const reason = this.lockReason(consultation, assessment, new Date());
      if (reason) throw new ConflictException(reason);
      const statement = await this.statementOf(tx, consultation.id);
      if (!statement?.submittedAt) throw new ConflictException('The statement has not been submitted, so there is nothing to withdraw.');
      requireStatementVersion(statement, dto.version);
      await bump(tx, Statement, statement.id, { submittedAt: null, submittedById: null });
      await tx.query(`UPDATE consultations SET status = 'drafting', updated_at = now() WHERE id = $1`, [consultation.id]);
      await this.record(tx, user, assessment.id, 'statement.withdrawn', { consultationId });
      return this.deadlineJobs(tx, consultation.id, consultation.deadline);
    });
    await this.outbox.publish(ids);
    return this.detail(user, consultationId, language);
  }

  // ---------------------------------------------------------------- helpers

  /** The one call site of the scheduler: schedule the reminders and the overdue notice for `deadline`, or cancel them (null). */
  /** After its round, a council reads the summary it was sent, not a later draft's (until the decision publishes it). */
  /**
   * The plain-language summary a council reads: in its language (see summaryField), and after its round
   * closed (before the decision) as it was when the council was sent the draft.
   */
  private async summarySent(consultation: Consultation, assessment: Assessment, staff: boolean, reader: Language): Promise<string> {
    const field = await this.summaryField(consultation.youthCouncilId, assessment, reader);
    const current = assessment[field];
    if (staff || consultation.closedAt === null || consultation.sentVersion === null || DECIDED_STAGES.includes(assessment.stage)) {
      return current;
    }
    return this.access.valueAt(this.db.manager, assessment.id, field, consultation.sentVersion, current);
  }

  private async deadlineJobs(tx: EntityManager, consultationId: string, deadline: Date | null): Promise<readonly string[]> {
    return deadline ? this.deadlines.schedule(tx, consultationId, deadline) : this.deadlines.cancel(tx, consultationId);
  }

  /**
   * Loads a request and who the caller is to it; 404 when the caller is neither staff of the
   * assessment's municipality nor a member of a council that was sent it. Locks the assessment's
   * row inside a transaction (every consultation change serialises on it).
   */
  private async load(tx: EntityManager, user: AuthenticatedUser, consultationId: string, lock = true): Promise<Loaded> {
    const first = await tx.getRepository(Consultation).findOneBy({ id: consultationId });
    if (!first) throw new NotFoundException('No such consultation.');
    const query = tx.getRepository(Assessment).createQueryBuilder('a').where('a.id = :id', { id: first.assessmentId });
    const assessment = await (lock ? query.setLock('pessimistic_write') : query).getOneOrFail();
    const consultation = lock ? await tx.getRepository(Consultation).findOneBy({ id: consultationId }) : first;
    if (!consultation) throw new NotFoundException('No such consultation.');
    const staff = await this.isStaff(user, assessment);
    const member = consultation.openedAt !== null && this.memberCouncils(user).includes(consultation.youthCouncilId);
    if (!staff && !member) throw new NotFoundException('No such consultation.');
    const official = staff && assessment.responsibleOfficialId === user.id && (await this.isOfficial(user, assessment));
    const officer = member && isCouncilOfficer(user.memberships, consultation.youthCouncilId);
    return { consultation, assessment, caller: { staff, member, officer, official } };
  }

  private async editableStatement(tx: EntityManager, user: AuthenticatedUser, consultationId: string) {
    const loaded = await this.load(tx, user, consultationId);
    this.requireMemberCaller(loaded.caller);
    const reason = this.lockReason(loaded.consultation, loaded.assessment, new Date());
    if (reason) throw new ConflictException(reason);
    const statement = await this.statementOf(tx, consultationId);
    if (!statement) throw new ConflictException('This request has not been sent to the council yet.');
    if (statement.submittedAt) throw new ConflictException('The statement has been submitted. Withdraw it first if you want to change it.');
    return { ...loaded, statement };
  }

  /** Why the council cannot change or submit its statement now, or null when it can. */
  private lockOf(consultation: Consultation, assessment: Assessment, now: Date): StatementLock | null {
    if (consultation.status === 'withdrawn') return 'withdrawn';
    if (consultation.openedAt === null) return 'not_sent';
    if (consultation.closedAt !== null || assessment.stage !== 'consultation') return 'closed';
    if (consultation.deadline.getTime() <= now.getTime()) return 'deadline_passed';
    return null;
  }

  /** The same, in words for the API's refusal. */
  private lockReason(consultation: Consultation, assessment: Assessment, now: Date): string | null {
    switch (this.lockOf(consultation, assessment, now)) {
      case 'withdrawn':
        return 'The official withdrew this request, so the statement can no longer be changed.';
      case 'not_sent':
        return 'This request has not been sent to the council yet.';
      case 'closed':
        return 'The consultation has closed, so the statement can no longer be changed or submitted.';
      case 'deadline_passed':
        return `The deadline (${finnishWallTime(consultation.deadline)} Finnish time) has passed, so the statement can no longer be changed or submitted. The official can extend the deadline.`;
      default:
        return null;
    }
  }

  private requireOpenRequest(consultation: Consultation, assessment: Assessment): void {
    if (consultation.status === 'withdrawn') throw new ConflictException('This request has been withdrawn.');
    if (consultation.closedAt !== null || assessment.stage !== 'consultation') throw new ConflictException('This consultation has closed.');
  }

  /** Any change to the points: the statement is a new version, and must be adopted again. */
  private async statementChanged(tx: EntityManager, consultation: Consultation, statement: Statement): Promise<void> {
    await bump(tx, Statement, statement.id, { adoptedAt: null, adoptedById: null });
    if (consultation.status === 'not_started') {
      await tx.query(`UPDATE consultations SET status = 'drafting', updated_at = now() WHERE id = $1`, [consultation.id]);
    }
  }

  private async statementOf(db: EntityManager, consultationId: string): Promise<Statement | null> {
    return db.getRepository(Statement).findOneBy({ consultationId });
  }

  private async pointOf(tx: EntityManager, statement: Statement, pointId: string): Promise<StatementPoint> {
    const point = await tx.getRepository(StatementPoint).findOneBy({ id: pointId });
    if (!point || point.statementId !== statement.id || point.deletedAt !== null) {
      throw new NotFoundException('That point is not part of this council’s statement.');
    }
    return point;
  }

  private async points(db: EntityManager, statementId: string, viewerId: string): Promise<StatementPointView[]> {
    const rows: {
      id: string;
      position: number;
      text: string;
      display_name: string | null;
      author_name: string | null;
      created_by_id: string | null;
      updated_at: Date;
      disposition: StatementPointView['disposition'];
      disposition_reason: string;
      linked_section: StatementPointView['linkedSection'];
      version: number;
    }[] = await db.query(
      `SELECT p.id, p.position, p.text, u.display_name, w.display_name AS author_name, p.created_by_id, p.updated_at,
              p.disposition, p.disposition_reason, p.linked_section, p.version
         FROM statement_points p LEFT JOIN users u ON u.id = p.updated_by_id LEFT JOIN users w ON w.id = p.created_by_id
        WHERE p.statement_id = $1 AND p.deleted_at IS NULL ORDER BY p.position, p.created_at`,
      [statementId],
    );
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      text: r.text,
      // Minors' personal data stays minimal: first name only.
      updatedBy: firstName(r.display_name),
      writtenBy: firstName(r.author_name),
      mine: r.created_by_id === viewerId,
      updatedAt: r.updated_at.toISOString(),
      disposition: r.disposition,
      dispositionReason: r.disposition_reason,
      linkedSection: r.linked_section,
      version: r.version,
    }));
  }

  /**
   * The plain-language summary in the council's language: a Swedish-speaking council reads the
   * Swedish one; a bilingual council the reader's (Swedish for a Swedish reader, else Finnish).
   * When that one is not written, the other.
   */
  private async summaryField(
    councilId: string,
    assessment: Assessment,
    reader: Language,
  ): Promise<'plainLanguageSummary' | 'plainLanguageSummarySv'> {
    const [row]: { languages: SummaryLanguage[] }[] = await this.db.query(
      `SELECT m.languages FROM organizations yc JOIN organizations m ON m.id = yc.parent_id WHERE yc.id = $1`,
      [councilId],
    );
    const languages = row?.languages ?? ['fi'];
    const swedish = languages.includes('sv') && (!languages.includes('fi') || reader === 'sv');
    const [first, second] = swedish
      ? (['plainLanguageSummarySv', 'plainLanguageSummary'] as const)
      : (['plainLanguageSummary', 'plainLanguageSummarySv'] as const);
    return assessment[first].trim() ? first : second;
  }

  /** Points removed within the undo window, newest removal first. */
  private async removedPoints(db: EntityManager, statementId: string, now: Date): Promise<RemovedStatementPointView[]> {
    const rows: { id: string; position: number; text: string; remover: string | null; deleted_at: Date; version: number }[] =
      await db.query(
        `SELECT p.id, p.position, p.text, u.display_name AS remover, p.deleted_at, p.version
         FROM statement_points p LEFT JOIN users u ON u.id = p.deleted_by_id
        WHERE p.statement_id = $1 AND p.deleted_at > $2 ORDER BY p.deleted_at DESC, p.id`,
        [statementId, new Date(now.getTime() - STATEMENT_POINT_UNDO_HOURS * 3600_000)],
      );
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      text: r.text,
      removedBy: firstName(r.remover),
      removedAt: r.deleted_at.toISOString(),
      undoUntil: new Date(r.deleted_at.getTime() + STATEMENT_POINT_UNDO_HOURS * 3600_000).toISOString(),
      version: r.version,
    }));
  }

  private async feedback(assessment: Assessment): Promise<ConsultationFeedback> {
    const base: ConsultationFeedback = {
      stage: assessment.stage,
      outcome: null,
      meetingDate: null,
      minutesSection: null,
      decisionText: null,
    };
    const [decision]: { outcome: string; meeting_date: string; minutes_section: string; decision_text: string }[] = await this.db.query(
      `SELECT outcome, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, minutes_section, decision_text
         FROM decisions WHERE assessment_id = $1 AND outcome IN ('approved', 'approved_as_modified', 'rejected')
        ORDER BY signed_at DESC LIMIT 1`,
      [assessment.id],
    );
    if (!decision) return base;
    return {
      ...base,
      outcome: decision.outcome,
      meetingDate: decision.meeting_date,
      minutesSection: decision.minutes_section,
      decisionText: decision.decision_text,
    };
  }

  /** After the decision every council that submitted a statement (in any round) is told what became of it. */
  private async sendFeedback(tx: EntityManager, assessment: Assessment): Promise<string[]> {
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
      ids.push(...(await this.notifyMembers(tx, assessment, request, 'statement_feedback', null)));
    }
    return ids;
  }

  /** Tells every member of the request's council; the link takes them to their council's page for it. */
  private async notifyMembers(
    tx: EntityManager,
    assessment: Assessment,
    request: { id: string; youthCouncilId: string },
    kind: 'consultation_opened' | 'consultation_deadline_extended' | 'consultation_returned' | 'statement_feedback',
    deadline: Date | null,
    reason?: string,
  ): Promise<string[]> {
    const council = await this.councilNames(tx, request.youthCouncilId);
    const members: { id: string; language: Language }[] = await tx.query(
      `SELECT u.id, u.language FROM memberships ms JOIN users u ON u.id = ms.user_id AND u.active
        WHERE ms.organization_id = $1 AND ms.role = 'youth_council_member'`,
      [request.youthCouncilId],
    );
    const drafts: NotificationDraft[] = members.map((m) => ({
      recipientUserId: m.id,
      kind,
      assessmentId: assessment.id,
      params: {
        title: assessment.title,
        ...councilParams(council, m.language),
        consultationId: request.id,
        ...(deadline ? { deadline: deadline.toISOString() } : {}),
        ...(reason !== undefined ? { reason } : {}),
      },
    }));
    return this.outbox.add(tx, drafts);
  }

  private async councilNames(tx: EntityManager, councilId: string): Promise<{ nameFi: string; nameSv: string; nameEn: string }> {
    const [row]: { name_fi: string; name_sv: string; name_en: string }[] = await tx.query(
      `SELECT name_fi, name_sv, name_en FROM organizations WHERE id = $1`,
      [councilId],
    );
    return { nameFi: row?.name_fi ?? '', nameSv: row?.name_sv ?? '', nameEn: row?.name_en ?? '' };
  }

  /** The round requests are planned in: the one still open, else the next one. */
  private async openRound(tx: EntityManager, assessmentId: string): Promise<number> {
    const [row]: { open: number | null; max: number | null }[] = await tx.query(
      `SELECT max(round) FILTER (WHERE closed_at IS NULL) AS open, max(round) AS max FROM consultations WHERE assessment_id = $1`,
      [assessmentId],
    );
    return row?.open ?? (row?.max ?? 0) + 1;
  }

  private async viewRows(db: EntityManager, language: Language, where: string, params: unknown[], tail: string): Promise<ViewRow[]> {
    const column = nameColumn(language);
    return db.query(
      `SELECT c.id, c.assessment_id, a.title, a.stage, c.youth_council_id, yc.${column} AS council_name, c.round, c.deadline, c.message,
              c.status, c.opened_at, c.closed_at, c.created_at, to_char(s.adopted_at, 'YYYY-MM-DD') AS adopted_at, s.submitted_at,
              (SELECT count(*) FROM statement_points p WHERE p.statement_id = s.id AND p.deleted_at IS NULL)::int AS point_count,
              (SELECT count(*) FROM statement_points p
                WHERE p.statement_id = s.id AND p.deleted_at IS NULL AND p.disposition IS NOT NULL AND s.submitted_at IS NOT NULL)::int
                AS answered_count,
              c.version
         FROM consultations c
         JOIN assessments a ON a.id = c.assessment_id
         JOIN organizations yc ON yc.id = c.youth_council_id
         LEFT JOIN statements s ON s.consultation_id = c.id
        WHERE ${where} ${tail}`,
      params,
    );
  }

  private memberCouncils(user: AuthenticatedUser): string[] {
    return user.memberships.filter((m) => m.role === 'youth_council_member').map((m) => m.organizationId);
  }

  private async isStaff(user: AuthenticatedUser, assessment: Assessment): Promise<boolean> {
    return (await this.organizations.municipalityIdsWhere(user.id, MUNICIPAL_STAFF_ROLES)).includes(assessment.municipalityId);
  }

  private async isOfficial(user: AuthenticatedUser, assessment: Assessment): Promise<boolean> {
    return (await this.access.actor(user, assessment)).roles.includes('official');
  }

  private async requireOfficial(user: AuthenticatedUser, assessment: Assessment): Promise<void> {
    if (assessment.responsibleOfficialId !== user.id || !(await this.isOfficial(user, assessment))) {
      throw new ForbiddenException('Only the official responsible for this assessment can do this.');
    }
  }

  private requireOfficialCaller(caller: Caller): void {
    if (!caller.official) throw new ForbiddenException('Only the official responsible for this assessment can do this.');
  }

  private requireMemberCaller(caller: Caller): void {
    if (!caller.member) throw new ForbiddenException('Only members of the youth council work on its statement.');
  }

  /** First names of the council's chair and secretary (null where nobody active holds the office). */
  private async councilOfficers(db: EntityManager, councilId: string): Promise<NonNullable<ConsultationDetail['councilOfficers']>> {
    const rows: { council_office: CouncilOffice; display_name: string }[] = await db.query(
      `SELECT ms.council_office, u.display_name FROM memberships ms JOIN users u ON u.id = ms.user_id
        WHERE ms.organization_id = $1 AND ms.role = 'youth_council_member' AND ms.council_office IS NOT NULL AND u.active`,
      [councilId],
    );
    const firstName = (office: CouncilOffice) => rows.find((r) => r.council_office === office)?.display_name.split(' ')[0] ?? null;
    return { chair: firstName('chair'), secretary: firstName('secretary') };
  }

  private async displayName(tx: EntityManager, userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const [row]: { display_name: string }[] = await tx.query(`SELECT display_name FROM users WHERE id = $1`, [userId]);
    return row?.display_name.split(' ')[0] ?? null;
  }

  private record(tx: EntityManager, user: AuthenticatedUser, assessmentId: string, action: string, details: Record<string, unknown>) {
    return this.audit.record(tx, {
      actorUserId: user.id,
      entityType: 'assessment',
      entityId: assessmentId,
      action,
      details: details as Record<string, string | number | boolean | null>,
    });
  }
}

/** Minors' personal data stays minimal: first name only. */
function firstName(displayName: string | null): string | null {
  return displayName ? (displayName.split(' ')[0] ?? null) : null;
}

/** The start of a point's text, for the notice to its author. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function toView(r: ViewRow, now: Date): ConsultationView {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    assessmentTitle: r.title,
    assessmentStage: r.stage,
    youthCouncil: { id: r.youth_council_id, name: r.council_name },
    round: r.round,
    deadline: r.deadline.toISOString(),
    message: r.message,
    status: r.status,
    boardStatus: boardStatus(r, now),
    openedAt: r.opened_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    adoptedAt: r.adopted_at,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    pointCount: r.point_count,
    answeredCount: r.answered_count,
    version: r.version,
  };
}

export function boardStatus(r: Pick<ViewRow, 'opened_at' | 'status' | 'deadline'>, now: Date): BoardStatus {
  if (r.opened_at === null) return 'planned';
  if (r.status === 'withdrawn' || r.status === 'submitted') return r.status;
  return r.deadline.getTime() <= now.getTime() ? 'late' : r.status;
}

function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message: `Please check the request. ${field}: ${message}.`, details: [{ field, messages: [message] }] });
}

function futureDeadline(value: string): Date {
  const deadline = new Date(value);
  if (Number.isNaN(deadline.getTime())) throw fieldError('deadline', 'is not a date and time');
  if (deadline.getTime() <= Date.now()) throw fieldError('deadline', 'must be in the future');
  return deadline;
}

function requireRequestVersion(current: number, expected: number): void {
  if (current === expected) return;
  throw staleVersion(`Someone changed this request (now version ${current}) after you loaded version ${expected}. Reload and try again.`, {
    currentVersion: current,
    changes: [],
  });
}

function requireStatementVersion(statement: Statement, expected: number): void {
  if (statement.version === expected) return;
  throw staleVersion(
    `The statement changed after you loaded it (someone added, changed or removed a point, or recorded the adoption). Check it and try again.`,
    { currentVersion: statement.version, changes: [] },
  );
}

function requirePointVersion(point: StatementPoint, expected: number, by: string | null): void {
  if (point.version === expected) return;
  throw staleVersion(
    `${by ?? 'Someone'} changed this point while you were editing it. Your text was not saved: compare the two and save again.`,
    {
      currentVersion: point.version,
      changes: [
        { version: point.version, changedAt: point.updatedAt.toISOString(), changedBy: by, kind: 'statement_point', fields: ['text'] },
      ],
    },
  );
}

/** Saves the given columns as a new version (always: the version is what the other editors compare against). */
async function bump<T extends Consultation | Statement | StatementPoint>(
  tx: EntityManager,
  entity: new () => T,
  id: string,
  set: Partial<Omit<T, 'id' | 'version' | 'createdAt' | 'updatedAt'>>,
): Promise<void> {
  await tx
    .createQueryBuilder()
    .update(entity)
    .set({ ...set, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id', { id })
    .execute();
}

/**
 * The council's name in the recipient's language (`council`, for the e-mail), and in each language
 * (`council_fi`, `council_sv`, `council_en`) so Lava shows it in the language on screen.
 */
function councilParams(council: { nameFi: string; nameSv: string; nameEn: string }, language: Language): Record<string, string> {
  return {
    council: organizationName(council, language),
    council_fi: council.nameFi,
    council_sv: council.nameSv,
    council_en: council.nameEn,
  };
}

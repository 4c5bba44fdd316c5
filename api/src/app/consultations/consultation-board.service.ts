import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BodyType, ConsultationDetail, ConsultationView, Language, Page, YouthCouncilOption } from '@lava/contracts';
import { ASSESSING_KINDS, CONSULTED_KINDS } from '@lava/workflow';
import { DataSource } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import type { Assessment } from '../assessments/assessment.entity';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { decodeCursor, toPage } from '../common/keyset-cursor';
import type { PageQueryDto } from '../common/page-query.dto';
import { nameColumn } from '../organizations/organizations.service';
import type { Consultation } from './consultation.entities';
import { ANSWERING_STAGES, DECIDED_STAGES, toView } from './consultation-rules';
import { ConsultationAccess } from './consultation-access.service';
import { ConsultationRepository } from './consultation.repository';

/**
 * Reading consultations: the councils an official may ask, an assessment's requests (staff see
 * every round; a member their council's sent ones), a member's own requests, and one request with
 * its summary, statement, what the caller may do (`can`) and the decision's feedback.
 */
@Injectable()
export class ConsultationBoard {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly callers: ConsultationAccess,
    private readonly store: ConsultationRepository,
  ) {}

  /**
   * The bodies the official may ask: the assessing organization's own youth council and the other
   * bodies in its register (pupil councils, NGOs, …) first, then the youth councils of the other
   * municipalities and counties of its region (a county's assessment is heard by the region's
   * municipal youth councils).
   */
  async councilOptions(user: AuthenticatedUser, assessmentId: string, language: Language): Promise<YouthCouncilOption[]> {
    const assessment = await this.access.readable(null, user, assessmentId);
    if (!(await this.callers.isStaff(user, assessment)))
      throw new ForbiddenException('Only municipal staff choose the youth councils to ask.');
    const column = nameColumn(language);
    const rows: {
      id: string;
      name: string;
      municipality_name: string;
      own: boolean;
      kind: 'youth_council' | 'heard_body';
      body_type: BodyType | null;
      contacts: number;
    }[] = await this.db.query(
      `SELECT yc.id, yc.${column} AS name, m.${column} AS municipality_name, m.id = $1 AS own, yc.kind, yc.body_type,
              (SELECT count(*)::int FROM body_contacts bc WHERE bc.organization_id = yc.id) AS contacts
         FROM organizations yc
         JOIN organizations m ON m.id = yc.parent_id AND m.kind = ANY($2)
         JOIN organizations home ON home.id = $1
        WHERE (yc.kind = ANY($3) AND m.id = home.id) OR (yc.kind = 'youth_council' AND m.parent_id = home.parent_id)
        ORDER BY (m.id = $1) DESC, m.${column}, (yc.kind = 'youth_council') DESC, yc.${column}`,
      [assessment.municipalityId, ASSESSING_KINDS, CONSULTED_KINDS],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      municipalityName: r.municipality_name,
      own: r.own,
      kind: r.kind,
      bodyType: r.body_type,
      emailContacts: r.contacts,
    }));
  }

  /**
   * Staff see every request of every round (newest round first); the region's coordinator every sent
   * request; a council member their own council's sent requests.
   */
  async listForAssessment(user: AuthenticatedUser, assessmentId: string, language: Language): Promise<ConsultationView[]> {
    const assessment = await this.access.readable(null, user, assessmentId);
    const staff = await this.callers.isStaff(user, assessment);
    const coordinator = !staff && (await this.callers.isCoordinator(user, assessment));
    const councils = this.callers.memberCouncils(user);
    const [where, params] = staff
      ? [`c.assessment_id = $1`, [assessmentId]]
      : coordinator
        ? [`c.assessment_id = $1 AND c.opened_at IS NOT NULL`, [assessmentId]]
        : [`c.assessment_id = $1 AND c.opened_at IS NOT NULL AND c.youth_council_id = ANY($2)`, [assessmentId, councils]];
    const rows = await this.store.viewRows(this.db.manager, language, where, params, `ORDER BY c.round DESC, c.created_at, c.id`);
    return rows.map((r) => toView(r, new Date()));
  }

  /** Sent requests to the councils the caller is a member of, newest first. */
  async mine(user: AuthenticatedUser, query: PageQueryDto, language: Language): Promise<Page<ConsultationView>> {
    const councils = this.callers.memberCouncils(user);
    if (councils.length === 0) return { items: [], nextCursor: null };
    const params: unknown[] = [councils, query.limit + 1];
    let where = `c.youth_council_id = ANY($1) AND c.opened_at IS NOT NULL`;
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      params.push(position.createdAt, position.id);
      where += ` AND (c.created_at, c.id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows = await this.store.viewRows(this.db.manager, language, where, params, 'ORDER BY c.created_at DESC, c.id DESC LIMIT $2');
    const now = new Date();
    return toPage(
      rows,
      query.limit,
      (r) => ({ createdAt: r.created_at, id: r.id }),
      (r) => toView(r, now),
    );
  }

  async view(user: AuthenticatedUser, consultationId: string, language: Language): Promise<ConsultationView> {
    await this.callers.loadForReading(this.db.manager, user, consultationId);
    const [row] = await this.store.viewRows(this.db.manager, language, `c.id = $1`, [consultationId], '');
    if (!row) throw new NotFoundException('No such consultation.');
    return toView(row, new Date());
  }

  /** The request with the plain-language summary, the statement (the council's own; the official's once submitted) and the feedback. */
  async detail(user: AuthenticatedUser, consultationId: string, language: Language): Promise<ConsultationDetail> {
    const { consultation, assessment, caller } = await this.callers.loadForReading(this.db.manager, user, consultationId);
    const [row] = await this.store.viewRows(this.db.manager, language, `c.id = $1`, [consultationId], '');
    if (!row) throw new NotFoundException('No such consultation.');
    const now = new Date();
    const statement = await this.store.statementOf(this.db.manager, consultationId);
    const visible = statement !== null && (caller.member || statement.submittedAt !== null);
    const points = visible ? await this.store.points(this.db.manager, statement.id, user.id) : [];
    const locked = this.callers.lockOf(consultation, assessment, now);
    const submitted = statement?.submittedAt != null;
    const editable = caller.member && locked === null && !submitted;
    return {
      ...toView(row, now),
      plainLanguageSummary: await this.summarySent(
        consultation,
        assessment,
        caller.staff || caller.coordinator,
        caller.member ? user.language : language,
      ),
      statement:
        visible && statement
          ? {
              id: statement.id,
              adoptedAt: statement.adoptedAt,
              submittedAt: statement.submittedAt?.toISOString() ?? null,
              points,
              removedPoints:
                caller.member && !statement.submittedAt ? await this.store.removedPoints(this.db.manager, statement.id, now) : [],
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
      councilOfficers: caller.member ? await this.store.councilOfficers(this.db.manager, consultation.youthCouncilId) : null,
      locked: caller.member ? locked : null,
      feedback: DECIDED_STAGES.includes(assessment.stage) ? await this.store.feedback(assessment) : null,
    };
  }

  /**
   * The plain-language summary a council reads: in its language (see summaryField), and after its round
   * closed (before the decision) as it was when the council was sent the draft.
   */
  private async summarySent(consultation: Consultation, assessment: Assessment, staff: boolean, reader: Language): Promise<string> {
    const field = await this.store.summaryField(consultation.youthCouncilId, assessment, reader);
    const current = assessment[field];
    if (staff || consultation.closedAt === null || consultation.sentVersion === null || DECIDED_STAGES.includes(assessment.stage)) {
      return current;
    }
    return this.access.valueAt(this.db.manager, assessment.id, field, consultation.sentVersion, current);
  }
}

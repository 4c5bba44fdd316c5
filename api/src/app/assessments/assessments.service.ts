import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssessmentSummary, Language, NextDeadline, Page } from '@lava/contracts';
import { COORDINATOR_READABLE_STAGES, INITIAL_STAGE, type Stage } from '@lava/workflow';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, toPage } from '../common/keyset-cursor';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { Organization, organizationName } from '../organizations/organization.entity';
import { nameColumn, OrganizationsService } from '../organizations/organizations.service';
import { AssessmentAccess } from './assessment-access.service';
import { AssessmentVersion } from './assessment-version.entity';
import { Assessment } from './assessment.entity';
import type { CreateAssessmentDto } from './dto/create-assessment.dto';
import { type ListAssessmentsQueryDto, titleSearchQuery } from './dto/list-assessments.query';

interface SummaryRow {
  id: string;
  title: string;
  stage: Stage;
  municipality_id: string;
  municipality_name: string;
  committee_id: string;
  committee_name: string;
  planned_meeting_date: string | null;
  case_number: string | null;
  responsible_official_id: string;
  responsible_official_name: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  follow_up_date: string | null;
  consultation_deadline: Date | null;
  /** Today in Finland, from the database clock (calendar dates are Finnish dates). */
  today: string;
}

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly access: AssessmentAccess,
  ) {}

  /**
   * Starts an assessment in screening. The assessment, its audit row and the
   * notifications to the municipality's officials and reviewers commit together.
   */
  async create(user: AuthenticatedUser, dto: CreateAssessmentDto, language: Language): Promise<AssessmentSummary> {
    const committee = await this.db.getRepository(Organization).findOne({ where: { id: dto.committeeId, kind: 'committee' } });
    if (!committee?.parentId) {
      throw new BadRequestException({
        message: 'There is no such committee.',
        details: [{ field: 'committeeId', messages: ['is not a known committee'] }],
      });
    }
    const officialIn = await this.organizations.municipalityIdsWhere(user.id, ['official']);
    if (!officialIn.includes(committee.parentId)) {
      throw new ForbiddenException('You can start assessments only for committees of a municipality where you are an official.');
    }
    const municipalityId = committee.parentId;

    const assessmentId = await this.outbox.run(async (tx, out) => {
      const assessment = await tx.getRepository(Assessment).save(
        tx.getRepository(Assessment).create({
          title: dto.title,
          stage: INITIAL_STAGE,
          municipalityId,
          committeeId: committee.id,
          plannedMeetingDate: dto.plannedMeetingDate ?? null,
          caseNumber: dto.caseNumber || null,
          responsibleOfficialId: user.id,
          createdById: user.id,
        }),
      );
      await tx
        .getRepository(AssessmentVersion)
        .insert({ assessmentId: assessment.id, version: assessment.version, changedById: user.id, kind: 'created' });
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessment.id,
        action: 'assessment.created',
        toStage: assessment.stage,
        details: { title: assessment.title, committeeId: committee.id },
      });
      const recipients: { id: string; language: Language; name_fi: string; name_sv: string; name_en: string }[] = await tx.query(
        `SELECT DISTINCT u.id, u.language, m.name_fi, m.name_sv, m.name_en
           FROM memberships ms
           JOIN users u ON u.id = ms.user_id AND u.active
           JOIN organizations m ON m.id = ms.organization_id
          WHERE ms.organization_id = $1 AND ms.role IN ('official', 'reviewer')`,
        [municipalityId],
      );
      await out.notify(
        recipients.map((recipient) => ({
          recipientUserId: recipient.id,
          kind: 'assessment_created' as const,
          assessmentId: assessment.id,
          // The name in the recipient's language for the e-mail, and in each language for the screen.
          params: {
            title: assessment.title,
            municipality: organizationName(
              { nameFi: recipient.name_fi, nameSv: recipient.name_sv, nameEn: recipient.name_en },
              recipient.language,
            ),
            municipality_fi: recipient.name_fi,
            municipality_sv: recipient.name_sv,
            municipality_en: recipient.name_en,
          },
        })),
      );
      return assessment.id;
    });

    return this.get(user, assessmentId, language);
  }

  /** Assessments of the municipalities where the caller is staff, newest first (keyset pagination), filtered. */
  async list(user: AuthenticatedUser, query: ListAssessmentsQueryDto, language: Language): Promise<Page<AssessmentSummary>> {
    const staffIn = await this.organizations.staffMunicipalityIds(user);
    // A regional coordinator also lists the region's other organizations, only what has left draft (canCoordinatorRead).
    const coordinated = user.memberships.some((m) => m.role === 'regional_coordinator')
      ? (await this.organizations.coordinatedMunicipalityIds(user.id)).filter((id) => !staffIn.includes(id))
      : [];
    const visible = [...staffIn, ...coordinated];
    const municipalityIds = query.municipalityId ? visible.filter((id) => id === query.municipalityId) : visible;
    if (municipalityIds.length === 0) return { items: [], nextCursor: null };
    const params: unknown[] = [municipalityIds, query.limit + 1];
    const conditions: string[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (coordinated.length > 0) {
      params.push(staffIn, COORDINATOR_READABLE_STAGES);
      conditions.push(`(x.municipality_id = ANY($${params.length - 1}::uuid[]) OR x.stage = ANY($${params.length}::text[]))`);
    }
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      params.push(position.createdAt, position.id);
      conditions.push(`(x.created_at, x.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    if (query.stage) add((p) => `x.stage = ${p}`, query.stage);
    if (query.committeeId) add((p) => `x.committee_id = ${p}::uuid`, query.committeeId);
    if (query.responsibleOfficialId) add((p) => `x.responsible_official_id = ${p}::uuid`, query.responsibleOfficialId);
    if (query.meetingFrom) add((p) => `x.planned_meeting_date >= ${p}::date`, query.meetingFrom);
    if (query.meetingTo) add((p) => `x.planned_meeting_date <= ${p}::date`, query.meetingTo);
    if (query.deadlineFrom || query.deadlineTo) {
      // Council deadlines are instants; the range is in Finnish calendar days, ends included.
      const from = query.deadlineFrom ?? '-infinity';
      const to = query.deadlineTo ?? 'infinity';
      params.push(from, to);
      conditions.push(
        `x.id IN (SELECT c.assessment_id FROM consultations c
                   WHERE c.deadline >= ($${params.length - 1}::date::timestamp AT TIME ZONE 'Europe/Helsinki')
                     AND c.deadline < (($${params.length}::date + 1)::timestamp AT TIME ZONE 'Europe/Helsinki'))`,
      );
    }
    const search = query.q ? titleSearchQuery(query.q) : null;
    if (search) add((p) => `to_tsvector('simple', x.title) @@ to_tsquery('simple', ${p})`, search);
    const where = conditions.map((c) => `AND ${c}`).join(' ');
    // Unfiltered or by stage: one ordered index scan per municipality, each stopping after a page, then
    // merged (with `municipality_id = ANY(...)` alone PostgreSQL would read and sort every visible row).
    // A selective filter (words, committee, official, dates) is better served by its own index and a
    // sort of the few matches, so those queries leave the plan to PostgreSQL.
    const selective = !!(
      search ||
      query.committeeId ||
      query.responsibleOfficialId ||
      query.meetingFrom ||
      query.meetingTo ||
      query.deadlineFrom ||
      query.deadlineTo
    );
    const page = selective
      ? `SELECT x.id FROM assessments x WHERE x.municipality_id = ANY($1) ${where} ORDER BY x.created_at DESC, x.id DESC LIMIT $2`
      : `SELECT p.id
           FROM unnest($1::uuid[]) AS visible(municipality_id)
           CROSS JOIN LATERAL (
             SELECT x.id, x.created_at FROM assessments x
              WHERE x.municipality_id = visible.municipality_id ${where}
              ORDER BY x.created_at DESC, x.id DESC
              LIMIT $2) p
          ORDER BY p.created_at DESC, p.id DESC
          LIMIT $2`;
    const rows: SummaryRow[] = await this.db.query(
      `WITH page AS (${page})
       ${this.summarySelect(language)} WHERE a.id IN (SELECT id FROM page) ORDER BY a.created_at DESC, a.id DESC`,
      params,
    );
    return toPage(rows, query.limit, (row) => ({ createdAt: row.created_at, id: row.id }), toSummary);
  }

  /** One assessment; 404 also when it exists but the caller may not read it, so existence does not leak. */
  async get(user: AuthenticatedUser, id: string, language: Language): Promise<AssessmentSummary> {
    await this.access.readable(null, user, id);
    return this.summaryOf(id, language);
  }

  /** The list row of one assessment, for a caller that has checked read access already. */
  async summaryOf(id: string, language: Language): Promise<AssessmentSummary> {
    const [row]: SummaryRow[] = await this.db.query(`${this.summarySelect(language)} WHERE a.id = $1`, [id]);
    if (!row) throw new NotFoundException('No such assessment.');
    return toSummary(row);
  }

  private summarySelect(language: Language): string {
    const name = nameColumn(language);
    return `SELECT a.id, a.title, a.stage, a.municipality_id, m.${name} AS municipality_name,
                   a.committee_id, c.${name} AS committee_name, to_char(a.planned_meeting_date, 'YYYY-MM-DD') AS planned_meeting_date,
                   a.case_number, a.responsible_official_id, u.display_name AS responsible_official_name,
                   a.created_at, a.updated_at, a.version,
                   to_char(a.follow_up_date, 'YYYY-MM-DD') AS follow_up_date,
                   CASE WHEN a.stage = 'consultation' THEN (
                     SELECT min(c.deadline) FROM consultations c
                      WHERE c.assessment_id = a.id AND c.opened_at IS NOT NULL AND c.status IN ('not_started', 'drafting')
                        AND c.round = (SELECT max(r.round) FROM consultations r WHERE r.assessment_id = a.id)) END
                     AS consultation_deadline,
                   to_char(now() AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD') AS today
              FROM assessments a
              JOIN organizations m ON m.id = a.municipality_id
              JOIN organizations c ON c.id = a.committee_id
              JOIN users u ON u.id = a.responsible_official_id`;
  }
}

function toSummary(row: SummaryRow): AssessmentSummary {
  return {
    id: row.id,
    title: row.title,
    stage: row.stage,
    municipalityId: row.municipality_id,
    municipalityName: row.municipality_name,
    committeeId: row.committee_id,
    committeeName: row.committee_name,
    plannedMeetingDate: row.planned_meeting_date,
    caseNumber: row.case_number,
    responsibleOfficial: { id: row.responsible_official_id, displayName: row.responsible_official_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    nextDeadline: nextDeadline(row),
  };
}

/** See `NextDeadline`: which date an assessment heads for depends on its stage. */
function nextDeadline(row: SummaryRow): NextDeadline | null {
  switch (row.stage) {
    case 'consultation':
      return row.consultation_deadline
        ? { kind: 'consultation', at: row.consultation_deadline.toISOString(), overdue: row.consultation_deadline.getTime() < Date.now() }
        : null;
    case 'screening':
    case 'draft':
    case 'review':
    case 'decision':
      return row.planned_meeting_date
        ? { kind: 'meeting', at: row.planned_meeting_date, overdue: row.planned_meeting_date < row.today }
        : null;
    case 'decided':
    case 'follow_up':
      return row.follow_up_date ? { kind: 'follow_up', at: row.follow_up_date, overdue: row.follow_up_date < row.today } : null;
    case 'closed':
      return null;
  }
}

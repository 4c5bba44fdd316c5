import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  STATEMENT_POINT_UNDO_HOURS,
  type CouncilOffice,
  type ConsultationDetail,
  type ConsultationFeedback,
  type Language,
  type RemovedStatementPointView,
  type SummaryLanguage,
  type StatementPointView,
} from '@lava/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Assessment } from '../assessments/assessment.entity';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { nameColumn } from '../organizations/organizations.service';
import { Consultation, Statement, StatementPoint } from './consultation.entities';
import { bump, type ViewRow } from './consultation-rules';

/**
 * Where the consultations' SQL stays: reading requests (the board's rows), statements and their
 * points, the names and officers of a council, the decision's feedback, and the audit entry
 * every change writes. The services above it hold the rules.
 */
@Injectable()
export class ConsultationRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async statementOf(db: EntityManager, consultationId: string): Promise<Statement | null> {
    return db.getRepository(Statement).findOneBy({ consultationId });
  }

  async pointOf(tx: EntityManager, statement: Statement, pointId: string): Promise<StatementPoint> {
    const point = await tx.getRepository(StatementPoint).findOneBy({ id: pointId });
    if (!point || point.statementId !== statement.id || point.deletedAt !== null) {
      throw new NotFoundException('That point is not part of this council’s statement.');
    }
    return point;
  }

  async points(db: EntityManager, statementId: string, viewerId: string): Promise<StatementPointView[]> {
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
      `SELECT p.id, p.position, p.text, shown_name(u.id, u.display_name) AS display_name, shown_name(w.id, w.display_name) AS author_name,
              p.created_by_id, p.updated_at,
              p.disposition, p.disposition_reason, p.linked_section, p.version
         FROM statement_points p LEFT JOIN users u ON u.id = p.updated_by_id LEFT JOIN users w ON w.id = p.created_by_id
        WHERE p.statement_id = $1 AND p.deleted_at IS NULL ORDER BY p.position, p.created_at`,
      [statementId],
    );
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      text: r.text,
      // Names as others see them (shown_name: a youth council member by first name only).
      updatedBy: r.display_name,
      writtenBy: r.author_name,
      mine: r.created_by_id === viewerId,
      updatedAt: r.updated_at.toISOString(),
      disposition: r.disposition,
      dispositionReason: r.disposition_reason,
      linkedSection: r.linked_section,
      version: r.version,
    }));
  }

  /** Points removed within the undo window, newest removal first. */
  async removedPoints(db: EntityManager, statementId: string, now: Date): Promise<RemovedStatementPointView[]> {
    const rows: { id: string; position: number; text: string; remover: string | null; deleted_at: Date; version: number }[] =
      await db.query(
        `SELECT p.id, p.position, p.text, shown_name(u.id, u.display_name) AS remover, p.deleted_at, p.version
         FROM statement_points p LEFT JOIN users u ON u.id = p.deleted_by_id
        WHERE p.statement_id = $1 AND p.deleted_at > $2 ORDER BY p.deleted_at DESC, p.id`,
        [statementId, new Date(now.getTime() - STATEMENT_POINT_UNDO_HOURS * 3600_000)],
      );
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      text: r.text,
      removedBy: r.remover,
      removedAt: r.deleted_at.toISOString(),
      undoUntil: new Date(r.deleted_at.getTime() + STATEMENT_POINT_UNDO_HOURS * 3600_000).toISOString(),
      version: r.version,
    }));
  }

  /**
   * The plain-language summary in the council's language: a Swedish-speaking council reads the
   * Swedish one; a bilingual council the reader's (Swedish for a Swedish reader, else Finnish).
   * When that one is not written, the other.
   */
  async summaryField(
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

  async feedback(assessment: Assessment): Promise<ConsultationFeedback> {
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

  async councilNames(tx: EntityManager, councilId: string): Promise<{ nameFi: string; nameSv: string; nameEn: string }> {
    const [row]: { name_fi: string; name_sv: string; name_en: string }[] = await tx.query(
      `SELECT name_fi, name_sv, name_en FROM organizations WHERE id = $1`,
      [councilId],
    );
    return { nameFi: row?.name_fi ?? '', nameSv: row?.name_sv ?? '', nameEn: row?.name_en ?? '' };
  }

  /** The round requests are planned in: the one still open, else the next one. */
  async openRound(tx: EntityManager, assessmentId: string): Promise<number> {
    const [row]: { open: number | null; max: number | null }[] = await tx.query(
      `SELECT max(round) FILTER (WHERE closed_at IS NULL) AS open, max(round) AS max FROM consultations WHERE assessment_id = $1`,
      [assessmentId],
    );
    return row?.open ?? (row?.max ?? 0) + 1;
  }

  async viewRows(db: EntityManager, language: Language, where: string, params: unknown[], tail: string): Promise<ViewRow[]> {
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

  /** The council's chair and secretary as others see them, by first name (null where nobody active holds the office). */
  async councilOfficers(db: EntityManager, councilId: string): Promise<NonNullable<ConsultationDetail['councilOfficers']>> {
    const rows: { council_office: CouncilOffice; display_name: string }[] = await db.query(
      `SELECT ms.council_office, shown_name(u.id, u.display_name) AS display_name FROM memberships ms JOIN users u ON u.id = ms.user_id
        WHERE ms.organization_id = $1 AND ms.role = 'youth_council_member' AND ms.council_office IS NOT NULL AND u.active`,
      [councilId],
    );
    const holder = (office: CouncilOffice) => rows.find((r) => r.council_office === office)?.display_name ?? null;
    return { chair: holder('chair'), secretary: holder('secretary') };
  }

  /** A person's name as others see it (shown_name), for conflict messages and notices. */
  async displayName(tx: EntityManager, userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const [row]: { name: string }[] = await tx.query(`SELECT shown_name(id, display_name) AS name FROM users WHERE id = $1`, [userId]);
    return row?.name ?? null;
  }

  /** Numbers the statement's points 1, 2, 3… in their order (removed points keep where they stood). */
  async renumber(tx: EntityManager, statementId: string): Promise<void> {
    await tx.query(
      `UPDATE statement_points p SET position = n.position
         FROM (SELECT id, row_number() OVER (ORDER BY position, created_at)::int AS position
                 FROM statement_points WHERE statement_id = $1 AND deleted_at IS NULL) n
        WHERE p.id = n.id AND p.position <> n.position`,
      [statementId],
    );
  }

  /** Any change to the points: the statement is a new version, and must be adopted again. */
  async statementChanged(
    tx: EntityManager,
    consultation: Pick<Consultation, 'id' | 'status'>,
    statement: Pick<Statement, 'id'>,
  ): Promise<void> {
    await bump(tx, Statement, statement.id, { adoptedAt: null, adoptedById: null });
    if (consultation.status === 'not_started') {
      await tx.query(`UPDATE consultations SET status = 'drafting', updated_at = now() WHERE id = $1`, [consultation.id]);
    }
  }

  record(tx: EntityManager, user: AuthenticatedUser, assessmentId: string, action: string, details: Record<string, unknown>) {
    return this.audit.record(tx, {
      actorUserId: user.id,
      entityType: 'assessment',
      entityId: assessmentId,
      action,
      details: details as Record<string, string | number | boolean | null>,
    });
  }
}

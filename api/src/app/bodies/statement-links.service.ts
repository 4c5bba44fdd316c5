import { BadRequestException, ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { STATEMENT_LINK_LIMITS, type Language, type StatementLinkView } from '@lava/contracts';
import { finnishDate, type ConsultationStatus } from '@lava/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { hashLinkToken } from '../auth/refresh-cookie';
import { AuditService } from '../audit/audit.service';
import { ConsultationNotices } from '../consultations/consultation-notices.service';
import { ConsultationRepository } from '../consultations/consultation.repository';
import { councilParams } from '../consultations/consultation-rules';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { organizationName } from '../organizations/organization.entity';
import { sign } from '../publication/signature-chain';
import { staleVersion } from '../common/stale-version';

interface LinkRow {
  link_id: string;
  used_at: Date | null;
  expires_at: Date | null;
  contact_id: string;
  contact_name: string;
  contact_language: Language;
  consultation_id: string;
  youth_council_id: string;
  status: ConsultationStatus;
  deadline: Date;
  closed_at: Date | null;
  message: string;
  assessment_id: string;
  stage: string;
  title: string;
  responsible_official_id: string;
  plain_language_summary: string;
  plain_language_summary_sv: string;
  body_fi: string;
  body_sv: string;
  body_en: string;
  org_fi: string;
  org_sv: string;
  org_en: string;
  statement_id: string;
  statement_version: number;
  submitted_at: Date | null;
}

/**
 * A body's e-mail-only contact answers a statement request through a one-time link, without an
 * account (issue 13). The token came in the e-mail only; the row keeps its hash (see
 * worker/statement-links.ts). The draft is kept server-side with the request's statement (saved as
 * the contact types), so closing the tab or a new reminder link loses nothing. Submitting uses the
 * link up: the statement is the body's like a council's (the same points the official answers one by
 * one), the official is told, the reminders stop.
 *
 * Refusals: an unknown token 404; a used, expired (the deadline passed), withdrawn or closed request 410.
 */
@Injectable()
export class StatementLinks {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: ConsultationRepository,
    private readonly notices: ConsultationNotices,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditService,
  ) {}

  async open(token: string): Promise<StatementLinkView> {
    const row = await this.find(this.db.manager, token, false);
    this.requireUsable(row, true);
    return this.view(this.db.manager, row);
  }

  /**
   * Keeps the draft points (replacing the earlier draft). `version` is the draft's version the page
   * last saw: a save from an older tab of the same link is refused (409 with the newer points) rather
   * than overwriting what the other tab saved.
   */
  async saveDraft(token: string, points: string[], version?: number): Promise<StatementLinkView> {
    const row = await this.db.transaction(async (tx) => {
      const row = await this.find(tx, token, true);
      this.requireUsable(row, false);
      await this.requireCurrent(tx, row, version);
      await this.replacePoints(tx, row.statement_id, clean(points));
      // As a member's edit: a new statement version, the adoption cleared, the request now being drafted.
      await this.store.statementChanged(tx, { id: row.consultation_id, status: row.status }, { id: row.statement_id });
      return row;
    });
    return this.view(this.db.manager, row);
  }

  /** Submits the statement with these points; the link is used up. */
  async submit(token: string, points: string[], version?: number): Promise<StatementLinkView> {
    const texts = clean(points);
    if (texts.length === 0) throw new ConflictException('Write at least one point before you send the statement.');
    const row = await this.outbox.run(async (tx, out) => {
      const row = await this.find(tx, token, true);
      this.requireUsable(row, false);
      await this.requireCurrent(tx, row, version);
      await this.replacePoints(tx, row.statement_id, texts);
      const now = new Date();
      // The contact speaks for the body: sending it is its adoption.
      await tx.query(
        `UPDATE statements SET adopted_at = $2, submitted_at = $3, submitted_by_contact_id = $4, updated_at = now(), version = version + 1
          WHERE id = $1`,
        [row.statement_id, finnishDate(now), now, row.contact_id],
      );
      await tx.query(`UPDATE consultations SET status = 'submitted', updated_at = now(), version = version + 1 WHERE id = $1`, [
        row.consultation_id,
      ]);
      // The hash stays, so the used link is told apart from an unknown one (410, not 404).
      await tx.query(`UPDATE consultation_links SET used_at = $2 WHERE id = $1`, [row.link_id, now]);
      await this.audit.record(tx, {
        actorUserId: null,
        entityType: 'assessment',
        entityId: row.assessment_id,
        action: 'statement.submitted_by_link',
        details: { consultationId: row.consultation_id, contactId: row.contact_id, points: texts.length },
      });
      await sign(tx, {
        kind: 'statement_submitted',
        assessmentId: row.assessment_id,
        subjectId: row.statement_id,
        signedById: null,
        signerRole: 'youth_council',
        signedAt: now,
      });
      const council = { nameFi: row.body_fi, nameSv: row.body_sv, nameEn: row.body_en };
      const official: { id: string; language: Language }[] = await tx.query(`SELECT id, language FROM users WHERE id = $1 AND active`, [
        row.responsible_official_id,
      ]);
      await out.notify(
        official.map((o) => ({
          recipientUserId: o.id,
          kind: 'statement_submitted' as const,
          assessmentId: row.assessment_id,
          params: { title: row.title, ...councilParams(council, o.language) },
        })),
      );
      // Reminders stop once every contact and member has nothing left to answer.
      await this.notices.deadlineJobs(out, row.consultation_id, null);
      return row;
    });
    return this.view(this.db.manager, { ...row, submitted_at: new Date() });
  }

  /** 409 when the draft was saved since the version the page holds (another tab of the same link). */
  private async requireCurrent(tx: EntityManager, row: LinkRow, version: number | undefined): Promise<void> {
    if (version === undefined || version === row.statement_version) return;
    throw staleVersion('The draft was saved in another window or tab after this one opened it. Choose which text to keep.', {
      currentVersion: row.statement_version,
      points: await pointTexts(tx, row.statement_id),
    });
  }

  private async find(db: EntityManager, token: string, lock: boolean): Promise<LinkRow> {
    const [row]: LinkRow[] = await db.query(
      `SELECT l.id AS link_id, l.used_at, l.expires_at, bc.id AS contact_id, bc.name AS contact_name, bc.language AS contact_language,
              c.id AS consultation_id, c.youth_council_id, c.status, c.deadline, c.closed_at, c.message,
              a.id AS assessment_id, a.stage, a.title, a.responsible_official_id,
              a.plain_language_summary, a.plain_language_summary_sv,
              b.name_fi AS body_fi, b.name_sv AS body_sv, b.name_en AS body_en,
              o.name_fi AS org_fi, o.name_sv AS org_sv, o.name_en AS org_en,
              s.id AS statement_id, s.version AS statement_version, s.submitted_at
         FROM consultation_links l
         JOIN body_contacts bc ON bc.id = l.contact_id
         JOIN consultations c ON c.id = l.consultation_id
         JOIN assessments a ON a.id = c.assessment_id
         JOIN organizations b ON b.id = c.youth_council_id
         JOIN organizations o ON o.id = a.municipality_id
         JOIN statements s ON s.consultation_id = c.id
        WHERE l.token_hash = $1
        ${lock ? 'FOR UPDATE OF l, c, s' : ''}`,
      [hashLinkToken(token)],
    );
    if (!row)
      throw new NotFoundException('This link is not valid. Use the newest link you got by e-mail, or ask the official for a new one.');
    return row;
  }

  /** 410 when the link can no longer be used (`reading`: only opening it, which a body member's submission does not stop). */
  private requireUsable(row: LinkRow, reading: boolean): void {
    if (row.used_at) throw new GoneException('This link has been used: the statement was already sent.');
    if (row.status === 'withdrawn') throw new GoneException('The official withdrew this request, so it no longer takes a statement.');
    if (row.closed_at !== null || row.stage !== 'consultation') {
      throw new GoneException('The consultation has closed, so the statement can no longer be sent.');
    }
    const now = Date.now();
    if (row.deadline.getTime() <= now || (row.expires_at && row.expires_at.getTime() <= now)) {
      throw new GoneException('This link expired with the deadline of the request. Ask the official to extend the deadline.');
    }
    if (row.status === 'submitted' && !reading) throw new GoneException('This link has been used: the statement was already sent.');
  }

  /**
   * The statement's points become `texts`, in order. A point whose text the contact left as it was keeps
   * its row (and so its author: a body may have members with accounts who drafted it); only the points
   * the contact removed or changed are replaced.
   */
  private async replacePoints(tx: EntityManager, statementId: string, texts: string[]): Promise<void> {
    const unmatched: { id: string; text: string }[] = await tx.query(
      `SELECT id, text FROM statement_points WHERE statement_id = $1 ORDER BY position`,
      [statementId],
    );
    const kept: { id: string; position: number }[] = [];
    const added: { text: string; position: number }[] = [];
    texts.forEach((text, i) => {
      const same = unmatched.findIndex((point) => point.text === text);
      const [point] = same >= 0 ? unmatched.splice(same, 1) : [];
      if (point) kept.push({ id: point.id, position: i + 1 });
      else added.push({ text, position: i + 1 });
    });
    if (unmatched.length > 0) {
      await tx.query(`DELETE FROM statement_points WHERE id = ANY($1::uuid[])`, [unmatched.map((point) => point.id)]);
    }
    if (kept.length > 0) {
      await tx.query(
        `UPDATE statement_points p SET position = k.position FROM unnest($1::uuid[], $2::int[]) AS k(id, position)
          WHERE p.id = k.id AND p.position <> k.position`,
        [kept.map((point) => point.id), kept.map((point) => point.position)],
      );
    }
    if (added.length > 0) {
      await tx.query(
        `INSERT INTO statement_points (statement_id, position, text)
         SELECT $1, p.position, p.text FROM unnest($2::int[], $3::text[]) AS p(position, text)`,
        [statementId, added.map((point) => point.position), added.map((point) => point.text)],
      );
    }
  }

  /** The request and the statement as they are now (read after a change, so its version is the new one). */
  private async view(db: EntityManager, row: LinkRow): Promise<StatementLinkView> {
    const [statement]: { version: number }[] = await db.query(`SELECT version FROM statements WHERE id = $1`, [row.statement_id]);
    const language = row.contact_language;
    const swedish = language === 'sv' && row.plain_language_summary_sv.trim() !== '';
    return {
      contactName: row.contact_name,
      contactLanguage: language,
      bodyName: organizationName({ nameFi: row.body_fi, nameSv: row.body_sv, nameEn: row.body_en }, language),
      organizationName: organizationName({ nameFi: row.org_fi, nameSv: row.org_sv, nameEn: row.org_en }, language),
      assessmentTitle: row.title,
      message: row.message,
      deadline: row.deadline.toISOString(),
      plainLanguageSummary: swedish ? row.plain_language_summary_sv : row.plain_language_summary,
      points: await pointTexts(db, row.statement_id),
      version: statement?.version ?? row.statement_version,
      submittedAt: row.submitted_at?.toISOString() ?? null,
    };
  }
}

/** The statement's points still shown, in order. */
async function pointTexts(db: EntityManager, statementId: string): Promise<string[]> {
  const points: { text: string }[] = await db.query(
    `SELECT text FROM statement_points WHERE statement_id = $1 AND deleted_at IS NULL ORDER BY position, created_at`,
    [statementId],
  );
  return points.map((p) => p.text);
}

/** Points as typed: trimmed, empty ones left out (the page keeps an empty field for the next point). */
function clean(points: string[]): string[] {
  const texts = points.map((p) => p.trim()).filter((p) => p.length > 0);
  if (texts.length > STATEMENT_LINK_LIMITS.points) {
    throw new BadRequestException(`A statement has at most ${STATEMENT_LINK_LIMITS.points} points.`);
  }
  return texts;
}

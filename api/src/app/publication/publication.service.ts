import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PUBLICATION_LIMITS,
  QUEUES,
  type AgendaDocumentView,
  type Language,
  type PublicationKind,
  type PublicationStatus,
} from '@lava/contracts';
import { finnishDate, isImmutable, type WorkflowAction } from '@lava/workflow';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import type { TransitionContext } from '../assessments/assessment-extensions';
import type { Assessment } from '../assessments/assessment.entity';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import {
  agendaDocumentContent,
  agendaDocumentViews,
  enqueueAgendaDocuments,
  requestAgendaDocuments,
  type PendingDocument,
} from './agenda-documents';
import { sign, type SignatureDraft } from './signature-chain';

/** The transitions that are signatures, and the role the signer acts in. */
const SIGNING_ACTIONS: Partial<Record<WorkflowAction, { kind: SignatureDraft['kind']; role: string }>> = {
  screen_out: { kind: 'screening_signed', role: 'official' },
  start_full_assessment: { kind: 'screening_signed', role: 'official' },
  approve_review: { kind: 'review_approved', role: 'reviewer' },
  record_decision: { kind: 'decision_signed', role: 'committee_chair' },
  table: { kind: 'decision_signed', role: 'committee_chair' },
  return_for_preparation: { kind: 'decision_signed', role: 'committee_chair' },
};

/**
 * Taking an assessment out of Lava: the agenda PDFs (asked for by staff, and again at every stage
 * change), the signatures that transitions make, and publishing to the public register (by the
 * responsible official or the committee's chair; audited; unpublishing keeps the row with its reason).
 */
@Injectable()
export class PublicationService {
  private readonly logger = new Logger(PublicationService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.documents) private readonly queue: Queue,
    private readonly access: AssessmentAccess,
    private readonly audit: AuditService,
  ) {
    this.queue.on('error', (error) => this.logger.warn(`Documents queue: ${error.message}`));
  }

  /** In the transition's transaction: its signature, and new agenda PDFs for the new stage (the worker's relay queues them). */
  async afterTransition(context: TransitionContext): Promise<void> {
    const { tx, assessment, action, user, now } = context;
    const signing = SIGNING_ACTIONS[action];
    if (signing) {
      const subjectId = await this.subjectOf(tx, signing.kind, assessment.id);
      if (subjectId)
        await sign(tx, {
          kind: signing.kind,
          assessmentId: assessment.id,
          subjectId,
          signedById: user.id,
          signerRole: signing.role,
          signedAt: now,
        });
    }
    await requestAgendaDocuments(tx, assessment.id);
  }

  // --- Agenda PDFs ---

  async documents(user: AuthenticatedUser, id: string): Promise<AgendaDocumentView[]> {
    await this.access.readable(null, user, id);
    return agendaDocumentViews(this.db, id);
  }

  /** Asks for the PDFs to be made now (in every language); answers the list with them pending. */
  async requestDocuments(user: AuthenticatedUser, id: string): Promise<AgendaDocumentView[]> {
    await this.access.readable(null, user, id);
    const pending = await this.db.transaction((tx) => requestAgendaDocuments(tx, id));
    await this.enqueue(pending);
    return agendaDocumentViews(this.db, id);
  }

  async document(user: AuthenticatedUser, id: string, language: Language): Promise<{ content: Buffer; sha256: string; filename: string }> {
    const assessment = await this.access.readable(null, user, id);
    const document = await agendaDocumentContent(this.db, id, language);
    if (!document) throw new NotFoundException('The PDF is not ready yet. Ask for it and try again in a moment.');
    return { ...document, filename: pdfFilename(assessment.caseNumber ?? assessment.id, language) };
  }

  // --- Publication ---

  async status(user: AuthenticatedUser, id: string): Promise<PublicationStatus> {
    const assessment = await this.access.readable(null, user, id);
    return this.statusOf(this.db.manager, assessment);
  }

  async publish(user: AuthenticatedUser, id: string, version: number): Promise<PublicationStatus> {
    const pending = await this.db.transaction(async (tx) => {
      const assessment = await this.access.readable(tx, user, id, true);
      await this.requirePublisher(user, assessment);
      const kind = publicationKind(assessment);
      if (!kind)
        throw new ConflictException('Only a decided assessment or a signed screening result (no impact on children) can be published.');
      const current = await this.statusOf(tx, assessment);
      if (current.version !== version) throw staleVersion(current.version, version);
      if (current.published) return [];
      const decidedOn = await this.decidedOn(tx, assessment, kind);
      const outcome = kind === 'assessment' ? await this.outcome(tx, assessment.id) : null;
      const now = new Date();
      await tx.query(
        `INSERT INTO publications (assessment_id, kind, published, municipality_id, committee_id, title, case_number, summary, outcome, decided_on,
                                   published_at, published_by_id)
         VALUES ($1, $2, true, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (assessment_id) DO UPDATE
           SET published = true, published_at = EXCLUDED.published_at, published_by_id = EXCLUDED.published_by_id,
               unpublished_at = NULL, unpublished_by_id = NULL, unpublish_reason = NULL, version = publications.version + 1`,
        [
          assessment.id,
          kind,
          assessment.municipalityId,
          assessment.committeeId,
          assessment.title,
          assessment.caseNumber,
          (kind === 'screening' ? assessment.screeningRationale : assessment.plainLanguageSummary).slice(0, 600),
          outcome,
          decidedOn,
          now,
          user.id,
        ],
      );
      const roles = (await this.access.actor(user, assessment)).roles;
      await sign(tx, {
        kind: 'publication',
        assessmentId: assessment.id,
        subjectId: assessment.id,
        signedById: user.id,
        signerRole: roles.includes('committee_chair') && assessment.responsibleOfficialId !== user.id ? 'committee_chair' : 'official',
        signedAt: now,
      });
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessment.id,
        action: 'assessment.published',
        details: { kind },
      });
      // The PDFs carry the newest signature: make them again with the publication's.
      return requestAgendaDocuments(tx, assessment.id);
    });
    await this.enqueue(pending);
    return this.status(user, id);
  }

  async unpublish(user: AuthenticatedUser, id: string, version: number, reason: string): Promise<PublicationStatus> {
    const trimmed = reason.trim();
    if (trimmed === '')
      throw new BadRequestException({
        message: 'Give the reason for unpublishing.',
        details: [{ field: 'reason', messages: ['is required'] }],
      });
    await this.db.transaction(async (tx) => {
      const assessment = await this.access.readable(tx, user, id, true);
      await this.requirePublisher(user, assessment);
      const current = await this.statusOf(tx, assessment);
      if (current.version !== version) throw staleVersion(current.version, version);
      if (!current.published) throw new ConflictException('The assessment is not published.');
      await tx.query(
        `UPDATE publications SET published = false, unpublished_at = now(), unpublished_by_id = $2, unpublish_reason = $3, version = version + 1
          WHERE assessment_id = $1`,
        [assessment.id, user.id, trimmed],
      );
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessment.id,
        action: 'assessment.unpublished',
        reason: trimmed,
        details: {},
      });
    });
    return this.status(user, id);
  }

  private async statusOf(db: EntityManager, assessment: Assessment): Promise<PublicationStatus> {
    const [row]: {
      published: boolean;
      published_at: Date;
      unpublished_at: Date | null;
      unpublish_reason: string | null;
      version: number;
    }[] = await db.query(
      `SELECT published, published_at, unpublished_at, unpublish_reason, version FROM publications WHERE assessment_id = $1`,
      [assessment.id],
    );
    return {
      published: row?.published ?? false,
      publishable: publicationKind(assessment) !== null,
      publishedAt: row?.published ? row.published_at.toISOString() : null,
      unpublishedAt: row?.unpublished_at?.toISOString() ?? null,
      unpublishReason: row?.unpublish_reason ?? null,
      version: row?.version ?? 0,
    };
  }

  /** The responsible official or the chair of the deciding committee. */
  private async requirePublisher(user: AuthenticatedUser, assessment: Assessment): Promise<void> {
    if (assessment.responsibleOfficialId === user.id) return;
    const { roles } = await this.access.actor(user, assessment);
    if (roles.includes('committee_chair')) return;
    throw new ForbiddenException(
      'Only the responsible official or the chair of the deciding committee publishes or unpublishes an assessment.',
    );
  }

  private async subjectOf(tx: EntityManager, kind: SignatureDraft['kind'], assessmentId: string): Promise<string | null> {
    if (kind === 'screening_signed') return assessmentId;
    const table = kind === 'review_approved' ? 'review_rounds' : 'decisions';
    const order = kind === 'review_approved' ? 'ended_at DESC NULLS LAST' : 'signed_at DESC';
    const [row]: { id: string }[] = await tx.query(`SELECT id FROM ${table} WHERE assessment_id = $1 ORDER BY ${order}, id DESC LIMIT 1`, [
      assessmentId,
    ]);
    return row?.id ?? null;
  }

  private async decidedOn(tx: EntityManager, assessment: Assessment, kind: PublicationKind): Promise<string> {
    if (kind === 'screening') return finnishDate(assessment.screeningSignedAt ?? new Date());
    const [row]: { meeting_date: string }[] = await tx.query(
      `SELECT to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date FROM decisions
        WHERE assessment_id = $1 AND outcome IN ('approved', 'approved_as_modified', 'rejected') ORDER BY signed_at DESC LIMIT 1`,
      [assessment.id],
    );
    return row?.meeting_date ?? finnishDate(new Date());
  }

  private async outcome(tx: EntityManager, assessmentId: string): Promise<string | null> {
    const [row]: { outcome: string }[] = await tx.query(
      `SELECT outcome FROM decisions WHERE assessment_id = $1 AND outcome IN ('approved', 'approved_as_modified', 'rejected') ORDER BY signed_at DESC LIMIT 1`,
      [assessmentId],
    );
    return row?.outcome ?? null;
  }

  private async enqueue(pending: PendingDocument[]): Promise<void> {
    // Best effort: if Redis is away the worker's relay queues them.
    await enqueueAgendaDocuments(this.queue, pending).catch((error: Error) =>
      this.logger.warn(`PDFs queued later by the relay: ${error.message}`),
    );
  }
}

/** What may be published: a decided assessment, or a screening that found no impact (closed with a "no"). */
export function publicationKind(
  assessment: Pick<Assessment, 'stage' | 'screeningAffectsChildren' | 'screeningSignedAt'>,
): PublicationKind | null {
  if (assessment.stage === 'closed' && assessment.screeningAffectsChildren === false && assessment.screeningSignedAt) return 'screening';
  if (isImmutable(assessment.stage) && assessment.screeningAffectsChildren !== false) return 'assessment';
  return null;
}

export function pdfFilename(caseNumber: string, language: Language): string {
  return `lava-${caseNumber.replace(/[^A-Za-z0-9._-]+/g, '-')}-${language}.pdf`;
}

function staleVersion(current: number, yours: number): ConflictException {
  return new ConflictException(
    `Someone changed the publication meanwhile (version ${current}, you had ${yours}). Look at it again before you publish or unpublish.`,
  );
}

export const UNPUBLISH_REASON_MAX = PUBLICATION_LIMITS.reason;

import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JOBS, QUEUES, SIGNATURE_CHECK_SCHEDULER, type Language, type RenderAgendaPdfJob } from '@lava/contracts';
import { isImmutable, type Stage } from '@lava/workflow';
import { type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { LavaConfig } from '../../app/config/lava-config';
import { Notification } from '../../app/notifications/notification.entity';
import { enqueueAgendaDocuments, type PendingDocument } from '../../app/publication/agenda-documents';
import { sha256Hex } from '../../app/publication/canonical-json';
import { loadPublicAssessment } from '../../app/publication/public-assessment';
import { checkChain } from '../../app/publication/signature-chain';
import { redisConnection } from '../../app/queue/redis-connection';
import { renderAgendaPdf } from './agenda-pdf';

/** The public page that recomputes a signature (the PDF prints it). */
export function verificationUrl(webOrigin: string, hash: string): string {
  return `${webOrigin.replace(/\/$/, '')}/public/verify/${hash}`;
}

/**
 * The documents queue's consumer: renders agenda PDFs (one at a time per worker: it is CPU work) and
 * runs the daily re-check of every signature chain. Its relay queues PDF requests written in a
 * transaction (a stage change) that nobody queued yet.
 */
@Injectable()
export class DocumentsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentsWorker.name);
  private worker?: Worker;
  private timer?: NodeJS.Timeout;
  private relaying?: Promise<void>;

  constructor(
    @InjectQueue(QUEUES.documents) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(QUEUES.documents, (job) => this.process(job), {
      connection: redisConnection(this.config.REDIS_URL, 'worker'),
      prefix: this.config.QUEUE_PREFIX,
      concurrency: 1,
      lockDuration: Math.max(this.config.QUEUE_LOCK_DURATION_MS, 60_000),
    });
    this.worker.on('error', (error) => this.logger.warn(`Documents worker: ${error.message}`));
    this.worker.on('failed', (job, error) => {
      if (job && job.name === JOBS.renderAgendaPdf && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        void this.db
          .query(`UPDATE agenda_documents SET status = 'failed', failure = $2 WHERE id = $1 AND status = 'pending'`, [
            (job.data as RenderAgendaPdfJob).documentId,
            error.message.slice(0, 500),
          ])
          .catch(() => undefined);
      }
    });
    await this.queue
      .upsertJobScheduler(
        SIGNATURE_CHECK_SCHEDULER,
        { pattern: '15 4 * * *', tz: 'Europe/Helsinki' },
        { name: JOBS.checkSignatureChains, data: {}, opts: { removeOnComplete: 30, removeOnFail: 100 } },
      )
      .catch((error: Error) => this.logger.warn(`Could not schedule the signature check yet: ${error.message}`));
    this.timer = setInterval(() => void this.relay(), this.config.OUTBOX_RELAY_INTERVAL_MS);
    void this.relay();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.relaying?.catch(() => undefined);
    await this.worker?.close();
  }

  async process(job: Job): Promise<string | number> {
    switch (job.name) {
      case JOBS.renderAgendaPdf:
        return this.render((job.data as RenderAgendaPdfJob).documentId);
      case JOBS.checkSignatureChains:
        return this.checkChains();
      default:
        throw new UnrecoverableError(`Unknown job ${job.name}`);
    }
  }

  /** Renders the document's PDF from the assessment as it is now; marks it ready unless a newer request came meanwhile. */
  async render(documentId: string): Promise<string> {
    const [row]: { assessment_id: string; language: Language; requested_at: Date }[] = await this.db.query(
      `SELECT assessment_id, language, requested_at FROM agenda_documents WHERE id = $1`,
      [documentId],
    );
    if (!row) return 'gone';
    const [state]: { stage: Stage; version: number }[] = await this.db.query(`SELECT stage, version FROM assessments WHERE id = $1`, [
      row.assessment_id,
    ]);
    if (!state) return 'gone';
    const assessment = await this.db.transaction('REPEATABLE READ', (tx) => loadPublicAssessment(tx, row.assessment_id, row.language));
    const [signature]: { hash: string }[] = await this.db.query(
      `SELECT hash FROM signatures WHERE assessment_id = $1 ORDER BY signed_at DESC, sequence DESC LIMIT 1`,
      [row.assessment_id],
    );
    const draft = !isImmutable(state.stage);
    const pdf = await renderAgendaPdf({
      assessment,
      language: row.language,
      draft,
      signature: signature ? { hash: signature.hash, verifyUrl: verificationUrl(this.config.WEB_ORIGIN, signature.hash) } : null,
    });
    await this.db.query(
      `UPDATE agenda_documents
          SET content = $2, sha256 = $3, byte_size = $4, stage = $5, assessment_version = $6, draft = $7, rendered_at = now(),
              status = CASE WHEN requested_at = $8 THEN 'ready' ELSE status END, failure = NULL
        WHERE id = $1`,
      [documentId, pdf, sha256Hex(pdf), pdf.length, state.stage, state.version, draft, row.requested_at],
    );
    return `${pdf.length} bytes`;
  }

  /** Re-checks every organization's chain; tells the organization's admins (and the region's) about each broken signature. */
  async checkChains(): Promise<number> {
    const organizations: { organization_id: string }[] = await this.db.query(`SELECT DISTINCT organization_id FROM signatures`);
    let broken = 0;
    for (const { organization_id } of organizations) {
      const result = await this.db.transaction('REPEATABLE READ', (tx) => checkChain(tx, organization_id));
      if (result.broken.length === 0) continue;
      broken += result.broken.length;
      this.logger.warn(`Signature chain of ${organization_id}: ${result.broken.length} signature(s) no longer match`);
      const admins: { user_id: string }[] = await this.db.query(
        `WITH RECURSIVE up AS (SELECT id, parent_id FROM organizations WHERE id = $1
                               UNION ALL SELECT o.id, o.parent_id FROM organizations o JOIN up ON o.id = up.parent_id)
         SELECT DISTINCT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id AND u.active
          WHERE m.role = 'admin' AND m.organization_id IN (SELECT id FROM up)`,
        [organization_id],
      );
      const rows: { assessment_id: string; title: string; kind: string; sequence: number }[] = await this.db.query(
        `SELECT s.assessment_id, a.title, s.kind, s.sequence FROM signatures s JOIN assessments a ON a.id = s.assessment_id WHERE s.id = ANY($1)`,
        [result.broken.map((b) => b.signatureId)],
      );
      // Written as outbox rows: the notification relay delivers them (in Lava and by e-mail).
      const drafts = rows.flatMap((r) =>
        admins.map((admin) => ({
          recipientUserId: admin.user_id,
          kind: 'signature_mismatch' as const,
          assessmentId: r.assessment_id,
          params: { title: r.title, signature: r.kind, sequence: String(r.sequence) },
        })),
      );
      if (drafts.length > 0) await this.db.getRepository(Notification).insert(drafts);
    }
    return broken;
  }

  /** Queues PDF requests that are still pending (written with a stage change, or whose enqueue failed). */
  private relay(): Promise<void> {
    if (this.relaying) return this.relaying;
    this.relaying = (async () => {
      try {
        const pending: PendingDocument[] = await this.db.query(
          `SELECT id, requested_at FROM agenda_documents WHERE status = 'pending' ORDER BY requested_at LIMIT 500`,
        );
        await enqueueAgendaDocuments(this.queue, pending);
      } catch (error) {
        this.logger.warn(`PDF relay: ${(error as Error).message}`);
      } finally {
        this.relaying = undefined;
      }
    })();
    return this.relaying;
  }
}

import {
  DOCUMENT_JOB_OPTIONS,
  DOCUMENT_LANGUAGES,
  JOBS,
  type AgendaDocumentView,
  type Language,
  type RenderAgendaPdfJob,
} from '@lava/contracts';
import type { Stage } from '@lava/workflow';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';

export interface PendingDocument {
  id: string;
  requested_at: Date;
}

/**
 * Asks for the assessment's agenda PDFs to be made again, in every language, in the caller's
 * transaction (an outbox: the worker's relay queues rows that the caller could not). A request while
 * one is pending just moves its time, so a burst of changes renders once.
 */
export async function requestAgendaDocuments(tx: Pick<EntityManager, 'query'>, assessmentId: string): Promise<PendingDocument[]> {
  return tx.query(
    `INSERT INTO agenda_documents (assessment_id, language, status, requested_at)
     SELECT $1, language, 'pending', now() FROM unnest($2::text[]) AS language
     ON CONFLICT (assessment_id, language) DO UPDATE SET status = 'pending', requested_at = now(), failure = NULL
     RETURNING id, requested_at`,
    [assessmentId, DOCUMENT_LANGUAGES],
  );
}

/** Queues render jobs; the job id carries the request time, so a new request is a new job and a repeat of the same is a no-op. */
export async function enqueueAgendaDocuments(queue: Queue, documents: readonly PendingDocument[]): Promise<void> {
  if (documents.length === 0) return;
  await queue.addBulk(
    documents.map((d) => ({
      name: JOBS.renderAgendaPdf,
      data: { documentId: d.id } satisfies RenderAgendaPdfJob,
      opts: { ...DOCUMENT_JOB_OPTIONS, jobId: `pdf-${d.id}-${d.requested_at.getTime()}` },
    })),
  );
}

export async function agendaDocumentViews(db: Pick<EntityManager, 'query'>, assessmentId: string): Promise<AgendaDocumentView[]> {
  const rows: {
    language: Language;
    status: AgendaDocumentView['status'];
    requested_at: Date;
    stage: Stage | null;
    assessment_version: number | null;
    draft: boolean | null;
    sha256: string | null;
    byte_size: number | null;
    rendered_at: Date | null;
  }[] = await db.query(
    `SELECT language, status, requested_at, stage, assessment_version, draft, sha256, byte_size, rendered_at
       FROM agenda_documents WHERE assessment_id = $1 ORDER BY array_position(ARRAY['fi','sv','en'], language)`,
    [assessmentId],
  );
  return rows.map((r) => ({
    language: r.language,
    status: r.status,
    requestedAt: r.requested_at.toISOString(),
    stage: r.stage,
    assessmentVersion: r.assessment_version,
    draft: r.draft,
    sha256: r.sha256,
    byteSize: r.byte_size,
    renderedAt: r.rendered_at?.toISOString() ?? null,
  }));
}

/** The last PDF made in a language (kept while a newer one is being made), or null. */
export async function agendaDocumentContent(
  db: Pick<EntityManager, 'query'>,
  assessmentId: string,
  language: Language,
): Promise<{ content: Buffer; sha256: string; stage: Stage; renderedAt: Date } | null> {
  const [row]: { content: Buffer; sha256: string; stage: Stage; rendered_at: Date }[] = await db.query(
    `SELECT content, sha256, stage, rendered_at FROM agenda_documents WHERE assessment_id = $1 AND language = $2 AND content IS NOT NULL`,
    [assessmentId, language],
  );
  return row ? { content: row.content, sha256: row.sha256, stage: row.stage, renderedAt: row.rendered_at } : null;
}

import { DEFAULT_JOB_OPTIONS, type FireScheduledEventJob, JOBS, type ScheduledEventKind } from '@lava/contracts';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';

export interface ScheduledEventDraft {
  kind: ScheduledEventKind;
  /** The consultation (deadline kinds), the assessment (follow_up_due) or the survey the event is about. */
  subjectId: string;
  dueAt: Date;
  /** What the fire handler checks against the database (e.g. the deadline it was scheduled for) and puts in the notification. */
  params: Record<string, string>;
}

/** Writes scheduled events in the caller's transaction (also used by the demo seed); returns their ids. */
export async function insertScheduledEvents(tx: Pick<EntityManager, 'query'>, drafts: readonly ScheduledEventDraft[]): Promise<string[]> {
  if (drafts.length === 0) return [];
  const rows: { id: string }[] = await tx.query(
    `INSERT INTO scheduled_events (kind, subject_id, due_at, params)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::jsonb[])
     RETURNING id`,
    [
      drafts.map((d) => d.kind),
      drafts.map((d) => d.subjectId),
      drafts.map((d) => d.dueAt.toISOString()),
      drafts.map((d) => JSON.stringify(d.params)),
    ],
  );
  return rows.map((r) => r.id);
}

/** Cancels the subject's pending events of these kinds in the caller's transaction; returns their ids (publishing them removes their delayed jobs). */
export async function cancelPendingEvents(
  tx: Pick<EntityManager, 'query'>,
  subjectId: string,
  kinds: readonly ScheduledEventKind[],
): Promise<string[]> {
  const [rows]: [{ id: string }[], number] = await tx.query(
    `UPDATE scheduled_events SET status = 'cancelled', cancelled_at = now()
      WHERE subject_id = $1 AND kind = ANY($2) AND status = 'pending'
      RETURNING id`,
    [subjectId, kinds],
  );
  return rows.map((r) => r.id);
}

/**
 * Hands scheduled_events rows to the queue as delayed jobs (jobId = row id, so a second add is a
 * no-op), and removes the delayed job of a cancelled row (best effort: the fire handler skips a
 * cancelled row anyway). Ids that are not scheduled events are returned untouched, so a caller may
 * pass a mix of notification and scheduled-event ids.
 */
export async function enqueueScheduledEvents(
  queue: Queue,
  db: Pick<DataSource | EntityManager, 'query'>,
  ids: readonly string[],
): Promise<{ handled: string[]; others: string[] }> {
  if (ids.length === 0) return { handled: [], others: [] };
  const rows: { id: string; status: string; delay_ms: string }[] = await db.query(
    `SELECT id, status, greatest(0, floor(extract(epoch FROM (due_at - clock_timestamp())) * 1000))::bigint AS delay_ms
       FROM scheduled_events WHERE id = ANY($1)`,
    [ids],
  );
  const found = new Set(rows.map((r) => r.id));
  const pending = rows.filter((r) => r.status === 'pending');
  if (pending.length > 0) {
    await queue.addBulk(
      pending.map((row) => ({
        name: JOBS.fireScheduledEvent,
        data: { scheduledEventId: row.id } satisfies FireScheduledEventJob,
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: row.id, delay: Number(row.delay_ms) },
      })),
    );
    await db.query(`UPDATE scheduled_events SET enqueued_at = now() WHERE id = ANY($1) AND enqueued_at IS NULL`, [
      pending.map((r) => r.id),
    ]);
  }
  for (const row of rows.filter((r) => r.status === 'cancelled')) {
    // A job already running cannot be removed; it will find the row cancelled.
    await queue.remove(row.id).catch(() => undefined);
  }
  return { handled: [...found], others: ids.filter((id) => !found.has(id)) };
}

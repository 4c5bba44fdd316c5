import { DEFAULT_JOB_OPTIONS, type FireScheduledEventJob, JOBS } from '@lava/contracts';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';

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

import type { EntityManager } from 'typeorm';

/**
 * Fires a survey_close event (in the worker, under the event's row lock): marks the survey closed
 * if it still closes at the time the event was scheduled for. Answers are refused after closes_at
 * in any case; this makes the status stick and shows in the list. Notifies nobody.
 */
export async function closeSurvey(
  tx: EntityManager,
  row: { id: string; subject_id: string; params: Record<string, string> },
): Promise<'fired' | 'condition-gone'> {
  const [, count]: [unknown, number] = await tx.query(
    `UPDATE surveys SET closed_at = now()
      WHERE id = $1 AND closed_at IS NULL AND date_trunc('milliseconds', closes_at) = $2::timestamptz`,
    [row.subject_id, row.params['closesAt']],
  );
  const outcome = count > 0 ? 'fired' : 'condition-gone';
  await tx.query(
    `UPDATE scheduled_events SET status = $2, ${outcome === 'fired' ? 'fired_at' : 'cancelled_at'} = now(), notification_count = 0 WHERE id = $1`,
    [row.id, outcome === 'fired' ? 'fired' : 'cancelled'],
  );
  return outcome;
}

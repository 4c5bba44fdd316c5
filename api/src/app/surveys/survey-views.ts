import type { SurveyViewsEntry } from '@lava/contracts';
import type { EntityManager } from 'typeorm';

/** The summaries of an assessment's surveys added to its children's views (also for the PDF and the public page). */
export async function viewsEntries(manager: Pick<EntityManager, 'query'>, assessmentId: string): Promise<SurveyViewsEntry[]> {
  const rows: { views_entry: SurveyViewsEntry }[] = await manager.query(
    `SELECT views_entry FROM surveys WHERE assessment_id = $1 AND views_entry IS NOT NULL ORDER BY views_added_at, id`,
    [assessmentId],
  );
  return rows.map((r) => r.views_entry);
}

import type { NotificationParams } from '@lava/contracts';
import type { EntityManager } from 'typeorm';

interface ClosedSurvey {
  assessment_id: string;
  title: string;
  survey_title: Record<string, string>;
  answers: number;
  recipients: string[];
}

/**
 * Fires a survey_close event (in the worker, under the event's row lock): marks the survey closed
 * if it still closes at the time the event was scheduled for, and tells the survey's author and the
 * assessment's responsible official (active accounts, once each) how many answers came, with a link
 * to the results. Answers are refused after closes_at in any case; this makes the status stick.
 * Returns the notifications written, for the caller to queue after commit.
 */
export async function closeSurvey(
  tx: EntityManager,
  row: { id: string; subject_id: string; params: Record<string, string> },
): Promise<{ outcome: 'fired' | 'condition-gone'; ids: string[] }> {
  const [closed]: ClosedSurvey[] = await tx.query(
    `WITH closed AS (
       UPDATE surveys SET closed_at = now()
        WHERE id = $1 AND closed_at IS NULL AND date_trunc('milliseconds', closes_at) = $2::timestamptz
        RETURNING id, assessment_id, created_by_id, title)
     SELECT s.assessment_id, a.title, s.title AS survey_title,
            (SELECT count(*)::int FROM survey_answers sa WHERE sa.survey_id = s.id) AS answers,
            ARRAY(SELECT DISTINCT u.id FROM users u WHERE u.active AND u.id IN (s.created_by_id, a.responsible_official_id) ORDER BY u.id)::text[] AS recipients
       FROM closed s JOIN assessments a ON a.id = s.assessment_id`,
    [row.subject_id, row.params['closesAt']],
  );
  let ids: string[] = [];
  if (closed && closed.recipients.length > 0) {
    const names = closed.survey_title;
    const shown = names['fi'] || names['sv'] || names['en'] || '';
    const params: NotificationParams['survey_closed'] = {
      title: closed.title,
      survey: shown,
      survey_fi: names['fi'] || shown,
      survey_sv: names['sv'] || shown,
      survey_en: names['en'] || shown,
      answers: String(closed.answers),
      surveyId: row.subject_id,
    };
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO notifications (recipient_user_id, kind, assessment_id, params)
       SELECT r, 'survey_closed', $2, $3::jsonb FROM unnest($1::uuid[]) AS r
       RETURNING id`,
      [closed.recipients, closed.assessment_id, JSON.stringify(params)],
    );
    ids = inserted.map((r) => r.id);
  }
  const outcome = closed ? 'fired' : 'condition-gone';
  await tx.query(
    `UPDATE scheduled_events SET status = $2, ${outcome === 'fired' ? 'fired_at' : 'cancelled_at'} = now(), notification_count = $3 WHERE id = $1`,
    [row.id, outcome === 'fired' ? 'fired' : 'cancelled', ids.length],
  );
  return { outcome, ids };
}

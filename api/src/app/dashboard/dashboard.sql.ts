import type { DashboardTable } from '@lava/contracts';

/**
 * The dashboard's SQL, one aggregate per table, apart from the repository so that
 * `npm run bench:dashboard` times and EXPLAINs exactly these texts (this file has no runtime import:
 * Node runs it with its type stripping). No assessment row is loaded into Node.
 *
 * Every query counts the assessments of `scoped`, whose four parameters come first
 * (`dashboardParameters`): organizations (already checked against the caller's scope), a committee
 * or null, and the year as a half-open [start, end) in Finnish time so that the
 * (municipality_id, stage, created_at) index serves it. Consulted bodies are grouped per
 * organization (`consultations.youth_council_id`) with their kind, so a new kind of body heard
 * appears as more rows, not as a new query.
 */
export interface DashboardFilter {
  organizationIds: readonly string[];
  committeeId: string | null;
  year: number | null;
}

const SCOPED = `
  scoped AS (
    SELECT a.id, a.created_at, a.stage, a.screening_signed_at, a.screening_affects_children, a.planned_meeting_date, a.follow_up_date
      FROM assessments a
     WHERE a.municipality_id = ANY($1::uuid[])
       AND ($2::uuid IS NULL OR a.committee_id = $2)
       AND ($3::timestamptz IS NULL OR (a.created_at >= $3 AND a.created_at < $4)))`;

const STAGE_ORDER = `ARRAY['screening','draft','consultation','review','decision','decided','follow_up','closed']`;

/** `nameColumn` is one of name_fi, name_sv, name_en (a whitelist: see organizations.service's nameColumn). */
export const DASHBOARD_SQL: Readonly<Record<DashboardTable, (nameColumn: 'name_fi' | 'name_sv' | 'name_en') => string>> = {
  stages: () => `
    WITH ${SCOPED}
    SELECT extract(year FROM created_at AT TIME ZONE 'Europe/Helsinki')::int AS year, stage, count(*)::int AS count
      FROM scoped GROUP BY 1, 2
     ORDER BY 1, array_position(${STAGE_ORDER}, stage)`,

  screening: () => `
    WITH ${SCOPED}
    SELECT CASE WHEN screening_signed_at IS NULL THEN 'not_screened'
                WHEN screening_affects_children THEN 'affects_children' ELSE 'no_impact' END AS outcome,
           count(*)::int AS count
      FROM scoped GROUP BY 1
     ORDER BY 1`,

  // Decided with a final decision (approved, approved as modified, rejected) is a stage: `record_decision` is the only
  // way into `decided`, and `follow_up` and `closed` come only after it (libs/workflow transitions; DECIDED_STAGES).
  // So only "heard" needs a probe, and only for the decided assessments that affect children (an index probe each on
  // the consultations key led by assessment_id): at a million assessments 6.7 s with a decisions probe per row.
  decisions: () => `
    WITH ${SCOPED}
    SELECT count(*) FILTER (WHERE a.screening_affects_children AND a.decided)::int AS full_assessment,
           count(*) FILTER (WHERE a.screening_affects_children AND a.decided AND a.heard)::int AS children_heard,
           count(*) FILTER (WHERE a.screening_affects_children AND NOT a.decided)::int AS awaiting_decision,
           count(*) FILTER (WHERE a.screening_signed_at IS NOT NULL AND NOT a.screening_affects_children)::int AS screened_out
      FROM (SELECT s.screening_affects_children, s.screening_signed_at, d.decided,
                   CASE WHEN s.screening_affects_children AND d.decided
                        THEN EXISTS (SELECT 1 FROM consultations c WHERE c.assessment_id = s.id AND c.status = 'submitted') END AS heard
              FROM scoped s, LATERAL (SELECT s.stage IN ('decided', 'follow_up', 'closed') AS decided) d) a`,

  consultations: (name) => `
    WITH ${SCOPED},
    asked AS (
      SELECT c.youth_council_id AS body_id,
             count(*)::int AS asked,
             count(*) FILTER (WHERE c.status = 'submitted' AND s.submitted_at <= c.deadline)::int AS on_time,
             count(*) FILTER (WHERE c.status = 'submitted' AND s.submitted_at > c.deadline)::int AS late,
             count(*) FILTER (WHERE c.status <> 'submitted' AND (c.closed_at IS NOT NULL OR c.deadline < now()))::int AS unanswered,
             count(*) FILTER (WHERE c.status <> 'submitted' AND c.closed_at IS NULL AND c.deadline >= now())::int AS pending
        FROM consultations c
        JOIN scoped a ON a.id = c.assessment_id
        LEFT JOIN statements s ON s.consultation_id = c.id
       WHERE c.opened_at IS NOT NULL AND c.status <> 'withdrawn'
       GROUP BY c.youth_council_id)
    SELECT o.id AS "bodyId", o.${name} AS "bodyName", o.kind AS "bodyKind",
           asked, on_time AS "onTime", late, unanswered, pending
      FROM asked JOIN organizations o ON o.id = asked.body_id
     ORDER BY o.${name}, o.id`,

  dispositions: () => `
    WITH ${SCOPED}
    SELECT coalesce(p.disposition, 'unanswered') AS disposition, count(*)::int AS points,
           count(*) FILTER (WHERE p.disposition IS NOT NULL AND p.disposition_reason <> '')::int AS "withReason"
      FROM scoped a
      JOIN consultations c ON c.assessment_id = a.id AND c.status = 'submitted'
      JOIN statements s ON s.consultation_id = c.id AND s.submitted_at IS NOT NULL
      JOIN statement_points p ON p.statement_id = s.id AND p.deleted_at IS NULL
     GROUP BY 1
     ORDER BY array_position(ARRAY['accepted','partly_accepted','not_accepted','out_of_scope','unanswered'], coalesce(p.disposition, 'unanswered'))`,

  // Each finished stay in a stage: from the event that entered it (created or a transition) to the next one.
  durations: () => `
    WITH ${SCOPED},
    stays AS (
      SELECT coalesce(e.to_stage, 'screening') AS stage, e.occurred_at,
             lead(e.occurred_at) OVER (PARTITION BY e.entity_id ORDER BY e.occurred_at, e.id) AS left_at
        FROM audit_events e JOIN scoped a ON a.id = e.entity_id
       WHERE e.entity_type = 'assessment' AND e.action IN ('assessment.created', 'assessment.transition'))
    SELECT stage,
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - occurred_at)) / 86400)::numeric, 1)::float AS "medianDays",
           count(*)::int AS stays
      FROM stays WHERE left_at IS NOT NULL
     GROUP BY stage
     ORDER BY array_position(${STAGE_ORDER}, stage)`,

  overdue: () => `
    WITH ${SCOPED}
    SELECT (SELECT count(*) FROM consultations c JOIN scoped a ON a.id = c.assessment_id
             WHERE c.closed_at IS NULL AND c.opened_at IS NOT NULL AND c.status IN ('not_started', 'drafting') AND c.deadline < now())::int AS consultation,
           (SELECT count(*) FROM scoped
             WHERE stage IN ('screening', 'draft', 'consultation', 'review')
               AND planned_meeting_date < (now() AT TIME ZONE 'Europe/Helsinki')::date)::int AS meeting,
           (SELECT count(*) FROM scoped
             WHERE stage IN ('decided', 'follow_up')
               AND follow_up_date < (now() AT TIME ZONE 'Europe/Helsinki')::date)::int AS follow_up`,
};

/** The four parameters of `scoped`: organizations, committee, and the year as [start, end) in Finnish time. */
export function dashboardParameters(filter: DashboardFilter): unknown[] {
  const start = filter.year === null ? null : `${filter.year}-01-01 00:00 Europe/Helsinki`;
  const end = filter.year === null ? null : `${filter.year + 1}-01-01 00:00 Europe/Helsinki`;
  return [filter.organizationIds, filter.committeeId, start, end];
}

import type { Stage } from '@lava/workflow';
import type { OrganizationKind } from './roles';

/**
 * The dashboard (issue 13): figures over the assessments an official (their organization), an admin
 * (what they administer) or a regional coordinator (the region) may see. Every figure is an SQL
 * aggregate; "year" is the year an assessment was started, in Finnish time.
 */
export const DASHBOARD_TABLES = ['stages', 'screening', 'decisions', 'consultations', 'dispositions', 'durations', 'overdue'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

export const DASHBOARD_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type DashboardExportFormat = (typeof DASHBOARD_EXPORT_FORMATS)[number];

/** The earliest and latest year the year filter accepts. */
export const DASHBOARD_YEAR_MIN = 2000;
export const DASHBOARD_YEAR_MAX = 2100;

/** `GET /api/dashboard` query: every filter optional; an organization or committee outside your scope answers 403. */
export interface DashboardQuery {
  organizationId?: string;
  committeeId?: string;
  year?: number;
}

export const SCREENING_OUTCOMES = ['affects_children', 'no_impact', 'not_screened'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/**
 * Committee decisions and children: `full_assessment` matters screened as affecting children whose
 * committee decision is recorded (approved, approved as modified or rejected), `children_heard` those
 * of them with at least one statement submitted, `awaiting_decision` matters affecting children not
 * decided yet, `screened_out` matters screened as not affecting children (no full assessment needed).
 */
export const DECISION_MEASURES = ['full_assessment', 'children_heard', 'awaiting_decision', 'screened_out'] as const;
export type DecisionMeasure = (typeof DECISION_MEASURES)[number];

/** A statement point's disposition; `unanswered` when the official has not answered it yet. */
export const DASHBOARD_DISPOSITIONS = ['accepted', 'partly_accepted', 'not_accepted', 'out_of_scope', 'unanswered'] as const;
export type DashboardDisposition = (typeof DASHBOARD_DISPOSITIONS)[number];

/**
 * Overdue now: `consultation` requests past their deadline with no statement, `meeting` matters
 * still in preparation after their planned meeting date, `follow_up` decided matters past their
 * follow-up date with no ex-post evaluation closed.
 */
export const OVERDUE_ITEMS = ['consultation', 'meeting', 'follow_up'] as const;
export type OverdueItem = (typeof OVERDUE_ITEMS)[number];

export interface DashboardOption {
  id: string;
  name: string;
}

export interface DashboardOrganizationOption extends DashboardOption {
  kind: OrganizationKind;
}

export interface DashboardCommitteeOption extends DashboardOption {
  organizationId: string;
}

export interface DashboardStageRow {
  year: number;
  stage: Stage;
  count: number;
}

export interface DashboardScreeningRow {
  outcome: ScreeningOutcome;
  count: number;
}

export interface DashboardDecisionRow {
  measure: DecisionMeasure;
  count: number;
}

/** Requests to one consulted body (a youth council, or any body heard: its kind tells which). */
export interface DashboardConsultationRow {
  bodyId: string;
  bodyName: string;
  bodyKind: string;
  asked: number;
  onTime: number;
  late: number;
  /** No statement, and the deadline passed or the round closed. */
  unanswered: number;
  /** No statement yet, deadline still ahead. */
  pending: number;
}

export interface DashboardDispositionRow {
  disposition: DashboardDisposition;
  points: number;
  /** Of those, answered with a written reason. */
  withReason: number;
}

export interface DashboardDurationRow {
  stage: Stage;
  /** The median of the finished stays in the stage, in days (one decimal). */
  medianDays: number;
  /** How many finished stays the median is of. */
  stays: number;
}

export interface DashboardOverdueRow {
  item: OverdueItem;
  count: number;
}

export interface DashboardTables {
  stages: DashboardStageRow[];
  screening: DashboardScreeningRow[];
  decisions: DashboardDecisionRow[];
  consultations: DashboardConsultationRow[];
  dispositions: DashboardDispositionRow[];
  durations: DashboardDurationRow[];
  overdue: DashboardOverdueRow[];
}

/** `GET /api/dashboard`: the filters you may choose from, those applied, and every table. */
export interface DashboardView extends DashboardTables {
  scope: {
    /** Why you see these figures: the widest of your dashboard roles. */
    role: 'official' | 'admin' | 'regional_coordinator';
    organizations: DashboardOrganizationOption[];
    committees: DashboardCommitteeOption[];
  };
  filters: { organizationId: string | null; committeeId: string | null; year: number | null };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DashboardCommitteeOption,
  DashboardConsultationRow,
  DashboardDecisionRow,
  DashboardDispositionRow,
  DashboardDurationRow,
  DashboardOrganizationOption,
  DashboardOverdueRow,
  DashboardScreeningRow,
  DashboardStageRow,
  DashboardTable,
  Language,
} from '@lava/contracts';
import { DECISION_MEASURES, OVERDUE_ITEMS, type DecisionMeasure, type OverdueItem } from '@lava/contracts';
import { DataSource } from 'typeorm';
import { nameColumn } from '../organizations/organizations.service';
import { DASHBOARD_SQL, dashboardParameters, type DashboardFilter } from './dashboard.sql';

export type { DashboardFilter } from './dashboard.sql';

/** A role a person holds that shows them a dashboard, and over which assessing organizations. */
export interface DashboardScopeRow {
  organization_id: string;
  role: 'official' | 'admin' | 'regional_coordinator';
}

/** Whose dashboard a person sees (scope, filter options) and every table's aggregate (SQL in dashboard.sql.ts). */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The assessing organizations (municipalities and wellbeing services counties) the user sees a
   * dashboard of, with the role that shows each: an official's own organization, an admin's (held on
   * it or on its region), and a regional coordinator's region's.
   */
  async scope(userId: string): Promise<DashboardScopeRow[]> {
    return this.db.query(
      `SELECT DISTINCT o.id AS organization_id, ms.role
         FROM memberships ms
         JOIN users u ON u.id = ms.user_id AND u.active
         JOIN organizations o ON o.kind IN ('municipality', 'wellbeing_county')
                             AND (   (ms.role IN ('official', 'admin') AND o.id = ms.organization_id)
                                  OR (ms.role IN ('admin', 'regional_coordinator') AND o.parent_id = ms.organization_id))
        WHERE ms.user_id = $1`,
      [userId],
    );
  }

  async organizations(ids: readonly string[], language: Language): Promise<DashboardOrganizationOption[]> {
    const name = nameColumn(language);
    return this.db.query(`SELECT id, ${name} AS name, kind FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY ${name}, id`, [ids]);
  }

  async committees(organizationIds: readonly string[], language: Language): Promise<DashboardCommitteeOption[]> {
    const name = nameColumn(language);
    return this.db.query(
      `SELECT id, ${name} AS name, parent_id AS "organizationId" FROM organizations
        WHERE kind = 'committee' AND parent_id = ANY($1::uuid[]) ORDER BY ${name}, id`,
      [organizationIds],
    );
  }

  /** What an id names: its kind and parent, or null when no organization has it. */
  async organization(id: string): Promise<{ kind: string; parent_id: string | null } | null> {
    const [row] = await this.db.query(`SELECT kind, parent_id FROM organizations WHERE id = $1`, [id]);
    return row ?? null;
  }

  async stages(filter: DashboardFilter): Promise<DashboardStageRow[]> {
    return this.query('stages', filter, 'fi');
  }

  async screening(filter: DashboardFilter): Promise<DashboardScreeningRow[]> {
    return this.query('screening', filter, 'fi');
  }

  async decisions(filter: DashboardFilter): Promise<DashboardDecisionRow[]> {
    const [row] = await this.query<Record<DecisionMeasure, number>>('decisions', filter, 'fi');
    return DECISION_MEASURES.map((measure) => ({ measure, count: row?.[measure] ?? 0 }));
  }

  async consultations(filter: DashboardFilter, language: Language): Promise<DashboardConsultationRow[]> {
    return this.query('consultations', filter, language);
  }

  async dispositions(filter: DashboardFilter): Promise<DashboardDispositionRow[]> {
    return this.query('dispositions', filter, 'fi');
  }

  async durations(filter: DashboardFilter): Promise<DashboardDurationRow[]> {
    return this.query('durations', filter, 'fi');
  }

  async overdue(filter: DashboardFilter): Promise<DashboardOverdueRow[]> {
    const [row] = await this.query<Record<OverdueItem, number>>('overdue', filter, 'fi');
    return OVERDUE_ITEMS.map((item) => ({ item, count: row?.[item] ?? 0 }));
  }

  private query<T>(table: DashboardTable, filter: DashboardFilter, language: Language): Promise<T[]> {
    return this.db.query(DASHBOARD_SQL[table](nameColumn(language)), dashboardParameters(filter));
  }
}

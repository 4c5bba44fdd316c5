import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import {
  DASHBOARD_TABLES,
  type DashboardExportFormat,
  type DashboardQuery,
  type DashboardTable,
  type DashboardTables,
  type DashboardView,
  type Language,
} from '@lava/contracts';
import writeXlsxFile from 'write-excel-file/node';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { cellValue, COLUMN_NAMES, FILE_PREFIX, TABLE_COLUMNS, TABLE_NAMES } from './dashboard-texts';
import { type DashboardFilter, DashboardRepository, type DashboardScopeRow } from './dashboard.repository';

/** The widest dashboard role first: it says why the person sees what they see. */
const ROLE_ORDER: DashboardView['scope']['role'][] = ['regional_coordinator', 'admin', 'official'];

export interface DashboardFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * The dashboard: whose figures a person sees (scope), the filters checked against it, and the
 * tables as SQL aggregates from DashboardRepository; exports of one table as CSV or XLSX.
 */
@Injectable()
export class DashboardService {
  constructor(private readonly repository: DashboardRepository) {}

  async view(user: AuthenticatedUser, query: DashboardQuery, language: Language): Promise<DashboardView> {
    const scope = await this.scopeOf(user);
    const filter = await this.filter(scope, query);
    const organizationIds = [...new Set(scope.map((row) => row.organization_id))];
    const [organizations, committees, tables] = await Promise.all([
      this.repository.organizations(organizationIds, language),
      this.repository.committees(organizationIds, language),
      this.tables(filter, language),
    ]);
    return {
      scope: { role: ROLE_ORDER.find((role) => scope.some((row) => row.role === role)) ?? 'official', organizations, committees },
      filters: { organizationId: query.organizationId ?? null, committeeId: query.committeeId ?? null, year: query.year ?? null },
      ...tables,
    };
  }

  async export(
    user: AuthenticatedUser,
    table: string,
    query: DashboardQuery,
    format: DashboardExportFormat,
    language: Language,
  ): Promise<DashboardFile> {
    if (!(DASHBOARD_TABLES as readonly string[]).includes(table))
      throw new NotFoundException(`No such table: choose one of ${DASHBOARD_TABLES.join(', ')}.`);
    const name = table as DashboardTable;
    const filter = await this.filter(await this.scopeOf(user), query);
    const rows = (await this.table(name, filter, language)) as unknown as Record<string, unknown>[];
    const columns = TABLE_COLUMNS[name];
    const header = columns.map((column) => COLUMN_NAMES[column]?.[language] ?? column);
    const cells = rows.map((row) => columns.map((column) => cellValue(column, row[column], language)));
    const fileName = `${FILE_PREFIX[language]}-${TABLE_NAMES[name][language]}${query.year ? `-${query.year}` : ''}.${format}`;
    if (format === 'xlsx') {
      const body = await writeXlsxFile([header.map((value) => ({ value, fontWeight: 'bold' as const })), ...cells], {
        sheet: TABLE_NAMES[name][language],
      }).toBuffer();
      return { body, fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    }
    // A byte order mark so that spreadsheet programs read the UTF-8 (ä, ö, å) right.
    const csv = '\uFEFF' + [header, ...cells].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
    return { body: Buffer.from(csv, 'utf8'), fileName, contentType: 'text/csv; charset=utf-8' };
  }

  private async scopeOf(user: AuthenticatedUser): Promise<DashboardScopeRow[]> {
    const scope = await this.repository.scope(user.id);
    if (scope.length === 0) throw new ForbiddenException('The dashboard is for officials, administrators and regional coordinators.');
    return scope;
  }

  /** The filters checked against the scope: an unknown id is a 400, one outside the scope a 403. */
  private async filter(scope: DashboardScopeRow[], query: DashboardQuery): Promise<DashboardFilter> {
    const inScope = new Set(scope.map((row) => row.organization_id));
    let organizationIds = [...inScope];
    if (query.organizationId) {
      const organization = await this.repository.organization(query.organizationId);
      if (!organization || !['municipality', 'wellbeing_county'].includes(organization.kind))
        throw new BadRequestException('No municipality or wellbeing services county has this id.');
      if (!inScope.has(query.organizationId)) throw new ForbiddenException('This organization is outside what your dashboard covers.');
      organizationIds = [query.organizationId];
    }
    if (query.committeeId) {
      const committee = await this.repository.organization(query.committeeId);
      if (!committee || committee.kind !== 'committee') throw new BadRequestException('No committee has this id.');
      if (!committee.parent_id || !organizationIds.includes(committee.parent_id))
        throw new ForbiddenException('This committee is outside what your dashboard covers.');
    }
    return { organizationIds, committeeId: query.committeeId ?? null, year: query.year ?? null };
  }

  private async tables(filter: DashboardFilter, language: Language): Promise<DashboardTables> {
    // One after another: each is one aggregate, and the pool is shared with every other request.
    const result: Partial<DashboardTables> = {};
    for (const name of DASHBOARD_TABLES) Object.assign(result, { [name]: await this.table(name, filter, language) });
    return result as DashboardTables;
  }

  private table(name: DashboardTable, filter: DashboardFilter, language: Language): Promise<DashboardTables[DashboardTable]> {
    switch (name) {
      case 'stages':
        return this.repository.stages(filter);
      case 'screening':
        return this.repository.screening(filter);
      case 'decisions':
        return this.repository.decisions(filter);
      case 'consultations':
        return this.repository.consultations(filter, language);
      case 'dispositions':
        return this.repository.dispositions(filter);
      case 'durations':
        return this.repository.durations(filter);
      case 'overdue':
        return this.repository.overdue(filter);
    }
  }
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DashboardExportFormat, DashboardQuery, DashboardTable, DashboardView } from '@lava/contracts';
import { map, type Observable } from 'rxjs';

/** The dashboard endpoints: the figures, and one table as a file. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  view(query: DashboardQuery): Observable<DashboardView> {
    return this.http.get<DashboardView>('/api/dashboard', { params: params(query) });
  }

  /** The file and the name the API gave it (Content-Disposition). */
  export(table: DashboardTable, format: DashboardExportFormat, query: DashboardQuery): Observable<{ blob: Blob; fileName: string }> {
    return this.http
      .get(`/api/dashboard/tables/${table}`, { params: params(query).set('format', format), responseType: 'blob', observe: 'response' })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob(),
          fileName: /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `${table}.${format}`,
        })),
      );
  }
}

function params(query: DashboardQuery): HttpParams {
  let result = new HttpParams();
  if (query.organizationId) result = result.set('organizationId', query.organizationId);
  if (query.committeeId) result = result.set('committeeId', query.committeeId);
  if (query.year) result = result.set('year', String(query.year));
  return result;
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  DEFAULT_PAGE_SIZE,
  VERSION_PAGE_SIZE,
  type AssessmentDetail,
  type AssessmentListFilters,
  type AssessmentSummary,
  type AssessmentVersionComparison,
  type AssessmentVersionPage,
  type CommitteeOption,
  type CreateAssessmentRequest,
  type Page,
  type TransitionRequest,
  type UpdateAssessmentRequest,
} from '@lava/contracts';
import type { AvailableAction } from '@lava/workflow';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  list(cursor: string | null, filters: AssessmentListFilters = {}, limit = DEFAULT_PAGE_SIZE): Observable<Page<AssessmentSummary>> {
    const params: Record<string, string | number> = { limit };
    if (cursor) params['cursor'] = cursor;
    for (const [key, value] of Object.entries(filters)) if (value) params[key] = value;
    return this.http.get<Page<AssessmentSummary>>('/api/assessments', { params });
  }

  get(id: string): Observable<AssessmentDetail> {
    return this.http.get<AssessmentDetail>(this.url(id));
  }

  create(body: CreateAssessmentRequest): Observable<AssessmentSummary> {
    return this.http.post<AssessmentSummary>('/api/assessments', body);
  }

  update(id: string, body: UpdateAssessmentRequest): Observable<AssessmentDetail> {
    return this.http.patch<AssessmentDetail>(this.url(id), body);
  }

  actions(id: string): Observable<AvailableAction[]> {
    return this.http.get<AvailableAction[]>(`${this.url(id)}/actions`);
  }

  transition(id: string, body: TransitionRequest): Observable<AssessmentDetail> {
    return this.http.post<AssessmentDetail>(`${this.url(id)}/transitions`, body);
  }

  /** One page of the history, newest first: the versions older than `before` (the newest without it). */
  versions(id: string, before: number | null = null, limit = VERSION_PAGE_SIZE): Observable<AssessmentVersionPage> {
    const params: Record<string, number> = { limit };
    if (before !== null) params['before'] = before;
    return this.http.get<AssessmentVersionPage>(`${this.url(id)}/versions`, { params });
  }

  /** What differs between two versions (`from` older than `to`). */
  compareVersions(id: string, from: number, to: number): Observable<AssessmentVersionComparison> {
    return this.http.get<AssessmentVersionComparison>(`${this.url(id)}/versions/compare`, { params: { from, to } });
  }

  committees(): Observable<CommitteeOption[]> {
    return this.http.get<CommitteeOption[]>('/api/committees');
  }

  private url(id: string): string {
    return `/api/assessments/${encodeURIComponent(id)}`;
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { DEFAULT_PAGE_SIZE, type AssessmentSummary, type CommitteeOption, type CreateAssessmentRequest, type Page } from '@lava/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  list(cursor: string | null, limit = DEFAULT_PAGE_SIZE): Observable<Page<AssessmentSummary>> {
    const params: Record<string, string | number> = { limit };
    if (cursor) params['cursor'] = cursor;
    return this.http.get<Page<AssessmentSummary>>('/api/assessments', { params });
  }

  get(id: string): Observable<AssessmentSummary> {
    return this.http.get<AssessmentSummary>(`/api/assessments/${encodeURIComponent(id)}`);
  }

  create(body: CreateAssessmentRequest): Observable<AssessmentSummary> {
    return this.http.post<AssessmentSummary>('/api/assessments', body);
  }

  committees(): Observable<CommitteeOption[]> {
    return this.http.get<CommitteeOption[]>('/api/committees');
  }
}

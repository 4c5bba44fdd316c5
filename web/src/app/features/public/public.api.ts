import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgendaDocumentView,
  Language,
  Page,
  PublicAssessmentPage,
  PublicationStatus,
  RegisterEntry,
  RegisterFilters,
  SignatureVerification,
} from '@lava/contracts';
import type { Observable } from 'rxjs';

/** The public register (no sign-in) and, for staff, an assessment's agenda PDFs and publication. */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  private readonly http = inject(HttpClient);

  register(filters: RegisterFilters, cursor: string | null, limit = 20): Observable<Page<RegisterEntry>> {
    const params: Record<string, string | number> = { limit };
    if (cursor) params['cursor'] = cursor;
    for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params[key] = value as string | number;
    return this.http.get<Page<RegisterEntry>>('/api/public/assessments', { params });
  }

  municipalities(): Observable<{ id: string; name: string; published: number }[]> {
    return this.http.get<{ id: string; name: string; published: number }[]>('/api/public/municipalities');
  }

  committees(municipalityId: string): Observable<{ id: string; name: string }[]> {
    return this.http.get<{ id: string; name: string }[]>(`/api/public/municipalities/${encodeURIComponent(municipalityId)}/committees`);
  }

  page(id: string): Observable<PublicAssessmentPage> {
    return this.http.get<PublicAssessmentPage>(`/api/public/assessments/${encodeURIComponent(id)}`);
  }

  verify(hash: string): Observable<SignatureVerification & { published: boolean }> {
    return this.http.get<SignatureVerification & { published: boolean }>(`/api/public/verify/${encodeURIComponent(hash)}`);
  }

  // --- Staff: one assessment's PDFs and publication ---

  documents(id: string): Observable<AgendaDocumentView[]> {
    return this.http.get<AgendaDocumentView[]>(`/api/assessments/${encodeURIComponent(id)}/documents`);
  }

  requestDocuments(id: string): Observable<AgendaDocumentView[]> {
    return this.http.post<AgendaDocumentView[]>(`/api/assessments/${encodeURIComponent(id)}/documents`, {});
  }

  documentFile(id: string, language: Language): Observable<Blob> {
    return this.http.get(`/api/assessments/${encodeURIComponent(id)}/documents/${language}.pdf`, { responseType: 'blob' });
  }

  publication(id: string): Observable<PublicationStatus> {
    return this.http.get<PublicationStatus>(`/api/assessments/${encodeURIComponent(id)}/publication`);
  }

  publish(id: string, version: number): Observable<PublicationStatus> {
    return this.http.post<PublicationStatus>(`/api/assessments/${encodeURIComponent(id)}/publication`, { version });
  }

  unpublish(id: string, version: number, reason: string): Observable<PublicationStatus> {
    return this.http.post<PublicationStatus>(`/api/assessments/${encodeURIComponent(id)}/publication/unpublish`, { version, reason });
  }
}

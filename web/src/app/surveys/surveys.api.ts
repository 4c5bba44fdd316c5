import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Language,
  Page,
  PublicSurvey,
  SurveyAnswerInput,
  SurveyAnswerResult,
  SurveyFreeText,
  SurveyInput,
  SurveyListItem,
  SurveyResults,
  SurveyView,
  SurveyViewsEntry,
} from '@lava/contracts';
import type { Observable } from 'rxjs';

const enc = encodeURIComponent;

/** Children's surveys: the child's two calls (no sign-in) and the official's. */
@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly http = inject(HttpClient);

  publicSurvey(id: string): Observable<PublicSurvey> {
    return this.http.get<PublicSurvey>(`/api/public/surveys/${enc(id)}`);
  }

  answer(id: string, body: SurveyAnswerInput): Observable<SurveyAnswerResult> {
    // The child's language for any refusal (the interceptor's is the UI language; the same here).
    return this.http.post<SurveyAnswerResult>(`/api/public/surveys/${enc(id)}/answers`, body, {
      headers: { 'Accept-Language': body.language },
    });
  }

  list(assessmentId: string, cursor: string | null): Observable<Page<SurveyListItem>> {
    const params: Record<string, string> = cursor ? { cursor } : {};
    return this.http.get<Page<SurveyListItem>>(`/api/assessments/${enc(assessmentId)}/surveys`, { params });
  }

  create(assessmentId: string, body: SurveyInput): Observable<SurveyView> {
    return this.http.post<SurveyView>(`/api/assessments/${enc(assessmentId)}/surveys`, body);
  }

  get(id: string): Observable<SurveyView> {
    return this.http.get<SurveyView>(`/api/surveys/${enc(id)}`);
  }

  update(id: string, body: SurveyInput & { version: number }): Observable<SurveyView> {
    return this.http.put<SurveyView>(`/api/surveys/${enc(id)}`, body);
  }

  /** Deletes the survey with its answers (not once the assessment is past drafting). */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/surveys/${enc(id)}`);
  }

  results(id: string): Observable<SurveyResults> {
    return this.http.get<SurveyResults>(`/api/surveys/${enc(id)}/results`);
  }

  freeTexts(id: string, cursor: string | null): Observable<Page<SurveyFreeText>> {
    const params: Record<string, string> = cursor ? { cursor } : {};
    return this.http.get<Page<SurveyFreeText>>(`/api/surveys/${enc(id)}/free-texts`, { params });
  }

  moderate(id: string, textId: string, status: 'kept' | 'hidden'): Observable<void> {
    return this.http.patch<void>(`/api/surveys/${enc(id)}/free-texts/${enc(textId)}`, { status });
  }

  addToViews(id: string): Observable<SurveyViewsEntry> {
    return this.http.post<SurveyViewsEntry>(`/api/surveys/${enc(id)}/views`, {});
  }

  viewsEntries(assessmentId: string): Observable<SurveyViewsEntry[]> {
    return this.http.get<SurveyViewsEntry[]>(`/api/assessments/${enc(assessmentId)}/survey-views`);
  }

  poster(id: string, language: Language): Observable<Blob> {
    return this.http.get(`/api/surveys/${enc(id)}/poster/${language}`, { responseType: 'blob' });
  }

  exportCsv(id: string): Observable<Blob> {
    return this.http.get(`/api/surveys/${enc(id)}/export.csv`, { responseType: 'blob' });
  }
}

/** The per-device "already answered" marker: in localStorage only, never sent anywhere. */
export const answeredKey = (surveyId: string) => `lava-survey-answered:${surveyId}`;

/** Saves a blob as a file (a poster, an export). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdoptStatementRequest,
  ConsultationDetail,
  ConsultationView,
  DispositionRequest,
  Page,
  PlanConsultationRequest,
  UpdateConsultationRequest,
  YouthCouncilOption,
} from '@lava/contracts';
import type { Observable } from 'rxjs';
import { finnishInstant } from '@lava/workflow';

/** The consultation routes of the API (see ConsultationsController). */
@Injectable({ providedIn: 'root' })
export class ConsultationApi {
  private readonly http = inject(HttpClient);

  forAssessment(assessmentId: string): Observable<ConsultationView[]> {
    return this.http.get<ConsultationView[]>(`/api/assessments/${enc(assessmentId)}/consultations`);
  }

  councils(assessmentId: string): Observable<YouthCouncilOption[]> {
    return this.http.get<YouthCouncilOption[]>(`/api/assessments/${enc(assessmentId)}/youth-councils`);
  }

  plan(assessmentId: string, body: PlanConsultationRequest): Observable<ConsultationView> {
    return this.http.post<ConsultationView>(`/api/assessments/${enc(assessmentId)}/consultations`, body);
  }

  mine(cursor: string | null): Observable<Page<ConsultationView>> {
    return this.http.get<Page<ConsultationView>>('/api/consultations', { params: cursor ? { cursor } : {} });
  }

  get(id: string): Observable<ConsultationDetail> {
    return this.http.get<ConsultationDetail>(url(id));
  }

  update(id: string, body: UpdateConsultationRequest): Observable<ConsultationView> {
    return this.http.patch<ConsultationView>(url(id), body);
  }

  remove(id: string, version: number): Observable<void> {
    return this.http.delete<void>(url(id), { params: { version } });
  }

  withdraw(id: string, version: number): Observable<ConsultationView> {
    return this.http.post<ConsultationView>(`${url(id)}/withdraw`, { version });
  }

  addPoint(id: string, text: string): Observable<ConsultationDetail> {
    return this.http.post<ConsultationDetail>(`${url(id)}/points`, { text });
  }

  updatePoint(id: string, pointId: string, version: number, text: string): Observable<ConsultationDetail> {
    return this.http.patch<ConsultationDetail>(`${url(id)}/points/${enc(pointId)}`, { version, text });
  }

  deletePoint(id: string, pointId: string, version: number): Observable<ConsultationDetail> {
    return this.http.delete<ConsultationDetail>(`${url(id)}/points/${enc(pointId)}`, { params: { version } });
  }

  restorePoint(id: string, pointId: string, version: number): Observable<ConsultationDetail> {
    return this.http.post<ConsultationDetail>(`${url(id)}/points/${enc(pointId)}/restore`, { version });
  }

  adopt(id: string, body: AdoptStatementRequest): Observable<ConsultationDetail> {
    return this.http.post<ConsultationDetail>(`${url(id)}/statement/adopt`, body);
  }

  submit(id: string, version: number): Observable<ConsultationDetail> {
    return this.http.post<ConsultationDetail>(`${url(id)}/statement/submit`, { version });
  }

  withdrawStatement(id: string, version: number): Observable<ConsultationDetail> {
    return this.http.post<ConsultationDetail>(`${url(id)}/statement/withdraw`, { version });
  }

  answer(id: string, pointId: string, body: DispositionRequest): Observable<ConsultationDetail> {
    return this.http.put<ConsultationDetail>(`${url(id)}/points/${enc(pointId)}/disposition`, body);
  }
}

function enc(id: string): string {
  return encodeURIComponent(id);
}

function url(id: string): string {
  return `/api/consultations/${enc(id)}`;
}

/**
 * An ISO instant from a date (YYYY-MM-DD) and time (HH:MM) in Finnish time, as the form asks for them:
 * a deadline means the same moment for the official abroad and for the council at home.
 */
export function localDeadline(date: string, time: string): string | null {
  return finnishInstant(date, time)?.toISOString() ?? null;
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssessmentDetail,
  DecisionView,
  ReviewChecklistItem,
  ReviewOverview,
  ReviewPerson,
  ReviewRoundView,
  TransitionRequest,
  UpdateChecklistItemRequest,
} from '@lava/contracts';
import type { Observable } from 'rxjs';

/** The review and decision endpoints around one assessment. */
@Injectable({ providedIn: 'root' })
export class ReviewApi {
  private readonly http = inject(HttpClient);

  overview(id: string): Observable<ReviewOverview> {
    return this.http.get<ReviewOverview>(`${this.url(id)}/review`);
  }

  candidates(id: string): Observable<ReviewPerson[]> {
    return this.http.get<ReviewPerson[]>(`${this.url(id)}/reviewer-candidates`);
  }

  assign(id: string, userId: string): Observable<ReviewOverview> {
    return this.http.post<ReviewOverview>(`${this.url(id)}/reviewers`, { userId });
  }

  unassign(id: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${this.url(id)}/reviewers/${encodeURIComponent(userId)}`);
  }

  updateItem(id: string, item: ReviewChecklistItem, body: UpdateChecklistItemRequest): Observable<ReviewRoundView> {
    return this.http.put<ReviewRoundView>(`${this.url(id)}/review/checklist/${encodeURIComponent(item)}`, body);
  }

  decisions(id: string): Observable<DecisionView[]> {
    return this.http.get<DecisionView[]>(`${this.url(id)}/decisions`);
  }

  /** A transition out of decision, with the decision payload. */
  decide(id: string, body: TransitionRequest): Observable<AssessmentDetail> {
    return this.http.post<AssessmentDetail>(`${this.url(id)}/transitions`, body);
  }

  private url(id: string): string {
    return `/api/assessments/${encodeURIComponent(id)}`;
  }
}

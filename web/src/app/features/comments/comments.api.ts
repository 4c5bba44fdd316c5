import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CommentAudience,
  CommentChanges,
  CommentPage,
  CommentPermissions,
  CommentSection,
  CommentThreadPage,
  CommentThreadView,
  CreateCommentRequest,
  CreateCommentThreadRequest,
  EditCommentRequest,
  MentionCandidates,
  StatementStandingRequest,
} from '@lava/contracts';
import type { Observable } from 'rxjs';

/** The comments routes of the API (see CommentsController). */
@Injectable({ providedIn: 'root' })
export class CommentsApi {
  private readonly http = inject(HttpClient);

  permissions(assessmentId: string): Observable<CommentPermissions> {
    return this.http.get<CommentPermissions>(`${this.assessment(assessmentId)}/comment-access`);
  }

  threads(
    assessmentId: string,
    filter: { section?: CommentSection; audience?: CommentAudience | null },
    cursor: string | null = null,
    limit = 20,
  ): Observable<CommentThreadPage> {
    const params: Record<string, string | number> = { limit };
    if (filter.section) params['section'] = filter.section;
    if (filter.audience) params['audience'] = filter.audience;
    if (cursor) params['cursor'] = cursor;
    return this.http.get<CommentThreadPage>(`${this.assessment(assessmentId)}/comment-threads`, { params });
  }

  startThread(assessmentId: string, body: CreateCommentThreadRequest): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`${this.assessment(assessmentId)}/comment-threads`, body);
  }

  mentionables(assessmentId: string, audience: CommentAudience, councilId: string | null): Observable<MentionCandidates> {
    const params: Record<string, string> = { audience };
    if (councilId) params['councilId'] = councilId;
    return this.http.get<MentionCandidates>(`${this.assessment(assessmentId)}/comment-mentionables`, { params });
  }

  /** Replies of a long thread before `cursor` (the thread's or the previous page's `earlier.cursor`), oldest first. */
  earlier(threadId: string, cursor: string): Observable<CommentPage> {
    return this.http.get<CommentPage>(`/api/comment-threads/${encodeURIComponent(threadId)}/comments`, { params: { before: cursor } });
  }

  reply(threadId: string, body: CreateCommentRequest): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`/api/comment-threads/${encodeURIComponent(threadId)}/comments`, body);
  }

  setResolved(threadId: string, resolved: boolean, version: number): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`/api/comment-threads/${encodeURIComponent(threadId)}/${resolved ? 'resolve' : 'reopen'}`, {
      version,
    });
  }

  edit(commentId: string, body: EditCommentRequest): Observable<CommentThreadView> {
    return this.http.patch<CommentThreadView>(this.comment(commentId), body);
  }

  remove(commentId: string): Observable<void> {
    return this.http.delete<void>(this.comment(commentId));
  }

  flag(commentId: string, reason: string): Observable<void> {
    return this.http.post<void>(`${this.comment(commentId)}/flags`, reason ? { reason } : {});
  }

  hide(commentId: string, reason: string): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`${this.comment(commentId)}/hide`, { reason });
  }

  unhide(commentId: string): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`${this.comment(commentId)}/unhide`, {});
  }

  changes(assessmentId: string): Observable<CommentChanges> {
    return this.http.get<CommentChanges>(`${this.assessment(assessmentId)}/comment-changes`);
  }

  answer(assessmentId: string, body: StatementStandingRequest): Observable<CommentChanges> {
    return this.http.put<CommentChanges>(`${this.assessment(assessmentId)}/comment-changes/answer`, body);
  }

  private assessment(id: string): string {
    return `/api/assessments/${encodeURIComponent(id)}`;
  }

  private comment(id: string): string {
    return `/api/comments/${encodeURIComponent(id)}`;
  }
}

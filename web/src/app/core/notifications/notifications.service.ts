import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { NotificationPage, NotificationView } from '@lava/contracts';
import { EMPTY, Observable, Subject, catchError, exhaustMap, merge, of, switchMap, tap, timer } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { FragmentLanding } from './fragment-landing';

export const NOTIFICATION_POLL_MS = 5_000;
const NOTIFICATIONS_URL = '/api/notifications';

/**
 * The signed-in user's latest notifications, polled every 5 s while signed in.
 * Polling stops as soon as the session ends (logout or 401).
 */
@Injectable({ providedIn: 'root' })
export class NotificationsService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly refresh$ = new Subject<void>();
  /** Notification links lead into a page (e.g. its consultation part): started with the app, like this service. */
  private readonly fragmentLanding = inject(FragmentLanding);

  private readonly page = signal<NotificationPage | null>(null);
  readonly loadFailed = signal(false);

  /** Newest first, whatever order the API sent. */
  readonly items = computed<NotificationView[]>(() =>
    [...(this.page()?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );
  readonly unreadCount = computed(() => this.page()?.unreadCount ?? 0);
  readonly loaded = computed(() => this.page() !== null);

  constructor() {
    toObservable(this.auth.isLoggedIn)
      .pipe(
        switchMap((loggedIn) => {
          if (!loggedIn) {
            this.page.set(null);
            return EMPTY;
          }
          return merge(timer(0, NOTIFICATION_POLL_MS), this.refresh$).pipe(exhaustMap(() => this.fetch()));
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  refresh(): void {
    this.refresh$.next();
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${NOTIFICATIONS_URL}/${encodeURIComponent(id)}/read`, null).pipe(
      tap(() =>
        this.page.update((page) => {
          if (!page) return page;
          const target = page.items.find((n) => n.id === id);
          if (!target || target.readAt) return page;
          return {
            ...page,
            unreadCount: Math.max(0, page.unreadCount - 1),
            items: page.items.map((n) => (n.id === id ? { ...n, readAt: new Date().toISOString() } : n)),
          };
        }),
      ),
    );
  }

  private fetch(): Observable<unknown> {
    return this.http.get<NotificationPage>(NOTIFICATIONS_URL, { params: { limit: 20 } }).pipe(
      tap((page) => {
        // A poll that was in flight while the user signed out must not bring old data back.
        if (!this.auth.isLoggedIn()) return;
        this.page.set(page);
        this.loadFailed.set(false);
      }),
      catchError(() => {
        this.loadFailed.set(true);
        return of(null);
      }),
    );
  }
}

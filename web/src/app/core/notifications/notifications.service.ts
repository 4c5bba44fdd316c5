import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NOTIFICATION_STREAM_ROUTES, type NotificationPage, type NotificationStreamTicket, type NotificationView } from '@lava/contracts';
import { EMPTY, Observable, Subject, catchError, defer, exhaustMap, merge, of, repeat, switchMap, takeUntil, tap, timer } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { FragmentLanding } from './fragment-landing';

export const NOTIFICATION_POLL_MS = 5_000;
/** After the stream fails, the bell polls this long before it tries the stream again (doubling each time, up to a minute). */
export const STREAM_RETRY_MS = 5_000;
const STREAM_RETRY_MAX_MS = 60_000;
const NOTIFICATIONS_URL = '/api/notifications';

/**
 * The signed-in user's latest notifications. The server tells the bell when they change (server-sent
 * events, pushed through every API replica); the list is read then, and once whenever the stream
 * (re)connects. Only while the stream fails (a proxy that cuts it, the API restarting, a browser
 * without EventSource) does the bell poll every 5 s. Everything stops as soon as the session ends.
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
          return merge(this.changes(), this.refresh$).pipe(exhaustMap(() => this.fetch()));
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

  /** Emits whenever the list should be read again. */
  private changes(): Observable<unknown> {
    if (typeof EventSource === 'undefined') return timer(0, NOTIFICATION_POLL_MS);
    let failures = 0;
    const attempt = (): Observable<unknown> =>
      this.stream(() => (failures = 0)).pipe(
        catchError(() => {
          failures++;
          const wait = Math.min(STREAM_RETRY_MAX_MS, STREAM_RETRY_MS * 2 ** (failures - 1));
          return timer(0, NOTIFICATION_POLL_MS).pipe(takeUntil(timer(wait)));
        }),
      );
    // A stream the server ended is replaced at once; after a failure, once the polling spell is over.
    return defer(attempt).pipe(repeat());
  }

  /** One event stream: a ticket (EventSource cannot send the bearer token), then the events until it ends. */
  private stream(onReady: () => void): Observable<void> {
    return this.http.post<NotificationStreamTicket>(NOTIFICATION_STREAM_ROUTES.ticket, null).pipe(
      switchMap(
        ({ ticket }) =>
          new Observable<void>((subscriber) => {
            const source = new EventSource(`${NOTIFICATION_STREAM_ROUTES.stream}?ticket=${encodeURIComponent(ticket)}`);
            // Connected: read the list once (whatever changed while there was no stream).
            source.addEventListener('ready', () => {
              onReady();
              subscriber.next();
            });
            source.addEventListener('notifications', () => subscriber.next());
            // The server ends streams now and then (and when it stops): a new ticket, a new stream.
            source.addEventListener('reconnect', () => subscriber.complete());
            // EventSource would retry with the same ticket, which expires: polling takes over instead.
            source.addEventListener('error', () => subscriber.error(new Error('The notification stream failed.')));
            return () => source.close();
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

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { NotificationPage, NotificationView } from '@lava/contracts';
import { AuthService } from '../auth/auth.service';
import { NOTIFICATION_POLL_MS, NotificationsService, STREAM_RETRY_MS } from './notifications.service';

const URL = '/api/notifications?limit=20';

function note(id: string, createdAt: string, readAt: string | null = null): NotificationView {
  return {
    id,
    kind: 'assessment_created',
    params: { title: `T${id}`, municipality: 'Kotka' },
    assessmentId: 'a1',
    createdAt,
    readAt,
  };
}

describe('NotificationsService', () => {
  const loggedIn = signal(true);

  beforeEach(() => {
    jest.useFakeTimers();
    loggedIn.set(true);
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: { isLoggedIn: loggedIn } }],
    });
  });

  afterEach(() => jest.useRealTimers());

  it('polls every 5 s while signed in, newest first, and stops when signed out', () => {
    const service = TestBed.inject(NotificationsService);
    const http = TestBed.inject(HttpTestingController);
    TestBed.tick();
    jest.advanceTimersByTime(0);

    const page: NotificationPage = {
      items: [note('1', '2026-11-20T10:00:00Z'), note('2', '2026-11-22T10:00:00Z', '2026-11-22T11:00:00Z')],
      nextCursor: null,
      unreadCount: 1,
    };
    http.expectOne(URL).flush(page);
    expect(service.unreadCount()).toBe(1);
    expect(service.items().map((n) => n.id)).toEqual(['2', '1']);

    jest.advanceTimersByTime(NOTIFICATION_POLL_MS);
    http.expectOne(URL).flush({ ...page, unreadCount: 2 });
    expect(service.unreadCount()).toBe(2);

    loggedIn.set(false);
    TestBed.tick();
    expect(service.unreadCount()).toBe(0);
    jest.advanceTimersByTime(NOTIFICATION_POLL_MS * 3);
    http.expectNone(URL);
    http.verify();
  });

  it('marks one as read and lowers the unread count', () => {
    const service = TestBed.inject(NotificationsService);
    const http = TestBed.inject(HttpTestingController);
    TestBed.tick();
    jest.advanceTimersByTime(0);
    http.expectOne(URL).flush({ items: [note('7', '2026-11-22T10:00:00Z')], nextCursor: null, unreadCount: 1 });

    service.markRead('7').subscribe();
    const req = http.expectOne('/api/notifications/7/read');
    expect(req.request.method).toBe('POST');
    req.flush(null, { status: 204, statusText: 'No Content' });

    expect(service.unreadCount()).toBe(0);
    expect(service.items()[0].readAt).not.toBeNull();
  });

  describe('with server-sent events', () => {
    /** Stands in for the browser's EventSource: the test fires the server's events. */
    class FakeEventSource {
      static opened: FakeEventSource[] = [];
      readonly listeners = new Map<string, (() => void)[]>();
      closed = false;
      constructor(readonly url: string) {
        FakeEventSource.opened.push(this);
      }
      addEventListener(name: string, listener: () => void): void {
        this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      }
      fire(name: string): void {
        for (const listener of this.listeners.get(name) ?? []) listener();
      }
      close(): void {
        this.closed = true;
      }
    }
    const page: NotificationPage = { items: [], nextCursor: null, unreadCount: 0 };

    beforeEach(() => {
      FakeEventSource.opened = [];
      (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
    });
    afterEach(() => delete (globalThis as { EventSource?: unknown }).EventSource);

    function openStream(http: HttpTestingController, ticket: string): FakeEventSource {
      const request = http.expectOne('/api/notifications/stream-ticket');
      expect(request.request.method).toBe('POST');
      request.flush({ ticket, expiresAt: '2026-12-04T12:01:00Z' });
      const source = FakeEventSource.opened.at(-1);
      if (!source) throw new Error('no EventSource opened');
      expect(source.url).toBe(`/api/notifications/stream?ticket=${ticket}`);
      return source;
    }

    it('reads the list when the stream opens and when the server says it changed, and does not poll meanwhile', () => {
      const service = TestBed.inject(NotificationsService);
      const http = TestBed.inject(HttpTestingController);
      TestBed.tick();
      const source = openStream(http, 'a.b');
      http.expectNone(URL);

      source.fire('ready');
      http.expectOne(URL).flush({ ...page, unreadCount: 1 });
      expect(service.unreadCount()).toBe(1);
      jest.advanceTimersByTime(NOTIFICATION_POLL_MS * 4);
      http.expectNone(URL);

      source.fire('notifications');
      http.expectOne(URL).flush({ ...page, unreadCount: 2 });
      expect(service.unreadCount()).toBe(2);

      // The server ends the stream: a new ticket and a new stream at once.
      source.fire('reconnect');
      expect(source.closed).toBe(true);
      openStream(http, 'c.d');

      loggedIn.set(false);
      TestBed.tick();
      expect(FakeEventSource.opened.at(-1)?.closed).toBe(true);
      http.verify();
    });

    it('polls while the stream fails, and tries the stream again after a while', () => {
      TestBed.inject(NotificationsService);
      const http = TestBed.inject(HttpTestingController);
      TestBed.tick();
      const source = openStream(http, 'a.b');
      source.fire('error');
      expect(source.closed).toBe(true);
      // Polling at once and every 5 s until the next try.
      jest.advanceTimersByTime(0);
      http.expectOne(URL).flush(page);
      jest.advanceTimersByTime(STREAM_RETRY_MS);
      http.match(URL).forEach((request) => request.flush(page));
      const again = openStream(http, 'c.d');
      again.fire('ready');
      http.expectOne(URL).flush(page);
      jest.advanceTimersByTime(NOTIFICATION_POLL_MS * 3);
      http.expectNone(URL);

      // No ticket (e.g. the API is down): polling as well.
      again.fire('error');
      jest.advanceTimersByTime(0);
      http.expectOne(URL).flush(page);
      jest.advanceTimersByTime(STREAM_RETRY_MS * 2);
      http.match(URL).forEach((request) => request.flush(page));
      http.expectOne('/api/notifications/stream-ticket').flush({ message: 'down' }, { status: 503, statusText: 'Unavailable' });
      jest.advanceTimersByTime(0);
      http.expectOne(URL).flush(page);
      http.verify();
    });
  });
});

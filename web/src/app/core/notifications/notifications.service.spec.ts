import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { NotificationPage, NotificationView } from '@lava/contracts';
import { AuthService } from '../auth/auth.service';
import { NOTIFICATION_POLL_MS, NotificationsService } from './notifications.service';

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
});

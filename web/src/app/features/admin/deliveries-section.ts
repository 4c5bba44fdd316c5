import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FailedNotification, QueueBoardSession, QueueCounts } from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { apiError } from '../../shared/api-error';
import { AdminApi } from './admin.api';

/** E-mails that could not be delivered (e.g. a refused address), with a retry; the queue's counts and its dashboard. */
@Component({
  selector: 'lava-deliveries-section',
  imports: [TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deliveries-section.html',
})
export class DeliveriesSection {
  private readonly api = inject(AdminApi);
  private readonly http = inject(HttpClient);
  private readonly announcer = inject(AnnouncerService);
  protected readonly locale = inject(LanguageService).locale;

  protected readonly failed = signal<FailedNotification[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly queues = signal<QueueCounts[]>([]);
  protected readonly error = signal<string | null>(null);
  /** Whether this admin may open the dashboard: only admins of a top-level organization (a region), as it shows every municipality's jobs (null until known). */
  protected readonly boardAvailable = signal<boolean | null>(null);
  /** Set once the dashboard's cookie is set: the link to open it, and until when it works. */
  protected readonly board = signal<QueueBoardSession | null>(null);

  constructor() {
    this.load(null);
  }

  /** The dashboard is a page of its own, which a browser opens without our bearer token: this sets its short-lived cookie first. */
  protected openBoard(): void {
    this.http.post<QueueBoardSession>('/api/admin/queues/board-session', null).subscribe({
      next: (session) => {
        this.board.set(session);
        this.announcer.announce('deliveries.boardReady');
      },
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
  }

  protected showMore(): void {
    this.load(this.nextCursor());
  }

  protected retry(item: FailedNotification): void {
    this.api.retryNotification(item.id).subscribe({
      next: () => {
        this.failed.update((list) => list.filter((f) => f.id !== item.id));
        this.announcer.announce('deliveries.retried', { email: item.recipientEmail });
      },
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
  }

  private load(cursor: string | null): void {
    this.api.failedNotifications(cursor).subscribe({
      next: (page) => {
        this.failed.update((list) => (cursor ? [...list, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
      },
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
    if (!cursor) {
      this.api.queues().subscribe({
        next: (overview) => {
          this.queues.set(overview.queues);
          this.boardAvailable.set(overview.boardAvailable);
        },
      });
    }
  }
}

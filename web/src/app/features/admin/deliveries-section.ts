import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FailedNotification, QueueCounts } from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { apiError } from '../../shared/api-error';
import { AdminApi } from './admin.api';

/** E-mails that could not be delivered (e.g. a refused address), with a retry, and the queue's counts. */
@Component({
  selector: 'lava-deliveries-section',
  imports: [TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deliveries-section.html',
})
export class DeliveriesSection {
  private readonly api = inject(AdminApi);
  private readonly announcer = inject(AnnouncerService);
  protected readonly locale = inject(LanguageService).locale;

  protected readonly failed = signal<FailedNotification[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly queues = signal<QueueCounts[]>([]);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.load(null);
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
    if (!cursor) this.api.queues().subscribe({ next: (queues) => this.queues.set(queues) });
  }
}

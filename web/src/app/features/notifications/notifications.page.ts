import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NOTIFICATION_KINDS, type NotificationView } from '@lava/contracts';
import { LanguageService } from '../../core/i18n/language.service';
import { NotificationsService } from '../../core/notifications/notifications.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';

@Component({
  selector: 'lava-notifications-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notifications.page.html',
  styleUrl: './notifications.page.css',
})
export class NotificationsPage {
  protected readonly notifications = inject(NotificationsService);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly failedId = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);

  constructor() {
    this.notifications.refresh();
  }

  /** Translation key for the notification's text; unknown kinds get a generic text. */
  protected textKey(n: NotificationView): string {
    return (NOTIFICATION_KINDS as readonly string[]).includes(n.kind) ? `notifications.kinds.${n.kind}` : 'notifications.kinds.unknown';
  }

  protected markRead(n: NotificationView): void {
    this.busyId.set(n.id);
    this.failedId.set(null);
    this.notifications.markRead(n.id).subscribe({
      next: () => this.busyId.set(null),
      error: () => {
        this.busyId.set(null);
        this.failedId.set(n.id);
      },
    });
  }
}

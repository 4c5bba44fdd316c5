import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NOTIFICATION_KINDS, type NotificationView, notificationLink } from '@lava/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { notificationDisplayParams, notificationLinkLabel } from '../../core/notifications/notification-display';
import { NotificationsService } from '../../core/notifications/notifications.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';

/** Where the section and outcome names are (objects of names, not texts). */
const NAMES = 'notifications';

@Component({
  selector: 'lava-notifications-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // A youth council member's notifications are a youth page: 44 px tap targets (styles.css).
  host: { '[class.youth-page]': "auth.homePath() === '/consultations'" },
  templateUrl: './notifications.page.html',
  styleUrl: './notifications.page.css',
})
export class NotificationsPage {
  protected readonly auth = inject(AuthService);
  protected readonly notifications = inject(NotificationsService);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  protected readonly locale = this.language.locale;
  protected readonly failedId = signal<string | null>(null);
  private readonly sections = toSignal(this.transloco.selectTranslateObject<Record<string, string>>(`${NAMES}.sections`), {
    initialValue: {},
  });
  private readonly outcomes = toSignal(this.transloco.selectTranslateObject<Record<string, string>>(`${NAMES}.outcomes`), {
    initialValue: {},
  });

  /** Each notification with what its sentence shows, where its link leads and what the link says. */
  protected readonly shown = computed(() => {
    const names = { sections: this.sections() ?? {}, outcomes: this.outcomes() ?? {} };
    return this.notifications.items().map((n) => ({
      n,
      params: notificationDisplayParams(n, this.language.language(), this.locale(), names),
      link: n.assessmentId ? notificationLink(n) : null,
      linkLabel: notificationLinkLabel(n.kind),
    }));
  });
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

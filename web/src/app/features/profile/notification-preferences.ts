import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreferences,
  type UpdateNotificationPreferences,
} from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { apiError } from '../../shared/api-error';

/** For each kind of notification: only in Lava, also an e-mail at once, or in the morning's digest. */
@Component({
  selector: 'lava-notification-preferences',
  imports: [FormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">{{ 'preferences.heading' | transloco }}</h2>
      <p class="muted">{{ 'preferences.intro' | transloco }}</p>
      <form (ngSubmit)="save()">
        @for (item of items(); track item.kind) {
          <fieldset>
            <legend>{{ 'preferences.kinds.' + item.kind | transloco }}</legend>
            @for (channel of channels; track channel) {
              <label class="choice">
                <input type="radio" [name]="item.kind" [value]="channel" [(ngModel)]="item.channel" />
                {{ 'preferences.channels.' + channel | transloco }}
              </label>
            }
          </fieldset>
        }
        <div role="alert" class="alert">
          @if (error(); as e) {
            {{ e }}
          }
        </div>
        <button type="submit" class="btn">{{ 'preferences.save' | transloco }}</button>
      </form>
    </section>
  `,
  styles: `
    fieldset {
      border: 1px solid #c4c9d0;
      border-radius: 6px;
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
    }
    .choice {
      display: block;
      padding: 0.25rem 0;
    }
  `,
})
export class NotificationPreferencesSection {
  private readonly http = inject(HttpClient);
  private readonly announcer = inject(AnnouncerService);
  protected readonly channels = NOTIFICATION_CHANNELS;
  protected readonly items = signal<{ kind: NotificationKind; channel: NotificationChannel }[]>([]);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.http.get<NotificationPreferences>('/api/me/notification-preferences').subscribe({
      next: (prefs) => this.items.set(prefs.items.map(({ kind, channel }) => ({ kind, channel }))),
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
  }

  protected save(): void {
    const body: UpdateNotificationPreferences = { items: this.items() };
    this.http.put<NotificationPreferences>('/api/me/notification-preferences', body).subscribe({
      next: () => {
        this.error.set(null);
        this.announcer.announce('preferences.saved');
      },
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
  }
}

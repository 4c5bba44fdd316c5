import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KIND_AUDIENCE,
  NOTIFICATION_KIND_GROUPS,
  type ConfigurableNotificationKind,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreferences,
  type UpdateNotificationPreferences,
} from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { AuthService } from '../../core/auth/auth.service';
import { apiError } from '../../shared/api-error';

/** For each kind of notification: only in Lava, also an e-mail at once, or in the morning's digest. */
@Component({
  selector: 'lava-notification-preferences',
  imports: [FormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section id="notification-preferences" class="card" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">{{ 'preferences.heading' | transloco }}</h2>
      <p class="muted">{{ 'preferences.intro' | transloco }}</p>
      <form (ngSubmit)="save()">
        @for (group of groups(); track group.key) {
          <h3 class="group">{{ 'preferences.groups.' + group.key | transloco }}</h3>
          @for (item of group.items; track item.kind) {
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
    .group {
      font-size: 1.05rem;
      margin: 1.25rem 0 0.5rem;
    }
  `,
})
export class NotificationPreferencesSection {
  private readonly http = inject(HttpClient);
  private readonly announcer = inject(AnnouncerService);
  private readonly auth = inject(AuthService);
  protected readonly channels = NOTIFICATION_CHANNELS;
  protected readonly items = signal<{ kind: NotificationKind; channel: NotificationChannel }[]>([]);

  /**
   * The kinds in their groups, only those for the person's roles: a youth council member does not see
   * review requests, an official does not see the council's reminders (someone with both sees both).
   * Kinds not shown keep their setting: saving sends only the kinds shown.
   */
  protected readonly groups = computed(() => {
    const roles = new Set(this.auth.user()?.memberships.map((m) => m.role) ?? []);
    const youth = roles.has('youth_council_member');
    const staff = [...roles].some((r) => r !== 'youth_council_member') || roles.size === 0;
    const shown = (kind: NotificationKind): boolean => {
      const audience = NOTIFICATION_KIND_AUDIENCE[kind as ConfigurableNotificationKind] ?? 'all';
      return audience === 'all' || (audience === 'youth' ? youth : staff);
    };
    const byKind = new Map(this.items().map((item) => [item.kind, item]));
    return NOTIFICATION_KIND_GROUPS.map((group) => ({
      key: group.key,
      items: group.kinds.filter(shown).flatMap((kind) => byKind.get(kind) ?? []),
    })).filter((group) => group.items.length > 0);
  });
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.http.get<NotificationPreferences>('/api/me/notification-preferences').subscribe({
      next: (prefs) => this.items.set(prefs.items.map(({ kind, channel }) => ({ kind, channel }))),
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
  }

  protected save(): void {
    // Only the kinds shown: the others keep their setting (or their default).
    const body: UpdateNotificationPreferences = {
      items: this.groups().flatMap((group) => group.items.map(({ kind, channel }) => ({ kind, channel }))),
    };
    this.http.put<NotificationPreferences>('/api/me/notification-preferences', body).subscribe({
      next: () => {
        this.error.set(null);
        this.announcer.announce('preferences.saved');
      },
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
  }
}

import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';

/**
 * On the Profile page: a personal calendar feed (ICS) with a secret address. The address is shown
 * once, when made (Lava keeps only its hash); a new one ends the old one; it can be turned off.
 */
@Component({
  selector: 'lava-calendar-feed-section',
  imports: [TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section id="calendar" class="card" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{{ 'calendarFeed.heading' | transloco }}</h2>
      <p>{{ 'calendarFeed.intro' | transloco }}</p>
      <p>{{ 'calendarFeed.secret' | transloco }}</p>
      @if (status(); as s) {
        @if (s.active) {
          <p>
            {{ 'calendarFeed.on' | transloco: { date: (s.createdAt | localDate: locale() : 'datetime') } }}
            @if (s.lastReadAt) {
              {{ 'calendarFeed.lastRead' | transloco: { date: (s.lastReadAt | localDate: locale() : 'datetime') } }}
            } @else {
              {{ 'calendarFeed.neverRead' | transloco }}
            }
          </p>
        } @else {
          <p>{{ 'calendarFeed.off' | transloco }}</p>
        }
      }
      @if (url(); as address) {
        <div class="field">
          <label for="calendar-url">{{ 'calendarFeed.urlLabel' | transloco }}</label>
          <p id="calendar-url-hint" class="hint">{{ 'calendarFeed.urlHint' | transloco }}</p>
          <input id="calendar-url" type="url" readonly [value]="address" aria-describedby="calendar-url-hint" (focus)="select($event)" />
        </div>
        <div class="form-actions">
          <button type="button" class="btn" (click)="copy(address)">{{ 'calendarFeed.copy' | transloco }}</button>
        </div>
      }
      <div class="form-actions">
        @if (status()?.active) {
          <button type="button" class="btn btn-secondary" [disabled]="busy()" (click)="make()" aria-describedby="calendar-remake-hint">
            {{ 'calendarFeed.remake' | transloco }}
          </button>
          <button type="button" class="btn btn-secondary" [disabled]="busy()" (click)="turnOff()">
            {{ 'calendarFeed.turnOff' | transloco }}
          </button>
        } @else if (status()) {
          <button type="button" class="btn" [disabled]="busy()" (click)="make()">{{ 'calendarFeed.make' | transloco }}</button>
        }
      </div>
      @if (status()?.active) {
        <p id="calendar-remake-hint" class="hint">{{ 'calendarFeed.remakeHint' | transloco }}</p>
      }
      <div role="alert" class="alert">
        @if (failed()) {
          {{ 'calendarFeed.failed' | transloco }}
        }
      </div>
    </section>
  `,
})
export class CalendarFeedSection {
  private readonly http = inject(HttpClient);
  private readonly announcer = inject(AnnouncerService);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly status = signal<CalendarFeedStatus | null>(null);
  /** The secret address, only right after it was made (Lava cannot show it again). */
  protected readonly url = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);

  constructor() {
    this.http.get<CalendarFeedStatus>('/api/me/calendar-feed').subscribe({
      next: (status) => this.status.set(status),
      error: () => this.failed.set(true),
    });
  }

  protected make(): void {
    this.run(this.http.post<CalendarFeedCreated>('/api/me/calendar-feed', {}), (created) => {
      const { url, ...status } = created;
      this.status.set(status);
      this.url.set(url);
      this.announcer.announce('calendarFeed.made');
    });
  }

  protected turnOff(): void {
    this.run(this.http.delete<void>('/api/me/calendar-feed'), () => {
      this.status.set({ active: false, createdAt: null, lastReadAt: null });
      this.url.set(null);
      this.announcer.announce('calendarFeed.turnedOff');
    });
  }

  protected copy(address: string): void {
    void navigator.clipboard?.writeText(address).then(
      () => this.announcer.announce('calendarFeed.copied'),
      () => undefined, // the field stays selectable: copying by hand works everywhere
    );
  }

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  private run<T>(request: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.failed.set(false);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: () => {
        this.busy.set(false);
        this.failed.set(true);
      },
    });
  }
}

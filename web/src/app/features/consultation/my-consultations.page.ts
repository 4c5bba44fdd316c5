import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ConsultationView } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { ConsultationApi } from './consultation.api';

/** A youth council member's start page: the statements the council has been asked for, newest first. */
@Component({
  selector: 'lava-my-consultations-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 tabindex="-1">{{ 'consultation.titles.mine' | transloco }}</h1>
    <p class="lead">{{ 'consultation.mine.intro' | transloco }}</p>
    @if (failed()) {
      <div class="alert" role="alert">
        <p>{{ 'consultation.mine.loadError' | transloco }}</p>
        <button type="button" class="btn btn-secondary btn-small" (click)="load(null)">{{ 'common.retry' | transloco }}</button>
      </div>
    } @else if (!loaded()) {
      <p role="status" class="muted">{{ 'common.loading' | transloco }}</p>
    } @else if (items().length === 0) {
      <p>{{ 'consultation.mine.none' | transloco }}</p>
    } @else {
      <ul class="list">
        @for (c of items(); track c.id) {
          <li class="card">
            <h2>
              <a [routerLink]="['/consultations', c.id]">{{ c.assessmentTitle }}</a>
            </h2>
            <p>
              <span class="status-badge" [attr.data-status]="c.boardStatus">{{ 'consultation.status.' + c.boardStatus | transloco }}</span>
              {{ 'consultation.mine.deadline' | transloco }}
              <time [attr.datetime]="c.deadline">{{ c.deadline | localDate: locale() : 'datetime' }}</time>
            </p>
            <p class="muted">{{ c.youthCouncil.name }}</p>
          </li>
        }
      </ul>
      @if (next()) {
        <button type="button" class="btn btn-secondary" (click)="load(next())">{{ 'consultation.mine.more' | transloco }}</button>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 48rem;
    }
    .list {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    .list h2 {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    .list p {
      margin: 0.25rem 0;
    }
    .status-badge {
      margin-right: 0.5rem;
    }
  `,
})
export class MyConsultationsPage {
  private readonly api = inject(ConsultationApi);
  private readonly language = inject(LanguageService);
  protected readonly locale = this.language.locale;
  protected readonly items = signal<ConsultationView[]>([]);
  protected readonly next = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly failed = signal(false);

  constructor() {
    // The council's name comes in the language of the request: reload from the top when the
    // language changes (the first run of the effect is the initial load).
    effect(() => {
      this.language.language();
      untracked(() => {
        this.loaded.set(false);
        void this.load(null);
      });
    });
  }

  protected async load(cursor: string | null): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.mine(cursor));
      this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
      this.next.set(page.nextCursor);
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    } finally {
      this.loaded.set(true);
    }
  }
}

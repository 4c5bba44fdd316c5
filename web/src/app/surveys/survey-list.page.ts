import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SurveyListItem } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { apiError } from '../shared/api-error';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { SurveysApi } from './surveys.api';

/** An assessment's surveys for children, newest first (keyset pages). */
@Component({
  selector: 'lava-survey-list-page',
  imports: [TranslocoPipe, RouterLink, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>
      <a [routerLink]="['/assessments', assessmentId()]">{{ 'surveys.backToAssessment' | transloco }}</a>
    </p>
    <h1>{{ 'surveys.list.heading' | transloco }}</h1>
    <p class="hint">{{ 'surveys.list.intro' | transloco }}</p>
    <p>
      <a class="btn" [routerLink]="['/assessments', assessmentId(), 'surveys', 'new']">{{ 'surveys.list.new' | transloco }}</a>
    </p>
    @if (error()) {
      <p class="alert" role="alert">{{ error() }}</p>
    }
    @if (items().length === 0 && loaded()) {
      <p>{{ 'surveys.list.none' | transloco }}</p>
    } @else {
      <ul class="survey-list">
        @for (s of items(); track s.id) {
          <li class="card">
            <h2>
              <a [routerLink]="['/assessments', assessmentId(), 'surveys', s.id]">{{
                s.title[s.languages.includes(lang()) ? lang() : s.languages[0]]
              }}</a>
            </h2>
            <p>
              {{ 'surveys.status.' + s.status | transloco }} ·
              {{
                'surveys.list.dates'
                  | transloco: { from: (s.opensAt | localDate: locale() : 'datetime'), to: (s.closesAt | localDate: locale() : 'datetime') }
              }}
              ·
              {{ 'surveys.list.respondents' | transloco: { count: s.respondents } }}
            </p>
          </li>
        }
      </ul>
      @if (cursor()) {
        <button type="button" class="btn btn-secondary" (click)="more()">{{ 'surveys.list.more' | transloco }}</button>
      }
    }
  `,
  styles: `
    .survey-list {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .survey-list h2 {
      font-size: 1.125rem;
      margin: 0 0 0.25rem;
    }
    .survey-list p {
      margin: 0;
    }
  `,
})
export class SurveyListPage {
  readonly assessmentId = input.required<string>();
  private readonly api = inject(SurveysApi);
  private readonly language = inject(LanguageService);
  protected readonly lang = this.language.language;
  protected readonly locale = this.language.locale;
  protected readonly items = signal<SurveyListItem[]>([]);
  protected readonly cursor = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => void this.load(this.assessmentId(), null));
  }

  protected more(): void {
    void this.load(this.assessmentId(), this.cursor());
  }

  private async load(id: string, cursor: string | null): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.list(id, cursor));
      this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
      this.cursor.set(page.nextCursor);
      this.loaded.set(true);
    } catch (error) {
      this.error.set(apiError(error)?.message ?? 'Error');
    }
  }
}

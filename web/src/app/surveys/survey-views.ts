import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Language, SurveyViewsEntry } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { SurveysApi } from './surveys.api';

/** In the record's children's views: the summaries of the assessment's surveys (method "survey"), and the way to its surveys. */
@Component({
  selector: 'lava-survey-views',
  imports: [TranslocoPipe, RouterLink, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="survey-views">
      <h3>{{ 'surveys.views.heading' | transloco }}</h3>
      @for (v of entries(); track v.surveyId) {
        @let l = pick(v.languages);
        <article class="entry">
          <h4 [attr.lang]="l">{{ v.title[l] }}</h4>
          <p class="hint">
            {{
              'surveys.views.meta'
                | transloco
                  : {
                      count: v.respondents,
                      from: (v.opensAt | localDate: locale() : 'date'),
                      to: (v.closesAt | localDate: locale() : 'date'),
                    }
            }}
          </p>
          <p class="summary" [attr.lang]="l">{{ v.summary[l] }}</p>
        </article>
      } @empty {
        <p class="hint">{{ 'surveys.views.none' | transloco }}</p>
      }
      <p>
        <a [routerLink]="['/assessments', assessmentId(), 'surveys']">{{ 'surveys.views.open' | transloco }}</a>
      </p>
    </div>
  `,
  styles: `
    .survey-views {
      margin-top: 1.5rem;
      padding-top: 1rem;
      border-top: 1px solid var(--border);
    }
    .survey-views h3 {
      font-size: 1.05rem;
      margin: 0 0 0.5rem;
    }
    .survey-views h4 {
      font-size: 1rem;
      margin: 0.75rem 0 0.25rem;
    }
    .summary {
      white-space: pre-line;
      margin: 0.25rem 0;
    }
  `,
})
export class SurveyViews {
  readonly assessmentId = input.required<string>();
  private readonly api = inject(SurveysApi);
  private readonly language = inject(LanguageService);
  protected readonly locale = this.language.locale;
  protected readonly entries = signal<SurveyViewsEntry[]>([]);
  private readonly ui = computed(() => this.language.language());

  constructor() {
    effect(() => {
      const id = this.assessmentId();
      void firstValueFrom(this.api.viewsEntries(id))
        .then((list) => this.entries.set(list))
        .catch(() => this.entries.set([]));
    });
  }

  protected pick(languages: Language[]): Language {
    return languages.includes(this.ui()) ? this.ui() : (languages[0] ?? 'fi');
  }
}

import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PublicSurvey } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { isLanguage } from '../core/i18n/languages';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { SurveysApi } from './surveys.api';

/** After answering: thank you, and where and when the child hears what came of it. */
@Component({
  selector: 'lava-survey-thanks-page',
  imports: [TranslocoPipe, RouterLink, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="survey-page">
      <h1>{{ 'surveys.thanks.title' | transloco }}</h1>
      <p>{{ 'surveys.thanks.saved' | transloco }}</p>
      @if (survey(); as s) {
        @if (s.plannedMeetingDate) {
          <p>{{ 'surveys.thanks.meeting' | transloco: { date: (s.plannedMeetingDate | localDate: locale() : 'date') } }}</p>
        }
        <p>
          {{ 'surveys.thanks.where' | transloco }}
          <a [routerLink]="s.publicPath">{{ 'surveys.thanks.publicPage' | transloco }}</a>
        </p>
        <p class="hint">{{ 'surveys.thanks.bookmark' | transloco }}</p>
      }
    </div>
  `,
  styleUrl: './survey-answer.page.css',
})
export class SurveyThanksPage {
  readonly id = input.required<string>();
  readonly lang = input<string | undefined>(undefined);
  private readonly api = inject(SurveysApi);
  private readonly language = inject(LanguageService);
  protected readonly locale = this.language.locale;
  protected readonly survey = signal<PublicSurvey | null>(null);

  constructor() {
    effect(() => void this.load(this.id(), this.lang()));
  }

  private async load(id: string, lang: string | undefined): Promise<void> {
    if (isLanguage(lang ?? null) && lang !== this.language.language()) await this.language.use(lang as 'fi');
    this.survey.set(await firstValueFrom(this.api.publicSurvey(id)).catch(() => null));
  }
}

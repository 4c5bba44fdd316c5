import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { StageBar } from '../../shared/stage-bar/stage-bar';
import { AssessmentsApi } from './assessments.api';

@Component({
  selector: 'lava-assessment-detail-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe, StageBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-detail.page.html',
  styleUrl: './assessment-detail.page.css',
})
export class AssessmentDetailPage {
  /** Route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  private readonly api = inject(AssessmentsApi);
  protected readonly locale = inject(LanguageService).locale;

  protected readonly assessment = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });

  protected readonly notFound = computed(() => {
    const error = this.assessment.error();
    const cause = error && 'cause' in error ? error.cause : error;
    return (error instanceof HttpErrorResponse && error.status === 404) || (cause instanceof HttpErrorResponse && cause.status === 404);
  });
}

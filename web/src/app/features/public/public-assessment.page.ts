import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PublicAssessment, PublicAssessmentPage } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { groupKind } from '../../shared/group-kind';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { PublicApi } from './public.api';
import { SurveySummaryPipe } from '../../surveys/survey-summary.pipe';

/**
 * A published assessment for anyone: the plain-language summary first, then the record, the
 * statements with the answer to each point, the decision, the PDFs and the signatures to verify.
 */
@Component({
  selector: 'lava-public-assessment-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe, SurveySummaryPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-assessment.page.html',
  styleUrl: './public.css',
})
export class PublicAssessmentPageComponent {
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly api = inject(PublicApi);
  private readonly language = inject(LanguageService);
  protected readonly locale = this.language.locale;

  protected readonly page = signal<PublicAssessmentPage | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly gone = signal(false);

  /** Matrix rows per alternative, in the record's order (one table each). */
  protected readonly matrix = computed(() => {
    const a = this.page()?.assessment;
    if (!a) return [];
    return a.record.alternatives.items.map((alternative) => ({
      alternative,
      rows: a.record.impactMatrix.rows.filter((row) => row.alternativeId === alternative.id),
    }));
  });

  constructor() {
    effect(() => {
      // Again in the new language when the reader switches it (organization names are translated).
      this.language.language();
      void this.load(this.id());
    });
  }

  protected groupKey(group: string): string | null {
    switch (groupKind(group)) {
      case 'all':
      case 'age':
        return `public.groups.${group}`;
      case 'vulnerable':
        return `public.vulnerable.${group}`;
      case 'other':
        return null;
    }
  }

  protected screenedOut(a: PublicAssessment): boolean {
    return a.screening.affectsChildren === false;
  }

  private async load(id: string): Promise<void> {
    try {
      this.page.set(await firstValueFrom(this.api.page(id)));
      this.error.set(null);
    } catch (error) {
      const body = apiError(error);
      this.gone.set((error as { status?: number }).status === 410);
      this.error.set(body?.message ?? null);
      this.page.set(null);
    }
  }
}

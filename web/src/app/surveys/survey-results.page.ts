import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  SURVEY_AGE_BANDS,
  type Language,
  type SurveyAgeBand,
  type SurveyFreeText,
  type SurveyQuestion,
  type SurveyResults,
  type SurveyView,
} from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { AnnouncerService } from '../core/a11y/announcer.service';
import { LanguageService } from '../core/i18n/language.service';
import { apiError } from '../shared/api-error';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { FACES } from './survey-answer.page';
import { download, SurveysApi } from './surveys.api';

/**
 * A survey for the official: its link, QR code and poster; the results (each chart with its table,
 * small cells, and any count they could be worked out from, shown as "hidden"); the free texts to keep or hide; "Add to children's views".
 */
@Component({
  selector: 'lava-survey-results-page',
  imports: [TranslocoPipe, RouterLink, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './survey-results.page.html',
  styleUrl: './survey-results.page.css',
})
export class SurveyResultsPage {
  readonly assessmentId = input.required<string>();
  readonly surveyId = input.required<string>();

  private readonly api = inject(SurveysApi);
  private readonly transloco = inject(TranslocoService);
  private readonly announcer = inject(AnnouncerService);
  private readonly language = inject(LanguageService);
  protected readonly locale = this.language.locale;
  protected readonly ageBands = SURVEY_AGE_BANDS;

  protected readonly survey = signal<SurveyView | null>(null);
  protected readonly results = signal<SurveyResults | null>(null);
  protected readonly texts = signal<SurveyFreeText[]>([]);
  protected readonly textsCursor = signal<string | null>(null);
  protected readonly qr = signal<{ size: number; path: string } | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly added = signal<string | null>(null);

  /** The language the survey's texts are shown in here. */
  protected readonly lang = computed<Language>(() => {
    const s = this.survey();
    const ui = this.language.language();
    return !s || s.languages.includes(ui) ? ui : (s.languages[0] ?? 'fi');
  });
  protected readonly link = computed(() => {
    const s = this.survey();
    return s ? `${location.origin}/survey/${s.id}?lang=${this.lang()}` : '';
  });
  protected readonly asksAge = computed(() => this.survey()?.questions.some((q) => q.kind === 'age_band') ?? false);

  constructor() {
    effect(() => void this.load(this.surveyId()));
    effect(() => {
      const link = this.link();
      if (link) void this.makeQr(link);
    });
  }

  protected question(id: string): SurveyQuestion | undefined {
    return this.survey()?.questions.find((q) => q.id === id);
  }

  protected label(q: SurveyQuestion | undefined, value: string): string {
    if (!q) return value;
    const l = this.lang();
    if (q.kind === 'smiley') {
      const f = Number(value) - 1;
      return `${FACES[q.faces ?? 3][f] ?? ''} ${this.transloco.translate(`surveys.faces.${q.faces ?? 3}.${f}`)}`;
    }
    if (q.kind === 'age_band') return this.transloco.translate(`surveys.ageBands.${value}`);
    const o = q.options.find((x) => x.id === value);
    return o ? `${o.emoji ? o.emoji + ' ' : ''}${o.label[l]}` : value;
  }

  protected questionText(q: SurveyQuestion | undefined): string {
    if (!q) return '';
    return q.kind === 'age_band' && !q.text[this.lang()] ? this.transloco.translate('surveys.child.howOld') : q.text[this.lang()];
  }

  /** The bar's width: its share of the largest shown count (suppressed: none). */
  protected width(count: number | null, rows: { count: number | null }[]): number {
    const max = Math.max(1, ...rows.map((r) => r.count ?? 0));
    return count === null ? 0 : Math.round((count / max) * 100);
  }

  protected band(row: { byAgeBand: Partial<Record<SurveyAgeBand, number | null>> }, band: SurveyAgeBand): number | null {
    return row.byAgeBand[band] ?? null;
  }

  protected async poster(language: Language): Promise<void> {
    await this.run(async () => download(await firstValueFrom(this.api.poster(this.surveyId(), language)), `survey-poster-${language}.pdf`));
  }

  protected async exportCsv(): Promise<void> {
    await this.run(async () => download(await firstValueFrom(this.api.exportCsv(this.surveyId())), `survey-${this.surveyId()}.csv`));
  }

  protected async addToViews(): Promise<void> {
    await this.run(async () => {
      const entry = await firstValueFrom(this.api.addToViews(this.surveyId()));
      this.added.set(entry.addedAt);
      this.announcer.announce('surveys.results.addedToViews');
    });
  }

  protected async moderate(text: SurveyFreeText, status: 'kept' | 'hidden'): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.api.moderate(this.surveyId(), text.id, status));
      this.texts.update((list) =>
        status === 'hidden' ? list.filter((t) => t.id !== text.id) : list.map((t) => (t.id === text.id ? { ...t, status } : t)),
      );
      this.announcer.announce(status === 'hidden' ? 'surveys.results.hiddenDone' : 'surveys.results.keptDone');
    });
  }

  protected async moreTexts(): Promise<void> {
    await this.run(async () => {
      const page = await firstValueFrom(this.api.freeTexts(this.surveyId(), this.textsCursor()));
      this.texts.update((list) => [...list, ...page.items]);
      this.textsCursor.set(page.nextCursor);
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.error.set(null);
    try {
      await work();
    } catch (error) {
      this.error.set(apiError(error)?.message ?? this.transloco.translate('surveys.results.failed'));
    }
  }

  /** The QR code as one SVG path (a square per dark module), drawn by the template: no HTML injected. */
  private async makeQr(link: string): Promise<void> {
    const imported = (await import('qrcode')) as typeof import('qrcode') & { default?: typeof import('qrcode') };
    const qr = (imported.default ?? imported).create(link, { errorCorrectionLevel: 'M' });
    const size = qr.modules.size;
    let d = '';
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (qr.modules.get(y, x)) d += `M${x + 2} ${y + 2}h1v1h-1z`;
    this.qr.set({ size: size + 4, path: d });
  }

  private async load(id: string): Promise<void> {
    await this.run(async () => {
      const [survey, results, texts] = await Promise.all([
        firstValueFrom(this.api.get(id)),
        firstValueFrom(this.api.results(id)),
        firstValueFrom(this.api.freeTexts(id, null)),
      ]);
      this.survey.set(survey);
      this.results.set(results);
      this.texts.set(texts.items);
      this.textsCursor.set(texts.nextCursor);
      this.added.set(survey.addedToViewsAt);
    });
  }
}

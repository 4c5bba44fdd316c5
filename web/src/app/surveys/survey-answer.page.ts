import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SURVEY_AGE_BANDS, SURVEY_LIMITS, type Language, type PublicSurvey, type SurveyQuestion } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { isLanguage } from '../core/i18n/languages';
import { apiError } from '../shared/api-error';
import { answeredKey, SurveysApi } from './surveys.api';

/** A random UUID (v4) for one answer; getRandomValues works on plain http too, where randomUUID does not. */
export function newAnswerId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Faces for a 3- or 5-step scale, saddest first; each shown with its word. */
export const FACES: Record<3 | 5, readonly string[]> = { 3: ['🙁', '😐', '🙂'], 5: ['😞', '🙁', '😐', '🙂', '😄'] };

/**
 * The child's survey page: no account, no cookie. The language comes from the link (?lang=) or the
 * child's choice among the survey's languages. The answer's id is made here once per filling, so a
 * resend after a network error counts once. "Already answered" is a marker in this device's
 * localStorage only (a shared school tablet can still take the next pupil's answer).
 */
@Component({
  selector: 'lava-survey-answer-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './survey-answer.page.html',
  styleUrl: './survey-answer.page.css',
})
export class SurveyAnswerPage {
  /** Route parameter and query parameter. */
  readonly id = input.required<string>();
  readonly lang = input<string | undefined>(undefined);

  private readonly api = inject(SurveysApi);
  private readonly router = inject(Router);
  protected readonly language = inject(LanguageService);
  protected readonly faces = FACES;
  protected readonly ageBands = SURVEY_AGE_BANDS;
  protected readonly maxText = SURVEY_LIMITS.freeText;

  protected readonly survey = signal<PublicSurvey | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly sendError = signal<string | null>(null);
  protected readonly sending = signal(false);
  protected readonly answeredBefore = signal(false);
  protected readonly answers = signal<Record<string, number | string | string[]>>({});
  protected readonly classCode = signal('');
  private answerId = newAnswerId();

  /** The language the survey is shown in: the UI language if the survey has it, else its first. */
  protected readonly shown = computed<Language>(() => {
    const s = this.survey();
    const ui = this.language.language();
    return !s || s.languages.includes(ui) ? ui : (s.languages[0] ?? 'fi');
  });

  constructor() {
    effect(() => void this.load(this.id(), this.lang()));
  }

  protected value(q: SurveyQuestion): number | string | string[] | undefined {
    return this.answers()[q.id];
  }

  protected choose(q: SurveyQuestion, value: number | string): void {
    this.answers.update((a) => ({ ...a, [q.id]: value }));
  }

  protected toggle(q: SurveyQuestion, option: string, checked: boolean): void {
    this.answers.update((a) => {
      const now = new Set(Array.isArray(a[q.id]) ? (a[q.id] as string[]) : []);
      if (checked) now.add(option);
      else now.delete(option);
      const next = { ...a };
      if (now.size) next[q.id] = q.options.map((o) => o.id).filter((id) => now.has(id));
      else delete next[q.id];
      return next;
    });
  }

  protected checked(q: SurveyQuestion, option: string): boolean {
    const v = this.value(q);
    return Array.isArray(v) && v.includes(option);
  }

  protected text(q: SurveyQuestion, value: string): void {
    this.answers.update((a) => {
      const next = { ...a };
      if (value.trim()) next[q.id] = value;
      else delete next[q.id];
      return next;
    });
  }

  protected textLength(q: SurveyQuestion): number {
    const v = this.value(q);
    return typeof v === 'string' ? v.length : 0;
  }

  protected async useLanguage(language: Language): Promise<void> {
    await this.language.use(language);
  }

  protected answerAgain(): void {
    this.answeredBefore.set(false);
  }

  protected async send(event: Event): Promise<void> {
    event.preventDefault();
    const s = this.survey();
    if (!s || this.sending()) return;
    this.sending.set(true);
    this.sendError.set(null);
    try {
      await firstValueFrom(
        this.api.answer(s.id, {
          id: this.answerId,
          language: this.shown(),
          ...(s.asksClassCode ? { classCode: this.classCode().trim() } : {}),
          answers: this.answers(),
        }),
      );
      try {
        localStorage.setItem(answeredKey(s.id), '1');
      } catch {
        // Private mode: no marker, nothing else lost.
      }
      this.answerId = newAnswerId();
      await this.router.navigate(['/survey', s.id, 'thanks'], { queryParams: { lang: this.shown() } });
    } catch (error) {
      this.sendError.set(apiError(error)?.message ?? null);
      // Focus the message so a screen reader hears it at once.
      setTimeout(() => document.getElementById('survey-send-error')?.focus());
    } finally {
      this.sending.set(false);
    }
  }

  private async load(id: string, lang: string | undefined): Promise<void> {
    try {
      const survey = await firstValueFrom(this.api.publicSurvey(id));
      if (isLanguage(lang ?? null) && survey.languages.includes(lang as Language)) await this.language.use(lang as Language);
      else if (!survey.languages.includes(this.language.language())) await this.language.use(survey.languages[0] ?? 'fi');
      try {
        this.answeredBefore.set(localStorage.getItem(answeredKey(id)) !== null);
      } catch {
        this.answeredBefore.set(false);
      }
      this.survey.set(survey);
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(apiError(error)?.message ?? null);
    }
  }
}

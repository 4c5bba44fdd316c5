import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  LANGUAGES,
  SURVEY_LIMITS,
  SURVEY_QUESTION_KINDS,
  type Language,
  type SurveyInput,
  type SurveyQuestion,
  type SurveyQuestionKind,
  type SurveyText,
} from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { registerUnsavedWork } from '../core/unsaved/unsaved-work';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { apiError } from '../shared/api-error';
import { SurveysApi } from './surveys.api';

const blank = (): SurveyText => ({ fi: '', sv: '', en: '' });
let counter = 0;
const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** An ISO timestamp as the value of <input type="datetime-local"> (the browser's time), and back. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export const fromLocalInput = (value: string): string => (value ? new Date(value).toISOString() : '');

export function newQuestion(kind: SurveyQuestionKind): SurveyQuestion {
  const id = newId('q');
  if (kind === 'single' || kind === 'multiple')
    return {
      id,
      kind,
      text: blank(),
      faces: null,
      options: [
        { id: newId('o'), label: blank(), emoji: '' },
        { id: newId('o'), label: blank(), emoji: '' },
      ],
    };
  return { id, kind, text: blank(), faces: kind === 'smiley' ? 5 : null, options: [] };
}

/** How long after the last change the builder keeps a copy in this browser. */
const KEEP_DELAY_MS = 500;

/** What the builder keeps in this browser until the survey is saved (a crash or a closed tab loses nothing). */
interface KeptDraft {
  keptAt: string;
  draft: SurveyInput;
  classCodesText: string;
  /** The survey's version the changes were made on: saving them after someone else's save is a conflict, not an overwrite. */
  version: number | null;
}

/**
 * Making or editing a survey: languages, title and intro, 1–10 questions of kinds made for children,
 * the opening and closing, optional class codes. The API checks everything again and names the field.
 * The API takes a survey only whole and valid, so until then the builder keeps a copy of the changes in
 * this browser (localStorage, per assessment and survey) and offers it back the next time the page opens.
 */
@Component({
  selector: 'lava-survey-builder-page',
  imports: [TranslocoPipe, RouterLink, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './survey-builder.page.html',
  styleUrl: './survey-builder.page.css',
})
export class SurveyBuilderPage {
  readonly assessmentId = input.required<string>();
  /** Set when editing. */
  readonly surveyId = input<string | undefined>(undefined);

  private readonly api = inject(SurveysApi);
  private readonly router = inject(Router);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly languages = LANGUAGES;
  protected readonly kinds = SURVEY_QUESTION_KINDS;
  protected readonly limits = SURVEY_LIMITS;

  protected readonly draft = signal<SurveyInput>({
    languages: ['fi', 'sv'],
    title: blank(),
    intro: blank(),
    questions: [newQuestion('smiley')],
    opensAt: new Date().toISOString(),
    closesAt: new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString(),
    classCodes: [],
  });
  protected readonly classCodesText = signal('');
  protected readonly version = signal<number | null>(null);
  protected readonly dirty = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly problems = signal<{ field: string; messages: string[] }[]>([]);
  protected readonly addKind = signal<SurveyQuestionKind>('single');
  /** "Delete survey" asks first: the question and its two buttons replace the button. */
  protected readonly confirmingDelete = signal(false);
  protected readonly deleting = signal(false);
  /** Changes kept in this browser from an earlier visit that were never saved: offered back. */
  protected readonly kept = signal<KeptDraft | null>(null);
  private keepTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    registerUnsavedWork({ unsaved: () => this.dirty() || this.saving() });
    effect(() => {
      const id = this.surveyId();
      if (id) void this.load(id);
      else this.kept.set(this.readKept());
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.keepTimer));
  }

  /** Puts the kept changes back into the builder (still to be saved). */
  protected restoreKept(): void {
    const kept = this.kept();
    if (!kept) return;
    this.draft.set(kept.draft);
    this.classCodesText.set(kept.classCodesText);
    if (kept.version !== null && kept.version !== undefined) this.version.set(kept.version);
    this.kept.set(null);
    this.dirty.set(true);
  }

  protected discardKept(): void {
    this.kept.set(null);
    this.forgetKept();
  }

  protected setClassCodes(value: string): void {
    this.classCodesText.set(value);
    this.dirty.set(true);
    this.keepSoon();
  }

  private keyOfKept(): string {
    return `lava.survey-draft.${this.assessmentId()}.${this.surveyId() ?? 'new'}`;
  }

  private readKept(): KeptDraft | null {
    try {
      const raw = localStorage.getItem(this.keyOfKept());
      const kept = raw ? (JSON.parse(raw) as KeptDraft) : null;
      return kept && kept.draft && Array.isArray(kept.draft.questions) ? kept : null;
    } catch {
      return null;
    }
  }

  private keepSoon(): void {
    clearTimeout(this.keepTimer);
    this.keepTimer = setTimeout(() => {
      if (!this.dirty()) return;
      const kept: KeptDraft = {
        keptAt: new Date().toISOString(),
        draft: this.draft(),
        classCodesText: this.classCodesText(),
        version: this.version(),
      };
      try {
        localStorage.setItem(this.keyOfKept(), JSON.stringify(kept));
      } catch {
        // Storage full or blocked: the page still asks before leaving.
      }
    }, KEEP_DELAY_MS);
  }

  private forgetKept(): void {
    clearTimeout(this.keepTimer);
    try {
      localStorage.removeItem(this.keyOfKept());
    } catch {
      // Nothing to forget.
    }
  }

  protected toLocal = toLocalInput;

  protected update(change: (d: SurveyInput) => void): void {
    this.draft.update((d) => {
      const copy = structuredClone(d);
      change(copy);
      return copy;
    });
    this.dirty.set(true);
    this.keepSoon();
  }

  protected toggleLanguage(language: Language, on: boolean): void {
    this.update((d) => {
      d.languages = LANGUAGES.filter((l) => (l === language ? on : d.languages.includes(l)));
    });
  }

  protected setTitle(l: Language, value: string): void {
    this.update((d) => void (d.title[l] = value));
  }

  protected setIntro(l: Language, value: string): void {
    this.update((d) => void (d.intro[l] = value));
  }

  protected setQuestionText(i: number, l: Language, value: string): void {
    this.update((d) => {
      const q = d.questions[i];
      if (q) q.text[l] = value;
    });
  }

  protected setFaces(i: number, value: string): void {
    this.update((d) => {
      const q = d.questions[i];
      if (q) q.faces = value === '3' ? 3 : 5;
    });
  }

  protected setOption(i: number, j: number, l: Language, value: string): void {
    this.update((d) => {
      const o = d.questions[i]?.options[j];
      if (o) o.label[l] = value;
    });
  }

  protected setEmoji(i: number, j: number, value: string): void {
    this.update((d) => {
      const o = d.questions[i]?.options[j];
      if (o) o.emoji = value;
    });
  }

  protected setDate(field: 'opensAt' | 'closesAt', value: string): void {
    if (value) this.update((d) => void (d[field] = fromLocalInput(value)));
  }

  protected addQuestion(): void {
    this.update((d) => {
      if (d.questions.length < SURVEY_LIMITS.questions) d.questions.push(newQuestion(this.addKind()));
    });
    setTimeout(() => document.getElementById(`q-${this.draft().questions.length - 1}-heading`)?.focus());
  }

  protected removeQuestion(i: number): void {
    this.update((d) => void d.questions.splice(i, 1));
  }

  protected moveQuestion(i: number, by: -1 | 1): void {
    this.update((d) => {
      const [q] = d.questions.splice(i, 1);
      if (q) d.questions.splice(i + by, 0, q);
    });
  }

  protected setKind(i: number, kind: SurveyQuestionKind): void {
    this.update((d) => {
      const old = d.questions[i];
      if (!old) return;
      const fresh = newQuestion(kind);
      d.questions[i] = { ...fresh, id: old.id, text: old.text };
    });
  }

  protected addOption(i: number): void {
    this.update((d) => void d.questions[i]?.options.push({ id: newId('o'), label: blank(), emoji: '' }));
  }

  protected removeOption(i: number, j: number): void {
    this.update((d) => void d.questions[i]?.options.splice(j, 1));
  }

  protected problemsFor(field: string): string[] {
    return this.problems()
      .filter((p) => p.field === field || p.field.startsWith(field + '.'))
      .flatMap((p) => p.messages);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.problems.set([]);
    const body: SurveyInput = {
      ...this.draft(),
      classCodes: this.classCodesText()
        .split(/[\s,;]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    };
    try {
      const id = this.surveyId();
      const version = this.version();
      const saved =
        id && version !== null
          ? await firstValueFrom(this.api.update(id, { ...body, version }))
          : await firstValueFrom(this.api.create(this.assessmentId(), body));
      this.dirty.set(false);
      this.forgetKept();
      await this.router.navigate(['/assessments', this.assessmentId(), 'surveys', saved.id]);
    } catch (error) {
      const e = apiError(error);
      this.error.set(e?.message ?? null);
      this.problems.set(e?.details ?? []);
      setTimeout(() => document.getElementById('builder-error')?.focus());
    } finally {
      this.saving.set(false);
    }
  }

  protected askDelete(): void {
    this.confirmingDelete.set(true);
    setTimeout(() => document.getElementById('delete-survey-question')?.focus());
  }

  protected cancelDelete(): void {
    this.confirmingDelete.set(false);
    setTimeout(() => document.getElementById('delete-survey')?.focus());
  }

  /** Deletes the survey and its answers, then shows the assessment's surveys. */
  protected async confirmDelete(): Promise<void> {
    const id = this.surveyId();
    if (!id || this.deleting()) return;
    this.deleting.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.remove(id));
      this.dirty.set(false);
      this.forgetKept();
      await this.router.navigate(['/assessments', this.assessmentId(), 'surveys']);
    } catch (error) {
      this.confirmingDelete.set(false);
      this.error.set(apiError(error)?.message ?? null);
      setTimeout(() => document.getElementById('builder-error')?.focus());
    } finally {
      this.deleting.set(false);
    }
  }

  private async load(id: string): Promise<void> {
    try {
      const s = await firstValueFrom(this.api.get(id));
      this.draft.set({
        languages: s.languages,
        title: s.title,
        intro: s.intro,
        questions: s.questions,
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        classCodes: s.classCodes,
      });
      this.classCodesText.set(s.classCodes.join(', '));
      this.version.set(s.version);
      this.dirty.set(false);
      this.kept.set(this.readKept());
    } catch (error) {
      this.error.set(apiError(error)?.message ?? null);
    }
  }
}

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AssessmentDetail } from '@lava/contracts';
import { canWriteEvaluation, isImmutable } from '@lava/workflow';
import { firstValueFrom } from 'rxjs';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { AssessmentsApi } from '../assessments/assessments.api';
import { contentFacts, municipalActor } from '../assessments/content-facts';

/** Ex-post evaluation texts are running text, like the record's other long fields. */
export const EX_POST_EVALUATION_MAX_LENGTH = 20_000;

/**
 * After the decision: the follow-up date and indicators set while drafting, and the ex-post
 * evaluation (jälkiarviointi) the responsible official writes during the follow-up. The rest of
 * the record stays as decided.
 */
@Component({
  selector: 'lava-follow-up-panel',
  imports: [FormsModule, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './follow-up-panel.html',
  styleUrl: './follow-up-panel.css',
})
export class FollowUpPanel {
  readonly assessment = input.required<AssessmentDetail>();
  /** Saved: the assessment at its new version. */
  readonly saved = output<AssessmentDetail>();

  private readonly api = inject(AssessmentsApi);
  private readonly auth = inject(AuthService);
  private readonly announcer = inject(AnnouncerService);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly max = EX_POST_EVALUATION_MAX_LENGTH;

  protected readonly shown = computed(() => isImmutable(this.assessment().stage));
  protected readonly canWrite = computed(() => {
    const detail = this.assessment();
    const user = this.auth.user();
    if (!user) return false;
    return canWriteEvaluation(contentFacts(detail), municipalActor(user, detail)).allowed;
  });

  protected text = '';
  protected readonly saving = signal(false);
  protected readonly error = signal<{ key: string | null; text: string | null } | null>(null);
  protected readonly dirty = signal(false);

  constructor() {
    // A newer assessment (after a save or a transition) resets the editor unless the person is typing.
    effect(() => {
      const evaluation = this.assessment().exPostEvaluation;
      untracked(() => {
        if (!this.dirty()) this.text = evaluation;
      });
    });
  }

  protected edited(): void {
    this.dirty.set(true);
    this.error.set(null);
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.text.length > this.max) {
      this.error.set({ key: 'followUp.tooLong', text: null });
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      const detail = await firstValueFrom(
        this.api.update(this.assessment().id, { version: this.assessment().version, exPostEvaluation: this.text }),
      );
      this.dirty.set(false);
      this.text = detail.exPostEvaluation;
      this.saved.emit(detail);
      this.announcer.announce('followUp.saved');
    } catch (error) {
      const body = apiError(error);
      // A conflict keeps what was typed; the person sees the message and saves again on the newer version.
      if (body?.conflict) {
        this.error.set({ key: 'followUp.conflict', text: null });
        this.saved.emit(await firstValueFrom(this.api.get(this.assessment().id)));
      } else {
        this.error.set(body ? { key: null, text: body.message } : { key: 'followUp.failed', text: null });
      }
    } finally {
      this.saving.set(false);
    }
  }
}

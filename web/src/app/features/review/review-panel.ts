import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  REVIEW_LIMITS,
  type AssessmentDetail,
  type ReviewChecklistEntry,
  type ReviewOverview,
  type ReviewPerson,
  type ReviewRoundView,
} from '@lava/contracts';
import { canAssignReviewer, canTickChecklist } from '@lava/workflow';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { WorkflowTexts } from '../assessments/record/workflow-texts';
import { ReviewApi } from './review.api';
import { municipalActor } from '../assessments/content-facts';
import { assessmentPlace } from '../../shared/assessment-place';

/** How many of a round's checklist items are done. */
export function checklistProgress(round: Pick<ReviewRoundView, 'checklist'>): { done: number; total: number } {
  return { done: round.checklist.filter((e) => e.done).length, total: round.checklist.length };
}

type Status = { key: string; params?: Record<string, string> } | null;

/**
 * The review of an assessment: who reviews it (the responsible official assigns them), the open
 * round's quality checklist (ticked item by item by an assigned reviewer, each save announced), and
 * earlier rounds with their comments and return reasons. Approving and returning are in the action bar.
 */
@Component({
  selector: 'lava-review-panel',
  imports: [TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-panel.html',
  styleUrl: './review-panel.css',
})
export class ReviewPanel {
  readonly assessment = input.required<AssessmentDetail>();
  /** Something the workflow looks at changed (reviewers, checklist): the page refreshes its actions. */
  readonly changed = output<void>();

  private readonly api = inject(ReviewApi);
  private readonly auth = inject(AuthService);
  protected readonly texts = inject(WorkflowTexts);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly commentMax = REVIEW_LIMITS.checklistComment;

  protected readonly overview = signal<ReviewOverview | null>(null);
  /** null: not loaded; 'hidden': not for this user (the review is internal to the municipality). */
  protected readonly loadState = signal<'loading' | 'ok' | 'failed' | 'hidden'>('loading');
  protected readonly candidates = signal<readonly ReviewPerson[]>([]);
  protected readonly chosen = signal('');
  protected readonly status = signal<Status>(null);
  protected readonly error = signal<Status>(null);
  private queue: Promise<unknown> = Promise.resolve();

  /** The signed-in user as the workflow policies see them (roles in the assessment's municipality). */
  private readonly actor = computed(() => {
    const user = this.auth.user();
    return user ? municipalActor(user, this.assessment()) : null;
  });

  protected readonly canAssign = computed(() => {
    const a = this.assessment();
    const actor = this.actor();
    return actor !== null && canAssignReviewer({ stage: a.stage, responsibleOfficialId: a.responsibleOfficial.id }, actor).allowed;
  });

  /** The round under way (there is one while the assessment is in review). */
  protected readonly openRound = computed(() => {
    const latest = this.overview()?.rounds[0];
    return latest && latest.outcome === null ? latest : null;
  });

  protected readonly pastRounds = computed(() => (this.overview()?.rounds ?? []).filter((r) => r.outcome !== null));

  protected readonly canTick = computed(() => {
    const a = this.assessment();
    const actor = this.actor();
    const subject = {
      stage: a.stage,
      responsibleOfficialId: a.responsibleOfficial.id,
      assignedReviewerIds: (this.overview()?.reviewers ?? []).map((r) => r.id),
    };
    return actor !== null && this.openRound() !== null && canTickChecklist(subject, actor).allowed;
  });

  protected readonly progress = computed(() => {
    const round = this.openRound();
    return round ? checklistProgress(round) : null;
  });

  private readonly place = assessmentPlace(this.assessment);

  constructor() {
    // Reloaded when the assessment or its stage changes (a transition ends or opens a round), not on
    // every autosave; the panel reloads itself after its own actions.
    effect(() => {
      const id = this.place().id;
      untracked(() => void this.load(id));
    });
  }

  protected async load(id = this.assessment().id): Promise<void> {
    try {
      this.overview.set(await firstValueFrom(this.api.overview(id)));
      this.loadState.set('ok');
    } catch (error) {
      this.loadState.set(error instanceof HttpErrorResponse && (error.status === 403 || error.status === 404) ? 'hidden' : 'failed');
      return;
    }
    if (this.canAssign()) {
      try {
        this.candidates.set(await firstValueFrom(this.api.candidates(id)));
      } catch {
        this.candidates.set([]);
      }
    }
  }

  protected async assign(event: Event): Promise<void> {
    event.preventDefault();
    const userId = this.chosen();
    this.error.set(null);
    if (!userId) {
      this.error.set({ key: 'review.reviewers.chooseFirst' });
      return;
    }
    const person = this.candidates().find((c) => c.id === userId);
    try {
      this.overview.set(await firstValueFrom(this.api.assign(this.assessment().id, userId)));
      this.chosen.set('');
      this.candidates.update((list) => list.filter((c) => c.id !== userId));
      this.status.set({ key: 'review.reviewers.assigned', params: { name: person?.displayName ?? '' } });
      this.changed.emit();
    } catch (error) {
      this.fail(error);
    }
  }

  protected async unassign(person: ReviewPerson): Promise<void> {
    this.error.set(null);
    try {
      await firstValueFrom(this.api.unassign(this.assessment().id, person.id));
      this.status.set({ key: 'review.reviewers.removed', params: { name: person.displayName } });
      await this.load();
      this.changed.emit();
    } catch (error) {
      this.fail(error);
    }
  }

  protected toggle(entry: ReviewChecklistEntry, done: boolean): void {
    this.save(entry, { done });
  }

  protected comment(entry: ReviewChecklistEntry, comment: string): void {
    if (comment.trim() === entry.comment) return;
    this.save(entry, { comment });
  }

  /** Saves one item; saves run one after another, each on the round version the previous one returned. */
  private save(entry: ReviewChecklistEntry, change: { done?: boolean; comment?: string }): void {
    const label = this.texts.t(`review.items.${entry.item}.label`);
    this.status.set({ key: 'review.checklist.saving' });
    this.error.set(null);
    this.queue = this.queue.then(async () => {
      const round = this.openRound();
      if (!round) return;
      const current = round.checklist.find((e) => e.item === entry.item);
      try {
        const saved = await firstValueFrom(
          this.api.updateItem(this.assessment().id, entry.item, {
            done: change.done ?? current?.done ?? false,
            comment: change.comment ?? current?.comment ?? '',
            version: round.version,
          }),
        );
        this.replaceRound(saved);
        const now = checklistProgress(saved);
        this.status.set({ key: 'review.checklist.saved', params: { item: label, done: String(now.done), total: String(now.total) } });
        this.changed.emit();
      } catch (error) {
        const body = apiError(error);
        const conflictRound = (body?.conflict as { round?: ReviewRoundView } | undefined)?.round;
        if (conflictRound) {
          this.replaceRound(conflictRound);
          this.status.set(null);
          this.error.set({ key: 'review.checklist.conflict', params: { item: label } });
        } else {
          this.fail(error);
        }
      }
    });
  }

  private replaceRound(round: ReviewRoundView): void {
    this.overview.update((o) => (o ? { ...o, rounds: o.rounds.map((r) => (r.id === round.id ? round : r)) } : o));
  }

  private fail(error: unknown): void {
    this.status.set(null);
    const body = apiError(error);
    const refusal = body?.refusals?.[0];
    if (refusal) this.error.set({ key: 'review.error.refused', params: { reason: this.texts.refusal(refusal) } });
    else if (body) this.error.set({ key: 'review.error.refused', params: { reason: body.message } });
    else this.error.set({ key: 'review.error.failed' });
  }
}

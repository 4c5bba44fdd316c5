import { CommentThreads } from '../comments/comment-threads';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CONSULTATION_LIMITS,
  DISPOSITIONS,
  RECORD_SECTIONS,
  type ConsultationDetail,
  type Disposition,
  type RecordSection,
  type RemovedStatementPointView,
  type StatementPointView,
} from '@lava/contracts';
import { finnishDate } from '@lava/workflow';
import { firstValueFrom, type Observable } from 'rxjs';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { ConsultationApi } from './consultation.api';

type PageState = 'loading' | 'ok' | 'notFound' | 'error';

/** A point another member saved while this one was editing: both texts stay on screen. */
interface PointConflict {
  mine: string;
  theirs: string;
  by: string | null;
}

/** How long typing pauses before a point saves itself (ms). */
export const AUTOSAVE_DELAY_MS = 1200;

interface AnswerDraft {
  disposition: Disposition | null;
  reason: string;
  linkedSection: RecordSection | '';
}

/**
 * One consultation request. For the youth council: the plain-language summary first, then the one
 * next step, the statement they write together (points, adoption, submission) and, after the
 * decision, what became of each point. For the official: the submitted statement with a response
 * (vastine) to every point.
 */
@Component({
  selector: 'lava-consultation-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe, CommentThreads],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.youth-page]': "c()?.viewer === 'council'" },
  templateUrl: './consultation.page.html',
  styleUrl: './consultation.page.css',
})
export class ConsultationPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly api = inject(ConsultationApi);
  private readonly announcer = inject(AnnouncerService);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly limits = CONSULTATION_LIMITS;
  protected readonly dispositions = DISPOSITIONS;
  protected readonly sections = RECORD_SECTIONS;

  protected readonly state = signal<PageState>('loading');
  protected readonly c = signal<ConsultationDetail | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errorKey = signal<string | null>(null);
  /** Unsaved point texts by point id (what the member typed). */
  protected readonly drafts = signal<Record<string, string>>({});
  protected readonly conflicts = signal<Record<string, PointConflict>>({});
  protected readonly answers = signal<Record<string, AnswerDraft>>({});
  protected readonly newPoint = signal('');
  /** Where each point's autosave is: saving now, or saved. */
  protected readonly saveState = signal<Record<string, 'saving' | 'saved'>>({});
  /** The point (someone else's) whose removal waits for the member's yes. */
  protected readonly confirming = signal<string | null>(null);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  protected readonly meetingDate = signal(finnishDate(new Date()));
  protected readonly today = finnishDate(new Date());

  protected readonly points = computed(() => this.c()?.statement?.points ?? []);
  protected readonly submitted = computed(() => !!this.c()?.statement?.submittedAt);
  /** The one thing the council should do now (a translation key). */
  protected readonly nextStep = computed(() => {
    const c = this.c();
    if (!c) return '';
    if (c.feedback) return 'consultation.next.feedback';
    if (c.locked) return `consultation.next.locked.${c.locked}`;
    if (this.submitted()) return 'consultation.next.submitted';
    if (this.points().length === 0) return 'consultation.next.write';
    if (!c.statement?.adoptedAt) return this.awaitsOfficers() ? 'consultation.next.adoptByOfficers' : 'consultation.next.adopt';
    return 'consultation.next.submit';
  });
  /**
   * The statement is ready to adopt, but only the council's chair or secretary records it: the
   * member may change it (so nothing else locks it), there are points, and yet adopting is refused.
   */
  protected readonly awaitsOfficers = computed(() => {
    const c = this.c();
    return !!c && c.viewer === 'council' && c.can.edit && !c.can.adopt && this.points().length > 0;
  });
  /** Who records the adoption, by name, as a translation key and its parameters. */
  protected readonly officersLine = computed(() => {
    const officers = this.c()?.councilOfficers;
    const chair = officers?.chair ?? null;
    const secretary = officers?.secretary ?? null;
    const key = chair && secretary ? 'chairOrSecretary' : chair ? 'chair' : secretary ? 'secretary' : 'nobody';
    return { key: `consultation.statement.recordedBy.${key}`, params: { chair, secretary } };
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    // Leaving the page saves what is still waiting for its pause: nothing typed is left behind.
    inject(DestroyRef).onDestroy(() => {
      for (const [pointId, timer] of this.timers) {
        clearTimeout(timer);
        void this.autosave(pointId);
      }
      this.timers.clear();
    });
  }

  protected async load(id = this.id()): Promise<void> {
    try {
      this.set(await firstValueFrom(this.api.get(id)));
      this.state.set('ok');
    } catch (error) {
      this.state.set(error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400) ? 'notFound' : 'error');
    }
  }

  private set(detail: ConsultationDetail): void {
    this.c.set(detail);
    const answers: Record<string, AnswerDraft> = {};
    for (const p of detail.statement?.points ?? []) {
      answers[p.id] = this.answers()[p.id] ?? {
        disposition: p.disposition,
        reason: p.dispositionReason,
        linkedSection: p.linkedSection ?? '',
      };
    }
    this.answers.set(answers);
  }

  protected draftOf(point: StatementPointView): string {
    return this.drafts()[point.id] ?? point.text;
  }

  protected setDraft(pointId: string, text: string): void {
    this.drafts.update((d) => ({ ...d, [pointId]: text }));
  }

  /** The member typed: the point saves itself once typing pauses. */
  protected typed(pointId: string, text: string): void {
    this.setDraft(pointId, text);
    this.schedule(pointId, AUTOSAVE_DELAY_MS);
  }

  private schedule(pointId: string, delay: number): void {
    const timer = this.timers.get(pointId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.set(
      pointId,
      setTimeout(() => void this.autosave(pointId), delay),
    );
  }

  /** Saves a point's text if it changed (also when the field loses focus). Never over a conflict: the member chooses then. */
  protected async autosave(pointId: string): Promise<void> {
    const timer = this.timers.get(pointId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(pointId);
    if (this.conflicts()[pointId]) return;
    const point = this.points().find((p) => p.id === pointId);
    if (!point || !this.dirty(point) || !this.draftOf(point).trim()) return;
    if (this.busy()) {
      this.schedule(pointId, 300);
      return;
    }
    await this.savePoint(point, false);
  }

  protected dirty(point: StatementPointView): boolean {
    const draft = this.drafts()[point.id];
    return draft !== undefined && draft.trim() !== point.text;
  }

  protected async addPoint(event: Event): Promise<void> {
    event.preventDefault();
    const text = this.newPoint().trim();
    if (!text) {
      this.fail(null, 'consultation.statement.emptyPoint');
      return;
    }
    if (await this.run(this.api.addPoint(this.id(), text), 'consultation.statement.added')) this.newPoint.set('');
  }

  protected async savePoint(point: StatementPointView, announce = true): Promise<void> {
    const text = this.draftOf(point).trim();
    if (!text) {
      this.fail(null, 'consultation.statement.emptyPoint');
      return;
    }
    this.saveState.update((s) => ({ ...s, [point.id]: 'saving' }));
    // After a conflict `point` is the newer version: saving again keeps the member's text on purpose.
    const ok = await this.run(
      this.api.updatePoint(this.id(), point.id, point.version, text),
      announce ? 'consultation.statement.saved' : null,
      async (error) => {
        const body = apiError(error);
        if (error instanceof HttpErrorResponse && error.status === 409 && body?.conflict) {
          const fresh = await firstValueFrom(this.api.get(this.id()));
          const theirs = fresh.statement?.points.find((p) => p.id === point.id);
          this.set(fresh);
          if (theirs) {
            this.conflicts.update((c) => ({ ...c, [point.id]: { mine: text, theirs: theirs.text, by: theirs.updatedBy } }));
            this.fail(null, 'consultation.statement.conflict');
            return true;
          }
        }
        return false;
      },
    );
    this.saveState.update((s) => {
      const next = { ...s };
      if (ok) next[point.id] = 'saved';
      else delete next[point.id];
      return next;
    });
    if (!ok) return;
    if ((this.drafts()[point.id] ?? '').trim() === text || this.conflicts()[point.id]) this.useTheirs(point.id);
    // Typed on while it saved: that text saves next, on the new version.
    else this.schedule(point.id, AUTOSAVE_DELAY_MS);
  }

  /** Drops the member's own text and takes the other member's saved one. */
  protected useTheirs(pointId: string): void {
    this.drafts.update((d) => {
      const rest = { ...d };
      delete rest[pointId];
      return rest;
    });
    this.conflicts.update((c) => {
      const rest = { ...c };
      delete rest[pointId];
      return rest;
    });
    this.error.set(null);
    this.errorKey.set(null);
  }

  /** Removes a point: the member's own at once, someone else's after a yes. It can be brought back for 24 hours. */
  protected async removePoint(point: StatementPointView, confirmed = false): Promise<void> {
    if (!point.mine && !confirmed) {
      this.confirming.set(point.id);
      return;
    }
    this.confirming.set(null);
    const timer = this.timers.get(point.id);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(point.id);
    if (await this.run(this.api.deletePoint(this.id(), point.id, point.version), 'youth.request.removed')) this.useTheirs(point.id);
  }

  protected async restorePoint(point: RemovedStatementPointView): Promise<void> {
    await this.run(this.api.restorePoint(this.id(), point.id, point.version), 'youth.request.restored');
  }

  protected async adopt(event: Event): Promise<void> {
    event.preventDefault();
    const c = this.c();
    if (!c?.statement) return;
    await this.run(
      this.api.adopt(this.id(), { version: c.statement.version, meetingDate: this.meetingDate() }),
      'consultation.statement.adopted',
    );
  }

  protected async submit(): Promise<void> {
    const c = this.c();
    if (!c?.statement) return;
    await this.run(this.api.submit(this.id(), c.statement.version), 'consultation.statement.sent');
  }

  protected async takeBack(): Promise<void> {
    const c = this.c();
    if (!c?.statement) return;
    await this.run(this.api.withdrawStatement(this.id(), c.statement.version), 'consultation.statement.takenBack');
  }

  protected answerOf(pointId: string): AnswerDraft {
    return this.answers()[pointId] ?? { disposition: null, reason: '', linkedSection: '' };
  }

  protected setAnswer(pointId: string, change: Partial<AnswerDraft>): void {
    this.answers.update((a) => ({ ...a, [pointId]: { ...this.answerOf(pointId), ...change } }));
  }

  protected async saveAnswer(event: Event, point: StatementPointView): Promise<void> {
    event.preventDefault();
    const answer = this.answerOf(point.id);
    if (!answer.disposition || !answer.reason.trim()) {
      this.fail(null, 'consultation.answer.incomplete');
      return;
    }
    const ok = await this.run(
      this.api.answer(this.id(), point.id, {
        version: point.version,
        disposition: answer.disposition,
        reason: answer.reason.trim(),
        linkedSection: answer.linkedSection || null,
      }),
      'consultation.answer.saved',
    );
    if (ok) this.answers.update((a) => ({ ...a, [point.id]: { ...answer, reason: answer.reason.trim() } }));
  }

  /** Runs one change; on success shows the new state and announces it. */
  private async run(
    request: Observable<ConsultationDetail>,
    done: string | null,
    onError?: (error: unknown) => Promise<boolean>,
  ): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    this.error.set(null);
    this.errorKey.set(null);
    try {
      this.set(await firstValueFrom(request));
      if (done) this.announcer.announce(done);
      return true;
    } catch (error) {
      if (!(onError && (await onError(error)))) {
        const body = apiError(error);
        this.fail(body?.message ?? null, body ? null : 'consultation.failed');
        if (body && error instanceof HttpErrorResponse && error.status === 409) await this.load();
      }
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private fail(text: string | null, key: string | null): void {
    this.error.set(text);
    this.errorKey.set(key);
  }
}

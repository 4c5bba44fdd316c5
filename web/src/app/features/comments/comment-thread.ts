import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  COMMENT_MAX_LENGTH,
  COMMENT_REASON_MAX_LENGTH,
  type CommentThreadView,
  type CommentView,
  type EarlierComments,
} from '@lava/contracts';
import { firstValueFrom, type Observable } from 'rxjs';
import { registerUnsavedWork } from '../../core/unsaved/unsaved-work';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { commentErrorKey } from './comment-errors';
import { CommentsApi } from './comments.api';
import { MentionPicker } from './mention-picker';

/** Which inline form is open, and for which comment. */
type Form =
  | { kind: 'reply'; replyTo: CommentView | null }
  | { kind: 'edit'; comment: CommentView }
  | { kind: 'flag'; comment: CommentView }
  | { kind: 'hide'; comment: CommentView }
  | null;

/**
 * One comment thread: the quoted passage, the comments with their edit history, and what the
 * caller may do (reply, edit, delete, resolve/reopen, flag, hide). Texts are shown by interpolation
 * only (escaped); a hidden or deleted comment has no text to show.
 */
@Component({
  selector: 'lava-comment-thread',
  imports: [TranslocoPipe, LocalDatePipe, MentionPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './comment-thread.html',
  styleUrl: './comment-thread.css',
})
export class CommentThread {
  readonly thread = input.required<CommentThreadView>();
  readonly assessmentId = input.required<string>();
  /** An official of the municipality or an admin: sees flag reasons. */
  readonly moderator = input(false);
  /** The thread after a change made here. */
  readonly updated = output<CommentThreadView>();
  /** A change that the thread view does not carry (a flag, a deletion): reload. */
  readonly stale = output<void>();

  private readonly api = inject(CommentsApi);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly max = COMMENT_MAX_LENGTH;
  protected readonly reasonMax = COMMENT_REASON_MAX_LENGTH;

  protected readonly form = signal<Form>(null);
  protected readonly text = signal('');
  protected readonly mentions = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly statusKey = signal<string | null>(null);

  protected readonly headingId = computed(() => `thread-${this.thread().id}`);

  constructor() {
    // A reply, an edit or a reason typed but not sent: leaving asks first.
    registerUnsavedWork({
      unsaved: () => {
        const form = this.form();
        if (!form) return false;
        const original = form.kind === 'edit' ? (form.comment.text ?? '') : '';
        return this.text().trim() !== original.trim();
      },
    });
  }
  /**
   * A long thread comes with its opening comment and latest replies; "show earlier" loads the
   * replies between, a page at a time. A new view of the thread (after a change) starts over.
   */
  private readonly loaded = linkedSignal<CommentThreadView, { items: CommentView[]; earlier: EarlierComments | null } | null>({
    source: this.thread,
    computation: () => null,
  });
  protected readonly comments = computed(() => {
    const [first, ...latest] = this.thread().comments;
    const earlier = this.loaded()?.items ?? [];
    return first ? [first, ...earlier, ...latest] : [];
  });
  protected readonly earlier = computed(() => {
    const loaded = this.loaded();
    return loaded ? loaded.earlier : this.thread().earlier;
  });
  protected readonly loadingEarlier = signal(false);
  protected readonly earlierStatus = signal<{ key: string; count: number } | null>(null);

  protected async showEarlier(): Promise<void> {
    const earlier = this.earlier();
    if (!earlier || this.loadingEarlier()) return;
    this.loadingEarlier.set(true);
    try {
      const page = await firstValueFrom(this.api.earlier(this.thread().id, earlier.cursor));
      this.loaded.set({ items: [...page.items, ...(this.loaded()?.items ?? [])], earlier: page.earlier });
      this.earlierStatus.set({ key: 'commentLimits.earlierShown', count: page.items.length });
      // Reading goes on from the first comment that appeared (the button may be gone).
      const first = page.items[0];
      if (first) setTimeout(() => document.getElementById(`comment-${first.id}`)?.focus());
    } catch {
      this.earlierStatus.set({ key: 'commentLimits.earlierFailed', count: 0 });
    } finally {
      this.loadingEarlier.set(false);
    }
  }

  private readonly byId = computed(() => new Map(this.comments().map((c) => [c.id, c])));

  /** Whom a reply answers, when it is not simply the thread's opening comment. */
  protected replyName(comment: CommentView): string | null {
    const first = this.thread().comments[0];
    if (!comment.replyToId || comment.replyToId === first?.id) return null;
    return this.byId().get(comment.replyToId)?.author.displayName ?? null;
  }

  protected open(form: Form): void {
    this.form.set(form);
    this.errorKey.set(null);
    this.statusKey.set(null);
    this.text.set(form?.kind === 'edit' ? (form.comment.text ?? '') : '');
    this.mentions.set(form?.kind === 'edit' ? form.comment.mentions.map((m) => m.id) : []);
    setTimeout(() => document.getElementById(`${this.headingId()}-form-text`)?.focus());
  }

  protected cancel(): void {
    this.form.set(null);
    this.errorKey.set(null);
  }

  protected input(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = this.form();
    if (!form || this.busy()) return;
    const text = this.text().trim();
    const needsText = form.kind === 'reply' || form.kind === 'edit' || form.kind === 'hide';
    if (needsText && !text) {
      this.errorKey.set(form.kind === 'hide' ? 'comments.errors.reasonRequired' : 'comments.errors.textRequired');
      return;
    }
    const thread = this.thread();
    switch (form.kind) {
      case 'reply':
        await this.run(
          this.api.reply(thread.id, { text, replyToId: form.replyTo?.id, mentionIds: this.mentions() }),
          'comments.status.replied',
        );
        break;
      case 'edit':
        await this.run(
          this.api.edit(form.comment.id, { text, version: form.comment.version, mentionIds: this.mentions() }),
          'comments.status.edited',
        );
        break;
      case 'hide':
        await this.run(this.api.hide(form.comment.id, text), 'comments.status.hidden');
        break;
      case 'flag':
        await this.run(this.api.flag(form.comment.id, text), 'comments.status.flagged');
        break;
    }
  }

  protected resolve(resolved: boolean): Promise<void> {
    const thread = this.thread();
    return this.run(
      this.api.setResolved(thread.id, resolved, thread.version),
      resolved ? 'comments.status.resolved' : 'comments.status.reopened',
    );
  }

  protected unhide(comment: CommentView): Promise<void> {
    return this.run(this.api.unhide(comment.id), 'comments.status.unhidden');
  }

  protected remove(comment: CommentView): Promise<void> {
    return this.run(this.api.remove(comment.id), 'comments.status.deleted');
  }

  private async run(request: Observable<CommentThreadView | void>, doneKey: string): Promise<void> {
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      const result = await firstValueFrom(request, { defaultValue: undefined });
      this.form.set(null);
      this.statusKey.set(doneKey);
      if (result) this.updated.emit(result);
      else this.stale.emit();
    } catch (error) {
      this.errorKey.set(commentErrorKey(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected audienceKey(): string {
    return `comments.audience.${this.thread().audience}`;
  }
}

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  COMMENT_MAX_LENGTH,
  type CommentAudience,
  type CommentPermissions,
  type CommentSection,
  type CommentThreadView,
  type CreateCommentThreadRequest,
} from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { registerUnsavedWork } from '../../core/unsaved/unsaved-work';
import { commentErrorKey } from './comment-errors';
import { CommentThread } from './comment-thread';
import { CommentsApi } from './comments.api';
import { MentionPicker } from './mention-picker';

/** A passage chosen in the record, to comment on. */
export interface PendingQuote {
  field: string;
  text: string;
  start: number;
  end: number;
}

let nextId = 0;

/**
 * The comment threads of one section of an assessment: the threads the caller may see (newest
 * first, "show more" pages on), and a form to start a new one, on a passage when one is given.
 * Usable beside any section: `<lava-comment-threads [assessmentId]="id" section="scope" />`.
 */
@Component({
  selector: 'lava-comment-threads',
  imports: [TranslocoPipe, CommentThread, MentionPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './comment-threads.html',
  styleUrl: './comment-threads.css',
})
export class CommentThreads {
  readonly assessmentId = input.required<string>();
  readonly section = input.required<CommentSection>();
  /** Only threads of this audience (and new ones in it); null: every audience the caller sees. */
  readonly audience = input<CommentAudience | null>(null);
  /** What the caller may do; loaded here when not given. */
  readonly permissions = input<CommentPermissions | null>(null);
  /** A passage to comment on (from "comment on this passage"). */
  readonly quote = input<PendingQuote | null>(null);
  /** Something changed (counts may differ). */
  readonly changed = output<void>();
  /** The passage was used or dropped. */
  readonly quoteDone = output<void>();

  private readonly api = inject(CommentsApi);
  protected readonly uid = `threads-${++nextId}`;
  protected readonly max = COMMENT_MAX_LENGTH;

  protected readonly loaded = signal<CommentPermissions | null>(null);
  protected readonly access = computed(() => this.permissions() ?? this.loaded());
  protected readonly threads = signal<CommentThreadView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly state = signal<'loading' | 'ok' | 'error'>('loading');
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly statusKey = signal<string | null>(null);

  protected readonly text = signal('');
  protected readonly mentions = signal<string[]>([]);
  protected readonly chosenAudience = signal<CommentAudience | null>(null);
  protected readonly chosenCouncil = signal<string | null>(null);
  protected readonly droppedQuote = signal(false);

  /** Audiences a new thread may go to here. */
  protected readonly audiences = computed<CommentAudience[]>(() => {
    const only = this.audience();
    const section = this.section();
    return (this.access()?.canStart ?? []).filter((a) => (!only || a === only) && (section === 'statement' ? a === 'council' : true));
  });
  protected readonly newAudience = computed(() => {
    const chosen = this.chosenAudience();
    const options = this.audiences();
    return chosen && options.includes(chosen) ? chosen : (options[0] ?? null);
  });
  protected readonly councils = computed(() => this.access()?.councils ?? []);
  protected readonly newCouncil = computed(() =>
    this.newAudience() === 'staff' ? null : (this.chosenCouncil() ?? this.councils()[0]?.id ?? null),
  );
  protected readonly pendingQuote = computed(() => (this.droppedQuote() ? null : this.quote()));

  constructor() {
    // A new comment typed but not sent: leaving asks first.
    registerUnsavedWork({ unsaved: () => this.text().trim() !== '' });
    effect(() => {
      const key = [this.assessmentId(), this.section(), this.audience()];
      untracked(() => void this.load(key[0] as string));
    });
    effect(() => {
      this.quote();
      untracked(() => this.droppedQuote.set(false));
    });
  }

  async load(assessmentId = this.assessmentId()): Promise<void> {
    this.state.set('loading');
    try {
      const [page, permissions] = await Promise.all([
        firstValueFrom(this.api.threads(assessmentId, { section: this.section(), audience: this.audience() })),
        this.permissions() ? Promise.resolve(null) : firstValueFrom(this.api.permissions(assessmentId)),
      ]);
      if (permissions) this.loaded.set(permissions);
      this.threads.set(page.items);
      this.nextCursor.set(page.nextCursor);
      this.state.set('ok');
    } catch {
      this.state.set('error');
    }
  }

  protected async more(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor) return;
    try {
      const page = await firstValueFrom(
        this.api.threads(this.assessmentId(), { section: this.section(), audience: this.audience() }, cursor),
      );
      this.threads.update((list) => [...list, ...page.items]);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.errorKey.set(commentErrorKey(error));
    }
  }

  protected input(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
  }

  protected pickAudience(event: Event): void {
    this.chosenAudience.set((event.target as HTMLSelectElement).value as CommentAudience);
    this.mentions.set([]);
  }

  protected pickCouncil(event: Event): void {
    this.chosenCouncil.set((event.target as HTMLSelectElement).value);
    this.mentions.set([]);
  }

  protected dropQuote(): void {
    this.droppedQuote.set(true);
    this.quoteDone.emit();
  }

  protected async start(event: Event): Promise<void> {
    event.preventDefault();
    const audience = this.newAudience();
    if (!audience || this.busy()) return;
    const text = this.text().trim();
    if (!text) {
      this.errorKey.set('comments.errors.textRequired');
      document.getElementById(`${this.uid}-text`)?.focus();
      return;
    }
    const body: CreateCommentThreadRequest = { section: this.section(), audience, text, mentionIds: this.mentions() };
    const council = this.newCouncil();
    if (council && this.councils().length > 1) body.councilId = council;
    const quote = this.pendingQuote();
    if (quote) body.quote = quote;
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      const thread = await firstValueFrom(this.api.startThread(this.assessmentId(), body));
      this.threads.update((list) => [thread, ...list]);
      this.text.set('');
      this.mentions.set([]);
      if (quote) this.quoteDone.emit();
      this.statusKey.set('comments.status.started');
      this.changed.emit();
    } catch (error) {
      this.errorKey.set(commentErrorKey(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected replace(thread: CommentThreadView): void {
    this.threads.update((list) => list.map((t) => (t.id === thread.id ? thread : t)));
    this.changed.emit();
  }

  protected async reloadAfterChange(): Promise<void> {
    await this.load();
    this.changed.emit();
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { COMMENT_QUOTE_MAX_LENGTH, RECORD_SECTIONS, isCommentSection, type CommentPermissions, type CommentSection } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { CommentChangesPanel } from './comment-changes';
import { CommentThreads, type PendingQuote } from './comment-threads';
import { CommentsApi } from './comments.api';
import { FragmentLink } from '../../shared/fragment-link/fragment-link';
import { sectionNameKey } from './section-name';

/** A passage selected inside a section of the record page. */
export interface PassageSelection extends PendingQuote {
  section: CommentSection;
}

/**
 * Where a selection inside the record page lies: the section (`#section-<key>`), the field (the
 * nearest `data-field` attribute, else the section itself) and the offsets in that field's text.
 * Text boxes give their own offsets; other text is measured from the start of the field element.
 */
export function passageOf(doc: Document): PassageSelection | null {
  const active = doc.activeElement;
  if (active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && active.type === 'text')) {
    const start = active.selectionStart ?? 0;
    const end = active.selectionEnd ?? 0;
    if (end <= start) return null;
    const host = sectionHost(active);
    if (!host) return null;
    const field = active.closest<HTMLElement>('[data-field]')?.dataset['field'] ?? host.section;
    return limit({ section: host.section, field, text: active.value.slice(start, end), start, end });
  }
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const startNode = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  if (!startNode) return null;
  const host = sectionHost(startNode);
  if (!host || !host.element.contains(range.endContainer)) return null;
  const fieldElement = startNode.closest<HTMLElement>('[data-field]');
  const within = fieldElement && host.element.contains(fieldElement) ? fieldElement : host.element;
  const before = doc.createRange();
  before.setStart(within, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const text = range.toString();
  const start = before.toString().length;
  if (!text.trim()) return null;
  return limit({ section: host.section, field: fieldElement?.dataset['field'] ?? host.section, text, start, end: start + text.length });
}

function sectionHost(node: Element): { section: CommentSection; element: HTMLElement } | null {
  const element = node.closest<HTMLElement>('[id^="section-"]');
  const section = element?.id.slice('section-'.length);
  return element && isCommentSection(section) ? { section, element } : null;
}

function limit(passage: PassageSelection): PassageSelection | null {
  if (passage.text.length > COMMENT_QUOTE_MAX_LENGTH) {
    const text = passage.text.slice(0, COMMENT_QUOTE_MAX_LENGTH);
    return { ...passage, text, end: passage.start + text.length };
  }
  return passage;
}

/**
 * Comments beside the record: every section with its open threads (a link to the section and a
 * button to show its threads), "comment on this passage" for text selected in a section, and for
 * youth councils the sections changed since their comments. One element on the assessment page.
 */
@Component({
  selector: 'lava-comments-panel',
  imports: [TranslocoPipe, CommentThreads, CommentChangesPanel, FragmentLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './comments-panel.html',
  styleUrl: './comments-panel.css',
})
export class CommentsPanel {
  protected readonly sectionNameKey = sectionNameKey;
  readonly assessmentId = input.required<string>();
  /** The assessment's version: the panel refreshes when it moves (a save or a transition). */
  readonly version = input(0);

  private readonly api = inject(CommentsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly permissions = signal<CommentPermissions | null>(null);
  protected readonly failed = signal(false);
  protected readonly open = signal<CommentSection | null>(null);
  protected readonly passage = signal<PassageSelection | null>(null);
  protected readonly quote = signal<PendingQuote | null>(null);

  protected readonly sections = computed<CommentSection[]>(() =>
    this.permissions()?.councils.length ? [...RECORD_SECTIONS, 'statement'] : [...RECORD_SECTIONS],
  );
  protected readonly asCouncil = computed(() => (this.permissions()?.councils.length ?? 0) > 0);
  protected readonly canAnswer = computed(() => this.permissions()?.canStart.includes('consultation') ?? false);
  protected readonly canComment = computed(() => (this.permissions()?.canStart.length ?? 0) > 0);

  constructor() {
    effect(() => {
      const id = this.assessmentId();
      this.version();
      untracked(() => void this.refresh(id));
    });
    const onSelection = () => this.passage.set(this.canComment() ? passageOf(document) : null);
    document.addEventListener('selectionchange', onSelection);
    document.addEventListener('select', onSelection, true);
    inject(DestroyRef).onDestroy(() => {
      document.removeEventListener('selectionchange', onSelection);
      document.removeEventListener('select', onSelection, true);
    });
  }

  protected async refresh(id = this.assessmentId()): Promise<void> {
    try {
      this.permissions.set(await firstValueFrom(this.api.permissions(id)));
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    }
  }

  protected count(section: CommentSection): number {
    return this.permissions()?.openCounts[section] ?? 0;
  }

  protected toggle(section: CommentSection): void {
    this.open.update((current) => (current === section ? null : section));
    this.quote.set(null);
  }

  /** "Comment on this passage": open the section's threads with the passage in the new-comment form. */
  protected commentOnPassage(): void {
    const passage = this.passage();
    if (!passage) return;
    const { section, ...quote } = passage;
    this.open.set(section);
    this.quote.set(quote);
    this.passage.set(null);
    setTimeout(() => {
      const box = this.host.nativeElement.querySelector<HTMLTextAreaElement>(`#comments-${section} textarea`);
      box?.scrollIntoView({ block: 'center' });
      box?.focus();
    });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  type Signal,
} from '@angular/core';
import { Location } from '@angular/common';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RecordSection } from '@lava/contracts';
import { FragmentLink } from '../../../shared/fragment-link/fragment-link';

/** The element id of a record section (the table of contents links to it). */
export function sectionId(section: RecordSection): string {
  return `section-${section}`;
}

/** How far below the top of the window a section's heading counts as "the part you are in" (px). */
const READING_LINE_PX = 120;

/**
 * The section the person is reading: the last one whose top has passed the reading line, updated
 * on scroll (once per frame). When the person scrolls, the address's fragment follows (replaced,
 * not pushed, so Back still leaves the page), so a reload comes back to the same part.
 */
export function currentSection(sections: Signal<readonly RecordSection[]>): Signal<RecordSection | null> {
  const document = inject(DOCUMENT);
  const router = inject(Router);
  const location = inject(Location);
  const current = signal<RecordSection | null>(null);
  const window = document.defaultView;
  let frame: number | null = null;

  const measure = () => {
    frame = null;
    let found: RecordSection | null = null;
    for (const section of sections()) {
      const element = document.getElementById(sectionId(section));
      if (!element) continue;
      if (element.getBoundingClientRect().top <= READING_LINE_PX) found = section;
      else break;
    }
    if (found === current()) return;
    current.set(found);
    // Only a section the person scrolled to goes into the address (not the top of the page).
    if (found && window && window.scrollY > 0) {
      const tree = router.parseUrl(router.url);
      tree.fragment = sectionId(found);
      location.replaceState(router.serializeUrl(tree));
    }
  };
  const onScroll = () => {
    if (frame === null && window) frame = window.requestAnimationFrame(measure);
  };
  window?.addEventListener('scroll', onScroll, { passive: true });
  // Until the person scrolls: the part the address names (a reload lands there).
  const fromAddress = router.parseUrl(router.url).fragment;
  afterNextRender(() => {
    const initial = sections().find((s) => sectionId(s) === fromAddress);
    if (initial && current() === null) current.set(initial);
  });
  inject(DestroyRef).onDestroy(() => {
    window?.removeEventListener('scroll', onScroll);
    if (frame !== null) window?.cancelAnimationFrame(frame);
  });
  return current.asReadonly();
}

/**
 * The table of contents of the record: a link to each section on the page, the one being read
 * marked `aria-current`. Links keep the page (see FragmentLink) and move the focus to the
 * section's heading.
 */
@Component({
  selector: 'lava-section-toc',
  imports: [TranslocoPipe, FragmentLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="toc card" aria-labelledby="toc-heading">
      <h2 id="toc-heading">{{ 'content.toc' | transloco }}</h2>
      <ol>
        @for (s of sections(); track s) {
          <li>
            <a [lavaFragmentLink]="id(s)" [attr.aria-current]="s === current() ? 'location' : null">{{
              'content.sections.' + s | transloco
            }}</a>
          </li>
        }
      </ol>
      @if (note()) {
        <p class="muted">{{ note() | transloco }}</p>
      }
    </nav>
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 1.5rem;
    }
    ol {
      margin: 0;
      padding-left: 1.5rem;
      columns: 2 14rem;
    }
    li {
      margin-bottom: 0.25rem;
    }
    a {
      display: inline-block;
      min-height: 1.75rem;
    }
    a[aria-current] {
      font-weight: 700;
    }
  `,
})
export class SectionToc {
  readonly sections = input.required<readonly RecordSection[]>();
  /** A translation key shown under the list (why some sections are not there yet). */
  readonly note = input<string | null>(null);
  protected readonly current = currentSection(this.sections);
  protected readonly id = sectionId;
}

/**
 * "Jump to a part": a compact control that stays in view (in the record's sticky status bar), for
 * a page tens of thousands of pixels tall and for phones. A disclosure button naming the part
 * being read opens the list of parts; a link goes there and closes the list; Escape closes it and
 * returns to the button.
 */
@Component({
  selector: 'lava-section-jump',
  imports: [TranslocoPipe, FragmentLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'close(true)', '(focusout)': 'focusOut($event)', '(click)': 'chosen($event)' },
  template: `
    <nav [attr.aria-label]="'drafting.jump.label' | transloco">
      <button
        type="button"
        class="btn btn-secondary btn-small jump-button"
        aria-controls="jump-to-part-list"
        [attr.aria-expanded]="open()"
        (click)="toggle()"
      >
        @if (current(); as c) {
          <span class="jump-title">{{ 'drafting.jump.button' | transloco }}:</span>
          <span class="jump-current">{{ 'content.sections.' + c | transloco }}</span>
        } @else {
          <span class="jump-title">{{ 'drafting.jump.button' | transloco }}</span>
        }
      </button>
      <ol id="jump-to-part-list" class="jump-list card" [hidden]="!open()">
        @for (s of sections(); track s) {
          <li>
            <a [lavaFragmentLink]="id(s)" [attr.aria-current]="s === current() ? 'location' : null">{{
              'content.sections.' + s | transloco
            }}</a>
          </li>
        }
      </ol>
    </nav>
  `,
  styles: `
    :host {
      display: block;
      position: relative;
    }
    .jump-button {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.375rem;
      align-items: baseline;
      max-width: 100%;
      text-align: left;
    }
    .jump-current {
      font-weight: 400;
      overflow-wrap: anywhere;
    }
    .jump-list {
      position: absolute;
      right: 0;
      top: calc(100% + 0.25rem);
      z-index: 3;
      width: min(22rem, calc(100vw - 2rem));
      max-height: min(70vh, 36rem);
      overflow-y: auto;
      margin: 0;
      padding: 0.5rem 0.75rem 0.5rem 2rem;
      box-shadow: 0 4px 16px rgb(0 0 0 / 20%);
    }
    .jump-list[hidden] {
      display: none;
    }
    .jump-list li {
      margin: 0;
    }
    .jump-list a {
      display: block;
      padding: 0.375rem 0;
      min-height: 2.75rem;
      line-height: 2rem;
    }
    a[aria-current] {
      font-weight: 700;
    }
  `,
})
export class SectionJump {
  readonly sections = input.required<readonly RecordSection[]>();
  protected readonly current = currentSection(this.sections);
  protected readonly open = signal(false);
  protected readonly id = sectionId;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  /** The first link to focus when the list opens: the part being read, else the first. */
  private readonly firstLink = computed(() => this.sections().indexOf(this.current() ?? this.sections()[0]));

  protected toggle(): void {
    const opening = !this.open();
    this.open.set(opening);
    if (!opening) return;
    afterNextRender(() => this.host.nativeElement.querySelectorAll<HTMLElement>('.jump-list a')[Math.max(0, this.firstLink())]?.focus(), {
      injector: this.injector,
    });
  }

  /** Escape returns to the button; a link chosen leaves the focus to the section it goes to. */
  protected close(returnFocus: boolean): void {
    if (!this.open()) return;
    this.open.set(false);
    if (returnFocus) this.host.nativeElement.querySelector<HTMLElement>('.jump-button')?.focus();
  }

  /** A part chosen from the list: the list closes (the link itself goes there). */
  protected chosen(event: MouseEvent): void {
    if ((event.target as Element | null)?.closest('.jump-list a')) this.close(false);
  }

  /** Tabbing out of the open list closes it. */
  protected focusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && !this.host.nativeElement.contains(next)) this.open.set(false);
  }
}

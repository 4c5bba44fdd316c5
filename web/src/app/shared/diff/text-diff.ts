import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type DiffPart, wordDiff } from './word-diff';

/**
 * A change shown inline: removed words in `<del>`, added words in `<ins>`, each with a visually
 * hidden label ("removed:", "added:") because screen readers do not announce the elements.
 */
@Component({
  selector: 'lava-text-diff',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="diff">
    @for (part of parts(); track $index) {
      @switch (part.kind) {
        @case ('added') {
          <ins
            ><span class="visually-hidden">[{{ addedLabel() }} </span>{{ part.text }}<span class="visually-hidden">]</span></ins
          >
        }
        @case ('removed') {
          <del
            ><span class="visually-hidden">[{{ removedLabel() }} </span>{{ part.text }}<span class="visually-hidden">]</span></del
          >
        }
        @default {
          <span>{{ part.text }}</span>
        }
      }
    }
  </span>`,
  styles: `
    .diff {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    ins {
      background: #e8f4ec;
      color: #14532d;
      text-decoration: underline;
    }
    del {
      background: #fdeceb;
      color: #8a1c15;
      text-decoration: line-through;
    }
  `,
})
export class TextDiff {
  readonly from = input('');
  readonly to = input('');
  /** When set, shown as they are (for values that are not running text). */
  readonly given = input<DiffPart[] | null>(null);
  readonly addedLabel = input.required<string>();
  readonly removedLabel = input.required<string>();
  protected readonly parts = computed<DiffPart[]>(() => this.given() ?? wordDiff(this.from() ?? '', this.to() ?? ''));
}

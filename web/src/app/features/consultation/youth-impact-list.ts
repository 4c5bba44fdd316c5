import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ImpactMatrixRow, RecordAlternative } from '@lava/contracts';
import { groupKind } from '../../shared/group-kind';
import { articleNameKey } from './uncrc-articles';

/** A matrix group as words: a translation key, or the free text the official wrote. */
export function groupLabel(group: string): { key: string | null; text: string } {
  switch (groupKind(group)) {
    case 'all':
      return { key: 'content.groups.all', text: '' };
    case 'vulnerable':
      return { key: `content.vulnerable.${group}.name`, text: '' };
    case 'age':
      return { key: null, text: group.replace('-', '–') };
    case 'other':
      return { key: null, text: group };
  }
}

/**
 * The impact matrix for young readers: a short list per alternative, each line a right in plain words,
 * whether the effect is good or bad, for whom, and the official's note. The one place that reads the
 * matrix's shape on the youth pages.
 */
@Component({
  selector: 'lava-youth-impact-list',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (groups().length === 0) {
      <p class="muted">{{ 'youth.read.impact.none' | transloco }}</p>
    }
    @for (g of groups(); track g.alternative.id) {
      <h3>
        {{
          g.alternative.title || (g.alternative.defaultName ? ('recordModel.alternatives.' + g.alternative.defaultName | transloco) : '')
        }}
      </h3>
      <ul class="impacts">
        @for (row of g.rows; track row.id) {
          <li [attr.data-direction]="row.direction">
            <strong>
              @for (n of row.articles; track n; let last = $last) {
                {{ 'youth.read.fields.article' | transloco: { n: n, name: (articleNameKey(n) | transloco) } }}
                @if (!last) {
                  ;
                }
              } @empty {
                {{ 'youth.read.impact.noRight' | transloco }}
              }
              : {{ 'youth.read.impact.direction.' + (row.direction ?? 'unknown') | transloco }}</strong
            >
            <span class="meta">
              @if (row.groups.length > 0) {
                {{ 'youth.read.impact.group' | transloco: { group: groupNames(row.groups) } }}
              }
              @if (row.term) {
                · {{ 'youth.read.impact.when.' + row.term | transloco }}
              }
              @if (row.directness) {
                · {{ 'youth.read.impact.how.' + row.directness | transloco }}
              }
            </span>
            @if (row.note) {
              <span class="note">{{ row.note }}</span>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h3 {
      font-size: 1.0625rem;
      margin: 1rem 0 0.5rem;
    }
    .impacts {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .impacts li {
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--border);
      background: var(--surface-alt);
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
    }
    .impacts li[data-direction='positive'] {
      border-left-color: var(--success);
    }
    .impacts li[data-direction='negative'] {
      border-left-color: var(--error);
    }
    .meta {
      color: var(--text-muted);
      font-size: 0.9375rem;
    }
    .note {
      white-space: pre-wrap;
    }
  `,
})
export class YouthImpactList {
  readonly rows = input.required<readonly ImpactMatrixRow[]>();
  readonly alternatives = input.required<readonly RecordAlternative[]>();
  protected readonly articleNameKey = articleNameKey;
  private readonly transloco = inject(TranslocoService);

  /** The impact's groups in words, e.g. "Vammaiset lapset, 7–12". */
  protected groupNames(groups: readonly string[]): string {
    return groups
      .map((group) => {
        const label = groupLabel(group);
        return label.key ? this.transloco.translate(label.key) : label.text;
      })
      .join(', ');
  }

  /** Rows by alternative, in the alternatives' order; alternatives without rows are left out. */
  protected readonly groups = computed(() =>
    this.alternatives()
      .map((alternative) => ({ alternative, rows: this.rows().filter((r) => r.alternativeId === alternative.id) }))
      .filter((g) => g.rows.length > 0),
  );
}

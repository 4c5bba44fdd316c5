import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AssessmentVersionView, RecordAlternative } from '@lava/contracts';
import { TextDiff } from '../../../shared/diff/text-diff';
import type { DiffPart } from '../../../shared/diff/word-diff';
import { LIST_FIELDS, TEXT_FIELDS, displayValue, fieldKey } from './record-values';
import { WorkflowTexts } from './workflow-texts';

/** Every saved version, newest first: who, when, what kind, why, and what changed. */
@Component({
  selector: 'lava-version-history',
  imports: [TranslocoPipe, TextDiff],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card block" aria-labelledby="history-heading">
      <h2 id="history-heading">{{ 'record.history.heading' | transloco }}</h2>
      @if (failed()) {
        <p class="alert" role="alert">{{ 'record.history.loadError' | transloco }}</p>
      } @else if (versions().length === 0) {
        <p class="muted">{{ 'record.history.empty' | transloco }}</p>
      } @else {
        <ol class="versions">
          @for (v of versions(); track v.version) {
            <li>
              <h3>{{ 'record.history.version' | transloco: { version: v.version } }}: {{ kind(v.kind) }}</h3>
              <p class="meta">
                {{ 'record.history.by' | transloco: { name: v.changedBy?.displayName || texts.t('record.history.unknownUser') } }},
                <time [attr.datetime]="v.changedAt">{{ texts.date(v.changedAt, true) }}</time>
              </p>
              @if (v.reason) {
                <p class="reason">
                  <strong>{{ 'record.reason.label' | transloco }}:</strong> <span class="text">{{ v.reason }}</span>
                </p>
              }
              @if (fields(v).length && v.kind !== 'created') {
                <dl class="changes">
                  @for (f of fields(v); track f) {
                    <dt>{{ texts.t(fieldKey(f)) }}</dt>
                    <dd>
                      <lava-text-diff
                        [from]="asText(f, v.changes[f].from)"
                        [to]="asText(f, v.changes[f].to)"
                        [given]="parts(f, v.changes[f].from, v.changes[f].to)"
                        [addedLabel]="texts.t('record.history.added')"
                        [removedLabel]="texts.t('record.history.removed')"
                      />
                    </dd>
                  }
                </dl>
              }
            </li>
          }
        </ol>
      }
    </section>
  `,
  styles: `
    .versions {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .versions > li {
      border-top: 1px solid #d5dbe3;
      padding: 0.75rem 0;
    }
    h3 {
      font-size: 1.0625rem;
      margin: 0 0 0.25rem;
    }
    .meta,
    .reason {
      margin: 0 0 0.25rem;
    }
    .meta {
      color: var(--text-muted);
    }
    .text {
      white-space: pre-wrap;
    }
    .changes {
      margin: 0.5rem 0 0;
    }
    .changes dt {
      font-weight: 600;
    }
    .changes dd {
      margin: 0 0 0.5rem;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class VersionHistory {
  readonly versions = input.required<readonly AssessmentVersionView[]>();
  readonly failed = input(false);
  /** The record's alternatives, so matrix rows in the history name them. */
  readonly alternatives = input<readonly RecordAlternative[]>([]);
  protected readonly texts = inject(WorkflowTexts);
  protected readonly fieldKey = fieldKey;

  protected kind(kind: string): string {
    if (kind.startsWith('transition:')) return this.texts.t(`workflow.done.${kind.slice('transition:'.length)}`);
    return this.texts.t(kind === 'created' ? 'record.history.created' : 'record.history.edited');
  }

  protected fields(v: AssessmentVersionView): string[] {
    return Object.keys(v.changes ?? {});
  }

  protected asText(field: string, value: unknown): string {
    if (LIST_FIELDS.includes(field) && Array.isArray(value)) {
      return value.length ? displayValue(field, value, this.texts, { alternatives: this.alternatives() }) : '';
    }
    return typeof value === 'string' ? value : '';
  }

  /** Running text and lists (one item a line) are diffed word by word; other values are shown whole, old then new. */
  protected parts(field: string, from: unknown, to: unknown): DiffPart[] | null {
    if (LIST_FIELDS.includes(field)) return null;
    if (TEXT_FIELDS.includes(field) && (typeof from === 'string' || from === null) && (typeof to === 'string' || to === null)) return null;
    const parts: DiffPart[] = [];
    if (field !== 'screening.signedBy') parts.push({ kind: 'removed', text: displayValue(field, from, this.texts) });
    parts.push({ kind: 'added', text: displayValue(field, to, this.texts) });
    return parts;
  }
}

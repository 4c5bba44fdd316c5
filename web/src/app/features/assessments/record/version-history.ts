import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AssessmentVersionView, RecordAlternative } from '@lava/contracts';
import { AnnouncerService } from '../../../core/a11y/announcer.service';
import { FieldDiff } from './field-diff';
import { fieldKey } from './record-values';
import { VersionCompare } from './version-compare';
import type { VersionList } from './version-list';
import { WorkflowTexts } from './workflow-texts';

/**
 * The saved versions, newest first, a page at a time: who, when, what kind, why, and what changed;
 * and a form comparing any two of the loaded versions.
 */
@Component({
  selector: 'lava-version-history',
  imports: [TranslocoPipe, FieldDiff, VersionCompare],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card block" aria-labelledby="history-heading">
      <h2 id="history-heading">{{ 'record.history.heading' | transloco }}</h2>
      @if (list().failed()) {
        <p class="alert" role="alert">{{ 'record.history.loadError' | transloco }}</p>
      } @else if (versions().length === 0) {
        <p class="muted">{{ 'record.history.empty' | transloco }}</p>
      } @else {
        @if (versions().length > 1) {
          <lava-version-compare [assessmentId]="assessmentId()" [versions]="versions()" [alternatives]="alternatives()" />
        }
        <ol class="versions">
          @for (v of versions(); track v.version) {
            <li>
              <h3 [id]="'version-' + v.version" tabindex="-1">
                {{ 'record.history.version' | transloco: { version: v.version } }}: {{ kind(v.kind) }}
              </h3>
              <p class="meta">
                {{ 'record.history.by' | transloco: { name: v.changedBy?.displayName || texts.t('record.history.unknownUser') } }},
                <time [attr.datetime]="v.changedAt">{{ texts.date(v.changedAt, true) }}</time>
                @if (v.saves > 1) {
                  {{ 'recordModel.version.saves' | transloco: { count: v.saves, from: texts.date(v.startedAt, true) } }}
                }
              </p>
              @if (v.name) {
                <p class="version-name">
                  <strong>{{ 'recordModel.version.named' | transloco }}:</strong> {{ v.name }}
                </p>
              }
              @if (v.reason) {
                <p class="reason">
                  <strong>{{ 'record.reason.label' | transloco }}:</strong>{{ ' ' }}<span class="text">{{ v.reason }}</span>
                </p>
              }
              @if (fields(v).length && v.kind !== 'created') {
                <dl class="changes">
                  @for (f of fields(v); track f) {
                    <dt>{{ texts.t(fieldKey(f)) }}</dt>
                    <dd>
                      <lava-field-diff [field]="f" [from]="v.changes[f].from" [to]="v.changes[f].to" [alternatives]="alternatives()" />
                    </dd>
                  }
                </dl>
              }
            </li>
          }
        </ol>
        @if (list().nextCursor() !== null) {
          <button
            type="button"
            class="btn btn-secondary"
            id="show-older-versions"
            [attr.aria-disabled]="list().loadingOlder() || null"
            (click)="showOlder()"
          >
            {{ (list().loadingOlder() ? 'record.history.older.loading' : 'record.history.older.show') | transloco }}
          </button>
        }
        @if (list().olderFailed()) {
          <p class="alert" role="alert">{{ 'record.history.older.loadError' | transloco }}</p>
        }
      }
    </section>
  `,
  styles: `
    .versions {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    h3:focus {
      outline-offset: 2px;
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
  /** The loaded versions (the page fills and refreshes it). */
  readonly list = input.required<VersionList>();
  readonly assessmentId = input.required<string>();
  /** The record's alternatives, so matrix rows in the history name them. */
  readonly alternatives = input<readonly RecordAlternative[]>([]);
  protected readonly texts = inject(WorkflowTexts);
  private readonly announcer = inject(AnnouncerService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly fieldKey = fieldKey;
  protected readonly versions = computed(() => this.list().versions());

  protected kind(kind: string): string {
    if (kind.startsWith('transition:')) return this.texts.t(`workflow.done.${kind.slice('transition:'.length)}`);
    return this.texts.t(kind === 'created' ? 'record.history.created' : 'record.history.edited');
  }

  protected fields(v: AssessmentVersionView): string[] {
    return Object.keys(v.changes ?? {});
  }

  /** Appends the next older page and says how many came; focus stays on the button, or goes to the first added version when none are left. */
  protected async showOlder(): Promise<void> {
    const list = this.list();
    const firstAdded = list.nextCursor();
    const added = await list.loadOlder();
    if (added === 0) return;
    this.announcer.announce('record.history.older.added', { count: String(added) });
    if (list.nextCursor() === null && firstAdded !== null) {
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#version-${firstAdded - 1}`)?.focus(), {
        injector: this.injector,
      });
    }
  }
}

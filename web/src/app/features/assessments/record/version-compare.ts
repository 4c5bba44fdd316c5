import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AssessmentVersionComparison, AssessmentVersionView, RecordAlternative, VersionFieldComparison } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { apiError } from '../../../shared/api-error';
import { AssessmentsApi } from '../assessments.api';
import { FieldDiff } from './field-diff';
import { fieldKey } from './record-values';
import { WorkflowTexts } from './workflow-texts';

/** The pair offered first: the newest version against the one before it. */
export function defaultPair(versions: readonly AssessmentVersionView[]): { older: number | null; newer: number | null } {
  return { older: versions[1]?.version ?? null, newer: versions[0]?.version ?? null };
}

/** Why a pair cannot be compared (a translation key), or null. */
export function pairProblem(older: number | null, newer: number | null): string | null {
  if (older === null || newer === null) return 'record.history.compare.choose';
  return older < newer ? null : 'record.history.compare.order';
}

/** A choice kept while the versions it names are still listed, else the default. */
function keep(versions: readonly AssessmentVersionView[], previous: number | null | undefined, fallback: number | null): number | null {
  return previous != null && versions.some((v) => v.version === previous) ? previous : fallback;
}

/**
 * Two of the loaded versions side by side: every field changed in between, from its value in the
 * older version to its value in the newer one (the API's comparison), and who changed it.
 */
@Component({
  selector: 'lava-version-compare',
  imports: [TranslocoPipe, FieldDiff],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="compare">
      <h3 id="compare-heading">{{ 'record.history.compare.heading' | transloco }}</h3>
      <form aria-labelledby="compare-heading" novalidate (submit)="$event.preventDefault(); compare()">
        <p class="hint" id="compare-hint">{{ 'record.history.compare.hint' | transloco }}</p>
        <div class="fields">
          <div class="field">
            <label for="compare-older">{{ 'record.history.compare.older' | transloco }}</label>
            <select id="compare-older" aria-describedby="compare-hint" (change)="older.set(chosen($event))">
              @for (v of versions(); track v.version) {
                <option [value]="v.version" [selected]="v.version === older()">{{ label(v) }}</option>
              }
            </select>
          </div>
          <div class="field">
            <label for="compare-newer">{{ 'record.history.compare.newer' | transloco }}</label>
            <select id="compare-newer" aria-describedby="compare-hint" (change)="newer.set(chosen($event))">
              @for (v of versions(); track v.version) {
                <option [value]="v.version" [selected]="v.version === newer()">{{ label(v) }}</option>
              }
            </select>
          </div>
          <button type="submit" class="btn" [attr.aria-disabled]="busy() || null">
            {{ (busy() ? 'record.history.compare.busy' : 'record.history.compare.submit') | transloco }}
          </button>
        </div>
        @if (refusal(); as text) {
          <p class="alert" role="alert">{{ text }}</p>
        } @else if (problem(); as key) {
          <p class="alert" role="alert">{{ key | transloco }}</p>
        }
      </form>

      @if (result(); as r) {
        <section class="result" aria-labelledby="compare-result-heading">
          <h4 id="compare-result-heading" tabindex="-1">
            {{ 'record.history.compare.resultHeading' | transloco: { from: r.from, to: r.to } }}
          </h4>
          @if (r.fields.length === 0) {
            <p class="muted">{{ 'record.history.compare.none' | transloco }}</p>
          } @else {
            <dl class="changes">
              @for (f of r.fields; track f.field) {
                <dt>{{ texts.t(fieldKey(f.field)) }}</dt>
                <dd>
                  <p class="meta">{{ changedBy(f) }}</p>
                  @if (f.changedBack) {
                    <p>{{ 'record.history.compare.changedBack' | transloco: { from: r.from } }}</p>
                  } @else {
                    <lava-field-diff [field]="f.field" [from]="f.from" [to]="f.to" [alternatives]="alternatives()" />
                  }
                </dd>
              }
            </dl>
          }
        </section>
      }
    </div>
  `,
  styles: `
    .compare {
      border-top: 1px solid #d5dbe3;
      padding: 0.75rem 0;
    }
    h3 {
      font-size: 1.0625rem;
      margin: 0 0 0.25rem;
    }
    h4 {
      font-size: 1rem;
      margin: 0.75rem 0 0.25rem;
    }
    .hint,
    .meta {
      color: var(--text-muted);
      margin: 0 0 0.5rem;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem 1rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      flex: 1 1 14rem;
      min-width: 0;
    }
    select {
      max-width: 100%;
    }
    .changes {
      margin: 0.5rem 0 0;
    }
    .changes dt {
      font-weight: 600;
    }
    .changes dd {
      margin: 0 0 0.75rem;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .changes dd p {
      margin: 0 0 0.25rem;
    }
  `,
})
export class VersionCompare {
  readonly assessmentId = input.required<string>();
  /** The versions the history has loaded, newest first: the ones offered. */
  readonly versions = input.required<readonly AssessmentVersionView[]>();
  readonly alternatives = input<readonly RecordAlternative[]>([]);

  private readonly api = inject(AssessmentsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly texts = inject(WorkflowTexts);
  protected readonly fieldKey = fieldKey;

  readonly older = linkedSignal<readonly AssessmentVersionView[], number | null>({
    source: this.versions,
    computation: (versions, previous) => keep(versions, previous?.value, defaultPair(versions).older),
  });
  readonly newer = linkedSignal<readonly AssessmentVersionView[], number | null>({
    source: this.versions,
    computation: (versions, previous) => keep(versions, previous?.value, defaultPair(versions).newer),
  });
  readonly result = signal<AssessmentVersionComparison | null>(null);
  /** Why the comparison cannot be made (a translation key)… */
  readonly problem = signal<string | null>(null);
  /** …or the API's own words for it (in the language the app sends). */
  readonly refusal = signal<string | null>(null);
  readonly busy = signal(false);

  async compare(): Promise<void> {
    if (this.busy()) return;
    const [from, to] = [this.older(), this.newer()];
    const problem = pairProblem(from, to);
    this.problem.set(problem);
    this.refusal.set(null);
    if (problem || from === null || to === null) return;
    this.busy.set(true);
    try {
      this.result.set(await firstValueFrom(this.api.compareVersions(this.assessmentId(), from, to)));
      // The result replaces nothing on screen the person was at; moving to its heading reads it out.
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('#compare-result-heading')?.focus(), {
        injector: this.injector,
      });
    } catch (error) {
      this.result.set(null);
      this.refusal.set(apiError(error)?.message ?? null);
      this.problem.set('record.history.compare.failed');
    } finally {
      this.busy.set(false);
    }
  }

  protected chosen(event: Event): number {
    return Number((event.target as HTMLSelectElement).value);
  }

  protected label(v: AssessmentVersionView): string {
    return this.texts.t('record.history.compare.option', {
      version: v.version,
      time: this.texts.date(v.changedAt, true),
      name: v.changedBy?.displayName || this.texts.t('record.history.unknownUser'),
    });
  }

  protected changedBy(f: VersionFieldComparison): string {
    const names = f.changedBy.map((p) => p.displayName).join(', ') || this.texts.t('record.history.unknownUser');
    return this.texts.t('record.history.compare.changedBy', { count: f.changeCount, names });
  }
}

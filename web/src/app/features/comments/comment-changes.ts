import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CommentChanges, CouncilChanges, SectionChange, StatementStandingAnswer } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { TextDiff } from '../../shared/diff/text-diff';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { displayValue, fieldKey } from '../assessments/record/record-values';
import { WorkflowTexts } from '../assessments/record/workflow-texts';
import { commentErrorKey } from './comment-errors';
import { CommentsApi } from './comments.api';
import { FragmentLink } from '../../shared/fragment-link/fragment-link';
import { sectionNameKey } from './section-name';

/**
 * "Changed since your comments": for a youth council, the sections it commented on that changed
 * afterwards (with what changed), and the question whether its statement still stands; for staff,
 * the same per council with the councils' answers. Hidden when there is nothing to show.
 */
@Component({
  selector: 'lava-comment-changes',
  imports: [TranslocoPipe, TextDiff, LocalDatePipe, FragmentLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (visible().length) {
      <section class="changes" aria-labelledby="comment-changes-heading">
        <h3 id="comment-changes-heading">{{ (asCouncil() ? 'comments.changes.heading' : 'comments.changes.staffHeading') | transloco }}</h3>
        <p class="muted">{{ (asCouncil() ? 'comments.changes.intro' : 'comments.changes.staffIntro') | transloco }}</p>
        @for (c of visible(); track c.council.id) {
          <div class="council">
            @if (!asCouncil() || visible().length > 1) {
              <h4>{{ c.council.name }}</h4>
            }
            @for (s of c.sections; track s.section) {
              <div class="section">
                <h5>
                  <a [lavaFragmentLink]="'section-' + s.section">{{ sectionNameKey(s.section) | transloco }}</a>
                </h5>
                <p class="muted small">
                  {{ 'comments.changes.commentedAt' | transloco }}
                  <time [attr.datetime]="s.lastCommentedAt">{{ s.lastCommentedAt | localDate: locale() : 'datetime' }}</time>
                </p>
                <dl>
                  @for (ch of s.changes; track ch.field) {
                    <dt>{{ label(ch.field) }}</dt>
                    <dd>
                      @if (isText(ch)) {
                        <lava-text-diff
                          [from]="asString(ch.from)"
                          [to]="asString(ch.to)"
                          [addedLabel]="'comments.changes.added' | transloco"
                          [removedLabel]="'comments.changes.removed' | transloco"
                        />
                      } @else {
                        <lava-text-diff
                          [given]="[
                            { kind: 'removed', text: show(ch.field, ch.from) },
                            { kind: 'added', text: show(ch.field, ch.to) },
                          ]"
                          [addedLabel]="'comments.changes.added' | transloco"
                          [removedLabel]="'comments.changes.removed' | transloco"
                        />
                      }
                    </dd>
                  }
                </dl>
              </div>
            } @empty {
              <p class="muted">{{ 'comments.changes.none' | transloco }}</p>
            }
            @if (c.answer; as a) {
              <p class="answer">
                <strong>{{ 'comments.changes.answer.' + a.answer | transloco }}</strong>
                {{ 'comments.changes.answeredBy' | transloco: { name: a.by.displayName, version: a.assessmentVersion } }}
                <time [attr.datetime]="a.answeredAt">{{ a.answeredAt | localDate: locale() : 'datetime' }}</time>
              </p>
            }
            @if (asCouncil() && canAnswer() && c.answerNeeded) {
              <fieldset class="ask">
                <legend>{{ 'comments.changes.question' | transloco }}</legend>
                <div class="form-actions">
                  <button type="button" class="btn btn-small" (click)="answer(c, 'stands')" [disabled]="busy()">
                    {{ 'comments.changes.answer.stands' | transloco }}
                  </button>
                  <button type="button" class="btn btn-secondary btn-small" (click)="answer(c, 'will_revise')" [disabled]="busy()">
                    {{ 'comments.changes.answer.will_revise' | transloco }}
                  </button>
                </div>
              </fieldset>
            }
          </div>
        }
        <div role="status" aria-live="polite" class="visually-hidden">
          @if (saved()) {
            {{ 'comments.changes.saved' | transloco }}
          }
        </div>
        <div role="alert">
          @if (errorKey(); as e) {
            <p class="alert">{{ e | transloco }}</p>
          }
        </div>
      </section>
    }
  `,
  styles: `
    .changes {
      border: 2px solid #8a6d00;
      border-radius: 4px;
      padding: 0.75rem;
      margin-bottom: 1rem;
      background: #fffdf5;
      overflow-wrap: anywhere;
    }
    h3,
    h4,
    h5 {
      margin: 0.5rem 0 0.25rem;
    }
    dl {
      margin: 0.25rem 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0 0 0.5rem;
    }
    .small {
      font-size: 0.85rem;
      margin: 0;
    }
    .ask {
      border: 1px solid var(--border, #c9ced6);
      border-radius: 4px;
      margin-top: 0.5rem;
    }
  `,
})
export class CommentChangesPanel {
  protected readonly sectionNameKey = sectionNameKey;
  readonly assessmentId = input.required<string>();
  /** Whether the caller speaks for a council now (may answer). */
  readonly canAnswer = input(false);
  /** Whether the caller sees this as a council member (else as staff). */
  readonly asCouncil = input(false);
  /** Reload when the assessment's version moves. */
  readonly version = input(0);

  private readonly api = inject(CommentsApi);
  private readonly texts = inject(WorkflowTexts);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly data = signal<CommentChanges | null>(null);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  /** Staff see councils with changes or an answer; a council sees itself when something changed or it answered. */
  protected readonly visible = computed(() => (this.data()?.councils ?? []).filter((c) => c.sections.length > 0 || c.answer !== null));

  constructor() {
    effect(() => {
      const id = this.assessmentId();
      this.version();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    try {
      this.data.set(await firstValueFrom(this.api.changes(id)));
    } catch {
      this.data.set(null);
    }
  }

  protected async answer(council: CouncilChanges, answer: StatementStandingAnswer): Promise<void> {
    const current = this.data();
    if (!current || this.busy()) return;
    this.busy.set(true);
    this.saved.set(false);
    this.errorKey.set(null);
    try {
      this.data.set(
        await firstValueFrom(
          this.api.answer(this.assessmentId(), { councilId: council.council.id, answer, assessmentVersion: current.currentVersion }),
        ),
      );
      this.saved.set(true);
    } catch (error) {
      this.errorKey.set(commentErrorKey(error));
      await this.load(this.assessmentId());
    } finally {
      this.busy.set(false);
    }
  }

  protected isText(change: SectionChange): boolean {
    return (typeof change.from === 'string' || change.from === null) && typeof change.to === 'string';
  }

  protected asString(value: unknown): string {
    return typeof value === 'string' ? value : '';
  }

  protected label(field: string): string {
    return this.texts.t(fieldKey(field));
  }

  protected show(field: string, value: unknown): string {
    return displayValue(field, value, this.texts);
  }
}

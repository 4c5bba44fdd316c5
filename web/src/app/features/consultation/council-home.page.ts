import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ConsultationDetail, ConsultationView } from '@lava/contracts';
import { DECIDED_STAGES, type Stage } from '@lava/workflow';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { ConsultationApi } from './consultation.api';

/** A request the council can still answer: sent, not withdrawn, its round open, the assessment in consultation, the deadline ahead. */
export function isOpenRequest(c: ConsultationView, now = new Date()): boolean {
  return (
    c.closedAt === null &&
    c.status !== 'withdrawn' &&
    c.assessmentStage === 'consultation' &&
    new Date(c.deadline).getTime() > now.getTime()
  );
}

/** How far the statement is, as a translation key with its parameters. */
export function progressOf(c: ConsultationView): { key: string; params: Record<string, number> } {
  const n = c.pointCount;
  if (c.submittedAt) return { key: 'youth.home.progress.sent', params: { n } };
  if (n === 0) return { key: 'youth.home.progress.none', params: { n } };
  return { key: c.adoptedAt ? 'youth.home.progress.adopted' : 'youth.home.progress.points', params: { n } };
}

/**
 * A youth council member's home: their council. Open requests first (what, by when, how far the
 * statement is), then earlier ones with what became of each point once the matter is decided.
 */
@Component({
  selector: 'lava-council-home-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'youth-page' },
  template: `
    <h1 tabindex="-1">{{ 'youth.home.heading' | transloco }}</h1>
    @if (councils().length > 0) {
      <p class="council">{{ councils().join(', ') }}</p>
    }
    <p class="lead">{{ 'youth.home.intro' | transloco }}</p>
    @if (failed()) {
      <div class="alert" role="alert">
        <p>{{ 'youth.common.loadError' | transloco }}</p>
        <button type="button" class="btn btn-secondary" (click)="load(null)">{{ 'youth.common.retry' | transloco }}</button>
      </div>
    } @else if (!loaded()) {
      <p role="status" class="muted">{{ 'youth.common.loading' | transloco }}</p>
    } @else {
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">{{ 'youth.home.openHeading' | transloco }}</h2>
        @if (open().length === 0) {
          <p>{{ 'youth.home.openNone' | transloco }}</p>
        } @else {
          <ul class="list">
            @for (c of open(); track c.id) {
              @let progress = progressOf(c);
              <li class="card request">
                <h3>
                  <a class="big-link" [routerLink]="['/consultations', c.id]">{{ c.assessmentTitle }}</a>
                </h3>
                <p class="deadline">
                  <time [attr.datetime]="c.deadline">{{
                    'youth.common.deadline' | transloco: { date: (c.deadline | localDate: locale() : 'datetime') }
                  }}</time>
                </p>
                <p>
                  <span class="status-badge" [attr.data-status]="c.boardStatus">{{ progress.key | transloco: progress.params }}</span>
                </p>
              </li>
            }
          </ul>
        }
      </section>

      <section aria-labelledby="earlier-heading">
        <h2 id="earlier-heading">{{ 'youth.home.earlierHeading' | transloco }}</h2>
        @if (earlier().length === 0) {
          <p>{{ 'youth.home.earlierNone' | transloco }}</p>
        } @else {
          <ul class="list">
            @for (c of earlier(); track c.id) {
              <li class="card">
                <h3>{{ c.assessmentTitle }}</h3>
                @if (!c.submittedAt) {
                  <p class="muted">{{ 'youth.home.notSent' | transloco }}</p>
                } @else if (!decided(c)) {
                  <p class="muted">{{ 'youth.home.waiting' | transloco }}</p>
                } @else {
                  @if (details()[c.id]?.statement; as s) {
                    <ul class="results">
                      @for (p of s.points; track p.id) {
                        <li>
                          {{
                            'youth.home.pointFeedback'
                              | transloco: { n: p.position, result: ('youth.feedback.result.' + (p.disposition ?? 'none') | transloco) }
                          }}
                        </li>
                      }
                    </ul>
                  }
                  <p>
                    <a class="big-link" [routerLink]="['/consultations', c.id, 'feedback']">{{
                      'youth.home.feedbackLink' | transloco: { title: c.assessmentTitle }
                    }}</a>
                  </p>
                }
              </li>
            }
          </ul>
        }
        @if (next()) {
          <button type="button" class="btn btn-secondary" (click)="load(next())">{{ 'youth.home.more' | transloco }}</button>
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 48rem;
    }
    .council {
      margin: -0.5rem 0 0.5rem;
      font-weight: 600;
    }
    .list {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .list h3 {
      margin: 0 0 0.25rem;
      font-size: 1.125rem;
    }
    .list p {
      margin: 0.25rem 0;
    }
    .request {
      border-left: 4px solid var(--brand);
    }
    .deadline {
      font-weight: 600;
    }
    .results {
      margin: 0.25rem 0;
      padding-left: 1.25rem;
    }
  `,
})
export class CouncilHomePage {
  private readonly api = inject(ConsultationApi);
  private readonly language = inject(LanguageService);
  protected readonly locale = this.language.locale;
  protected readonly progressOf = progressOf;
  protected readonly items = signal<ConsultationView[]>([]);
  /** Details of earlier decided requests: the result of each point. */
  protected readonly details = signal<Record<string, ConsultationDetail>>({});
  protected readonly next = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly failed = signal(false);

  protected readonly open = computed(() =>
    this.items()
      .filter((c) => isOpenRequest(c))
      .sort((a, b) => a.deadline.localeCompare(b.deadline)),
  );
  protected readonly earlier = computed(() => this.items().filter((c) => !isOpenRequest(c)));
  protected readonly councils = computed(() => [...new Set(this.items().map((c) => c.youthCouncil.name))]);

  constructor() {
    // Names come in the language of the request: reload from the top when the language changes.
    effect(() => {
      this.language.language();
      untracked(() => {
        this.loaded.set(false);
        void this.load(null);
      });
    });
  }

  protected decided(c: ConsultationView): boolean {
    return (DECIDED_STAGES as readonly Stage[]).includes(c.assessmentStage);
  }

  protected async load(cursor: string | null): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.mine(cursor));
      this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
      this.next.set(page.nextCursor);
      this.failed.set(false);
      this.loaded.set(true);
      await this.loadFeedback(page.items.filter((c) => !isOpenRequest(c) && c.submittedAt && this.decided(c)));
    } catch {
      this.failed.set(true);
      this.loaded.set(true);
    }
  }

  private async loadFeedback(decided: ConsultationView[]): Promise<void> {
    const loaded = await Promise.all(decided.map((c) => firstValueFrom(this.api.get(c.id)).catch(() => null)));
    this.details.update((d) => {
      const next = { ...d };
      for (const detail of loaded) if (detail) next[detail.id] = detail;
      return next;
    });
  }
}

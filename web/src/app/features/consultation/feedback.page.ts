import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ConsultationDetail } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { ConsultationApi } from './consultation.api';

/** Outcomes a youth page names (tabling and returns are not the end of the matter: the page waits then). */
const FINAL_OUTCOMES = ['approved', 'approved_as_modified', 'rejected'];

/**
 * After the decision: what became of the council's statement, point by point — taken up or not,
 * how, and why — on a page of its own (the `statement_feedback` notification opens it).
 */
@Component({
  selector: 'lava-feedback-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'youth-page' },
  template: `
    @switch (state()) {
      @case ('ok') {
        @if (c(); as c) {
          <p class="back">
            <a routerLink="/consultations">{{ 'youth.common.backHome' | transloco }}</a>
          </p>
          <h1 tabindex="-1" id="feedback-heading">{{ 'youth.feedback.heading' | transloco }}</h1>
          <p class="lead">{{ c.assessmentTitle }}</p>
          @if (decision(); as f) {
            <section class="card decision" aria-labelledby="decision-heading">
              <h2 id="decision-heading">
                {{ 'youth.feedback.decision' | transloco: { outcome: ('youth.feedback.outcome.' + f.outcome | transloco) } }}
              </h2>
              @if (f.meetingDate) {
                <p class="muted">
                  {{
                    'youth.feedback.meeting' | transloco: { date: (f.meetingDate | localDate: locale()), section: f.minutesSection ?? '' }
                  }}
                </p>
              }
              @if (f.decisionText) {
                <p class="text">{{ f.decisionText }}</p>
              }
            </section>
            <p>{{ 'youth.feedback.intro' | transloco }}</p>
            @if (points().length === 0) {
              <p>{{ 'youth.feedback.noPoints' | transloco }}</p>
            }
            <ol class="points">
              @for (p of points(); track p.id) {
                <li class="card point" [attr.data-disposition]="p.disposition">
                  <h2 class="point-heading">{{ 'youth.feedback.yourPoint' | transloco: { n: p.position } }}</h2>
                  <p class="text">{{ p.text }}</p>
                  <p class="result">
                    <strong>{{ 'youth.feedback.result.' + (p.disposition ?? 'none') | transloco }}</strong>
                  </p>
                  @if (p.dispositionReason) {
                    <h3>{{ 'youth.feedback.why' | transloco }}</h3>
                    <p class="text">{{ p.dispositionReason }}</p>
                  }
                  @if (p.linkedSection) {
                    <p class="muted">
                      {{ 'youth.feedback.part' | transloco: { section: ('content.sections.' + p.linkedSection | transloco) } }}
                    </p>
                  }
                </li>
              }
            </ol>
          } @else {
            <p>{{ 'youth.feedback.notYet' | transloco }}</p>
          }
        }
      }
      @case ('notFound') {
        <h1 tabindex="-1">{{ 'youth.titles.feedback' | transloco }}</h1>
        <p class="alert" role="alert">{{ 'youth.common.notFound' | transloco }}</p>
        <p>
          <a routerLink="/consultations">{{ 'youth.common.backHome' | transloco }}</a>
        </p>
      }
      @case ('error') {
        <h1 tabindex="-1">{{ 'youth.titles.feedback' | transloco }}</h1>
        <div class="alert" role="alert">
          <p>{{ 'youth.common.loadError' | transloco }}</p>
          <button type="button" class="btn btn-secondary" (click)="load()">{{ 'youth.common.retry' | transloco }}</button>
        </div>
      }
      @default {
        <h1 tabindex="-1">{{ 'youth.titles.feedback' | transloco }}</h1>
        <p role="status" class="muted">{{ 'youth.common.loading' | transloco }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 48rem;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .decision {
      border-left: 4px solid var(--brand);
    }
    .decision h2 {
      margin-top: 0;
      font-size: 1.25rem;
    }
    .points {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .point {
      border-left: 4px solid var(--border);
    }
    .point[data-disposition='accepted'],
    .point[data-disposition='partly_accepted'] {
      border-left-color: var(--success);
    }
    .point-heading {
      font-size: 1.125rem;
      margin: 0 0 0.25rem;
    }
    .point h3 {
      font-size: 1rem;
      margin: 0.5rem 0 0;
    }
    .result {
      font-size: 1.0625rem;
    }
  `,
})
export class FeedbackPage {
  /** Route parameter `:id`: the consultation request. */
  readonly id = input.required<string>();

  private readonly api = inject(ConsultationApi);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly state = signal<'loading' | 'ok' | 'notFound' | 'error'>('loading');
  protected readonly c = signal<ConsultationDetail | null>(null);
  /** The decision, once one with a final outcome is recorded. */
  protected readonly decision = computed(() => {
    const f = this.c()?.feedback;
    return f?.outcome && FINAL_OUTCOMES.includes(f.outcome) ? f : null;
  });
  protected readonly points = computed(() => this.c()?.statement?.points ?? []);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected async load(id = this.id()): Promise<void> {
    try {
      this.c.set(await firstValueFrom(this.api.get(id)));
      this.state.set('ok');
    } catch (error) {
      this.state.set(error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400) ? 'notFound' : 'error');
    }
  }
}

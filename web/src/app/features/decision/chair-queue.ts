import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AssessmentSummary } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { AssessmentsApi } from '../assessments/assessments.api';

/**
 * A committee chair's home: the assessments that wait for their committee's decision, by meeting
 * date. Shown above the assessment list to whoever chairs a committee; renders nothing for others.
 */
@Component({
  selector: 'lava-chair-queue',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (committees().length > 0) {
      <section class="card queue" aria-labelledby="chair-queue-heading">
        <h2 id="chair-queue-heading">{{ 'youth.chair.heading' | transloco }}</h2>
        @if (failed()) {
          <p role="alert">{{ 'youth.chair.loadError' | transloco }}</p>
        } @else if (loaded() && items().length === 0) {
          <p>{{ 'youth.chair.none' | transloco }}</p>
        } @else {
          <ul>
            @for (a of items(); track a.id) {
              <li>
                <a [routerLink]="['/assessments', a.id]">{{ a.title }}</a>
                <span class="muted">
                  {{ a.committeeName }} ·
                  @if (a.plannedMeetingDate) {
                    {{ 'youth.chair.meeting' | transloco: { date: (a.plannedMeetingDate | localDate: locale()) } }}
                  } @else {
                    {{ 'youth.chair.noMeeting' | transloco }}
                  }
                </span>
              </li>
            }
          </ul>
        }
      </section>
    }
  `,
  styles: `
    .queue {
      border-left: 4px solid var(--brand);
      margin-bottom: 1.5rem;
    }
    h2 {
      margin-top: 0;
      font-size: 1.25rem;
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    li {
      margin: 0.25rem 0;
    }
    li a {
      display: inline-flex;
      align-items: center;
      min-height: 2.75rem;
      margin-right: 0.5rem;
    }
  `,
})
export class ChairQueue {
  private readonly api = inject(AssessmentsApi);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  protected readonly locale = this.language.locale;
  /** The committees the user chairs. */
  protected readonly committees = computed(() =>
    (this.auth.user()?.memberships ?? []).filter((m) => m.role === 'committee_chair').map((m) => m.organizationId),
  );
  protected readonly items = signal<AssessmentSummary[]>([]);
  protected readonly loaded = signal(false);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      const committees = this.committees();
      this.language.language();
      untracked(() => void this.load(committees));
    });
  }

  private async load(committees: string[]): Promise<void> {
    if (committees.length === 0) return;
    try {
      const pages = await Promise.all(
        committees.map((committeeId) => firstValueFrom(this.api.list(null, { stage: 'decision', committeeId }, 50))),
      );
      const all = pages.flatMap((p) => p.items);
      all.sort((a, b) => (a.plannedMeetingDate ?? '9999').localeCompare(b.plannedMeetingDate ?? '9999'));
      this.items.set(all);
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    } finally {
      this.loaded.set(true);
    }
  }
}

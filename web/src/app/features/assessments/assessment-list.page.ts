import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AssessmentListFilters, AssessmentSummary } from '@lava/contracts';
import { STAGES, type Stage } from '@lava/workflow';
import { FormsModule } from '@angular/forms';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { AssessmentsApi } from './assessments.api';
import { ChairQueue } from '../decision/chair-queue';

@Component({
  selector: 'lava-assessment-list-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe, FormsModule, ChairQueue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-list.page.html',
  styleUrl: './assessment-list.page.css',
})
export class AssessmentListPage {
  private readonly api = inject(AssessmentsApi);
  private readonly auth = inject(AuthService);
  protected readonly locale = inject(LanguageService).locale;

  protected readonly items = signal<AssessmentSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly failed = signal(false);
  protected readonly canCreate = this.auth.hasRole('official');
  protected readonly stages = STAGES;
  /** The filter form's fields; applied (and the list reloaded from the top) on submit. */
  protected readonly filterForm: {
    q: string;
    stage: Stage | '';
    meetingFrom: string;
    meetingTo: string;
    deadlineFrom: string;
    deadlineTo: string;
  } = { q: '', stage: '', meetingFrom: '', meetingTo: '', deadlineFrom: '', deadlineTo: '' };
  private filters: AssessmentListFilters = {};
  /** Whether the date filters have been unfolded (their fields are made then, see the template). */
  protected readonly datesUnfolded = signal(false);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor() {
    // Municipality and committee names come in the language of the request: reload from the top
    // when the language changes (the first run of the effect is the initial load).
    const language = inject(LanguageService).language;
    effect(() => {
      language();
      untracked(() => {
        this.items.set([]);
        this.loaded.set(false);
        this.load(null);
      });
    });
  }

  protected showMore(): void {
    const cursor = this.nextCursor();
    if (cursor && !this.loading()) this.load(cursor);
  }

  /** The date filters stay unfolded while one of them is applied, so what narrows the list is in sight. */
  protected hasDateFilter(): boolean {
    const { meetingFrom, meetingTo, deadlineFrom, deadlineTo } = this.filters;
    return Boolean(meetingFrom || meetingTo || deadlineFrom || deadlineTo);
  }

  /** Whether a filter is applied: an empty list then says that nothing matches, not that nothing exists. */
  protected hasFilters(): boolean {
    return Object.values(this.filters).some((value) => value !== undefined);
  }

  protected onDatesToggle(event: Event): void {
    if ((event.target as HTMLDetailsElement).open) this.datesUnfolded.set(true);
  }

  protected applyFilters(): void {
    const { q, stage, meetingFrom, meetingTo, deadlineFrom, deadlineTo } = this.filterForm;
    this.filters = {
      q: q.trim() || undefined,
      stage: stage || undefined,
      meetingFrom: meetingFrom || undefined,
      meetingTo: meetingTo || undefined,
      deadlineFrom: deadlineFrom || undefined,
      deadlineTo: deadlineTo || undefined,
    };
    this.items.set([]);
    this.loaded.set(false);
    this.load(null);
  }

  protected clearFilters(): void {
    this.filterForm.q = '';
    this.filterForm.stage = '';
    this.filterForm.meetingFrom = '';
    this.filterForm.meetingTo = '';
    this.filterForm.deadlineFrom = '';
    this.filterForm.deadlineTo = '';
    this.applyFilters();
  }

  protected retry(): void {
    this.load(this.loaded() ? this.nextCursor() : null);
  }

  private load(cursor: string | null): void {
    this.loading.set(true);
    this.failed.set(false);
    this.api.list(cursor, this.filters).subscribe({
      next: (page) => {
        const firstNew = this.items().length;
        this.items.update((current) => {
          const base = cursor ? current : page.items;
          const seen = new Set(base.map((a) => a.id));
          return cursor ? [...base, ...page.items.filter((a) => !seen.has(a.id))] : base;
        });
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.loaded.set(true);
        // "Show more" may disappear on the last page: keep keyboard focus on the first new row.
        if (cursor) this.focusRow(firstNew);
      },
      error: () => {
        this.loading.set(false);
        this.failed.set(true);
      },
    });
  }

  private focusRow(index: number): void {
    afterNextRender(() => this.host.nativeElement.querySelectorAll<HTMLElement>('tbody tr td a')[index]?.focus(), {
      injector: this.injector,
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  DASHBOARD_YEAR_MAX,
  DASHBOARD_YEAR_MIN,
  type DashboardExportFormat,
  type DashboardQuery,
  type DashboardTable,
  type DashboardView,
} from '@lava/contracts';
import { toSignal } from '@angular/core/rxjs-interop';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { DashboardApi } from './dashboard.api';
import { DashboardChart, type ChartSeries } from './dashboard-chart';

/** One table of the dashboard as the page shows it: a chart, its summary, and the table itself. */
interface Section {
  table: DashboardTable;
  summaryKey: string;
  summaryParams: Record<string, string | number>;
  labels: string[];
  series: ChartSeries[];
  stacked: boolean;
  horizontal: boolean;
  columns: string[];
  rows: (string | number)[][];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

@Component({
  selector: 'lava-dashboard-page',
  imports: [TranslocoPipe, DashboardChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.css',
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly transloco = inject(TranslocoService);
  private readonly announcer = inject(AnnouncerService);
  protected readonly yearMin = DASHBOARD_YEAR_MIN;
  protected readonly yearMax = DASHBOARD_YEAR_MAX;

  protected readonly view = signal<DashboardView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly organizationId = signal('');
  protected readonly committeeId = signal('');
  protected readonly year = signal('');
  /** The active language's translation once loaded, so that the sections' words follow a change of language. */
  private readonly translation = toSignal(this.transloco.selectTranslation());

  protected readonly committees = computed(() => {
    const all = this.view()?.scope.committees ?? [];
    const organization = this.organizationId();
    return organization ? all.filter((c) => c.organizationId === organization) : all;
  });

  protected readonly sections = computed<Section[]>(() => {
    if (!this.translation()) return [];
    const view = this.view();
    return view ? buildSections(view, (key, params) => this.transloco.translate(key, params)) : [];
  });

  constructor() {
    this.load();
  }

  protected isNumber(cell: string | number): boolean {
    return typeof cell === 'number';
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.load();
  }

  protected onOrganization(value: string): void {
    this.organizationId.set(value);
    // A committee of another organization would be refused: start over.
    if (value && !this.committees().some((c) => c.id === this.committeeId())) this.committeeId.set('');
  }

  protected download(table: DashboardTable, format: DashboardExportFormat): void {
    this.api.export(table, format, this.query()).subscribe({
      next: ({ blob, fileName }) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
        this.announcer.announce('dashboard.downloaded', { file: fileName });
      },
      error: () => this.error.set('dashboard.exportError'),
    });
  }

  private query(): DashboardQuery {
    const year = Number(this.year());
    return {
      organizationId: this.organizationId() || undefined,
      committeeId: this.committeeId() || undefined,
      year: this.year() && Number.isInteger(year) ? year : undefined,
    };
  }

  private load(): void {
    this.loading.set(true);
    this.api.view(this.query()).subscribe({
      next: (view) => {
        this.view.set(view);
        this.error.set(null);
        this.loading.set(false);
        if (view.filters.organizationId || view.filters.committeeId || view.filters.year) this.announcer.announce('dashboard.filtered');
      },
      error: (response: { status?: number; error?: { message?: string } }) => {
        this.loading.set(false);
        this.error.set(response.status === 400 && response.error?.message ? response.error.message : 'dashboard.loadError');
      },
    });
  }
}

/** The sections in the order the API lists its tables, with words in the current language. */
export function buildSections(view: DashboardView, t: (key: string, params?: Record<string, unknown>) => string): Section[] {
  const stage = (code: string) => t(`stages.${code}`);
  const years = [...new Set(view.stages.map((r) => r.year))];
  const stageCodes = [...new Set(view.stages.map((r) => r.stage))];
  const byStage = new Map<string, number>();
  for (const r of view.stages) byStage.set(r.stage, (byStage.get(r.stage) ?? 0) + r.count);
  const top = [...byStage.entries()].sort((a, b) => b[1] - a[1])[0];
  const screening = (code: string) => view.screening.find((r) => r.outcome === code)?.count ?? 0;
  const decision = (code: string) => view.decisions.find((r) => r.measure === code)?.count ?? 0;
  const disposition = (code: string) => view.dispositions.find((r) => r.disposition === code)?.points ?? 0;
  const consultations = view.consultations;
  const longest = [...view.durations].sort((a, b) => b.medianDays - a.medianDays)[0];
  const bodyName = (r: { bodyName: string; bodyKind: string }) => `${r.bodyName} (${t(`dashboard.kinds.${r.bodyKind}`)})`;
  return [
    {
      table: 'stages',
      summaryKey: top ? 'dashboard.summary.stages' : 'dashboard.summary.empty',
      summaryParams: { total: sum([...byStage.values()]), stage: top ? stage(top[0]) : '', count: top?.[1] ?? 0 },
      labels: stageCodes.map(stage),
      series: years.map((year) => ({
        label: String(year),
        data: stageCodes.map((s) => view.stages.find((r) => r.year === year && r.stage === s)?.count ?? 0),
      })),
      stacked: true,
      horizontal: false,
      columns: ['year', 'stage', 'count'],
      rows: view.stages.map((r) => [r.year, stage(r.stage), r.count]),
    },
    {
      table: 'screening',
      summaryKey: 'dashboard.summary.screening',
      summaryParams: {
        affects: screening('affects_children'),
        screened: screening('affects_children') + screening('no_impact'),
        open: screening('not_screened'),
      },
      labels: view.screening.map((r) => t(`dashboard.codes.${r.outcome}`)),
      series: [{ label: t('dashboard.columns.count'), data: view.screening.map((r) => r.count) }],
      stacked: false,
      horizontal: false,
      columns: ['outcome', 'count'],
      rows: view.screening.map((r) => [t(`dashboard.codes.${r.outcome}`), r.count]),
    },
    {
      table: 'decisions',
      summaryKey: 'dashboard.summary.decisions',
      summaryParams: { full: decision('full_assessment'), heard: decision('children_heard'), awaiting: decision('awaiting_decision') },
      labels: view.decisions.map((r) => t(`dashboard.codes.${r.measure}`)),
      series: [{ label: t('dashboard.columns.count'), data: view.decisions.map((r) => r.count) }],
      stacked: false,
      horizontal: true,
      columns: ['measure', 'count'],
      rows: view.decisions.map((r) => [t(`dashboard.codes.${r.measure}`), r.count]),
    },
    {
      table: 'consultations',
      summaryKey: consultations.length ? 'dashboard.summary.consultations' : 'dashboard.summary.empty',
      summaryParams: {
        asked: sum(consultations.map((r) => r.asked)),
        bodies: consultations.length,
        onTime: sum(consultations.map((r) => r.onTime)),
        late: sum(consultations.map((r) => r.late)),
        unanswered: sum(consultations.map((r) => r.unanswered)),
      },
      labels: consultations.map(bodyName),
      series: (['onTime', 'late', 'unanswered', 'pending'] as const).map((key) => ({
        label: t(`dashboard.columns.${key}`),
        data: consultations.map((r) => r[key]),
      })),
      stacked: true,
      horizontal: true,
      columns: ['bodyName', 'bodyKind', 'asked', 'onTime', 'late', 'unanswered', 'pending'],
      rows: consultations.map((r) => [r.bodyName, t(`dashboard.kinds.${r.bodyKind}`), r.asked, r.onTime, r.late, r.unanswered, r.pending]),
    },
    {
      table: 'dispositions',
      summaryKey: view.dispositions.length ? 'dashboard.summary.dispositions' : 'dashboard.summary.empty',
      summaryParams: {
        points: sum(view.dispositions.map((r) => r.points)),
        accepted: disposition('accepted'),
        partly: disposition('partly_accepted'),
        not: disposition('not_accepted'),
      },
      labels: view.dispositions.map((r) => t(`dashboard.codes.${r.disposition}`)),
      series: [{ label: t('dashboard.columns.points'), data: view.dispositions.map((r) => r.points) }],
      stacked: false,
      horizontal: false,
      columns: ['disposition', 'points', 'withReason'],
      rows: view.dispositions.map((r) => [t(`dashboard.codes.${r.disposition}`), r.points, r.withReason]),
    },
    {
      table: 'durations',
      summaryKey: longest ? 'dashboard.summary.durations' : 'dashboard.summary.empty',
      summaryParams: { stage: longest ? stage(longest.stage) : '', days: longest?.medianDays ?? 0 },
      labels: view.durations.map((r) => stage(r.stage)),
      series: [{ label: t('dashboard.columns.medianDays'), data: view.durations.map((r) => r.medianDays) }],
      stacked: false,
      horizontal: false,
      columns: ['stage', 'medianDays', 'stays'],
      rows: view.durations.map((r) => [stage(r.stage), r.medianDays, r.stays]),
    },
    {
      table: 'overdue',
      summaryKey: 'dashboard.summary.overdue',
      summaryParams: { total: sum(view.overdue.map((r) => r.count)) },
      labels: view.overdue.map((r) => t(`dashboard.overdueItems.${r.item}`)),
      series: [{ label: t('dashboard.columns.count'), data: view.overdue.map((r) => r.count) }],
      stacked: false,
      horizontal: true,
      columns: ['item', 'count'],
      rows: view.overdue.map((r) => [t(`dashboard.overdueItems.${r.item}`), r.count]),
    },
  ];
}

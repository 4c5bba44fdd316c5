import { ChangeDetectionStrategy, Component, ElementRef, effect, input, viewChild, type OnDestroy } from '@angular/core';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  data: number[];
}

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by the legend and the table too. */
const COLOURS = ['#1f5f99', '#b34700', '#2e7d32', '#6a1b9a', '#5d4037'];

/**
 * A bar chart drawn with chart.js. It is a picture of the table beside it: the canvas is an image
 * named by the chart's one-sentence summary (`label`), and the table is the real content.
 */
@Component({
  selector: 'lava-dashboard-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="chart-box"><canvas #canvas role="img" [attr.aria-label]="label()"></canvas></div>`,
  styles: `
    :host {
      display: block;
    }
    /* chart.js resizes the canvas a frame after its box changes (e.g. a phone turned): never wider than the box meanwhile. */
    canvas {
      max-width: 100%;
    }
    .chart-box {
      position: relative;
      width: 100%;
      height: 16rem;
    }
  `,
})
export class DashboardChart implements OnDestroy {
  readonly labels = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();
  readonly label = input.required<string>();
  readonly stacked = input(false);
  readonly horizontal = input(false);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;

  constructor() {
    effect(() => {
      const labels = this.labels();
      const datasets = this.series().map((s, i) => ({ label: s.label, data: s.data, backgroundColor: COLOURS[i % COLOURS.length] }));
      const element = this.canvas().nativeElement;
      // No canvas drawing where there is none (unit tests in jsdom).
      if (!element.getContext?.('2d')) return;
      this.chart?.destroy();
      this.chart = new Chart(element, {
        type: 'bar',
        data: { labels, datasets },
        options: {
          animation: false,
          maintainAspectRatio: false,
          indexAxis: this.horizontal() ? 'y' : 'x',
          plugins: { legend: { display: datasets.length > 1 } },
          scales: { x: { stacked: this.stacked() }, y: { stacked: this.stacked(), beginAtZero: true, ticks: { precision: 0 } } },
        },
      });
    });
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
  }
}

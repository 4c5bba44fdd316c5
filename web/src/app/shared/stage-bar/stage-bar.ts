import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { STAGES, type Stage, stageIndex } from '@lava/workflow';

/** The eight stages in order; the current one is marked for sight and for screen readers. */
@Component({
  selector: 'lava-stage-bar',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="stage-bar" [attr.aria-label]="'detail.stages' | transloco">
      @for (stage of stages; track stage; let i = $index) {
        <li
          [class.done]="i < currentIndex()"
          [class.current]="i === currentIndex()"
          [attr.aria-current]="i === currentIndex() ? 'step' : null"
        >
          <span class="num" aria-hidden="true">{{ i + 1 }}</span>
          <span class="name">{{ 'stages.' + stage | transloco }}</span>
        </li>
      }
    </ol>
  `,
  styleUrl: './stage-bar.css',
})
export class StageBar {
  readonly stage = input.required<Stage>();
  protected readonly stages = STAGES;
  protected readonly currentIndex = computed(() => stageIndex(this.stage()));
}

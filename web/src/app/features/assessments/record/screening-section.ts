import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AGE_GROUPS, IMPACT_KINDS, type AgeGroup, type ImpactKind } from '@lava/contracts';
import type { RecordEditor } from './record-editor';
import { WorkflowTexts } from './workflow-texts';

/**
 * The screening answer, saved as the user types (see RecordEditor). The save status, the conflict
 * panel and the other sections are in RecordForm, which places this section first after the basics.
 */
@Component({
  selector: 'lava-screening-section',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './screening-section.html',
  styleUrl: './screening-section.css',
})
export class ScreeningSection {
  readonly editor = input.required<RecordEditor>();

  protected readonly texts = inject(WorkflowTexts);
  protected readonly ageGroups = AGE_GROUPS;
  protected readonly impactKinds = IMPACT_KINDS;
  protected readonly answers = [
    { id: 'yes', value: true, key: 'record.screening.yes' },
    { id: 'no', value: false, key: 'record.screening.no' },
    { id: 'unanswered', value: null, key: 'record.screening.unanswered' },
  ] as const;

  protected readonly affects = computed(() => this.editor().value('screening.affectsChildren'));

  protected setAffects(value: boolean | null): void {
    this.editor().set('screening.affectsChildren', value);
  }

  protected setImpactKind(value: ImpactKind): void {
    this.editor().set('screening.impactKind', value);
  }

  protected toggleAgeGroup(group: AgeGroup, checked: boolean): void {
    const current = this.editor().value('screening.ageGroups') ?? [];
    this.editor().set('screening.ageGroups', checked ? [...current, group] : current.filter((g) => g !== group));
  }

  protected setText(event: Event): void {
    this.editor().set('screening.rationale', (event.target as HTMLTextAreaElement).value);
  }

  protected ageLabel(group: AgeGroup): string {
    return this.texts.t('record.screening.ageGroup', { group: group.replace('-', '–') });
  }
}

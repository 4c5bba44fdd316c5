import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AGE_GROUPS, AGE_RANGE_LIMITS, IMPACT_KINDS, type AgeGroup, type ImpactKind } from '@lava/contracts';
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

  protected readonly limits = AGE_RANGE_LIMITS;
  /** A range the record cannot hold (a bound missing or out of order): said here, not sent (the draft always saves). */
  protected readonly rangeError = signal<string | null>(null);
  private readonly minAge = viewChild<ElementRef<HTMLInputElement>>('minAge');
  private readonly maxAge = viewChild<ElementRef<HTMLInputElement>>('maxAge');

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

  /** Both bounds set and in order: saved; both empty: no range; otherwise said beside the fields. */
  protected setRange(): void {
    const read = (input: ElementRef<HTMLInputElement> | undefined) => input?.nativeElement.value.trim() ?? '';
    const [minText, maxText] = [read(this.minAge()), read(this.maxAge())];
    if (minText === '' && maxText === '') {
      this.rangeError.set(null);
      this.editor().set('screening.ageRange', null);
      return;
    }
    const [min, max] = [Number(minText), Number(maxText)];
    const valid = (n: number) => Number.isInteger(n) && n >= AGE_RANGE_LIMITS.min && n <= AGE_RANGE_LIMITS.max;
    if (minText === '' || maxText === '' || !valid(min) || !valid(max) || min > max) {
      this.rangeError.set(this.texts.t('recordModel.ageRange.invalid', { min: AGE_RANGE_LIMITS.min, max: AGE_RANGE_LIMITS.max }));
      return;
    }
    this.rangeError.set(null);
    this.editor().set('screening.ageRange', { min, max });
  }

  protected setText(event: Event): void {
    this.editor().set('screening.rationale', (event.target as HTMLTextAreaElement).value);
  }

  protected ageLabel(group: AgeGroup): string {
    return this.texts.t('record.screening.ageGroup', { group: group.replace('-', '–') });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AGE_GROUPS, IMPACT_KINDS, type AgeGroup, type ImpactKind } from '@lava/contracts';
import type { ApiRefusal, RecordEditor, RecordField } from './record-editor';
import { displayValue, fieldKey } from './record-values';
import { WorkflowTexts } from './workflow-texts';

/**
 * The screening answer and the plain-language summary, saved as the user types (see RecordEditor),
 * with the save status in a polite live region and the conflict panel when another session saved first.
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
  /** Why editing is not allowed (from the workflow), shown when read-only. */
  readonly readOnlyReasons = input<readonly ApiRefusal[]>([]);

  protected readonly texts = inject(WorkflowTexts);
  protected readonly ageGroups = AGE_GROUPS;
  protected readonly impactKinds = IMPACT_KINDS;
  protected readonly answers = [
    { id: 'yes', value: true, key: 'record.screening.yes' },
    { id: 'no', value: false, key: 'record.screening.no' },
    { id: 'unanswered', value: null, key: 'record.screening.unanswered' },
  ] as const;

  protected readonly affects = computed(() => this.editor().value('screening.affectsChildren'));
  protected readonly reasons = computed<readonly ApiRefusal[]>(() => {
    const refused = this.editor().refusals();
    return refused.length ? refused : this.readOnlyReasons();
  });

  protected readonly statusText = computed(() => {
    const status = this.editor().status();
    switch (status.kind) {
      case 'saving':
        return this.texts.t('record.save.saving');
      case 'saved':
        return this.texts.t('record.save.saved', { time: this.texts.time(status.at) });
      case 'conflict':
        return this.texts.t('record.save.conflict');
      case 'error':
        if (status.unreachable) return this.texts.t('record.save.unreachable');
        return status.message ? this.texts.t('record.save.error', { message: status.message }) : this.texts.t('record.save.failed');
      default:
        return '';
    }
  });

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

  protected setText(field: 'screening.rationale' | 'plainLanguageSummary', event: Event): void {
    this.editor().set(field, (event.target as HTMLTextAreaElement).value);
  }

  protected flush(): void {
    void this.editor().flush();
  }

  protected label(field: RecordField): string {
    return this.texts.t(fieldKey(field));
  }

  protected show(field: RecordField, value: unknown): string {
    return displayValue(field, value, this.texts);
  }

  protected changeText(change: { version: number; changedAt: string; changedBy: string | null; fields: string[] }): string {
    return this.texts.t('record.conflict.change', {
      who: change.changedBy || this.texts.t('record.conflict.someone'),
      version: change.version,
      time: change.changedAt ? this.texts.date(change.changedAt, true) : '',
      fields: change.fields.map((f) => this.texts.t(fieldKey(f))).join(', '),
    });
  }

  protected ageLabel(group: AgeGroup): string {
    return this.texts.t('record.screening.ageGroup', { group: group.replace('-', '–') });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { RecordAlternative } from '@lava/contracts';
import { TextDiff } from '../../../shared/diff/text-diff';
import type { DiffPart } from '../../../shared/diff/word-diff';
import { LIST_FIELDS, TEXT_FIELDS, displayValue } from './record-values';
import { WorkflowTexts } from './workflow-texts';

/**
 * One field's change from one value to another, as the history and the version comparison show it:
 * running text and lists (one item a line) word by word; other values whole, old then new.
 */
@Component({
  selector: 'lava-field-diff',
  imports: [TextDiff],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<lava-text-diff
    [from]="fromText()"
    [to]="toText()"
    [given]="parts()"
    [addedLabel]="texts.t('record.history.added')"
    [removedLabel]="texts.t('record.history.removed')"
  />`,
})
export class FieldDiff {
  /** `<section>.<field>`, as in the history's changes. */
  readonly field = input.required<string>();
  readonly from = input<unknown>(null);
  readonly to = input<unknown>(null);
  /** The record's alternatives, so matrix rows name them. */
  readonly alternatives = input<readonly RecordAlternative[]>([]);
  protected readonly texts = inject(WorkflowTexts);

  protected readonly fromText = computed(() => this.asText(this.from()));
  protected readonly toText = computed(() => this.asText(this.to()));
  protected readonly parts = computed<DiffPart[] | null>(() => {
    const [field, from, to] = [this.field(), this.from(), this.to()];
    if (LIST_FIELDS.includes(field)) return null;
    if (TEXT_FIELDS.includes(field) && (typeof from === 'string' || from === null) && (typeof to === 'string' || to === null)) return null;
    const parts: DiffPart[] = [];
    if (field !== 'screening.signedBy') parts.push({ kind: 'removed', text: displayValue(field, from, this.texts) });
    parts.push({ kind: 'added', text: displayValue(field, to, this.texts) });
    return parts;
  });

  private asText(value: unknown): string {
    const field = this.field();
    if (LIST_FIELDS.includes(field) && Array.isArray(value)) {
      return value.length ? displayValue(field, value, this.texts, { alternatives: this.alternatives() }) : '';
    }
    return typeof value === 'string' ? value : '';
  }
}

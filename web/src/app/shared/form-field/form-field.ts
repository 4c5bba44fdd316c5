import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

export type FormFieldKind = 'textarea' | 'text' | 'date';

/**
 * A labelled text field: the label, an optional hint tied to the control with aria-describedby,
 * an optional error (aria-invalid), and the control (textarea, text or date input). Emits every
 * change as typed and the blur, so a form can autosave; the value comes from outside (signals).
 */
@Component({
  selector: 'lava-form-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field" [attr.data-field]="changeKey()">
      <label [for]="fieldId()">{{ label() }}</label>
      @if (hint()) {
        <span class="hint" [id]="fieldId() + '-hint'">{{ hint() }}</span>
      }
      @if (kind() === 'textarea') {
        <textarea
          [id]="fieldId()"
          [rows]="rows()"
          [attr.aria-describedby]="describedBy()"
          [attr.aria-invalid]="error() ? 'true' : null"
          [attr.maxlength]="maxLength()"
          [readOnly]="readonly()"
          [value]="value() ?? ''"
          (input)="changed($event)"
          (blur)="blurred.emit()"
        ></textarea>
      } @else {
        <input
          [id]="fieldId()"
          [type]="kind()"
          [attr.aria-describedby]="describedBy()"
          [attr.aria-invalid]="error() ? 'true' : null"
          [attr.maxlength]="kind() === 'text' ? maxLength() : null"
          [readOnly]="readonly()"
          [value]="value() ?? ''"
          (input)="changed($event)"
          (blur)="blurred.emit()"
        />
      }
      @if (error()) {
        <p class="field-error" [id]="fieldId() + '-error'">{{ error() }}</p>
      }
    </div>
  `,
  styles: `
    textarea {
      max-width: 48rem;
    }
    textarea:read-only,
    input:read-only {
      background: var(--surface-alt);
    }
  `,
})
export class FormField {
  /** The control's element id (unique on the page). */
  readonly fieldId = input.required<string>();
  /** The field's version-history key (`<section>.<field>`): comments on a selected passage anchor to it. */
  readonly changeKey = input<string | null>(null);
  readonly label = input.required<string>();
  readonly hint = input<string | null>(null);
  readonly error = input<string | null>(null);
  readonly kind = input<FormFieldKind>('textarea');
  readonly value = input<string | null>('');
  readonly readonly = input(false);
  readonly rows = input(4);
  readonly maxLength = input<number | null>(null);

  readonly valueChange = output<string>();
  readonly blurred = output<void>();

  protected readonly describedBy = computed(
    () =>
      [this.hint() ? `${this.fieldId()}-hint` : null, this.error() ? `${this.fieldId()}-error` : null].filter(Boolean).join(' ') || null,
  );

  protected changed(event: Event): void {
    this.valueChange.emit((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  }
}

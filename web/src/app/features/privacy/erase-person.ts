import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AdminUserView, ErasureDone } from '@lava/contracts';
import { apiError } from '../../shared/api-error';
import { PrivacyApi } from './privacy.api';

/**
 * On the admin's people page: erase a person on request, after a confirmation dialog that says what
 * happens and asks for the reason (kept in the audit trail).
 */
@Component({
  selector: 'lava-erase-person',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      #opener
      type="button"
      class="btn btn-quiet btn-danger"
      (click)="open()"
      [attr.aria-label]="'privacy.erase.buttonNamed' | transloco: { name: person().displayName }"
    >
      {{ 'privacy.erase.button' | transloco }}
    </button>
    <dialog
      #dialog
      class="erase-dialog"
      [attr.aria-labelledby]="id + '-heading'"
      [attr.aria-describedby]="id + '-intro'"
      (close)="closed()"
    >
      <form novalidate (submit)="confirm($event)">
        <h2 [id]="id + '-heading'">{{ 'privacy.erase.heading' | transloco: { name: person().displayName } }}</h2>
        <p [id]="id + '-intro'">{{ 'privacy.erase.intro' | transloco }}</p>
        <ul>
          <li>{{ 'privacy.erase.consequences.name' | transloco }}</li>
          <li>{{ 'privacy.erase.consequences.account' | transloco }}</li>
          <li>{{ 'privacy.erase.consequences.private' | transloco }}</li>
          <li>{{ 'privacy.erase.consequences.kept' | transloco }}</li>
        </ul>
        <div class="field">
          <label [for]="id + '-reason'">{{ 'privacy.erase.reasonLabel' | transloco }}</label>
          <p [id]="id + '-hint'" class="hint">{{ 'privacy.erase.reasonHint' | transloco }}</p>
          <textarea
            #reason
            [id]="id + '-reason'"
            rows="3"
            maxlength="500"
            required
            [attr.aria-invalid]="reasonMissing() ? 'true' : null"
            [attr.aria-describedby]="reasonMissing() ? id + '-hint ' + id + '-error' : id + '-hint'"
            (input)="reasonMissing.set(false)"
          ></textarea>
          @if (reasonMissing()) {
            <p [id]="id + '-error'" class="field-error">{{ 'privacy.erase.reasonRequired' | transloco }}</p>
          }
        </div>
        <div role="alert" class="alert">
          @if (error(); as e) {
            {{ e === 'unreachable' ? ('common.unreachable' | transloco) : e }}
          }
        </div>
        <div class="form-actions">
          <button type="submit" class="btn btn-danger-solid" [disabled]="busy()">{{ 'privacy.erase.confirm' | transloco }}</button>
          <button type="button" class="btn btn-secondary" (click)="close()">{{ 'privacy.erase.cancel' | transloco }}</button>
        </div>
      </form>
    </dialog>
  `,
  styles: `
    .btn-danger {
      color: var(--error);
      border-color: var(--error);
    }
    .btn-danger-solid {
      background: var(--error);
      border-color: var(--error);
    }
    .btn-danger-solid:hover {
      background: #8c1d17;
      border-color: #8c1d17;
    }
    .erase-dialog {
      width: min(36rem, calc(100vw - 2rem));
      border: 2px solid var(--error);
      border-radius: 0.5rem;
      padding: 1.25rem;
      color: var(--text);
      background: var(--surface);
    }
    .erase-dialog::backdrop {
      background: rgb(0 0 0 / 45%);
    }
    .erase-dialog textarea {
      max-width: none;
      width: 100%;
    }
    .erase-dialog h2 {
      margin-top: 0;
    }
  `,
})
export class ErasePerson {
  readonly person = input.required<AdminUserView>();
  readonly erased = output<ErasureDone>();

  private readonly api = inject(PrivacyApi);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly reasonField = viewChild.required<ElementRef<HTMLTextAreaElement>>('reason');
  private readonly opener = viewChild.required<ElementRef<HTMLButtonElement>>('opener');
  protected readonly reasonMissing = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  private erasedNow = false;
  protected get id(): string {
    return `erase-${this.person().id}`;
  }

  protected open(): void {
    const dialog = this.dialog().nativeElement;
    this.reasonField().nativeElement.value = '';
    this.reasonMissing.set(false);
    this.error.set(null);
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    this.reasonField().nativeElement.focus();
  }

  protected confirm(event: Event): void {
    event.preventDefault();
    const reason = this.reasonField().nativeElement.value.trim();
    if (!reason) {
      this.reasonMissing.set(true);
      this.reasonField().nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.api.erase(this.person().id, { reason }).subscribe({
      next: (done) => {
        this.busy.set(false);
        this.erasedNow = true;
        this.hide();
        this.erased.emit(done);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(apiError(error)?.message ?? 'unreachable');
      },
    });
  }

  protected close(): void {
    this.hide();
    this.closed();
  }

  private hide(): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
  }

  /** After the dialog closes (also by Escape): focus goes back to the button that opened it. */
  protected closed(): void {
    // After an erasure the person's card goes away and the page decides where focus goes.
    if (this.erasedNow) return;
    this.opener().nativeElement.focus();
  }
}

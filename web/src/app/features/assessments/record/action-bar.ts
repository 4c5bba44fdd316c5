import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AvailableAction, WorkflowAction } from '@lava/workflow';
import { WorkflowTexts } from './workflow-texts';

export interface ActionRequest {
  action: WorkflowAction;
  reason?: string;
  /** The person confirmed signing (the screening result) in their own name. */
  signatureConfirmed?: boolean;
}

/** Actions that act outside Lava (opening a consultation e-mails the councils): asked to confirm first. */
const CONFIRMED_ACTIONS: readonly WorkflowAction[] = ['open_consultation'];

/**
 * One button per action the workflow lists for the stage. Refused actions stay focusable
 * (`aria-disabled`, not `disabled`) with their reasons beside them; an action that needs a
 * reason asks for it in a modal dialog first; one that signs (the screening) asks the person to
 * confirm signing in their own name, and opening a consultation asks before the councils are e-mailed.
 */
@Component({
  selector: 'lava-action-bar',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-bar.html',
  styleUrl: './action-bar.css',
})
export class ActionBar {
  readonly actions = input.required<readonly AvailableAction[]>();
  /** A transition is under way: every button is inert until it ends. */
  readonly busy = input(false);
  readonly take = output<ActionRequest>();
  /** The signed-in person's name, shown in the signature confirmation. */
  readonly signerName = input('');

  protected readonly texts = inject(WorkflowTexts);
  protected readonly asking = signal<AvailableAction | null>(null);
  protected readonly reasonMissing = signal(false);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly reasonField = viewChild.required<ElementRef<HTMLTextAreaElement>>('reason');
  private opener: HTMLElement | null = null;
  /** The action waiting for "Confirm" in the confirmation dialog. */
  protected readonly confirming = signal<AvailableAction | null>(null);
  private readonly confirmDialog = viewChild.required<ElementRef<HTMLDialogElement>>('confirmDialog');

  protected confirmText(action: AvailableAction): string {
    return action.signs
      ? this.texts.t('recordModel.sign.confirm', { name: this.signerName() })
      : this.texts.t('recordModel.sign.consultation');
  }

  protected choose(action: AvailableAction, event: Event): void {
    if (!action.allowed || this.busy()) return;
    if (action.signs || CONFIRMED_ACTIONS.includes(action.action)) {
      this.opener = event.currentTarget as HTMLElement;
      this.confirming.set(action);
      const dialog = this.confirmDialog().nativeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
      return;
    }
    if (!action.requiresReason) {
      this.take.emit({ action: action.action });
      return;
    }
    this.opener = event.currentTarget as HTMLElement;
    this.asking.set(action);
    this.reasonMissing.set(false);
    const dialog = this.dialog().nativeElement;
    const field = this.reasonField().nativeElement;
    field.value = '';
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    field.focus();
  }

  protected confirm(event: Event): void {
    event.preventDefault();
    const action = this.asking();
    const reason = this.reasonField().nativeElement.value.trim();
    if (!action) return;
    if (!reason) {
      this.reasonMissing.set(true);
      this.reasonField().nativeElement.focus();
      return;
    }
    this.close();
    this.take.emit({ action: action.action, reason });
  }

  protected confirmed(event: Event): void {
    event.preventDefault();
    const action = this.confirming();
    if (!action) return;
    this.closeConfirm();
    this.take.emit(action.signs ? { action: action.action, signatureConfirmed: true } : { action: action.action });
  }

  protected closeConfirm(): void {
    const dialog = this.confirmDialog().nativeElement;
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
    this.confirmClosed();
  }

  protected confirmClosed(): void {
    this.confirming.set(null);
    this.opener?.focus();
    this.opener = null;
  }

  protected close(): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
    this.closed();
  }

  /** After the dialog closes (also by Escape): focus goes back to the button that opened it. */
  protected closed(): void {
    this.asking.set(null);
    this.opener?.focus();
    this.opener = null;
  }
}

import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AvailableAction, WorkflowAction } from '@lava/workflow';
import { WorkflowTexts } from './workflow-texts';

export interface ActionRequest {
  action: WorkflowAction;
  reason?: string;
}

/**
 * One button per action the workflow lists for the stage. Refused actions stay focusable
 * (`aria-disabled`, not `disabled`) with their reasons beside them; an action that needs a
 * reason asks for it in a modal dialog first.
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

  protected readonly texts = inject(WorkflowTexts);
  protected readonly asking = signal<AvailableAction | null>(null);
  protected readonly reasonMissing = signal(false);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly reasonField = viewChild.required<ElementRef<HTMLTextAreaElement>>('reason');
  private opener: HTMLElement | null = null;

  protected choose(action: AvailableAction, event: Event): void {
    if (!action.allowed || this.busy()) return;
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

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AvailableAction } from '@lava/workflow';
import { translocoTesting } from '../../../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../../../core/i18n/languages';
import { ActionBar, type ActionRequest } from './action-bar';

@Component({
  imports: [ActionBar],
  template: `<lava-action-bar [actions]="actions()" [busy]="busy()" signerName="Anna Virtanen" (take)="taken.push($event)" />`,
})
class Host {
  readonly actions = signal<readonly AvailableAction[]>([]);
  readonly busy = signal(false);
  readonly taken: ActionRequest[] = [];
}

const draftActions: AvailableAction[] = [
  {
    action: 'open_consultation',
    to: 'consultation',
    allowed: false,
    requiresReason: false,
    signs: null,
    reasons: [
      { code: 'plain_language_summary_missing', message: 'x' },
      { code: 'role_not_allowed', message: 'y', params: { allowedRoles: 'official,committee_chair' } },
      { code: 'some_future_code' as never, message: 'A reason the API knows and this app does not.' },
    ],
  },
  { action: 'send_to_review_without_consultation', to: 'review', allowed: true, requiresReason: true, signs: null, reasons: [] },
  { action: 'start_full_assessment', to: 'draft', allowed: true, requiresReason: false, signs: 'screening', reasons: [] },
];

async function render() {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({ imports: [Host, translocoTesting()] });
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.actions.set(draftActions);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const button = (name: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
  return { fixture, el, host: fixture.componentInstance, button };
}

describe('ActionBar', () => {
  it('shows refused actions focusable, aria-disabled, with their translated reasons', async () => {
    const { el, fixture, host, button } = await render();
    const open = button('Open consultation');
    expect(open.disabled).toBe(false);
    expect(open.getAttribute('aria-disabled')).toBe('true');
    const why = el.querySelector(`#${open.getAttribute('aria-describedby')}`);
    expect(why?.textContent).toContain('Write the plain-language summary for children first.');
    expect(why?.textContent).toContain('Allowed only for: Official (preparer), Committee chair.');
    expect(why?.textContent).toContain('A reason the API knows and this app does not.');

    open.focus();
    expect(document.activeElement).toBe(open);
    open.click();
    expect(host.taken).toEqual([]);

    const start = button('Start full assessment');
    expect(start.getAttribute('aria-disabled')).toBeNull();
    expect(start.getAttribute('aria-describedby')).toBeNull();
    start.click();
    // Signing the screening is an explicit act naming the signer.
    expect(host.taken).toEqual([]);
    const confirm = el.querySelectorAll('dialog')[1] as HTMLDialogElement;
    await fixture.whenStable();
    expect(confirm.textContent).toContain('Sign the screening result as Anna Virtanen?');
    (confirm.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    expect(host.taken).toEqual([{ action: 'start_full_assessment', signatureConfirmed: true }]);
  });

  it('does nothing while a transition is under way', async () => {
    const { fixture, host, button } = await render();
    host.busy.set(true);
    await fixture.whenStable();
    const start = button('Start full assessment');
    expect(start.getAttribute('aria-disabled')).toBe('true');
    start.click();
    expect(host.taken).toEqual([]);
  });

  it('asks for a reason in a labelled dialog, requires one, and returns focus on cancel', async () => {
    const { fixture, el, host, button } = await render();
    const send = button('Send to review without consultation');
    send.focus();
    send.click();
    await fixture.whenStable();

    const dialog = el.querySelector('dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(el.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)?.textContent?.trim()).toBe('Send to review without consultation');
    const textarea = dialog.querySelector('textarea') as HTMLTextAreaElement;
    expect(dialog.querySelector(`label[for="${textarea.id}"]`)?.textContent?.trim()).toBe('Reason');
    expect(document.activeElement).toBe(textarea);

    button('Confirm').click();
    await fixture.whenStable();
    expect(host.taken).toEqual([]);
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    const described = (textarea.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => el.querySelector(`#${id}`)?.textContent?.trim())).toContain('Enter a reason.');

    button('Cancel').click();
    await fixture.whenStable();
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(send);
    expect(host.taken).toEqual([]);

    send.click();
    await fixture.whenStable();
    textarea.value = '  The youth council asked not to be consulted.  ';
    textarea.dispatchEvent(new Event('input'));
    button('Confirm').click();
    await fixture.whenStable();
    expect(host.taken).toEqual([{ action: 'send_to_review_without_consultation', reason: 'The youth council asked not to be consulted.' }]);
    expect(dialog.open).toBe(false);
  });
});

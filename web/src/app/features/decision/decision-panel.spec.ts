import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AssessmentDetail, DecisionView } from '@lava/contracts';
import { finnishDate, type AvailableAction } from '@lava/workflow';
import { translocoTesting } from '../../../testing/translations';
import { AuthService } from '../../core/auth/auth.service';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { detail } from '../assessments/test-data';
import { EMPTY_DECISION_FORM, decisionRequest, validateDecisionForm } from './decision-form';
import { DecisionPanel } from './decision-panel';

@Component({
  imports: [DecisionPanel],
  template: `<lava-decision-panel [assessment]="assessment()" [actions]="actions()" (decided)="decided.push($event)" />`,
})
class Host {
  readonly assessment = signal<AssessmentDetail>(detail({ stage: 'decision', version: 9 }));
  readonly actions = signal<readonly AvailableAction[]>([]);
  readonly decided: AssessmentDetail[] = [];
}

const allowed = (action: AvailableAction['action'], ok = true): AvailableAction => ({
  action,
  to: action === 'record_decision' ? 'decided' : action === 'table' ? 'decision' : 'draft',
  allowed: ok,
  requiresReason: action === 'return_for_preparation',
  signs: null,
  reasons: ok ? [] : [{ code: 'review_checklist_incomplete', message: 'x', params: { missingCount: 2 } }],
});

const signed: DecisionView = {
  id: 'd1',
  outcome: 'approved',
  meetingDate: '2026-11-18',
  minutesSection: '§ 42',
  decisionText: 'Lautakunta hyväksyi esityksen.',
  followUpDate: '2027-11-18',
  committee: { id: 'c1', name: 'Education committee' },
  signedBy: { id: 'u-chair', displayName: 'Leena Mäkinen' },
  signedAt: '2026-11-18T15:00:00.000Z',
};

const flushed = async (fixture: { whenStable: () => Promise<unknown> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
};

async function render(actions: AvailableAction[], decisions: DecisionView[] = []) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  const user = signal({ id: 'u-chair', email: 'c@test.example', displayName: 'Leena Mäkinen', language: 'en', memberships: [] });
  TestBed.configureTestingModule({
    imports: [Host, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: { user, hasRole: () => true } }],
  });
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.actions.set(actions);
  const http = TestBed.inject(HttpTestingController);
  await fixture.whenStable();
  http.expectOne('/api/assessments/a1/decisions').flush(decisions);
  await flushed(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const byLabel = <T extends HTMLElement>(text: string): T => {
    const label = [...el.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(text));
    if (!label) throw new Error(`no label "${text}"`);
    return el.querySelector(`#${label.htmlFor}`) as T;
  };
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
  };
  const type = async (label: string, value: string) => {
    const input = byLabel<HTMLInputElement>(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const errorOf = (label: string) => {
    const ids = (byLabel(label).getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
    return ids.map((id) => el.querySelector(`#${id}`)?.textContent?.trim()).join(' ');
  };
  return { fixture, http, el, byLabel, settle, type, errorOf, host: fixture.componentInstance };
}

const today = finnishDate(new Date());
const yesterday = finnishDate(new Date(Date.now() - 24 * 3600 * 1000));

describe('DecisionPanel', () => {
  it('offers the five outcomes as a radio group and refuses to send an incomplete sign-off, saying why at each field', async () => {
    const { http, el, byLabel, settle, errorOf } = await render([
      allowed('record_decision'),
      allowed('return_for_preparation'),
      allowed('table'),
    ]);
    const radios = [...el.querySelectorAll<HTMLInputElement>('fieldset input[type="radio"]')];
    expect(el.querySelector('fieldset legend')?.textContent?.trim()).toBe('Outcome');
    expect(radios.map((r) => el.querySelector(`label[for="${r.id}"]`)?.textContent?.trim())).toEqual([
      'Approved',
      'Approved as modified',
      'Returned for more preparation',
      'Tabled',
      'Rejected',
    ]);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);

    (el.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    http.expectNone('/api/assessments/a1/transitions');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Choose the outcome.');
    expect(errorOf('Meeting date')).toBe('Give the meeting date.');
    expect(byLabel('Meeting date').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('Minutes section')).toContain('for example § 42');
    expect(errorOf('I, Leena Mäkinen, confirm')).toBe('Confirm the decision to sign it.');
    expect(document.activeElement?.id).toBe('decision-outcome-0');
  });

  it('shows the follow-up date from the start, and hides it only for an outcome that takes none', async () => {
    const { el, byLabel, fixture } = await render([allowed('record_decision'), allowed('return_for_preparation'), allowed('table')]);
    expect(byLabel('Follow-up date')).toBeTruthy();
    expect(byLabel('Follow-up date').getAttribute('type')).toBe('date');
    const tabled = [...el.querySelectorAll<HTMLInputElement>('fieldset input[type="radio"]')].find((r) => r.value === 'tabled');
    tabled?.click();
    await fixture.whenStable();
    expect(() => byLabel('Follow-up date')).toThrow();
  });

  it('records an approved decision with its follow-up date and shows the signed decision', async () => {
    const { http, el, byLabel, settle, type, host, errorOf } = await render([
      allowed('record_decision'),
      allowed('return_for_preparation'),
      allowed('table'),
    ]);
    byLabel<HTMLInputElement>('Approved').click();
    await type('Meeting date', yesterday);
    await type('Minutes section', '§ 42');
    await type('Decision', 'Lautakunta hyväksyi esityksen.');
    await type('Follow-up date', yesterday);
    byLabel<HTMLInputElement>('I, Leena Mäkinen, confirm').click();
    (el.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    expect(errorOf('Follow-up date')).toBe('The follow-up date must be after the meeting date.');
    http.expectNone('/api/assessments/a1/transitions');

    await type('Follow-up date', '2028-03-01');
    (el.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    const post = http.expectOne('/api/assessments/a1/transitions');
    expect(post.request.body).toEqual({
      action: 'record_decision',
      version: 9,
      decision: {
        outcome: 'approved',
        meetingDate: yesterday,
        minutesSection: '§ 42',
        decisionText: 'Lautakunta hyväksyi esityksen.',
        followUpDate: '2028-03-01',
      },
    });
    post.flush(detail({ stage: 'decided', version: 10 }));
    await settle();
    expect(host.decided.map((d) => d.stage)).toEqual(['decided']);
    http.match('/api/assessments/a1/decisions').forEach((r) => r.flush([signed]));
    await settle();
    expect(el.querySelector('[role="status"]')?.textContent?.trim()).toBe('The decision was signed: Approved.');
    expect(el.querySelector('article h3')?.textContent?.trim()).toBe('Approved');
    expect(el.querySelector('article')?.textContent).toContain('Leena Mäkinen');
    expect(el.querySelector('article')?.textContent).toContain('§ 42');
  });

  it('offers only tabling and return while the review checklist is incomplete, and tells why', async () => {
    const { el } = await render([allowed('record_decision', false), allowed('return_for_preparation'), allowed('table')]);
    const labels = [...el.querySelectorAll('fieldset label')].map((l) => l.textContent?.trim());
    expect(labels).toEqual(['Returned for more preparation', 'Tabled']);
    expect(el.querySelector('fieldset')?.textContent).toContain('The decision itself cannot be recorded yet');
  });

  it('shows others the signed decisions and no form', async () => {
    const { el } = await render([allowed('record_decision', false)], [signed]);
    expect(el.querySelector('form')).toBeNull();
    expect(el.querySelector('article h3')?.textContent?.trim()).toBe('Approved');
  });
});

describe('decision form rules', () => {
  const base = { ...EMPTY_DECISION_FORM, meetingDate: '2026-11-18', minutesSection: '§ 7', confirmed: true };

  it('requires a follow-up date when approved, not when rejected, and none for tabling', () => {
    expect(validateDecisionForm({ ...base, outcome: 'approved', decisionText: 'x' }, today)).toEqual({
      followUpDate: 'decision.errors.followUpRequired',
    });
    expect(validateDecisionForm({ ...base, outcome: 'rejected', decisionText: 'x' }, today)).toEqual({});
    expect(validateDecisionForm({ ...base, outcome: 'tabled' }, today)).toEqual({});
    expect(validateDecisionForm({ ...base, outcome: 'returned_for_preparation' }, today)).toEqual({
      decisionText: 'decision.errors.reason',
    });
    expect(validateDecisionForm({ ...base, outcome: 'tabled', meetingDate: '2999-01-01' }, today)).toEqual({
      meetingDate: 'decision.errors.meetingDateFuture',
    });
  });

  it('sends a return for more preparation with its text as the reason', () => {
    expect(decisionRequest({ ...base, outcome: 'returned_for_preparation', decisionText: ' Selvitettävä. ' }, 3)).toEqual({
      action: 'return_for_preparation',
      version: 3,
      reason: 'Selvitettävä.',
      decision: { outcome: 'returned_for_preparation', meetingDate: '2026-11-18', minutesSection: '§ 7', decisionText: 'Selvitettävä.' },
    });
    expect(decisionRequest({ ...base, outcome: 'tabled' }, 3)).toEqual({
      action: 'table',
      version: 3,
      decision: { outcome: 'tabled', meetingDate: '2026-11-18', minutesSection: '§ 7' },
    });
  });
});

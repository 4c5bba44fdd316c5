import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { REVIEW_CHECKLIST_ITEMS, type AssessmentDetail, type ReviewOverview, type ReviewRoundView } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { AuthService } from '../../core/auth/auth.service';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { detail } from '../assessments/test-data';
import { ReviewPanel } from './review-panel';

@Component({
  imports: [ReviewPanel],
  template: `<lava-review-panel [assessment]="assessment()" (changed)="changes = changes + 1" />`,
})
class Host {
  readonly assessment = signal<AssessmentDetail>(detail({ stage: 'review', version: 7 }));
  changes = 0;
}

function round(overrides: Partial<ReviewRoundView> = {}): ReviewRoundView {
  return {
    id: 'round-1',
    round: 1,
    startedAt: '2026-11-20T10:00:00.000Z',
    endedAt: null,
    outcome: null,
    endedBy: null,
    returnReason: null,
    checklist: REVIEW_CHECKLIST_ITEMS.map((item) => ({ item, done: false, comment: '', updatedBy: null, updatedAt: null })),
    version: 1,
    ...overrides,
  };
}

const reviewer = { id: 'u-rev', displayName: 'Mikko Korhonen', assignedAt: '2026-11-19T10:00:00.000Z', assignedBy: null };

const flushed = async (fixture: { whenStable: () => Promise<unknown> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
};

async function render(userId: string, overview: ReviewOverview, candidates: { id: string; displayName: string }[] = []) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  // The responsible official u1 is an official of the municipality; everyone else here is one of its reviewers.
  const role = userId === 'u1' ? 'official' : 'reviewer';
  const memberships = [{ organizationId: 'm1', organizationName: 'Kotka', organizationKind: 'municipality', role }];
  const user = signal({ id: userId, email: 'x@test.example', displayName: 'Me', language: 'en', memberships });
  TestBed.configureTestingModule({
    imports: [Host, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: { user, hasRole: () => false } }],
  });
  const fixture = TestBed.createComponent(Host);
  const http = TestBed.inject(HttpTestingController);
  await fixture.whenStable();
  http.expectOne('/api/assessments/a1/review').flush(overview);
  await flushed(fixture);
  if (userId === 'u1') {
    http.expectOne('/api/assessments/a1/reviewer-candidates').flush(candidates);
    await flushed(fixture);
  }
  const el = fixture.nativeElement as HTMLElement;
  const byLabel = <T extends HTMLElement>(text: string): T => {
    const label = [...el.querySelectorAll('label')].find((l) => (l.textContent ?? '').replace(/\s+/g, ' ').trim().startsWith(text));
    if (!label) throw new Error(`no label "${text}"`);
    return el.querySelector(`#${label.htmlFor}`) as T;
  };
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
  };
  return { fixture, http, el, byLabel, settle, host: fixture.componentInstance };
}

describe('ReviewPanel checklist', () => {
  it('lets the assigned reviewer tick items by keyboard-operable, labelled checkboxes, saving each on the round version and announcing it', async () => {
    const { http, el, byLabel, settle, host } = await render('u-rev', { reviewers: [reviewer], rounds: [round()] });
    expect(el.querySelector('h3')?.textContent).toContain('Reviewers');
    expect(el.textContent).toContain('0 of 5 items done.');

    const views = byLabel<HTMLInputElement>("Children's views have been gathered");
    expect(views.type).toBe('checkbox');
    expect(el.querySelector(`#${views.getAttribute('aria-describedby')}`)?.textContent).toContain('were heard');
    views.click();
    await settle();
    const put = http.expectOne('/api/assessments/a1/review/checklist/childrens_views_gathered');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ done: true, comment: '', version: 1 });
    const saved = round({ version: 2 });
    saved.checklist[0] = { ...saved.checklist[0], done: true } as (typeof saved.checklist)[0];
    put.flush(saved);
    await settle();

    const status = el.querySelector('[role="status"]');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.textContent?.trim()).toBe("Saved: Children's views have been gathered. 1 of 5 items done.");
    expect(host.changes).toBe(1);

    // A comment is saved when the field is left, on the version the last save returned.
    const comment = byLabel<HTMLTextAreaElement>('Comment (optional) – Gaps in the evidence are stated');
    comment.value = 'Pienten koulujen tiedot puuttuvat.';
    comment.dispatchEvent(new Event('change'));
    await settle();
    const second = http.expectOne('/api/assessments/a1/review/checklist/evidence_gaps_stated');
    expect(second.request.body).toEqual({ done: false, comment: 'Pienten koulujen tiedot puuttuvat.', version: 2 });
    http.verify();
  });

  it('shows the other person’s checklist after a conflict and says the change was not saved', async () => {
    const { http, el, byLabel, settle } = await render('u-rev', { reviewers: [reviewer], rounds: [round({ version: 3 })] });
    byLabel<HTMLInputElement>('Vulnerable groups are covered').click();
    await settle();
    const theirs = round({ version: 4 });
    theirs.checklist[1] = { ...theirs.checklist[1], done: true, comment: 'Checked by a colleague' } as (typeof theirs.checklist)[1];
    http
      .expectOne('/api/assessments/a1/review/checklist/vulnerable_groups_covered')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'changed', conflict: { currentVersion: 4, changes: [], round: theirs } },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('your change to “Vulnerable groups are covered” was not saved');
    expect(byLabel<HTMLTextAreaElement>('Comment (optional) – Vulnerable groups are covered').value).toBe('Checked by a colleague');
    expect(el.textContent).toContain('1 of 5 items done.');
  });

  it('shows the responsible official a read-only checklist, the reviewer assignment and earlier rounds with their reasons', async () => {
    const returned = round({
      id: 'round-0',
      round: 1,
      outcome: 'returned',
      endedAt: '2026-11-10T10:00:00.000Z',
      endedBy: { id: 'u-rev', displayName: 'Mikko Korhonen' },
      returnReason: 'Tietopuutteet kirjattava.',
    });
    const { http, el, byLabel, settle } = await render('u1', { reviewers: [], rounds: [round({ id: 'round-2', round: 2 }), returned] }, [
      { id: 'u-rev2', displayName: 'Riikka Rantala' },
    ]);
    expect(el.querySelectorAll('input[type="checkbox"]').length).toBe(0);
    expect(el.textContent).toContain('No reviewer has been assigned yet.');
    expect(el.querySelector('details summary')?.textContent).toContain('Round 1');
    expect(el.querySelector('details')?.textContent).toContain('Tietopuutteet kirjattava.');

    const select = byLabel<HTMLSelectElement>('Assign a reviewer');
    select.value = 'u-rev2';
    select.dispatchEvent(new Event('change'));
    (el.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    const post = http.expectOne('/api/assessments/a1/reviewers');
    expect(post.request.body).toEqual({ userId: 'u-rev2' });
    post.flush({ reviewers: [{ ...reviewer, id: 'u-rev2', displayName: 'Riikka Rantala' }], rounds: [round({ round: 2 }), returned] });
    await settle();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Riikka Rantala was asked to review this assessment.');
    expect(el.querySelector('button[aria-label="Remove reviewer Riikka Rantala"]')).not.toBeNull();
  });
});

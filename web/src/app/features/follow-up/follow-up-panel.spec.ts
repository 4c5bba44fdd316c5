import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AssessmentDetail } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { AuthService } from '../../core/auth/auth.service';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { detail } from '../assessments/test-data';
import { FollowUpPanel } from './follow-up-panel';

@Component({
  imports: [FollowUpPanel],
  template: `<lava-follow-up-panel [assessment]="assessment()" (saved)="saved.push($event)" />`,
})
class Host {
  readonly assessment = signal<AssessmentDetail>(detail());
  readonly saved: AssessmentDetail[] = [];
}

const settle = async (fixture: { whenStable: () => Promise<unknown> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
};

/** The responsible official of the test assessment (u1), an official of its municipality (m1), or someone else. */
async function render(assessment: AssessmentDetail, who: 'responsible' | 'reviewer' = 'responsible') {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  const user = signal({
    id: who === 'responsible' ? 'u1' : 'u-reviewer',
    email: 'x@test.example',
    displayName: 'X',
    language: 'en',
    memberships: [
      {
        organizationId: 'm1',
        organizationName: 'Kotka',
        organizationKind: 'municipality',
        role: who === 'responsible' ? 'official' : 'reviewer',
      },
    ],
  });
  TestBed.configureTestingModule({
    imports: [Host, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: { user, hasRole: () => true } }],
  });
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.assessment.set(assessment);
  await settle(fixture);
  return { fixture, el: fixture.nativeElement as HTMLElement, http: TestBed.inject(HttpTestingController) };
}

describe('FollowUpPanel', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('is not there before the decision', async () => {
    const { el } = await render(detail({ stage: 'draft' }));
    expect(el.querySelector('section')).toBeNull();
  });

  it('lets the responsible official write the ex-post evaluation in follow-up, against the version they loaded', async () => {
    const { fixture, el, http } = await render(detail({ stage: 'follow_up', version: 7, followUpDate: '2027-06-01' }));
    expect(el.querySelector('h2')?.textContent).toContain('Follow-up');
    const area = el.querySelector<HTMLTextAreaElement>('#ex-post-evaluation');
    if (!area) throw new Error('no evaluation field');
    area.value = 'Visits stayed the same.';
    area.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const request = http.expectOne('/api/assessments/a1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 7, exPostEvaluation: 'Visits stayed the same.' });
    request.flush(detail({ stage: 'follow_up', version: 8, exPostEvaluation: 'Visits stayed the same.' }));
    await settle(fixture);
    expect(fixture.componentInstance.saved.map((d) => d.version)).toEqual([8]);
  });

  it('keeps the typed text on a conflict and says so', async () => {
    const { fixture, el, http } = await render(detail({ stage: 'follow_up', version: 7 }));
    const area = el.querySelector<HTMLTextAreaElement>('#ex-post-evaluation');
    if (!area) throw new Error('no evaluation field');
    area.value = 'My evaluation';
    area.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    http
      .expectOne('/api/assessments/a1')
      .flush({ message: 'newer', conflict: { currentVersion: 8, changes: [] } }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    http.expectOne('/api/assessments/a1').flush(detail({ stage: 'follow_up', version: 8, exPostEvaluation: 'Theirs' }));
    await settle(fixture);
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Someone saved the assessment meanwhile');
    expect(el.querySelector<HTMLTextAreaElement>('#ex-post-evaluation')?.value).toBe('My evaluation');
  });

  it('shows the evaluation read-only to others', async () => {
    const { el } = await render(detail({ stage: 'closed', exPostEvaluation: 'Visits stayed the same.' }), 'reviewer');
    expect(el.querySelector('textarea')).toBeNull();
    expect(el.querySelector('.evaluation')?.textContent).toContain('Visits stayed the same.');
  });
});

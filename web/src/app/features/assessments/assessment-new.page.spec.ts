import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { ApiError, CommitteeOption } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { UnsavedWorkRegistry } from '../../core/unsaved/unsaved-work';
import { AssessmentNewPage } from './assessment-new.page';
import { assessment } from './test-data';

const committees: CommitteeOption[] = [
  { id: 'c1', name: 'Education committee', municipalityId: 'm1', municipalityName: 'Kotka' },
  { id: 'c2', name: 'Technical committee', municipalityId: 'm2', municipalityName: 'Kouvola' },
];

async function render() {
  TestBed.configureTestingModule({
    imports: [AssessmentNewPage, translocoTesting()],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(AssessmentNewPage);
  const http = TestBed.inject(HttpTestingController);
  await fixture.whenStable();
  http.expectOne('/api/committees').flush(committees);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;

  const field = <T extends HTMLElement>(label: string): T => {
    const l = [...el.querySelectorAll('label')].find((x) => x.textContent?.trim() === label);
    if (!l) throw new Error(`no label ${label}`);
    return el.querySelector(`#${l.htmlFor}`) as T;
  };
  const type = async (label: string, value: string) => {
    const input = field<HTMLInputElement | HTMLSelectElement>(label);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  };
  const submit = async () => {
    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };
  const errorOf = (label: string) => {
    const input = field(label);
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
    return ids.map((id) => el.querySelector(`#${id}`)?.textContent?.trim()).join(' ');
  };
  return { fixture, http, el, field, type, submit, errorOf };
}

describe('AssessmentNewPage', () => {
  it('lists committees as "Committee — municipality"', async () => {
    const { field } = await render();
    const options = [...field<HTMLSelectElement>('Committee').options].map((o) => o.textContent?.trim());
    expect(options).toEqual(['Choose a committee', 'Education committee — Kotka', 'Technical committee — Kouvola']);
  });

  it('shows linked, announced field errors and sends nothing while invalid', async () => {
    const { http, field, type, submit, errorOf } = await render();
    await submit();

    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('Title')).toBe('Enter a title.');
    expect(errorOf('Committee')).toBe('Choose a committee.');
    expect(field('Case number').getAttribute('aria-invalid')).toBeNull();
    expect(field('Title').getAttribute('aria-describedby')).toBe('title-hint title-error');

    await type('Title', 'ab');
    expect(errorOf('Title')).toBe('The title must be at least 3 characters.');
    await type('Title', 'x'.repeat(301));
    expect(errorOf('Title')).toBe('The title can be at most 300 characters.');
    await type('Case number', 'y'.repeat(101));
    expect(errorOf('Case number')).toBe('The case number can be at most 100 characters.');

    http.expectNone('/api/assessments');
  });

  it('posts a CreateAssessmentRequest, then opens the new assessment and announces it', async () => {
    const { http, type, submit } = await render();
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const announcer = TestBed.inject(AnnouncerService);

    await type('Title', '  New school network  ');
    await type('Committee', 'c2');
    await type('Planned meeting date', '2027-01-20');
    await submit();

    const req = http.expectOne('/api/assessments');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      title: 'New school network',
      committeeId: 'c2',
      plannedMeetingDate: '2027-01-20',
    });
    const created = assessment(9, { title: 'New school network' });
    req.flush(created, { status: 201, statusText: 'Created' });
    await navigate.mock.results[0].value;

    expect(navigate).toHaveBeenCalledWith(['/assessments', created.id]);
    // What was typed is saved now: leaving the form does not ask.
    await expect(TestBed.inject(UnsavedWorkRegistry).confirmLeave()).resolves.toBe(true);
    expect(announcer.message()?.key).toBe('assessments.created');
  });

  it('shows the API message and maps 400 details to the fields', async () => {
    const { el, http, type, submit, field, errorOf } = await render();
    await type('Title', 'Valid title');
    await type('Committee', 'c1');
    await type('Case number', 'KOT/1/2026');
    await submit();

    const body: ApiError = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Check the highlighted fields.',
      details: [
        { field: 'title', messages: ['Title already used for this committee.'] },
        { field: 'caseNumber', messages: ['Unknown case number.', 'Use the KOT/ prefix.'] },
      ],
    };
    http.expectOne('/api/assessments').flush(body, { status: 400, statusText: 'Bad Request' });
    await TestBed.inject(HttpTestingController).verify();
    await new Promise((r) => setTimeout(r));

    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Check the highlighted fields.');
    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('Title')).toBe('Title already used for this committee.');
    expect(errorOf('Case number')).toBe('Unknown case number. Use the KOT/ prefix.');
    expect(errorOf('Committee')).toBe('');
    expect((el.querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(false);

    // Editing the field clears its server error.
    await type('Title', 'Another title');
    expect(field('Title').getAttribute('aria-invalid')).toBeNull();
  });
});

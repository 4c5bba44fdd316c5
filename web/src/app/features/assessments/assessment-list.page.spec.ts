import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AssessmentSummary, Page } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { AuthService } from '../../core/auth/auth.service';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { AssessmentListPage } from './assessment-list.page';
import { assessment } from './test-data';

async function render(roles: string[] = ['official']) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({
    imports: [AssessmentListPage, translocoTesting()],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: { hasRole: (r: string) => roles.includes(r), user: () => null } },
    ],
  });
  const fixture = TestBed.createComponent(AssessmentListPage);
  const http = TestBed.inject(HttpTestingController);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const flush = async (url: string, page: Page<AssessmentSummary>) => {
    http.expectOne(url).flush(page);
    await fixture.whenStable();
  };
  return { fixture, http, el, flush };
}

const rows = (el: HTMLElement) => [...el.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td a')?.textContent?.trim());
const button = (el: HTMLElement, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

describe('AssessmentListPage', () => {
  it('shows the first page in a captioned table and appends the next page on "Show more"', async () => {
    const { el, http, flush } = await render();
    expect(el.textContent).toContain('Loading…');

    await flush('/api/assessments?limit=25', {
      items: [assessment(1, { stage: 'consultation' }), assessment(2)],
      nextCursor: 'cur-2',
    });

    expect(el.querySelector('caption')?.textContent).toContain('Assessments you can see');
    expect(el.querySelector('h1')?.textContent).toContain('Child impact assessments');
    expect(rows(el)).toEqual(['Assessment 1', 'Assessment 2']);
    const firstRow = el.querySelector('tbody tr') as HTMLElement;
    expect(firstRow.textContent).toContain('Consultation');
    expect(firstRow.textContent).toContain('Kotka');
    expect(firstRow.textContent).toContain('Education committee');
    expect(firstRow.textContent).toContain('15 Dec 2026');
    expect(firstRow.textContent).toContain('Olli Official');
    expect(firstRow.querySelector('a')?.getAttribute('href')).toBe('/assessments/a1');

    button(el, 'Show more')?.click();
    await flush('/api/assessments?limit=25&cursor=cur-2', { items: [assessment(3)], nextCursor: null });

    expect(rows(el)).toEqual(['Assessment 1', 'Assessment 2', 'Assessment 3']);
    expect(button(el, 'Show more')).toBeUndefined();
    http.verify();
  });

  it('shows the empty state, and the "New assessment" link only to officials', async () => {
    const { el, flush } = await render(['official']);
    await flush('/api/assessments?limit=25', { items: [], nextCursor: null });
    expect(el.textContent).toContain('There are no assessments yet.');
    expect(el.querySelector('table')).toBeNull();
    const link = [...el.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'New assessment');
    expect(link?.getAttribute('href')).toBe('/assessments/new');

    TestBed.resetTestingModule();
    const other = await render(['youth_council_member']);
    await other.flush('/api/assessments?limit=25', { items: [], nextCursor: null });
    expect(other.el.textContent).not.toContain('New assessment');
  });

  it('makes the date fields when the dates are unfolded, and says nothing matches when a filter empties the list', async () => {
    const { el, http, fixture, flush } = await render();
    await flush('/api/assessments?limit=25', { items: [assessment(1)], nextCursor: null });
    expect(el.querySelector('#filter-from')).toBeNull();

    const details = el.querySelector('details.date-filters') as HTMLDetailsElement;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await fixture.whenStable();
    const from = el.querySelector('#filter-from') as HTMLInputElement;
    from.value = '2099-01-01';
    from.dispatchEvent(new Event('input'));
    (el.querySelector('form.filters') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const request = http.expectOne((r) => r.url.startsWith('/api/assessments'));
    expect(request.request.urlWithParams).toContain('meetingFrom=2099-01-01');
    request.flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    expect(el.textContent).toContain('No assessments match these filters.');
    expect(el.textContent).not.toContain('There are no assessments yet.');
    expect((el.querySelector('#filter-from') as HTMLInputElement).value).toBe('2099-01-01');
  });

  it('announces a load error and retries', async () => {
    const { el, http, fixture } = await render();
    http.expectOne('/api/assessments?limit=25').flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('could not be loaded');

    button(el, 'Try again')?.click();
    http.expectOne('/api/assessments?limit=25').flush({ items: [assessment(1)], nextCursor: null });
    await fixture.whenStable();
    expect(rows(el)).toEqual(['Assessment 1']);
    expect(el.querySelector('[role="alert"]')).toBeNull();
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { DashboardView } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { DashboardPage } from './dashboard.page';

const VIEW: DashboardView = {
  scope: {
    role: 'regional_coordinator',
    organizations: [
      { id: 'o1', name: 'Kotka', kind: 'municipality' },
      { id: 'o2', name: 'Kymenlaakson hyvinvointialue', kind: 'wellbeing_county' },
    ],
    committees: [
      { id: 'c1', name: 'Sivistyslautakunta', organizationId: 'o1' },
      { id: 'c2', name: 'Aluehallitus', organizationId: 'o2' },
    ],
  },
  filters: { organizationId: null, committeeId: null, year: null },
  stages: [
    { year: 2025, stage: 'closed', count: 1 },
    { year: 2026, stage: 'consultation', count: 3 },
  ],
  screening: [
    { outcome: 'affects_children', count: 3 },
    { outcome: 'no_impact', count: 1 },
  ],
  decisions: [
    { measure: 'full_assessment', count: 2 },
    { measure: 'children_heard', count: 1 },
    { measure: 'awaiting_decision', count: 4 },
    { measure: 'screened_out', count: 1 },
  ],
  consultations: [
    {
      bodyId: 'y1',
      bodyName: 'Kotkan nuorisovaltuusto',
      bodyKind: 'youth_council',
      asked: 3,
      onTime: 1,
      late: 1,
      unanswered: 1,
      pending: 0,
    },
  ],
  dispositions: [
    { disposition: 'accepted', points: 5, withReason: 5 },
    { disposition: 'not_accepted', points: 2, withReason: 1 },
  ],
  durations: [{ stage: 'draft', medianDays: 9.5, stays: 2 }],
  overdue: [
    { item: 'consultation', count: 1 },
    { item: 'meeting', count: 0 },
    { item: 'follow_up', count: 2 },
  ],
};

const settle = async (fixture: { whenStable: () => Promise<unknown> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
};

function element<T extends Element>(root: HTMLElement, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector}`);
  return found;
}

async function render() {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({
    imports: [DashboardPage, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(DashboardPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne((r) => r.url === '/api/dashboard' && r.params.keys().length === 0).flush(VIEW);
  await settle(fixture);
  fixture.detectChanges();
  return { fixture, http, root: fixture.nativeElement as HTMLElement };
}

describe('DashboardPage', () => {
  // jsdom draws nothing: the chart stays an empty, labelled canvas (the table is the content under test).
  beforeAll(() => {
    HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  });
  jest.setTimeout(30_000);

  it('shows each table with its summary sentence, its chart as a labelled image and the table itself', async () => {
    const { root } = await render();
    const headings = [...root.querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings).toEqual([
      'Assessments by stage and year',
      'Screening outcomes',
      'Decisions touching children and full assessments',
      'Statement requests per body heard',
      'Statement points and their dispositions',
      'Time in each stage (median)',
      'Overdue now',
    ]);
    const summaries = [...root.querySelectorAll('.summary')].map((p) => p.textContent?.trim());
    expect(summaries).toContain('Assessments in all: 4; most of them in Consultation (3).');
    expect(summaries).toContain('Statements asked: 3, from 1 bodies heard; answered on time: 1, late: 1, unanswered: 1.');
    expect(summaries).toContain('Statement points: 7; taken up: 5, partly: 0, not: 2.');
    expect(summaries).toContain('Overdue now: 3.');
    const canvas = root.querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe('Assessments in all: 4; most of them in Consultation (3).');
    const table = root.querySelectorAll('table')[3];
    expect([...table.querySelectorAll('th')].map((th) => th.textContent?.trim())).toEqual([
      'Body heard',
      'Kind of body',
      'Asked',
      'Answered on time',
      'Answered late',
      'Unanswered',
      'Deadline ahead',
    ]);
    expect([...table.querySelectorAll('td')].map((td) => td.textContent?.trim())).toEqual([
      'Kotkan nuorisovaltuusto',
      'youth council',
      '3',
      '1',
      '1',
      '1',
      '0',
    ]);
  });

  it('has labelled filters; choosing an organization narrows the committees, and the form asks with the filters', async () => {
    const { fixture, http, root } = await render();
    const organization = element<HTMLSelectElement>(root, '#dashboard-organization');
    expect(root.querySelector('label[for="dashboard-organization"]')?.textContent?.trim()).toBe('Organization');
    expect(root.querySelector('label[for="dashboard-committee"]')?.textContent?.trim()).toBe('Committee');
    expect(root.querySelector('label[for="dashboard-year"]')?.textContent?.trim()).toBe('Year');
    organization.value = 'o2';
    organization.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    const committees = [...root.querySelectorAll('#dashboard-committee option')].map((o) => o.textContent?.trim());
    expect(committees).toEqual(['All', 'Aluehallitus']);
    const year = element<HTMLInputElement>(root, '#dashboard-year');
    year.value = '2026';
    year.dispatchEvent(new Event('input'));
    element<HTMLFormElement>(root, 'form').dispatchEvent(new Event('submit'));
    const request = http.expectOne((r) => r.url === '/api/dashboard');
    expect(request.request.params.get('organizationId')).toBe('o2');
    expect(request.request.params.get('year')).toBe('2026');
    expect(request.request.params.has('committeeId')).toBe(false);
  });

  it('shows the API’s words for a refused filter', async () => {
    const { fixture, http, root } = await render();
    element<HTMLFormElement>(root, 'form').dispatchEvent(new Event('submit'));
    http
      .expectOne('/api/dashboard')
      .flush({ message: 'year must be a year from 2000 to 2100' }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);
    fixture.detectChanges();
    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe('year must be a year from 2000 to 2100');
  });

  it('downloads a table in the chosen format', async () => {
    const { http, root } = await render();
    const buttons = [...root.querySelectorAll('button')].filter((b) => b.textContent?.includes('Download Excel'));
    expect(buttons).toHaveLength(7);
    expect(buttons[3].textContent).toContain('Statement requests per body heard');
    URL.createObjectURL = jest.fn(() => 'blob:x');
    URL.revokeObjectURL = jest.fn();
    buttons[3].click();
    const request = http.expectOne((r) => r.url === '/api/dashboard/tables/consultations');
    expect(request.request.params.get('format')).toBe('xlsx');
    request.flush(new Blob(['x']), { headers: { 'Content-Disposition': 'attachment; filename="lava-dashboard-consultations.xlsx"' } });
    expect(URL.createObjectURL).toHaveBeenCalled();
  });
});

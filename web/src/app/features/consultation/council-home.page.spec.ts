import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ConsultationDetail, ConsultationView, Page } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { LanguageService } from '../../core/i18n/language.service';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { CouncilHomePage, isOpenRequest, progressOf } from './council-home.page';

function request(overrides: Partial<ConsultationView> = {}): ConsultationView {
  return {
    id: 'c1',
    assessmentId: 'a1',
    assessmentTitle: 'Nuorisotalon aukioloajat',
    assessmentStage: 'consultation',
    youthCouncil: { id: 'yc1', name: 'Kotka Youth Council' },
    round: 1,
    deadline: '2099-12-15T14:00:00.000Z',
    message: '',
    status: 'drafting',
    boardStatus: 'drafting',
    openedAt: '2026-11-20T10:00:00.000Z',
    closedAt: null,
    adoptedAt: null,
    submittedAt: null,
    pointCount: 2,
    answeredCount: 0,
    version: 1,
    ...overrides,
  };
}

async function settle(fixture: { whenStable: () => Promise<unknown>; detectChanges: () => void }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  fixture.detectChanges();
}

describe('CouncilHomePage', () => {
  beforeEach(() => localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en'));
  afterEach(() => localStorage.clear());

  it('tells open requests from earlier ones, and how far each statement is', () => {
    expect(isOpenRequest(request())).toBe(true);
    expect(isOpenRequest(request({ closedAt: '2026-12-01T10:00:00.000Z' }))).toBe(false);
    expect(isOpenRequest(request({ status: 'withdrawn' }))).toBe(false);
    expect(isOpenRequest(request({ deadline: '2020-01-01T10:00:00.000Z' }))).toBe(false);
    expect(isOpenRequest(request({ assessmentStage: 'decided' }))).toBe(false);
    expect(progressOf(request({ pointCount: 0 })).key).toBe('youth.home.progress.none');
    expect(progressOf(request()).key).toBe('youth.home.progress.points');
    expect(progressOf(request({ adoptedAt: '2026-12-01' })).key).toBe('youth.home.progress.adopted');
    expect(progressOf(request({ submittedAt: '2026-12-02T10:00:00.000Z' })).key).toBe('youth.home.progress.sent');
  });

  it('shows open requests first, then earlier ones with the result of each point, and asks again when the language changes', async () => {
    TestBed.configureTestingModule({
      imports: [CouncilHomePage, translocoTesting()],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(CouncilHomePage);
    const http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const decided = request({
      id: 'c0',
      assessmentTitle: 'Skeittipuisto',
      assessmentStage: 'decided',
      closedAt: '2026-10-01T10:00:00.000Z',
      submittedAt: '2026-09-20T10:00:00.000Z',
    });
    const page: Page<ConsultationView> = { items: [request(), decided], nextCursor: null };
    http.expectOne('/api/consultations').flush(page);
    await settle(fixture);
    const detail = {
      ...decided,
      statement: { points: [{ id: 'p1', position: 1, disposition: 'partly_accepted' }] },
    } as unknown as ConsultationDetail;
    http.expectOne('/api/consultations/c0').flush(detail);
    await settle(fixture);

    const open = el.querySelector('[aria-labelledby="open-heading"]');
    expect(open?.textContent).toContain('Nuorisotalon aukioloajat');
    expect(open?.textContent).toContain('Points: 2. Not agreed yet.');
    expect(open?.querySelector('a')?.getAttribute('href')).toBe('/consultations/c1');
    const earlier = el.querySelector('[aria-labelledby="earlier-heading"]');
    expect(earlier?.textContent).toContain('Point 1: Partly taken up');
    expect(earlier?.querySelector('a')?.getAttribute('href')).toBe('/consultations/c0/feedback');

    void TestBed.inject(LanguageService).use('sv');
    await settle(fixture);
    http.expectOne('/api/consultations').flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(el.textContent).not.toContain('Nuorisotalon aukioloajat');
    http.verify();
  });
});

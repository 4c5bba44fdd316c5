import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ConsultationView, Page } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { LanguageService } from '../../core/i18n/language.service';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { MyConsultationsPage } from './my-consultations.page';

function consultation(councilName: string): ConsultationView {
  return {
    id: 'c1',
    assessmentId: 'a1',
    assessmentTitle: 'Nuorisotalon aukioloajat',
    assessmentStage: 'consultation',
    youthCouncil: { id: 'yc1', name: councilName },
    round: 1,
    deadline: '2026-12-15T14:00:00.000Z',
    message: '',
    status: 'drafting',
    boardStatus: 'drafting',
    openedAt: '2026-11-20T10:00:00.000Z',
    closedAt: null,
    adoptedAt: null,
    submittedAt: null,
    pointCount: 0,
    answeredCount: 0,
    version: 1,
  };
}

const page = (name: string): Page<ConsultationView> => ({ items: [consultation(name)], nextCursor: null });

describe('MyConsultationsPage', () => {
  beforeEach(() => localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en'));
  afterEach(() => localStorage.clear());

  it('lists the requests, and asks again when the language changes (the council’s name is in the language asked for)', async () => {
    TestBed.configureTestingModule({
      imports: [MyConsultationsPage, translocoTesting()],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(MyConsultationsPage);
    const http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };

    http.expectOne('/api/consultations').flush(page('Kotka Youth Council'));
    await settle();
    expect(el.querySelector('h2 a')?.getAttribute('href')).toBe('/consultations/c1');
    expect(el.textContent).toContain('Kotka Youth Council');

    void TestBed.inject(LanguageService).use('sv');
    await settle();
    http.expectOne('/api/consultations').flush(page('Ungdomsfullmäktige i Kotka'));
    await settle();
    expect(el.textContent).toContain('Ungdomsfullmäktige i Kotka');
    expect(el.textContent).not.toContain('Kotka Youth Council');
    expect(el.querySelectorAll('li')).toHaveLength(1);
    http.verify();
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AdminOrganizationView } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { WellbeingSection } from './wellbeing-section';

const org = (id: string, name: string, kind: AdminOrganizationView['kind']): AdminOrganizationView => ({
  id,
  name,
  names: { fi: name, sv: name, en: name },
  kind,
  parentId: null,
  oidcEmailDomains: [],
  languages: kind === 'municipality' ? ['fi'] : null,
});

describe('WellbeingSection', () => {
  it('loads the municipality’s set, switches to an own list written one a line, and shows the API’s refusal', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    TestBed.configureTestingModule({
      imports: [WellbeingSection, translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(WellbeingSection);
    const http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    for (const r of http.match('/api/admin/organizations'))
      r.flush([org('m1', 'Kotka', 'municipality'), org('c1', 'Education Committee', 'committee')]);
    http.expectOne('/api/admin/organizations/m1/wellbeing').flush({ framework: 'shanarri', indicators: [] });
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    // Only municipalities and counties choose a set; with one, no choice is offered.
    expect(el.querySelector('#wellbeing-organization')).toBeNull();
    expect((el.querySelector('#wellbeing-shanarri') as HTMLInputElement).checked).toBe(true);

    (el.querySelector('#wellbeing-custom') as HTMLInputElement).click();
    fixture.detectChanges();
    const names = el.querySelector('#wellbeing-names') as HTMLTextAreaElement;
    names.value = 'Safe way to school\n\n  A hobby for everyone \n';
    names.dispatchEvent(new Event('input'));
    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const put = http.expectOne('/api/admin/organizations/m1/wellbeing');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ framework: 'custom', names: ['Safe way to school', 'A hobby for everyone'] });
    put.flush(
      { statusCode: 400, error: 'Bad Request', message: 'An indicator is named twice: x.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('An indicator is named twice: x.');
  });
});

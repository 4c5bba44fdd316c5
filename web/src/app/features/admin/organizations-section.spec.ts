import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AdminOrganizationView } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { OrganizationsSection } from './organizations-section';

const KOTKA: AdminOrganizationView = {
  id: 'm1',
  name: 'Kotka',
  names: { fi: 'Kotka', sv: 'Kotka', en: 'Kotka' },
  kind: 'municipality',
  parentId: null,
  oidcEmailDomains: ['kotka.fi'],
  languages: ['fi'],
};
const COUNCIL: AdminOrganizationView = {
  id: 'y1',
  name: 'Kotka Youth Council',
  names: { fi: 'Kotkan nuorisovaltuusto', sv: 'Ungdomsfullmäktige i Kotka', en: 'Kotka Youth Council' },
  kind: 'youth_council',
  parentId: 'm1',
  oidcEmailDomains: [],
  languages: null,
};

async function render() {
  TestBed.configureTestingModule({
    imports: [OrganizationsSection, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(OrganizationsSection);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  for (const request of http.match('/api/admin/organizations')) request.flush([KOTKA, COUNCIL]);
  await fixture.whenStable();
  fixture.detectChanges();
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, http, el: fixture.nativeElement as HTMLElement, settle };
}

const button = (el: HTMLElement, label: string) =>
  [...el.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === label || b.textContent?.trim() === label) as
    HTMLButtonElement | undefined;

describe('OrganizationsSection: sign-in domains', () => {
  it('shows a staff organization’s domains, edits them one per line, and shows the API’s refusal beside the field', async () => {
    const { http, el, settle } = await render();
    expect(el.textContent).toContain('Organization sign-in for addresses in: kotka.fi');
    // A youth council has no sign-in domains to edit.
    expect(button(el, 'Sign-in domains of Kotka Youth Council')).toBeUndefined();

    button(el, 'Sign-in domains of Kotka')?.click();
    await settle();
    const box = el.querySelector('textarea#domains-m1') as HTMLTextAreaElement;
    expect(box.value).toBe('kotka.fi');
    expect(el.querySelector('label[for="domains-m1"]')?.textContent).toContain('Domains, one per line');
    expect(box.getAttribute('aria-describedby')).toBe('domains-hint-m1');

    box.value = 'kotka.fi\nolli@kotka.fi';
    box.dispatchEvent(new Event('input'));
    await settle();
    button(el, 'Save')?.click();
    const refused = http.expectOne('/api/admin/organizations/m1/oidc-email-domains');
    expect(refused.request.method).toBe('PUT');
    expect(refused.request.body).toEqual({ domains: ['kotka.fi', 'olli@kotka.fi'] });
    refused.flush(
      { statusCode: 400, error: 'Bad Request', message: 'Please check the request. domains: must hold only domain names such as kotka.fi' },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(el.querySelector('form [role="alert"]')?.textContent).toContain('must hold only domain names');
    expect(box.getAttribute('aria-invalid')).toBe('true');

    box.value = 'kotka.fi, edu.kotka.fi';
    box.dispatchEvent(new Event('input'));
    await settle();
    button(el, 'Save')?.click();
    const saved = http.expectOne('/api/admin/organizations/m1/oidc-email-domains');
    expect(saved.request.body).toEqual({ domains: ['kotka.fi', 'edu.kotka.fi'] });
    saved.flush({ ...KOTKA, oidcEmailDomains: ['edu.kotka.fi', 'kotka.fi'] });
    await settle();
    http.expectOne('/api/admin/organizations').flush([{ ...KOTKA, oidcEmailDomains: ['edu.kotka.fi', 'kotka.fi'] }, COUNCIL]);
    await settle();
    expect(el.querySelector('textarea')).toBeNull();
    expect(el.textContent).toContain('Organization sign-in for addresses in: edu.kotka.fi, kotka.fi');
    http.verify();
  });
});

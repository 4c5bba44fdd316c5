import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AdminOrganizationView } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { InvitePerson } from './invite-person';

const ORGANIZATIONS: AdminOrganizationView[] = [
  {
    id: 'm1',
    name: 'Kotka',
    names: { fi: 'Kotka', sv: 'Kotka', en: 'Kotka' },
    kind: 'municipality',
    parentId: null,
    oidcEmailDomains: [],
    languages: ['fi'],
  },
  {
    id: 'y1',
    name: 'Kotka Youth Council',
    names: { fi: 'Kotkan nuorisovaltuusto', sv: 'Ungdomsfullmäktige i Kotka', en: 'Kotka Youth Council' },
    kind: 'youth_council',
    parentId: 'm1',
    oidcEmailDomains: [],
    languages: null,
  },
];

async function render() {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({
    imports: [InvitePerson, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(InvitePerson);
  const http = TestBed.inject(HttpTestingController);
  // The organizations are loaded by an effect (again whenever the language changes): after the first change detection.
  await fixture.whenStable();
  http.expectOne('/api/admin/organizations').flush(ORGANIZATIONS);
  http.expectOne({ method: 'GET', url: '/api/admin/invitations' }).flush([
    {
      id: 'i1',
      userId: 'u9',
      email: 'onni@kotka.example',
      displayName: 'Onni',
      createdAt: '2026-11-20T10:00:00.000Z',
      sentAt: '2026-11-20T10:00:05.000Z',
      expiresAt: '2026-11-27T10:00:05.000Z',
    },
  ]);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(selector: string): T => {
    const found = el.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  };
  const choose = async (selector: string, value: string) => {
    const select = field<HTMLSelectElement>(selector);
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  };
  return { fixture, http, el, field, choose };
}

describe('InvitePerson', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('offers only the roles the chosen organization can have', async () => {
    const { field, choose } = await render();
    await choose('#invite-organization', 'm1');
    const roles = () => [...field<HTMLSelectElement>('#invite-role').options].map((o) => o.value).filter(Boolean);
    expect(roles()).toEqual(['official', 'reviewer', 'admin']);
    await choose('#invite-organization', 'y1');
    expect(roles()).toEqual(['youth_council_member']);
    expect(field<HTMLSelectElement>('#invite-role').value).toBe('youth_council_member');
  });

  it('sends the invitation and announces it in the live region', async () => {
    const { fixture, http, field, choose } = await render();
    const email = field<HTMLInputElement>('#invite-email');
    email.value = 'veera@kotka.example';
    email.dispatchEvent(new Event('input'));
    await choose('#invite-organization', 'y1');
    field<HTMLButtonElement>('button[type=submit]').click();
    const request = http.expectOne({ method: 'POST', url: '/api/admin/invitations' });
    expect(request.request.body).toEqual({
      email: 'veera@kotka.example',
      language: 'en',
      memberships: [{ organizationId: 'y1', role: 'youth_council_member' }],
    });
    request.flush({ userId: 'u1', outcome: 'invited' });
    await fixture.whenStable();
    expect(TestBed.inject(AnnouncerService).message()).toEqual({ key: 'invite.sent', params: { email: 'veera@kotka.example' } });
    // The list of waiting invitations is fetched again, now with the new one.
    http.expectOne({ method: 'GET', url: '/api/admin/invitations' }).flush([]);
    await fixture.whenStable();
  });

  it('asks a youth council member’s office only for that role, and sends it', async () => {
    const { fixture, http, el, field, choose } = await render();
    await choose('#invite-organization', 'm1');
    await choose('#invite-role', 'official');
    expect(el.querySelector('#invite-office')).toBeNull();
    await choose('#invite-organization', 'y1');
    await choose('#invite-office', 'secretary');
    expect(el.textContent).toContain('A council has one of each');
    const email = field<HTMLInputElement>('#invite-email');
    email.value = 'eetu@kotka.example';
    email.dispatchEvent(new Event('input'));
    field<HTMLButtonElement>('button[type=submit]').click();
    const request = http.expectOne({ method: 'POST', url: '/api/admin/invitations' });
    expect(request.request.body.memberships).toEqual([{ organizationId: 'y1', role: 'youth_council_member', councilOffice: 'secretary' }]);
    request.flush({ userId: 'u2', outcome: 'invited' });
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/admin/invitations' }).flush([]);
    await fixture.whenStable();
  });

  it('lists the invitations not yet accepted, with when the link expires', async () => {
    const { el } = await render();
    const item = el.querySelector('ul.pending li');
    expect(item?.textContent).toContain('Onni');
    expect(item?.textContent).toContain('onni@kotka.example');
    expect(item?.textContent).toContain('the link expires');
    expect(item?.querySelectorAll('time')).toHaveLength(2);
  });

  it('shows what is missing instead of sending', async () => {
    const { fixture, el, field } = await render();
    field<HTMLButtonElement>('button[type=submit]').click();
    await fixture.whenStable();
    expect(el.querySelector('#invite-email-error')?.textContent).toContain('Enter an e-mail address.');
    expect(el.querySelector('#invite-organization-error')?.textContent).toContain('Choose an organization.');
  });
});

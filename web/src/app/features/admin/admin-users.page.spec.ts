import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AdminOrganizationView, AdminUserView, MembershipsSaved } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { AuthService } from '../../core/auth/auth.service';
import { AdminUsersPage } from './admin-users.page';

const COUNCIL: AdminOrganizationView = {
  id: 'y1',
  name: 'Kotka Youth Council',
  names: { fi: 'Kotkan nuorisovaltuusto', sv: 'Ungdomsfullmäktige i Kotka', en: 'Kotka Youth Council' },
  kind: 'youth_council',
  parentId: 'm1',
  oidcEmailDomains: [],
  languages: null,
};

function member(id: string, displayName: string, councilOffice: 'chair' | 'secretary' | null): AdminUserView {
  return {
    id,
    email: `${displayName.toLowerCase()}@kotka.example`,
    displayName,
    language: 'fi',
    active: true,
    memberships: [
      {
        organizationId: 'y1',
        organizationName: COUNCIL.name,
        organizationKind: 'youth_council',
        role: 'youth_council_member',
        councilOffice,
      },
    ],
  };
}

async function render() {
  TestBed.configureTestingModule({
    imports: [AdminUsersPage, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: { user: signal({ id: 'admin' }) } }],
  });
  const fixture = TestBed.createComponent(AdminUsersPage);
  const http = TestBed.inject(HttpTestingController);
  http
    .expectOne((r) => r.url === '/api/admin/users')
    .flush({ items: [member('u1', 'Aino', 'chair'), member('u2', 'Onni', null)], nextCursor: null });
  for (const request of http.match('/api/admin/organizations')) request.flush([COUNCIL]);
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

describe('AdminUsersPage', () => {
  it('names a new chair, says beforehand that the current chair becomes a plain member, and shows it after saving', async () => {
    const { fixture, http, el } = await render();
    const cards = () => [...el.querySelectorAll<HTMLElement>('.person')];
    expect(cards()[0]?.textContent).toContain('Youth council member, chair – Kotka Youth Council');

    [...el.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Edit roles Onni')?.click();
    await fixture.whenStable();
    const office = el.querySelector<HTMLSelectElement>('#office-u2-0');
    if (!office) throw new Error('no office choice');
    expect(el.querySelector('label[for="office-u2-0"]')?.textContent?.trim()).toBe('Office in the council');
    office.value = 'chair';
    office.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const note = el.querySelector(`#${office.getAttribute('aria-describedby')}`);
    expect(note?.textContent).toContain('Aino is the council’s chair now. When you save, Onni becomes the chair and Aino a plain member.');

    el.querySelector<HTMLFormElement>('form.roles-editor')?.dispatchEvent(new Event('submit'));
    const save = http.expectOne('/api/admin/users/u2/memberships');
    expect(save.request.body).toEqual({ memberships: [{ organizationId: 'y1', role: 'youth_council_member', councilOffice: 'chair' }] });
    const saved: MembershipsSaved = {
      ...member('u2', 'Onni', 'chair'),
      replacedOfficeHolders: [{ userId: 'u1', displayName: 'Aino', organizationId: 'y1', organizationName: COUNCIL.name, office: 'chair' }],
    };
    save.flush(saved);
    await fixture.whenStable();

    expect(TestBed.inject(AnnouncerService).message()).toEqual({
      key: 'admin.officePassedOn.chair',
      params: { name: 'Onni', previous: 'Aino', council: COUNCIL.name },
    });
    expect(cards()[0]?.textContent).not.toContain('chair');
    expect(cards()[1]?.textContent).toContain('Youth council member, chair – Kotka Youth Council');
  });

  it('takes off the list someone who also has roles elsewhere, saying only the roles here were removed', async () => {
    const { fixture, http, el } = await render();
    el.querySelector<HTMLButtonElement>('button[aria-label="Deactivate Onni"]')?.click();
    http.expectOne({ method: 'POST', url: '/api/admin/users/u2/deactivate' }).flush({ outcome: 'roles_removed' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect([...el.querySelectorAll('.person')].map((c) => c.textContent)).not.toContainEqual(expect.stringContaining('Onni'));
    expect(TestBed.inject(AnnouncerService).message()).toEqual({ key: 'adminScope.rolesRemoved', params: { name: 'Onni' } });
  });
});

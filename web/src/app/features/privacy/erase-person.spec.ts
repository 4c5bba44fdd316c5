import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AdminUserView, ErasureDone } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { ErasePerson } from './erase-person';

const PERSON: AdminUserView = {
  id: 'u1',
  email: 'onni@kotka.example',
  displayName: 'Onni Nuori',
  language: 'fi',
  active: true,
  memberships: [],
};

async function render() {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({
    imports: [ErasePerson, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(ErasePerson);
  fixture.componentRef.setInput('person', PERSON);
  const erased: ErasureDone[] = [];
  fixture.componentInstance.erased.subscribe((done) => erased.push(done));
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const http = TestBed.inject(HttpTestingController);
  const dialog = el.querySelector('dialog') as HTMLDialogElement;
  // jsdom has no modal dialogs: the component falls back to the open attribute.
  return { fixture, el, http, dialog, erased };
}

describe('ErasePerson', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('asks for a reason before erasing, and says what will happen', async () => {
    const { fixture, el, http, dialog, erased } = await render();
    const opener = el.querySelector('button') as HTMLButtonElement;
    expect(opener.getAttribute('aria-label')).toBe('Erase this person’s data: Onni Nuori');
    opener.click();
    await fixture.whenStable();
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain('Erase the data of Onni Nuori?');
    expect(dialog.textContent).toContain('cannot be undone');

    (dialog.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(dialog.textContent).toContain('Please write a reason.');
    expect(dialog.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
    http.expectNone('/api/admin/users/u1/erase');

    const reason = dialog.querySelector('textarea') as HTMLTextAreaElement;
    reason.value = '  The person asked on 1 December  ';
    reason.dispatchEvent(new Event('input'));
    (dialog.querySelector('button[type=submit]') as HTMLButtonElement).click();
    const request = http.expectOne({ method: 'POST', url: '/api/admin/users/u1/erase' });
    expect(request.request.body).toEqual({ reason: 'The person asked on 1 December' });
    request.flush({ userId: 'u1', pseudonym: 'Former council member 3' });
    expect(erased).toEqual([{ userId: 'u1', pseudonym: 'Former council member 3' }]);
  });

  it('shows the API’s refusal and erases nothing', async () => {
    const { fixture, http, dialog, el, erased } = await render();
    (el.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    const reason = dialog.querySelector('textarea') as HTMLTextAreaElement;
    reason.value = 'Request';
    (dialog.querySelector('button[type=submit]') as HTMLButtonElement).click();
    http
      .expectOne('/api/admin/users/u1/erase')
      .flush(
        { message: 'This person also belongs to organizations outside yours; an admin of all of them can erase them.' },
        { status: 403, statusText: 'Forbidden' },
      );
    await fixture.whenStable();
    expect(dialog.querySelector('[role=alert]')?.textContent).toContain('outside yours');
    expect(erased).toEqual([]);
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, provideRouter } from '@angular/router';
import { translocoTesting } from '../../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { ResetPasswordPage } from './reset-password.page';

async function render(fragment: string | null) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({
    imports: [ResetPasswordPage, translocoTesting()],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  TestBed.inject(ActivatedRoute).snapshot.fragment = fragment;
  const fixture = TestBed.createComponent(ResetPasswordPage);
  fixture.detectChanges();
  await fixture.whenStable();
  return { fixture, http: TestBed.inject(HttpTestingController), el: fixture.nativeElement as HTMLElement };
}

const type = (el: HTMLElement, id: string, value: string) => {
  const field = el.querySelector<HTMLInputElement>(id);
  if (!field) throw new Error(`no ${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
};

describe('ResetPasswordPage', () => {
  afterEach(() => localStorage.clear());

  it('posts the token from the link’s fragment in the body, never in the address', async () => {
    const { fixture, http, el } = await render('token=k3J9_secret-token-0123456789');
    type(el, '#reset-password', 'three little words 2026');
    type(el, '#reset-again', 'three little words 2026');
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const request = http.expectOne('/api/auth/password-reset/complete');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ token: 'k3J9_secret-token-0123456789', password: 'three little words 2026' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Your password is changed.');
    http.verify();
  });

  it('says the link does not work when it has no token, and offers a new one', async () => {
    const { http, el } = await render(null);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('This link does not work.');
    expect(el.querySelector('a[href="/forgot-password"]')).not.toBeNull();
    expect(el.querySelector('form')).toBeNull();
    http.verify();
  });
});

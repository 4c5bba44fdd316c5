import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, provideRouter } from '@angular/router';
import { translocoTesting } from '../../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { LoginPage } from './login.page';

async function render({ organizationSignIn = false, query = '' } = {}) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({
    imports: [LoginPage, translocoTesting()],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  if (query) {
    const route = TestBed.inject(ActivatedRoute);
    route.snapshot.queryParamMap.get = (name: string) => new URLSearchParams(query).get(name);
  }
  const fixture = TestBed.createComponent(LoginPage);
  const http = TestBed.inject(HttpTestingController);
  http
    .expectOne('/api/auth/providers')
    .flush({ oidc: { enabled: organizationSignIn, label: organizationSignIn ? 'Kotka' : null, loginUrl: '/api/auth/oidc' } });
  http.expectOne('/api/demo-accounts').flush({ message: 'Not found' }, { status: 404, statusText: 'Not Found' });
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const submit = async (email: string, password: string) => {
    const input = (id: string, value: string) => {
      const field = el.querySelector<HTMLInputElement>(id);
      if (!field) throw new Error(`no ${id}`);
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    input('#login-email', email);
    input('#login-password', password);
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
  };
  return { fixture, http, el, submit };
}

describe('LoginPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('tells how long to wait when there were too many attempts, and lets the person try again later', async () => {
    const { fixture, http, el, submit } = await render();
    await submit('official@kotka.example', 'guess');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, error: 'TOO_MANY_REQUESTS', message: 'Too many sign-in attempts. Try again in 14 minutes.' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '801' } },
      );
    await fixture.whenStable();

    expect(el.querySelector('[role=alert]')?.textContent?.trim()).toBe('Too many sign-in attempts. Try again in 14 minutes.');
    expect(el.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled).toBe(false);
    expect(el.querySelector<HTMLInputElement>('#login-email')?.value).toBe('official@kotka.example');
  });

  it('says "a minute" when less than a minute is left', async () => {
    const { fixture, http, el, submit } = await render();
    await submit('official@kotka.example', 'guess');
    http
      .expectOne('/api/auth/login')
      .flush(
        { message: 'Too many sign-in attempts. Try again in 1 minute.' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '30' } },
      );
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent?.trim()).toBe('Too many sign-in attempts. Try again in a minute.');
  });

  it('offers organization sign-in only when the installation has it', async () => {
    const without = await render();
    expect(without.el.querySelector('a.organization')).toBeNull();
    TestBed.resetTestingModule();
    const withIt = await render({ organizationSignIn: true });
    const link = withIt.el.querySelector<HTMLAnchorElement>('a.organization');
    expect(link?.textContent?.trim()).toBe('Sign in with your organization (Kotka)');
    expect(link?.getAttribute('href')).toBe('/api/auth/oidc');
  });

  it('explains why an organization sign-in came back', async () => {
    const { el } = await render({ query: 'error=oidc_no_account' });
    expect(el.querySelector('[role=alert]')?.textContent).toContain('there is no active Lava account for that e-mail address');
  });

  it('explains how to link an organization account that is not linked yet', async () => {
    const { el } = await render({ organizationSignIn: true, query: 'error=oidc_link_needed' });
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Sign in once with your e-mail address and password');
  });
});

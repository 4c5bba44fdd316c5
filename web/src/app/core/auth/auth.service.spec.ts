import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { CurrentUser, LoginResponse } from '@lava/contracts';
import { authGuard, guestGuard } from './auth.guard';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

const user: CurrentUser = {
  id: 'u1',
  email: 'official@kotka.example',
  displayName: 'Olli Official',
  language: 'sv',
  memberships: [
    { organizationId: 'o1', organizationName: 'Kotka', organizationKind: 'municipality', role: 'official', councilOffice: null },
  ],
};

const loginResponse: LoginResponse = { accessToken: 'tok-123', expiresIn: 900, user };
const refreshed: LoginResponse = { accessToken: 'tok-456', expiresIn: 900, user };
const unauthorized = { status: 401, statusText: 'Unauthorized' };

function setup() {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
  });
  return {
    auth: TestBed.inject(AuthService),
    http: TestBed.inject(HttpTestingController),
    router: TestBed.inject(Router),
    client: TestBed.inject(HttpClient),
  };
}

function signedIn() {
  const ctx = setup();
  ctx.auth.login({ email: user.email, password: 'x' }).subscribe();
  ctx.http.expectOne('/api/auth/login').flush(loginResponse);
  return ctx;
}

/** Lets promise callbacks (guards, firstValueFrom) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('AuthService', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('signs in and keeps the token in memory only', () => {
    sessionStorage.setItem('lava.session', JSON.stringify({ accessToken: 'from-an-old-version' }));
    const { auth, http } = setup();
    expect(sessionStorage.getItem('lava.session')).toBeNull();

    let result: CurrentUser | undefined;
    auth.login({ email: user.email, password: 'secret' }).subscribe((u) => (result = u));
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: user.email, password: 'secret' });
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(loginResponse);

    expect(result).toEqual(user);
    expect(auth.isLoggedIn()).toBe(true);
    expect(auth.token()).toBe('tok-123');
    expect(auth.hasRole('official')).toBe(true);
    expect(auth.hasRole('admin')).toBe(false);
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.getItem('lava.session')).toBeNull();
  });

  it('restores the session from the refresh cookie once per page load', async () => {
    const { auth, http } = setup();
    const first = auth.restore();
    const second = auth.restore();
    const req = http.expectOne('/api/auth/refresh');
    expect(req.request.method).toBe('POST');
    req.flush(refreshed);

    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(auth.token()).toBe('tok-456');
    expect(auth.user()?.displayName).toBe('Olli Official');
    http.expectNone('/api/auth/refresh');
  });

  it('is signed out when there is no session to restore', async () => {
    const { auth, http } = setup();
    const restored = auth.restore();
    http.expectOne('/api/auth/refresh').flush({ message: 'Please sign in again.' }, unauthorized);
    expect(await restored).toBe(false);
    expect(auth.isLoggedIn()).toBe(false);
  });

  it('logout ends the session on the server, forgets it here and goes to /login', async () => {
    const { auth, http, router } = signedIn();
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);

    const done = auth.logout();
    expect(auth.isLoggedIn()).toBe(false);
    const req = http.expectOne('/api/auth/logout');
    expect(req.request.method).toBe('POST');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await done;

    expect(auth.user()).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/login');
  });

  it('logout still signs out here when the API cannot be reached', async () => {
    const { auth, http, router } = signedIn();
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const done = auth.logout();
    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
    await done;
    expect(auth.isLoggedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith('/login');
  });

  it('does not keep a session when the login is refused', () => {
    const { auth, http } = setup();
    let error: unknown;
    auth.login({ email: user.email, password: 'wrong' }).subscribe({ error: (e) => (error = e) });
    http.expectOne('/api/auth/login').flush({ message: 'The e-mail address or password is wrong.' }, unauthorized);
    expect(error).toBeDefined();
    expect(auth.isLoggedIn()).toBe(false);
  });
});

describe('route guards', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('wait for the session to be restored, so a reload keeps you on the page', async () => {
    const { http } = setup();
    const allowed = TestBed.runInInjectionContext(() => authGuard({} as never, { url: '/assessments/42' } as never)) as Promise<unknown>;
    http.expectOne('/api/auth/refresh').flush(refreshed);
    expect(await allowed).toBe(true);
  });

  it('send an anonymous visitor to /login with the return URL, and let them see the login page', async () => {
    const { http, router } = setup();
    const decision = TestBed.runInInjectionContext(() => authGuard({} as never, { url: '/assessments/42' } as never)) as Promise<unknown>;
    http.expectOne('/api/auth/refresh').flush({ message: 'no' }, unauthorized);
    expect(router.serializeUrl((await decision) as never)).toBe('/login?returnUrl=%2Fassessments%2F42');
    expect(await TestBed.runInInjectionContext(() => guestGuard({} as never, {} as never))).toBe(true);
  });
});

describe('authInterceptor', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('adds the bearer token to API calls only', () => {
    const { auth, http, client } = signedIn();
    auth.refreshUser().subscribe();
    const me = http.expectOne('/api/auth/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer tok-123');
    expect(me.request.withCredentials).toBe(false); // same origin: the cookie goes along anyway
    me.flush(user);

    // Static assets (translations) never get the token.
    client.get('/i18n/fi.json').subscribe();
    const asset = http.expectOne('/i18n/fi.json');
    expect(asset.request.headers.has('Authorization')).toBe(false);
    asset.flush({});
  });

  it('on 401 renews the access token once and repeats the call', async () => {
    const { http, client, auth } = signedIn();
    const results: unknown[] = [];
    client.get('/api/assessments').subscribe((r) => results.push(r));
    client.get('/api/notifications').subscribe((r) => results.push(r));
    http.expectOne('/api/assessments').flush({ message: 'expired' }, unauthorized);
    http.expectOne('/api/notifications').flush({ message: 'expired' }, unauthorized);

    // Both calls share one refresh.
    http.expectOne('/api/auth/refresh').flush(refreshed);
    await settle();
    const retried = http.expectOne('/api/assessments');
    expect(retried.request.headers.get('Authorization')).toBe('Bearer tok-456');
    retried.flush({ items: [] });
    http.expectOne('/api/notifications').flush({ items: [] });

    expect(results).toEqual([{ items: [] }, { items: [] }]);
    expect(auth.token()).toBe('tok-456');
  });

  it('when the session cannot be renewed, signs out and sends the user to /login with the return URL', async () => {
    const { auth, http, router, client } = signedIn();
    jest.spyOn(router, 'url', 'get').mockReturnValue('/assessments/42');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);

    let failed: unknown;
    client.get('/api/assessments/42').subscribe({ error: (e) => (failed = e) });
    http.expectOne('/api/assessments/42').flush({ message: 'expired' }, unauthorized);
    http.expectOne('/api/auth/refresh').flush({ message: 'Please sign in again.' }, unauthorized);
    await settle();

    expect((failed as { status: number }).status).toBe(401);
    expect(auth.isLoggedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/assessments/42' } });
  });

  it('does not loop: a second 401 after a renewal ends the session', async () => {
    const { auth, http, router, client } = signedIn();
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    client.get('/api/auth/me').subscribe({ error: () => undefined });
    http.expectOne('/api/auth/me').flush({ message: 'no' }, unauthorized);
    http.expectOne('/api/auth/refresh').flush(refreshed);
    await settle();
    http.expectOne('/api/auth/me').flush({ message: 'no' }, unauthorized);
    await settle();
    http.expectNone('/api/auth/refresh');
    expect(auth.isLoggedIn()).toBe(false);
    expect(navigate).toHaveBeenCalled();
  });

  it('leaves a 401 from the login call itself to the login page', () => {
    const { auth, http, router } = setup();
    const navigate = jest.spyOn(router, 'navigate');
    auth.login({ email: user.email, password: 'bad' }).subscribe({ error: () => undefined });
    http.expectOne('/api/auth/login').flush({ message: 'no' }, unauthorized);
    http.expectNone('/api/auth/refresh');
    expect(navigate).not.toHaveBeenCalled();
  });
});

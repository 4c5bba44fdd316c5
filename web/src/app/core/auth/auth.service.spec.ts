import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { CurrentUser, LoginResponse } from '@lava/contracts';
import { authInterceptor } from './auth.interceptor';
import { AuthService, SESSION_STORAGE_KEY } from './auth.service';

const user: CurrentUser = {
  id: 'u1',
  email: 'official@kotka.example',
  displayName: 'Olli Official',
  language: 'sv',
  memberships: [{ organizationId: 'o1', organizationName: 'Kotka', organizationKind: 'municipality', role: 'official' }],
};

const loginResponse: LoginResponse = { accessToken: 'tok-123', expiresIn: 900, user };

function setup() {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
  });
  return {
    auth: TestBed.inject(AuthService),
    http: TestBed.inject(HttpTestingController),
    router: TestBed.inject(Router),
  };
}

describe('AuthService', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('signs in, keeps token and user in signals and sessionStorage', () => {
    const { auth, http } = setup();
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
    expect(auth.user()?.displayName).toBe('Olli Official');
    expect(auth.hasRole('official')).toBe(true);
    expect(auth.hasRole('admin')).toBe(false);
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').accessToken).toBe('tok-123');
  });

  it('restores a stored session and ignores an expired one', () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'old', expiresAt: Date.now() - 1000, user }));
    expect(setup().auth.isLoggedIn()).toBe(false);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();

    TestBed.resetTestingModule();
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'fresh', expiresAt: Date.now() + 60_000, user }));
    const { auth } = setup();
    expect(auth.token()).toBe('fresh');
  });

  it('logout clears the session and goes to /login', async () => {
    const { auth, http, router } = setup();
    auth.login({ email: user.email, password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(loginResponse);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);

    await auth.logout();

    expect(auth.isLoggedIn()).toBe(false);
    expect(auth.user()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/login');
  });

  it('does not keep a session when the login is refused', () => {
    const { auth, http } = setup();
    let error: unknown;
    auth.login({ email: user.email, password: 'wrong' }).subscribe({ error: (e) => (error = e) });
    http
      .expectOne('/api/auth/login')
      .flush({ statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password' }, { status: 401, statusText: 'Unauthorized' });
    expect(error).toBeDefined();
    expect(auth.isLoggedIn()).toBe(false);
  });
});

describe('authInterceptor', () => {
  beforeEach(() => sessionStorage.clear());

  function signedIn() {
    const ctx = setup();
    ctx.auth.login({ email: user.email, password: 'x' }).subscribe();
    ctx.http.expectOne('/api/auth/login').flush(loginResponse);
    return ctx;
  }

  it('adds the bearer token to API calls only', () => {
    const { auth, http } = signedIn();
    auth.refreshUser().subscribe();
    const me = http.expectOne('/api/auth/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer tok-123');
    me.flush(user);

    // Static assets (translations) never get the token.
    TestBed.inject(HttpClient).get('/i18n/fi.json').subscribe();
    const asset = http.expectOne('/i18n/fi.json');
    expect(asset.request.headers.has('Authorization')).toBe(false);
    asset.flush({});
    http.verify();
  });

  it('on 401 clears the session and sends the user to /login with the return URL', () => {
    const { auth, http, router } = signedIn();
    jest.spyOn(router, 'url', 'get').mockReturnValue('/assessments/42');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);

    let failed = false;
    auth.refreshUser().subscribe({ error: () => (failed = true) });
    http.expectOne('/api/auth/me').flush({ message: 'expired' }, { status: 401, statusText: 'Unauthorized' });

    expect(failed).toBe(true);
    expect(auth.isLoggedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/assessments/42' } });
    http.verify();
  });

  it('leaves a 401 from the login call itself to the login page', () => {
    const { auth, http, router } = setup();
    const navigate = jest.spyOn(router, 'navigate');
    auth.login({ email: user.email, password: 'bad' }).subscribe({ error: () => undefined });
    http.expectOne('/api/auth/login').flush({ message: 'no' }, { status: 401, statusText: 'Unauthorized' });
    expect(navigate).not.toHaveBeenCalled();
    http.verify();
  });
});

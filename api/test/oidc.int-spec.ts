import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { createMunicipality, createUser } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Organization sign-in against a real OpenID Connect provider (oidc-provider) on this machine.
 * The test plays the browser: it follows the redirects, keeps the cookies, and signs in on the
 * provider's own (development) login page.
 */
describe('sign-in with the organization’s identity provider (OpenID Connect)', () => {
  let env: TestEnvironment;
  let server: Server;
  let issuer: string;
  let officialEmail: string;
  let youthEmail: string;
  const redirectUri = 'http://localhost:4200/api/auth/oidc/callback';

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'lava', client_secret: 'lava-test-secret', redirect_uris: [redirectUri] }],
      // The provider vouches for whatever address the test signs in with.
      findAccount: async (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: async () => ({ sub: id, email: id, email_verified: true }),
      }),
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      features: { devInteractions: { enabled: true } },
      ttl: { Grant: 600, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 600 },
    });
    server.on('request', provider.callback());

    env = await startTestEnvironment({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'lava',
      OIDC_CLIENT_SECRET: 'lava-test-secret',
      OIDC_LABEL: 'Kotka',
    });
    const kotka = await createMunicipality(env.db, 'Kotka');
    officialEmail = (await createUser(env.db, 'official', kotka.municipality)).email;
    youthEmail = (await createUser(env.db, 'youth_council_member', kotka.youthCouncil)).email;
  });

  afterAll(async () => {
    await env?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Starts at Lava, signs in at the provider as `email`, and returns Lava's callback answer. */
  async function signInAs(email: string) {
    const start = await env.http().get('/api/auth/oidc').expect(302);
    const lavaCookie = (start.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    expect(lavaCookie).toMatch(/^lava_oidc=/);
    const jar = new Map<string, string>();
    let url = start.headers['location'] as string;
    expect(url.startsWith(`${issuer}/auth?`)).toBe(true);
    for (let step = 0; step < 12 && !url.startsWith(redirectUri); step++) {
      const isInteraction = /\/interaction\/[^/]+$/.test(new URL(url).pathname);
      let response = await fetch(url, { redirect: 'manual', headers: { cookie: cookies(jar) } });
      keep(jar, response);
      if (isInteraction && response.status === 200) {
        const page = await response.text();
        const prompt = page.includes('value="consent"') || !page.includes('name="login"') ? 'consent' : 'login';
        response = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: cookies(jar), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(prompt === 'login' ? { prompt, login: email, password: 'any' } : { prompt }).toString(),
        });
        keep(jar, response);
      }
      const next = response.headers.get('location');
      if (!next) throw new Error(`the provider stopped at ${url} with ${response.status}`);
      url = new URL(next, url).toString();
    }
    expect(url.startsWith(`${redirectUri}?`)).toBe(true);
    return env
      .http()
      .get(`/api/auth/oidc/callback${url.slice(redirectUri.length)}`)
      .set('Cookie', lavaCookie)
      .expect(302);
  }

  it('tells the login page that organization sign-in is available', async () => {
    expect((await env.http().get('/api/auth/providers').expect(200)).body).toEqual({
      oidc: { enabled: true, label: 'Kotka', loginUrl: '/api/auth/oidc' },
    });
  });

  it('signs a municipal official in and starts a session the web app can refresh', async () => {
    const callback = await signInAs(officialEmail);
    expect(callback.headers['location']).toBe('http://localhost:4200/assessments');
    const refreshCookie = (callback.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('lava_refresh='));
    expect(refreshCookie).toMatch(/HttpOnly/);
    const session = await env
      .http()
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookie?.split(';')[0] ?? '')
      .expect(200);
    expect(session.body.user.email).toBe(officialEmail);
  });

  it('does not let in an address without a staff account, nor a youth council member', async () => {
    for (const email of ['stranger@elsewhere.example', youthEmail]) {
      const callback = await signInAs(email);
      expect(callback.headers['location']).toBe('http://localhost:4200/login?error=oidc_no_account');
      expect(String(callback.headers['set-cookie'] ?? '')).not.toContain('lava_refresh=');
    }
  });

  it('refuses an answer that does not belong to a sign-in this browser started', async () => {
    const callback = await env.http().get('/api/auth/oidc/callback?code=forged&state=forged').expect(302);
    expect(callback.headers['location']).toBe('http://localhost:4200/login?error=oidc_failed');
  });
});

function cookies(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

function keep(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const index = pair?.indexOf('=') ?? -1;
    if (pair && index > 0) jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
}

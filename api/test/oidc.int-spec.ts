import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { createMunicipality, createUser, TEST_PASSWORD } from './support/factories';
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
  let kouvolaEmail: string;
  const redirectUri = 'http://localhost:4200/api/auth/oidc/callback';

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'lava', client_secret: 'lava-test-secret', redirect_uris: [redirectUri] }],
      // The provider vouches for whatever address the test signs in with, as verified; a prefix
      // changes that: `unverified:` (email_verified false), `silent:` (no email_verified, as Entra ID),
      // `other:` (another account at the provider, its subject different, with the same address).
      findAccount: async (_ctx: unknown, id: string) => {
        const [variant, email] = id.includes(':') ? (id.split(':') as [string, string]) : ['', id];
        const verified = variant === 'unverified' ? { email_verified: false } : variant === 'silent' ? {} : { email_verified: true };
        return { accountId: id, claims: async () => ({ sub: variant === 'other' ? `other-${email}` : email, email, ...verified }) };
      },
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
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    // Kotka's region allows the test domain for organization sign-in; Kouvola allows none.
    await env.db.query(`UPDATE organizations SET oidc_email_domains = '{test.example}' WHERE id = $1`, [kotka.municipality.parentId]);
    officialEmail = (await createUser(env.db, 'official', kotka.municipality)).email;
    youthEmail = (await createUser(env.db, 'youth_council_member', kotka.youthCouncil)).email;
    kouvolaEmail = (await createUser(env.db, 'official', kouvola.municipality)).email;
  });

  afterAll(async () => {
    await env?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** A password sign-in's refresh cookie (`name=value`), which a browser sends along to /api/auth/oidc. */
  async function passwordSession(email: string): Promise<string> {
    const login = await env.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('lava_refresh='));
    return cookie?.split(';')[0] ?? '';
  }

  /**
   * Starts at Lava (with a password session's refresh cookie when given), signs in at the provider
   * as `login`, and returns Lava's callback answer.
   */
  async function signInAs(login: string, session?: string) {
    const starting = env.http().get('/api/auth/oidc');
    const start = await (session ? starting.set('Cookie', session) : starting).expect(302);
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
          body: new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt }).toString(),
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

  it('links the provider’s account once from a password session, then signs the official in by it alone', async () => {
    const first = await signInAs(officialEmail);
    expect(first.headers['location']).toBe('http://localhost:4200/login?error=oidc_link_needed');
    expect(String(first.headers['set-cookie'] ?? '')).not.toContain('lava_refresh=');

    const linking = await signInAs(officialEmail, await passwordSession(officialEmail));
    expect(linking.headers['location']).toBe('http://localhost:4200/assessments');
    const [identity] = await env.db.query(`SELECT subject, email_at_link FROM oidc_identities WHERE email_at_link = $1`, [officialEmail]);
    expect(identity).toEqual({ subject: officialEmail, email_at_link: officialEmail });

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
    // Without a password session nothing is linked: the page says how to link (a stranger has no password to do it with).
    for (const email of ['stranger@elsewhere.example', youthEmail]) {
      const callback = await signInAs(email);
      expect(callback.headers['location']).toBe('http://localhost:4200/login?error=oidc_link_needed');
      expect(String(callback.headers['set-cookie'] ?? '')).not.toContain('lava_refresh=');
    }
    // A youth council member's own password session does not link one either.
    const youth = await signInAs(youthEmail, await passwordSession(youthEmail));
    expect(youth.headers['location']).toBe('http://localhost:4200/login?error=oidc_no_account');
  });

  it('never links by an e-mail claim that is unverified, of a domain not allowed, or from another subject', async () => {
    const person = await createUser(env.db, 'reviewer', (await env.db.query(`SELECT * FROM organizations WHERE name_fi = 'Kotka'`))[0]);
    const session = await passwordSession(person.email);
    for (const login of [`unverified:${person.email}`, `silent:${person.email}`]) {
      const callback = await signInAs(login, session);
      expect(callback.headers['location']).toBe('http://localhost:4200/login?error=oidc_no_account');
    }
    // Kouvola allows no domain: its official cannot link, even from their own password session.
    const foreign = await signInAs(kouvolaEmail, await passwordSession(kouvolaEmail));
    expect(foreign.headers['location']).toBe('http://localhost:4200/login?error=oidc_no_account');
    // An address that is not the session's own account is not linked to it.
    expect((await signInAs(kouvolaEmail, session)).headers['location']).toBe('http://localhost:4200/login?error=oidc_no_account');

    // Linked once; another account at the provider with the same address (a changed subject) is not the person.
    expect((await signInAs(person.email, session)).headers['location']).toBe('http://localhost:4200/assessments');
    expect((await signInAs(`other:${person.email}`)).headers['location']).toBe('http://localhost:4200/login?error=oidc_link_needed');
    const relink = await signInAs(`other:${person.email}`, await passwordSession(person.email));
    expect(relink.headers['location']).toBe('http://localhost:4200/login?error=oidc_no_account');
    expect(await env.db.query(`SELECT subject FROM oidc_identities WHERE email_at_link = $1`, [person.email])).toEqual([
      { subject: person.email },
    ]);
    const [audit] = await env.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'user.oidc_linked'`, [person.id]);
    expect(audit).toEqual({ action: 'user.oidc_linked' });
  });

  it('with OIDC_TRUST_LISTED_DOMAINS (Entra ID sends no email_verified), links a silent claim only in a listed domain', async () => {
    const strict = env;
    env = await startTestEnvironment({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'lava',
      OIDC_CLIENT_SECRET: 'lava-test-secret',
      OIDC_TRUST_LISTED_DOMAINS: 'true',
    });
    try {
      const kotka = await createMunicipality(env.db, 'Kotka');
      const kouvola = await createMunicipality(env.db, 'Kouvola');
      await env.db.query(`UPDATE organizations SET oidc_email_domains = '{test.example}' WHERE id = $1`, [kotka.municipality.id]);
      const listed = await createUser(env.db, 'official', kotka.municipality);
      const unlisted = await createUser(env.db, 'official', kouvola.municipality);
      // A claim that says "not verified" is refused even in a listed domain.
      const refused = await signInAs(`unverified:${listed.email}`, await passwordSession(listed.email));
      expect(refused.headers['location']).toBe('http://localhost:4200/login?error=oidc_no_account');
      // Silent, in a domain Kouvola does not list: refused; in the one Kotka lists: linked.
      const foreign = await signInAs(`silent:${unlisted.email}`, await passwordSession(unlisted.email));
      expect(foreign.headers['location']).toBe('http://localhost:4200/login?error=oidc_no_account');
      const linked = await signInAs(`silent:${listed.email}`, await passwordSession(listed.email));
      expect(linked.headers['location']).toBe('http://localhost:4200/assessments');
    } finally {
      await env.close();
      env = strict;
    }
  });

  it('does not take the sign-in cookie as an access token', async () => {
    const start = await env.http().get('/api/auth/oidc').expect(302);
    const value = (start.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0]?.split('=')[1] ?? '';
    await env.http().get('/api/auth/me').set('Authorization', `Bearer ${value}`).expect(401);
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

import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@lava/contracts';
import type { Response } from 'supertest';
import { createLoginThrottle } from '../src/app/auth/login-throttle';
import { RefreshToken } from '../src/app/auth/refresh-token.entity';
import { loadConfig } from '../src/app/config/lava-config';
import { User } from '../src/app/users/user.entity';
import { createMunicipality, createUser, TEST_PASSWORD, type TestMunicipality } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/** The refresh cookie a response set: its `name=value` pair and its attributes. */
function refreshCookie(response: Response): { pair: string; value: string; attributes: string[] } {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = (header ?? []).find((c) => c.startsWith('lava_refresh='));
  if (!cookie) throw new Error(`no refresh cookie set (status ${response.status})`);
  const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
  return { pair, value: pair.slice('lava_refresh='.length), attributes };
}

describe('sessions: access token + rotating refresh cookie', () => {
  let env: TestEnvironment;
  let kotka: TestMunicipality;

  beforeAll(async () => {
    env = await startTestEnvironment();
    kotka = await createMunicipality(env.db, 'Kotka');
  });
  afterAll(() => env?.close());

  async function signIn(email: string) {
    const response = await env.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    return { body: response.body as LoginResponse, cookie: refreshCookie(response) };
  }

  const refresh = (cookiePair?: string) => {
    const call = env.http().post('/api/auth/refresh');
    return cookiePair ? call.set('Cookie', cookiePair) : call;
  };
  const me = (token: string) => env.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  it('signs in with a 15-minute access token and an httpOnly, SameSite=Strict refresh cookie for /api/auth only', async () => {
    const user = await createUser(env.db, 'official', kotka.municipality);
    const { body, cookie } = await signIn(user.email);

    expect(body).toMatchObject({ expiresIn: 900, user: { id: user.id, email: user.email } });
    expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/auth']));
    expect(cookie.attributes).not.toContain('Secure'); // NODE_ENV=test; production adds it
    const expires = Date.parse(cookie.attributes.find((a) => a.startsWith('Expires='))?.slice('Expires='.length) ?? '');
    expect(expires).toBeGreaterThan(Date.now() + 13.9 * 24 * 3600 * 1000);
    expect(expires).toBeLessThan(Date.now() + 14.1 * 24 * 3600 * 1000);

    // Only a hash is stored.
    const rows = await env.db.getRepository(RefreshToken).findBy({ userId: user.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(cookie.value);
  });

  it('ends a session SESSION_MAX_DAYS after its sign-in however often refreshed, and audits sign-ins and a reused token', async () => {
    const user = await createUser(env.db, 'official', kotka.municipality);
    const { cookie } = await signIn(user.email);
    const next = refreshCookie(await refresh(cookie.pair).expect(200));
    await refresh(cookie.pair).expect(401); // the used one again: the family ends
    const audit = await env.db.query(`SELECT action, actor_user_id, details FROM audit_events WHERE entity_id = $1 ORDER BY id`, [user.id]);
    expect(audit).toEqual([
      { action: 'user.signed_in', actor_user_id: user.id, details: { method: 'password' } },
      { action: 'session.refresh_token_reused', actor_user_id: null, details: { familyId: expect.any(String) } },
    ]);
    await refresh(next.pair).expect(401);

    // A session begun 30 days ago ends, even with a token refreshed a moment ago.
    const fresh = await signIn(user.email);
    const refreshed = refreshCookie(await refresh(fresh.cookie.pair).expect(200));
    await env.db.query(`UPDATE refresh_tokens SET session_started_at = now() - interval '30 days' WHERE user_id = $1`, [user.id]);
    await refresh(refreshed.pair).expect(401);
  });

  it('refresh rotates; the old token then fails and takes the whole session down with it', async () => {
    const user = await createUser(env.db, 'reviewer', kotka.municipality);
    const first = await signIn(user.email);

    const refreshed = await refresh(first.cookie.pair).expect(200);
    const second = refreshCookie(refreshed);
    expect(second.value).not.toBe(first.cookie.value);
    expect(refreshed.body).toMatchObject({ expiresIn: 900, user: { id: user.id } });
    await me(refreshed.body.accessToken).expect(200);

    // Someone replays the first token: refused, and the session's newest token dies too.
    const replay = await refresh(first.cookie.pair).expect(401);
    expect(replay.body.message).toBe('Please sign in again.');
    expect(refreshCookie(replay).attributes.some((a) => a.startsWith('Expires=Thu, 01 Jan 1970'))).toBe(true);
    await refresh(second.pair).expect(401);

    const rows = await env.db.getRepository(RefreshToken).findBy({ userId: user.id });
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.revokedAt !== null)).toBe(true);
    expect(rows.some((row) => row.lastUsedAt !== null)).toBe(true);
  });

  it('another session of the same person survives when one is stolen', async () => {
    const user = await createUser(env.db, 'official', kotka.municipality);
    const laptop = await signIn(user.email);
    const phone = await signIn(user.email);
    await refresh(laptop.cookie.pair).expect(200);
    await refresh(laptop.cookie.pair).expect(401);
    await refresh(phone.cookie.pair).expect(200);
  });

  it('refuses a missing or made-up cookie', async () => {
    await refresh().expect(401);
    await refresh('lava_refresh=not-a-real-token').expect(401);
  });

  it('logout revokes the session and clears the cookie, also with an expired access token', async () => {
    const user = await createUser(env.db, 'official', kotka.municipality);
    const { cookie } = await signIn(user.email);
    const expired = env.app.get(JwtService).sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) - 5 });

    const response = await env
      .http()
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${expired}`)
      .set('Cookie', cookie.pair)
      .expect(204);
    const cleared = refreshCookie(response);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Path=/api/auth', 'HttpOnly', 'SameSite=Strict']));
    await refresh(cookie.pair).expect(401);

    // Without any session at all it is a harmless no-op.
    await env.http().post('/api/auth/logout').expect(204);
  });

  it('refuses a refresh, sign-out or sign-in that another website’s page sent; the session lives on', async () => {
    const user = await createUser(env.db, 'official', kotka.municipality);
    const { cookie } = await signIn(user.email);
    const logout = (cookiePair: string) => env.http().post('/api/auth/logout').set('Cookie', cookiePair);
    const evil = 'https://evil.example';

    // A current browser marks a cross-site request (Fetch Metadata); the answer says why, in the person's language.
    const crossSite = await refresh(cookie.pair)
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Origin', evil)
      .set('Accept-Language', 'fi')
      .expect(403);
    expect(crossSite.body.message).toBe('Pyyntö tuli toiselta verkkosivustolta, ja se hylättiin. Avaa Lava itse ja yritä uudelleen.');
    expect(crossSite.headers['set-cookie']).toBeUndefined();
    await logout(cookie.pair).set('Sec-Fetch-Site', 'cross-site').expect(403);
    // An old browser without Fetch Metadata: the Origin decides (a sandboxed page sends "null").
    await refresh(cookie.pair).set('Origin', evil).expect(403);
    await logout(cookie.pair).set('Origin', 'null').expect(403);
    // A sibling subdomain is the same site, and still not the web app.
    await logout(cookie.pair).set('Sec-Fetch-Site', 'same-site').set('Origin', 'http://evil.localhost:4200').expect(403);
    // Nor may another site sign this browser in to an account of its choosing.
    await env
      .http()
      .post('/api/auth/login')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(403);

    // None of that touched the session: the web app's own requests refresh and then end it.
    const refreshed = await refresh(cookie.pair).set('Sec-Fetch-Site', 'same-origin').set('Origin', 'http://localhost:4200').expect(200);
    const rotated = refreshCookie(refreshed);
    await logout(rotated.pair).set('Sec-Fetch-Site', 'same-origin').expect(204);
    await refresh(rotated.pair).expect(401);
  });

  it('an expired access token gets 401, and the refresh cookie still gets a fresh one', async () => {
    const user = await createUser(env.db, 'committee_chair', kotka.municipality);
    const { cookie } = await signIn(user.email);
    const expired = env.app.get(JwtService).sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) - 5 });

    await me(expired).expect(401);
    const refreshed = await refresh(cookie.pair).expect(200);
    await me(refreshed.body.accessToken).expect(200);
  });

  it('a deactivated person loses access at once and cannot refresh', async () => {
    const user = await createUser(env.db, 'official', kotka.municipality);
    const { body, cookie } = await signIn(user.email);
    await me(body.accessToken).expect(200);

    await env.db.getRepository(User).update({ id: user.id }, { active: false });

    await me(body.accessToken).expect(401);
    await refresh(cookie.pair).expect(401);
    // Reactivating does not bring the old session back: its family was revoked.
    await env.db.getRepository(User).update({ id: user.id }, { active: true });
    await refresh(cookie.pair).expect(401);
  });
});

describe('sign-in rate limiting', () => {
  let env: TestEnvironment;
  let kotka: TestMunicipality;

  beforeAll(async () => {
    env = await startTestEnvironment({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '8' });
    kotka = await createMunicipality(env.db, 'Kotka');
  });
  afterAll(() => env?.close());

  // Each test signs in from its own address (X-Forwarded-For from the loopback proxy is trusted),
  // so the per-address limit of one test does not spill into another.
  const attempt = (address: string, email: string, password: string) =>
    env.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

  it('answers 429 after too many failures for one account, even with the right password, but not for another account', async () => {
    const anna = await createUser(env.db, 'official', kotka.municipality);
    const ben = await createUser(env.db, 'official', kotka.municipality);

    for (let i = 0; i < 3; i++) await attempt('203.0.113.1', anna.email, 'wrong').expect(401);
    const refused = await attempt('203.0.113.2', anna.email.toUpperCase(), TEST_PASSWORD).expect(429);
    expect(refused.body.message).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(refused.headers['set-cookie']).toBeUndefined();

    await attempt('203.0.113.1', ben.email, TEST_PASSWORD).expect(200);
  });

  it('answers 400 naming the field when the e-mail or password is not text', async () => {
    const number = await attempt('203.0.113.60', 123 as unknown as string, 'x').expect(400);
    expect(number.body.details.map((d: { field: string }) => d.field)).toEqual(['email']);
    const object = await env
      .http()
      .post('/api/auth/login')
      .send({ email: 'anna@kotka.example', password: { $ne: 1 } })
      .expect(400);
    expect(object.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
    await env
      .http()
      .post('/api/auth/login')
      .send({ email: ['a@b.example'], password: 'x' })
      .expect(400);
  });

  it('lets exactly the allowed number of 200 simultaneous wrong passwords reach the password check', async () => {
    const anna = await createUser(env.db, 'official', kotka.municipality);
    const answers = await Promise.all(Array.from({ length: 200 }, () => attempt('203.0.113.20', anna.email, 'wrong')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(197);
    // The refused guesses did not use up the address's allowance: only the 3 checked ones count there.
    const others = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(env.db, 'reviewer', kotka.municipality)));
    for (const other of others) await attempt('203.0.113.20', other.email, 'wrong').expect(401);
    await attempt('203.0.113.20', others[0].email, 'wrong').expect(429);
  });

  it('counts the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    const users = await Promise.all([1, 2, 3, 4].map(() => createUser(env.db, 'reviewer', kotka.municipality)));
    // One proxy (TRUST_PROXY_HOPS=1) appends the real address; the client made up the one before it each time.
    for (let i = 0; i < 8; i++) await attempt(`10.9.9.${i}, 198.51.100.30`, users[i % 4].email, 'wrong').expect(401);
    await attempt('10.9.9.200, 198.51.100.30', users[0].email, TEST_PASSWORD).expect(429);
    await attempt('198.51.100.31', users[0].email, TEST_PASSWORD).expect(200);
  });

  it('lets the owner in at once after a password reset, whatever others tried meanwhile', async () => {
    const anna = await createUser(env.db, 'official', kotka.municipality);
    for (let i = 0; i < 3; i++) await attempt('203.0.113.40', anna.email, 'wrong').expect(401);
    await attempt('203.0.113.41', anna.email, TEST_PASSWORD).expect(429);
    const token = 'r'.repeat(43);
    // A reset link as the worker would have mailed it (password-reset.int-spec follows the mail itself).
    await env.db.query(
      `WITH n AS (INSERT INTO notifications (recipient_user_id, kind) VALUES ($1, 'password_reset') RETURNING id)
       INSERT INTO password_resets (user_id, notification_id, token_hash, expires_at)
       SELECT $1, n.id, encode(sha256(convert_to($2, 'UTF8')), 'hex'), now() + interval '1 hour' FROM n`,
      [anna.id, token],
    );
    await env.http().post('/api/auth/password-reset/complete').send({ token, password: 'a brand new password' }).expect(204);
    await attempt('203.0.113.41', anna.email, 'a brand new password').expect(200);
  });

  it('a successful sign-in resets the account’s failures', async () => {
    const anna = await createUser(env.db, 'official', kotka.municipality);
    await attempt('203.0.113.3', anna.email, 'wrong').expect(401);
    await attempt('203.0.113.3', anna.email, 'wrong').expect(401);
    await attempt('203.0.113.3', anna.email, TEST_PASSWORD).expect(200);
    await attempt('203.0.113.3', anna.email, 'wrong').expect(401);
    await attempt('203.0.113.3', anna.email, 'wrong').expect(401);
    await attempt('203.0.113.3', anna.email, TEST_PASSWORD).expect(200);
  });

  it('limits failed sign-ins from one address across accounts, and only that address; successful ones do not count', async () => {
    const users = await Promise.all([1, 2, 3, 4].map(() => createUser(env.db, 'reviewer', kotka.municipality)));
    for (let i = 0; i < 12; i++) await attempt('198.51.100.7', users[i % 4].email, TEST_PASSWORD).expect(200);
    for (let i = 0; i < 8; i++) await attempt('198.51.100.7', users[i % 4].email, 'wrong').expect(401);
    const refused = await attempt('198.51.100.7', users[0].email, TEST_PASSWORD).expect(429);
    expect(refused.body.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
    await attempt('198.51.100.8', users[0].email, TEST_PASSWORD).expect(200);
  });
});

describe('sign-in throttle while Redis is unreachable', () => {
  it('fails open at once, with a warning: the password alone decides', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/unused', REDIS_URL: 'redis://127.0.0.1:6391' });
    const warnings: string[] = [];
    const throttle = createLoginThrottle(config, (message) => warnings.push(message));
    try {
      const started = Date.now();
      for (let i = 0; i < 12; i++) expect(await throttle.take('anna@kotka.example', '203.0.113.1')).toBeNull();
      await throttle.succeeded('anna@kotka.example', '203.0.113.1');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(warnings).toEqual([expect.stringMatching(/^Sign-in throttling is off: Redis did not answer/)]);
    } finally {
      throttle.onApplicationShutdown();
    }
  });
});

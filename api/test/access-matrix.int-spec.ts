import type { User } from '../src/app/users/user.entity';
import { createMunicipality, createUser, TEST_PASSWORD } from './support/factories';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Every route of the OpenAPI document, called as every kind of caller, against the status the
 * access rules promise. A route without a row here fails the test, so nothing new ships unlisted.
 */
const CALLERS = ['anonymous', 'official', 'reviewer', 'chair', 'youth', 'admin', 'otherMunicipality', 'deactivated'] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

const everyone = (status: number): Expected => Object.fromEntries(CALLERS.map((c) => [c, status])) as Expected;
const signedIn = (status: number, overrides: Partial<Expected> = {}): Expected => ({
  ...everyone(status),
  anonymous: 401,
  deactivated: 401,
  ...overrides,
});

interface Fixture {
  kotkaAssessmentId: string;
  /** The assessment's current version (edits by earlier rows move it on). */
  version: () => Promise<number>;
  officialNotificationId: string;
  kotkaEducationId: string;
  kotkaMunicipalityId: string;
  users: Record<Exclude<Caller, 'anonymous'>, User> & { spare: User };
}

interface RouteCase {
  expected: Expected;
  path?: (f: Fixture) => string;
  body?: (f: Fixture, caller: Caller) => object | Promise<object>;
}

const MATRIX: Record<string, RouteCase> = {
  'POST /api/auth/login': {
    // Each caller signs in with their own account; "anonymous" uses an address nobody has.
    expected: { ...everyone(200), anonymous: 401, deactivated: 401 },
    body: (f, caller) => ({ email: caller === 'anonymous' ? 'nobody@test.example' : f.users[caller].email, password: TEST_PASSWORD }),
  },
  'GET /api/auth/me': { expected: signedIn(200) },
  // Without a refresh cookie there is nothing to refresh; logging out always succeeds.
  'POST /api/auth/refresh': { expected: everyone(401) },
  'POST /api/auth/logout': { expected: everyone(204) },
  // Organization sign-in: public, and absent (404) unless OIDC_ISSUER is configured.
  'GET /api/auth/providers': { expected: everyone(200) },
  'GET /api/auth/oidc': { expected: everyone(404) },
  'GET /api/auth/oidc/callback': { expected: everyone(404) },
  'GET /api/committees': { expected: signedIn(200) },
  'POST /api/assessments': {
    // Only an official of the committee's municipality starts assessments.
    expected: signedIn(403, { official: 201 }),
    body: (f) => ({ title: 'Access matrix assessment', committeeId: f.kotkaEducationId }),
  },
  'GET /api/assessments': { expected: signedIn(200) },
  'GET /api/assessments/{id}': {
    // Existence does not leak: a record one may not read answers 404, like a missing one.
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}`,
  },
  'PATCH /api/assessments/{id}': {
    // Only the responsible official edits the content; others who may read it get 403.
    expected: signedIn(403, { official: 200, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}`,
    body: async (f) => ({ version: await f.version(), screening: { rationale: 'Edited in the access matrix' } }),
  },
  'GET /api/assessments/{id}/actions': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/actions`,
  },
  'POST /api/assessments/{id}/transitions': {
    // The official may try, but screening is unanswered: the workflow refuses with 409.
    expected: signedIn(403, { official: 409, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/transitions`,
    body: async (f) => ({ action: 'start_full_assessment', version: await f.version() }),
  },
  'GET /api/assessments/{id}/versions': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/versions`,
  },
  'GET /api/notifications': { expected: signedIn(200) },
  'PATCH /api/me': { expected: signedIn(200), body: () => ({ language: 'fi' }) },
  // Admin routes are no secret (403 to others); a person outside the admin's organizations is 404.
  'GET /api/admin/users': { expected: signedIn(403, { admin: 200 }) },
  'GET /api/admin/organizations': { expected: signedIn(403, { admin: 200 }) },
  'POST /api/admin/organizations': {
    expected: signedIn(403, { admin: 201 }),
    body: (f) => ({
      parentId: f.kotkaMunicipalityId,
      kind: 'committee',
      names: { fi: 'Matriisilautakunta', sv: 'Matrisnämnden', en: 'Matrix Committee' },
    }),
  },
  'PATCH /api/admin/organizations/{id}': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/organizations/${f.kotkaEducationId}`,
    body: () => ({ names: { fi: 'Sivistyslautakunta', sv: 'Bildningsnämnden', en: 'Education Committee' } }),
  },
  'PUT /api/admin/users/{id}/memberships': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/users/${f.users.spare.id}/memberships`,
    body: (f) => ({ memberships: [{ organizationId: f.kotkaMunicipalityId, role: 'official' }] }),
  },
  'POST /api/admin/users/{id}/deactivate': {
    expected: signedIn(403, { admin: 204 }),
    path: (f) => `/api/admin/users/${f.users.spare.id}/deactivate`,
  },
  'POST /api/admin/users/{id}/reactivate': {
    expected: signedIn(403, { admin: 204 }),
    path: (f) => `/api/admin/users/${f.users.spare.id}/reactivate`,
  },
  'POST /api/notifications/{id}/read': {
    expected: signedIn(404, { official: 204 }),
    path: (f) => `/api/notifications/${f.officialNotificationId}/read`,
  },
  'GET /api/me/notification-preferences': { expected: signedIn(200) },
  'PUT /api/me/notification-preferences': {
    expected: signedIn(200),
    body: () => ({ items: [{ kind: 'assessment_created', channel: 'email' }] }),
  },
  // Admin routes are no secret: non-admins get 403. No failed notification exists, so the admin's retry is 404.
  'GET /api/admin/notifications/failed': { expected: signedIn(403, { admin: 200 }) },
  'POST /api/admin/notifications/{id}/retry': {
    expected: signedIn(403, { admin: 404 }),
    path: (f) => `/api/admin/notifications/${f.officialNotificationId}/retry`,
  },
  'GET /api/admin/queues': { expected: signedIn(403, { admin: 200 }) },
  // Invitations: admins invite into their own organizations (others 403).
  'POST /api/admin/invitations': {
    expected: signedIn(403, { admin: 201 }),
    body: (f) => ({
      email: 'matrix-invitee@test.example',
      language: 'fi',
      memberships: [{ organizationId: f.kotkaMunicipalityId, role: 'official' }],
    }),
  },
  'GET /api/admin/invitations': { expected: signedIn(403, { admin: 200 }) },
  // The invited person's side is public: the link's token is the proof (an unknown one is 404 for everyone).
  'GET /api/invitations/{token}': { expected: everyone(404), path: () => `/api/invitations/${'u'.repeat(43)}` },
  'POST /api/invitations/{token}/accept': {
    expected: everyone(404),
    path: () => `/api/invitations/${'u'.repeat(43)}/accept`,
    body: () => ({ password: 'a long enough password' }),
  },
  // Password reset is public and answers alike whether or not the address has an account.
  'POST /api/auth/password-reset': { expected: everyone(202), body: () => ({ email: 'nobody@test.example' }) },
  'POST /api/auth/password-reset/{token}': {
    expected: everyone(404),
    path: () => `/api/auth/password-reset/${'u'.repeat(43)}`,
    body: () => ({ password: 'a long enough password' }),
  },
  'GET /api/health': { expected: everyone(200) },
  // Off unless DEMO_MODE (never in production).
  'GET /api/demo-accounts': { expected: everyone(404) },
};

describe('access matrix', () => {
  let env: TestEnvironment;
  let fixture: Fixture;
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    const users = {
      official: await createUser(env.db, 'official', kotka.municipality),
      reviewer: await createUser(env.db, 'reviewer', kotka.municipality),
      chair: await createUser(env.db, 'committee_chair', kotka.education),
      youth: await createUser(env.db, 'youth_council_member', kotka.youthCouncil),
      admin: await createUser(
        env.db,
        'admin',
        (await env.db.query(`SELECT * FROM organizations WHERE id = $1`, [kotka.municipality.parentId]))[0],
      ),
      otherMunicipality: await createUser(env.db, 'official', kouvola.municipality),
      deactivated: await createUser(env.db, 'official', kotka.municipality),
      // Someone for the admin routes to act on.
      spare: await createUser(env.db, 'official', kotka.municipality),
    };
    for (const caller of CALLERS.filter((c): c is Exclude<Caller, 'anonymous'> => c !== 'anonymous'))
      tokens.set(caller, await env.login(users[caller].email));
    // Deactivated after signing in: the token they hold must stop working at once.
    await env.db.query(`UPDATE users SET active = false WHERE id = $1`, [users.deactivated.id]);

    await env.startWorker();
    const created = await env
      .http()
      .post('/api/assessments')
      .set('Authorization', `Bearer ${tokens.get('official')}`)
      .send({ title: 'Kotka only', committeeId: kotka.education.id })
      .expect(201);
    const notificationId = await eventually(async () => {
      const [row] = await env.db.query(
        `SELECT id FROM notifications WHERE recipient_user_id = $1 AND assessment_id = $2 AND delivered_at IS NOT NULL`,
        [users.official.id, created.body.id],
      );
      return row?.id as string | undefined;
    });
    fixture = {
      kotkaAssessmentId: created.body.id,
      version: async () => (await env.db.query(`SELECT version FROM assessments WHERE id = $1`, [created.body.id]))[0].version,
      officialNotificationId: notificationId,
      kotkaEducationId: kotka.education.id,
      kotkaMunicipalityId: kotka.municipality.id,
      users,
    };
  });

  afterAll(() => env?.close());

  it('has a row for every route in the OpenAPI document, and no row for a route that is gone', async () => {
    const document = (await env.http().get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.keys(MATRIX))('%s answers every caller as expected', async (route) => {
    const [method, template] = route.split(' ') as [string, string];
    const spec = MATRIX[route];
    const actual: Partial<Expected> = {};
    for (const caller of CALLERS) {
      let request = env.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put'](spec.path ? spec.path(fixture) : template);
      const token = tokens.get(caller);
      if (token && caller !== 'anonymous') request = request.set('Authorization', `Bearer ${token}`);
      const response = await (spec.body ? request.send(await spec.body(fixture, caller)) : request);
      actual[caller] = response.status;
      // No error body ever carries a stack trace or SQL.
      if (response.status >= 400) {
        expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(js|ts):\d+|QueryFailedError|SELECT /);
        expect(typeof response.body.message).toBe('string');
      }
    }
    expect(actual).toEqual(spec.expected);
  });

  it('sends security headers and allows cross-origin calls only from the web app', async () => {
    const response = await env.http().get('/api/health').set('Origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
    expect(response.headers['access-control-allow-origin']).not.toBe('https://evil.example');
    const allowed = await env.http().get('/api/health').set('Origin', env.config.WEB_ORIGIN);
    expect(allowed.headers['access-control-allow-origin']).toBe(env.config.WEB_ORIGIN);
  });
});

import { signBoardSession } from '../src/app/notifications/queue-board';
import { Organization } from '../src/app/organizations/organization.entity';
import { createMunicipality, createUser } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

describe('queue dashboard (Bull Board) behind a signed cookie for admins of a top-level organization', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment();
  });

  afterAll(async () => {
    await env?.close();
  });

  function cookieFrom(setCookie: string | string[] | undefined): string {
    const header = [setCookie ?? []].flat().find((c) => c.startsWith('lava_queue_board='));
    if (!header) throw new Error('no board cookie');
    return header;
  }

  /** The region above a test municipality: an organization with no parent. */
  async function regionOf(municipality: Organization): Promise<Organization> {
    const region = await env.db.getRepository(Organization).findOneByOrFail({ id: municipality.parentId ?? '' });
    expect(region.parentId).toBeNull();
    return region;
  }

  it('sets a short-lived httpOnly, SameSite=Strict cookie scoped to the board for a region admin, and shows the read-only board with it', async () => {
    const { municipality } = await createMunicipality(env.db, 'Kotka');
    const admin = await createUser(env.db, 'admin', await regionOf(municipality));
    const token = await env.login(admin.email);
    const overview = await env.http().get('/api/admin/queues').set('Authorization', `Bearer ${token}`).expect(200);
    expect(overview.body.boardAvailable).toBe(true);
    expect(overview.body.queues.map((q: { name: string }) => q.name)).toEqual(['notifications']);

    const started = Date.now();
    const session = await env.http().post('/api/admin/queues/board-session').set('Authorization', `Bearer ${token}`).expect(200);
    expect(session.body.url).toBe('/api/admin/queues/board/');
    const expiresAt = new Date(session.body.expiresAt).getTime();
    expect(expiresAt - started).toBeGreaterThan(14 * 60_000);
    expect(expiresAt - started).toBeLessThanOrEqual(15 * 60_000 + 1000);
    const header = cookieFrom(session.headers['set-cookie']);
    expect(header).toMatch(/; Path=\/api\/admin\/queues\/board(;|$)/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    const cookie = header.split(';')[0] ?? '';
    expect(cookie).toMatch(/^lava_queue_board=[\w-]+\.[\w-]+$/);

    const page = await env.http().get('/api/admin/queues/board/').set('Cookie', cookie).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('__UI_CONFIG__');
    // Its scripts come from the same path (so the API's Content-Security-Policy, script-src 'self', lets them run).
    const script = /src="(static\/js\/main[^"]+)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    await env.http().get(`/api/admin/queues/board/${script}`).set('Cookie', cookie).expect(200);
    await env.http().get(`/api/admin/queues/board/${script}`).expect(401);
    const queues = await env.http().get('/api/admin/queues/board/api/queues').set('Cookie', cookie).expect(200);
    const names = (queues.body.queues as { name: string; readOnlyMode: boolean }[]).map((q) => [q.name, q.readOnlyMode]);
    expect(names).toEqual([['notifications', true]]);
    // Read-only: no retrying or cleaning the shared queue from the board.
    const retry = await env.http().put('/api/admin/queues/board/api/queues/notifications/retry/failed').set('Cookie', cookie);
    expect(retry.status).toBeGreaterThanOrEqual(400);

    // Made a municipality's admin instead of the region's: the same cookie no longer opens the board.
    await env.db.query(`UPDATE memberships SET organization_id = $2 WHERE user_id = $1`, [admin.id, municipality.id]);
    await env.http().get('/api/admin/queues/board/api/queues').set('Cookie', cookie).expect(403);
    await env.db.query(`UPDATE memberships SET organization_id = $2 WHERE user_id = $1`, [admin.id, municipality.parentId]);
    await env.http().get('/api/admin/queues/board/api/queues').set('Cookie', cookie).expect(200);
    // Taken away the admin role: the same cookie no longer opens the board.
    await env.db.query(`DELETE FROM memberships WHERE user_id = $1`, [admin.id]);
    await env.http().get('/api/admin/queues/board/api/queues').set('Cookie', cookie).expect(403);
  });

  it('refuses the board to a municipality’s admin, in their language, and sets no cookie', async () => {
    const { municipality, education } = await createMunicipality(env.db, 'Hamina');
    const municipalAdmin = await createUser(env.db, 'admin', municipality);
    // An admin of a committee only: below the municipality, so no top-level organization either.
    const committeeAdmin = await createUser(env.db, 'admin', education);
    for (const user of [municipalAdmin, committeeAdmin]) {
      const token = await env.login(user.email);
      const overview = await env.http().get('/api/admin/queues').set('Authorization', `Bearer ${token}`).expect(200);
      expect(overview.body.boardAvailable).toBe(false);
      expect(overview.body.queues).toHaveLength(1);
      const cases = [
        ['fi', 'Jonojen koontinäkymä on vain koko alueen ylläpitäjille: se näyttää kaikkien kuntien työt.'],
        ['sv', 'Köernas översikt är bara för administratörer för hela regionen: den visar alla kommuners jobb.'],
        ['en', 'The queue dashboard is only for administrators of a whole region: it shows every municipality’s jobs.'],
      ] as const;
      for (const [language, message] of cases) {
        const refused = await env
          .http()
          .post('/api/admin/queues/board-session')
          .set('Authorization', `Bearer ${token}`)
          .set('Accept-Language', language)
          .expect(403);
        expect(refused.body.message).toBe(message);
        expect([refused.headers['set-cookie'] ?? []].flat().filter((c) => c.startsWith('lava_queue_board='))).toEqual([]);
      }
      // Even a validly signed cookie (say, from before they were moved from the region) opens nothing.
      const signed = signBoardSession(env.config, user.id, new Date(Date.now() + 60_000));
      await env.http().get('/api/admin/queues/board/').set('Cookie', `lava_queue_board=${signed}`).expect(403);
      await env.http().get('/api/admin/queues/board/api/queues').set('Cookie', `lava_queue_board=${signed}`).expect(403);
    }

    // Also an admin of the region: allowed.
    await env.db.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'admin')`, [
      municipalAdmin.id,
      municipality.parentId,
    ]);
    await env
      .http()
      .post('/api/admin/queues/board-session')
      .set('Authorization', `Bearer ${await env.login(municipalAdmin.email)}`)
      .expect(200);
  });

  it('refuses without a cookie, with a forged, expired or bearer-less one, and refuses the session to non-admins', async () => {
    const { municipality } = await createMunicipality(env.db, 'Kouvola');
    const official = await createUser(env.db, 'official', municipality);
    const admin = await createUser(env.db, 'admin', await regionOf(municipality));
    await env
      .http()
      .post('/api/admin/queues/board-session')
      .set('Authorization', `Bearer ${await env.login(official.email)}`)
      .expect(403);
    await env.http().post('/api/admin/queues/board-session').expect(401);

    await env.http().get('/api/admin/queues/board/').expect(401);
    await env.http().get('/api/admin/queues/board/api/queues').expect(401);
    const forged = signBoardSession({ JWT_SECRET: 'not the server secret' }, admin.id, new Date(Date.now() + 60_000));
    await env.http().get('/api/admin/queues/board/').set('Cookie', `lava_queue_board=${forged}`).expect(401);
    const expired = signBoardSession(env.config, admin.id, new Date(Date.now() - 1000));
    await env.http().get('/api/admin/queues/board/').set('Cookie', `lava_queue_board=${expired}`).expect(401);
    const sig = signBoardSession(env.config, admin.id, new Date(Date.now() + 60_000)).split('.')[1];
    const otherUser = Buffer.from(JSON.stringify({ sub: official.id, exp: Date.now() + 60_000 })).toString('base64url');
    await env.http().get('/api/admin/queues/board/').set('Cookie', `lava_queue_board=${otherUser}.${sig}`).expect(401);
    // A valid cookie of someone who is not an admin.
    const notAdmin = signBoardSession(env.config, official.id, new Date(Date.now() + 60_000));
    await env.http().get('/api/admin/queues/board/').set('Cookie', `lava_queue_board=${notAdmin}`).expect(403);
  });
});

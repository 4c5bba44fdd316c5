import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type {
  AssessmentVersionPage,
  CommentThreadPage,
  ConsultationDetail,
  ErasureDone,
  MyDataExport,
  NotificationPage,
} from '@lava/contracts';
import { JOBS, QUEUES, RETENTION_SCHEDULER } from '@lava/contracts';
import type { Queue } from 'bullmq';
import type { User } from '../src/app/users/user.entity';
import { createMunicipality, createUser, TEST_PASSWORD, type TestMunicipality } from './support/factories';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * A person's data download, erasure by an admin, and the retention job, through the real API,
 * PostgreSQL, Redis and worker.
 */
describe('privacy: my data, erasure, retention', () => {
  let env: TestEnvironment;
  let kotka: TestMunicipality;
  let kouvola: TestMunicipality;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  let assessmentId: string;
  let consultationId: string;
  let worker: INestApplicationContext;

  const as = (key: string, language = 'fi') => ({ Authorization: `Bearer ${tokens[key]}`, 'Accept-Language': language });
  const get = (key: string, path: string, language = 'fi') => env.http().get(path).set(as(key, language));
  const post = (key: string, path: string, body: object = {}) => env.http().post(path).set(as(key)).send(body);

  beforeAll(async () => {
    env = await startTestEnvironment();
    kotka = await createMunicipality(env.db, 'Kotka');
    kouvola = await createMunicipality(env.db, 'Kouvola');
    const make = async (key: string, role: Parameters<typeof createUser>[1], org: Parameters<typeof createUser>[2], name: string) => {
      users[key] = await createUser(env.db, role, org, { displayName: name });
      tokens[key] = await env.login(users[key].email);
    };
    await make('admin', 'admin', kotka.municipality, 'Ylläpitäjä Kotka');
    await make('kouvolaAdmin', 'admin', kouvola.municipality, 'Ylläpitäjä Kouvola');
    await make('official', 'official', kotka.municipality, 'Olli Virkamies');
    await make('official2', 'official', kotka.municipality, 'Veera Valmistelija');
    await make('nea', 'youth_council_member', kotka.youthCouncil, 'Nea Nuorinen');
    await make('eetu', 'youth_council_member', kotka.youthCouncil, 'Eetu Esimerkki');

    // An assessment in consultation with Kotka's youth council: Veera started it, then handed it to Olli, who edited it.
    const created = await post('official2', '/api/assessments', { title: 'Koulukyydit 2027', committeeId: kotka.education.id }).expect(201);
    assessmentId = created.body.id as string;
    await env.db.query(`UPDATE assessments SET responsible_official_id = $2 WHERE id = $1`, [assessmentId, users['official']?.id]);
    const version = async () => (await env.db.query(`SELECT version FROM assessments WHERE id = $1`, [assessmentId]))[0].version as number;
    const patch = async (body: object) =>
      env
        .http()
        .patch(`/api/assessments/${assessmentId}`)
        .set(as('official'))
        .send({ version: await version(), ...body })
        .expect(200);
    await patch({ screening: { affectsChildren: true, rationale: 'Ollin perustelu' } });
    await post('official', `/api/assessments/${assessmentId}/transitions`, {
      version: await version(),
      action: 'start_full_assessment',
      signatureConfirmed: true,
    }).expect(200);
    await patch({ plainLanguageSummary: 'Koulubussit kulkevat eri aikaan.' });
    consultationId = (
      await post('official', `/api/assessments/${assessmentId}/consultations`, {
        youthCouncilId: kotka.youthCouncil.id,
        deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      }).expect(201)
    ).body.id as string;
    await post('official', `/api/assessments/${assessmentId}/transitions`, {
      version: await version(),
      action: 'open_consultation',
    }).expect(200);

    // Nea writes on the record, the official answers and Nea thanks them (the official's inbox names her).
    const thread = await post('nea', `/api/assessments/${assessmentId}/comment-threads`, {
      section: 'scope',
      audience: 'consultation',
      councilId: kotka.youthCouncil.id,
      text: 'Bussit kulkevat liian harvoin',
    }).expect(201);
    const neaComment = (thread.body.comments as { id: string }[])[0];
    await env
      .http()
      .patch(`/api/comments/${neaComment?.id}`)
      .set(as('nea'))
      .send({ version: 1, text: 'Bussit kulkevat liian harvoin iltaisin' })
      .expect(200);
    await post('official', `/api/comment-threads/${thread.body.id}/comments`, { text: 'Miten kyydit toimivat nyt?' }).expect(201);
    await post('nea', `/api/comment-threads/${thread.body.id}/comments`, { text: 'Kiitos vastauksesta' }).expect(201);
    // …and discusses privately with Eetu, and drafts a statement point.
    const privateThread = await post('nea', `/api/assessments/${assessmentId}/comment-threads`, {
      section: 'scope',
      audience: 'council',
      councilId: kotka.youthCouncil.id,
      text: 'Yksityisesti: en pääse kokoukseen',
    }).expect(201);
    await post('eetu', `/api/comment-threads/${privateThread.body.id}/comments`, { text: 'Eetun oma vastaus' }).expect(201);
    await post('nea', `/api/consultations/${consultationId}/points`, { text: 'Iltavuoro kello 21 asti' }).expect(201);

    // The worker delivers the notifications (and schedules the retention job).
    worker = await env.startWorker();
    await eventually(async () => (await env.db.query(`SELECT 1 FROM notifications WHERE delivered_at IS NULL`)).length === 0);
  });
  afterAll(() => env?.close());

  it('gives a person their own data, as JSON and as a readable page, and nothing of others', async () => {
    const response = await get('nea', '/api/me/data').expect(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="lava-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = response.body as MyDataExport;
    expect(data.profile).toMatchObject({ email: users['nea']?.email, displayName: 'Nea Nuorinen', language: 'fi' });
    expect(data.memberships).toEqual([expect.objectContaining({ organization: 'Nuorisovaltuusto', role: 'youth_council_member' })]);
    expect(data.comments.map((c) => c.body).sort()).toEqual([
      'Bussit kulkevat liian harvoin iltaisin',
      'Kiitos vastauksesta',
      'Yksityisesti: en pääse kokoukseen',
    ]);
    expect(data.comments.find((c) => c.body.startsWith('Bussit'))?.revisions).toEqual([
      expect.objectContaining({ body: 'Bussit kulkevat liian harvoin' }),
    ]);
    expect(data.statementPoints).toEqual([expect.objectContaining({ text: 'Iltavuoro kello 21 asti', council: 'Nuorisovaltuusto' })]);
    expect(data.signIns.length).toBeGreaterThanOrEqual(1);
    expect(data.activity.map((a) => a.action)).toEqual(expect.arrayContaining(['comment.replied', 'comment.thread_started']));
    const text = JSON.stringify(data);
    for (const other of [
      'Eetun oma vastaus',
      'Miten kyydit toimivat nyt?',
      users['eetu']?.email,
      users['official']?.email,
      'Ollin perustelu',
    ]) {
      expect(text).not.toContain(other);
    }
    expect(text).not.toMatch(/password_?hash|token_?hash|\$argon2/i);

    const page = await get('nea', '/api/me/data?format=html', 'sv').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-disposition']).toMatch(/\.html"$/);
    expect(page.text).toContain('<html lang="sv">');
    expect(page.text).toContain('Bussit kulkevat liian harvoin iltaisin');
    expect(page.text).toContain('Ungdomsfullmäktige');
    expect(page.text).not.toContain('Eetun oma vastaus');

    await get('nea', '/api/me/data?format=pdf').expect(400);
    await env.http().get('/api/me/data').expect(401);
  });

  it('erases a youth council member: pseudonym wherever the name was shown, private texts gone, account closed, audited', async () => {
    const nea = users['nea'] as User;
    // The official's inbox names Nea (her reply), by first name only as others see a youth council member.
    const inboxBefore = (await get('official', '/api/notifications').expect(200)).body as NotificationPage;
    expect(JSON.stringify(inboxBefore)).toContain('"Nea"');
    expect(JSON.stringify(inboxBefore)).not.toContain('Nuorinen');

    // Scope and input: refused before anything changes.
    await post('kouvolaAdmin', `/api/admin/users/${nea.id}/erase`, { reason: 'pyyntö' }).expect(404);
    await post('official', `/api/admin/users/${nea.id}/erase`, { reason: 'pyyntö' }).expect(403);
    await post('admin', `/api/admin/users/${nea.id}/erase`, {}).expect(400);
    await post('admin', `/api/admin/users/${nea.id}/erase`, { reason: '' }).expect(400);
    await post('admin', `/api/admin/users/${nea.id}/erase`, { reason: 'x'.repeat(501) }).expect(400);
    await post('admin', `/api/admin/users/not-a-uuid/erase`, { reason: 'pyyntö' }).expect(400);
    await post('admin', `/api/admin/users/${users['admin']?.id}/erase`, { reason: 'pyyntö' }).expect(400);
    await get('nea', '/api/auth/me').expect(200);

    const done = (await post('admin', `/api/admin/users/${nea.id}/erase`, { reason: 'Huoltajan pyyntö 1.12.2026' }).expect(200))
      .body as ErasureDone;
    expect(done.pseudonym).toMatch(/^Entinen nuorisovaltuutettu \d+$/);
    const number = done.pseudonym.split(' ').pop();

    // Signed out at once, and cannot sign in again.
    await get('nea', '/api/auth/me').expect(401);
    await env.http().post('/api/auth/login').send({ email: nea.email, password: TEST_PASSWORD }).expect(401);
    const [row] = await env.db.query(`SELECT email, display_name, password_hash, active FROM users WHERE id = $1`, [nea.id]);
    expect(row).toEqual({
      email: `erased-${number}@erased.invalid`,
      display_name: `Former-council-member-${number}`,
      password_hash: null,
      active: false,
    });
    expect(await env.db.query(`SELECT 1 FROM refresh_tokens WHERE user_id = $1`, [nea.id])).toEqual([]);

    // The record keeps her words under the pseudonym; the council's private discussion lost her text, not Eetu's.
    const threads = (await get('official', `/api/assessments/${assessmentId}/comment-threads`, 'en').expect(200)).body as CommentThreadPage;
    const comments = threads.items.flatMap((t) => t.comments);
    expect(comments).toContainEqual(
      expect.objectContaining({
        text: 'Bussit kulkevat liian harvoin iltaisin',
        author: { id: nea.id, displayName: `Former council member ${number}` },
      }),
    );
    const councilThreads = (await get('eetu', `/api/assessments/${assessmentId}/comment-threads`, 'sv').expect(200))
      .body as CommentThreadPage;
    const privateThread = councilThreads.items.find((t) => t.audience === 'council');
    expect(privateThread?.comments.map((c) => [c.author.displayName, c.text])).toEqual([
      [`Tidigare ungdomsfullmäktigeledamot ${number}`, null],
      ['Eetu', 'Eetun oma vastaus'],
    ]);
    const stored = await env.db.query(`SELECT body FROM comments WHERE author_id = $1`, [nea.id]);
    expect(JSON.stringify(stored)).not.toContain('Yksityisesti');

    // The statement point stays the council's, under the pseudonym.
    const detail = (await get('eetu', `/api/consultations/${consultationId}`).expect(200)).body as ConsultationDetail;
    expect(detail.statement?.points).toEqual([
      expect.objectContaining({ text: 'Iltavuoro kello 21 asti', updatedBy: `Entinen nuorisovaltuutettu ${number}` }),
    ]);

    // Notifications to others no longer carry her name.
    const inbox = JSON.stringify((await get('official', '/api/notifications').expect(200)).body);
    expect(inbox).not.toContain('"Nea"');
    expect(inbox).toContain(`Entinen nuorisovaltuutettu ${number}`);
    expect(JSON.stringify(await env.db.query(`SELECT params FROM notifications`))).not.toContain('"Nea"');

    // Audited with the reason; the admin's people list no longer has her; a second erasure finds nobody.
    const [audit] = await env.db.query(
      `SELECT actor_user_id, reason, details FROM audit_events WHERE entity_id = $1 AND action = 'user.erased'`,
      [nea.id],
    );
    expect(audit).toMatchObject({
      actor_user_id: users['admin']?.id,
      reason: 'Huoltajan pyyntö 1.12.2026',
      details: { councilCommentsRemoved: 1 },
    });
    const people = JSON.stringify((await get('admin', '/api/admin/users?limit=100').expect(200)).body);
    expect(people).not.toContain(nea.id);
    await post('admin', `/api/admin/users/${nea.id}/erase`, { reason: 'again' }).expect(404);
    // Nothing left anywhere in the database with her name or address.
    const [{ found }] = await env.db.query(
      `SELECT count(*)::int AS found FROM (
         SELECT to_jsonb(t)::text AS row FROM users t UNION ALL SELECT to_jsonb(t)::text FROM notifications t
         UNION ALL SELECT to_jsonb(t)::text FROM comments t UNION ALL SELECT to_jsonb(t)::text FROM comment_revisions t
         UNION ALL SELECT to_jsonb(t)::text FROM audit_events t) rows
        WHERE row LIKE '%Nea Nuorinen%' OR row LIKE $1`,
      [`%${nea.email}%`],
    );
    expect(found).toBe(0);
  });

  it('erases an official: version history and comments show the pseudonym', async () => {
    const veera = users['official2'] as User;
    const done = (await post('admin', `/api/admin/users/${veera.id}/erase`, { reason: 'Työsuhde päättynyt, pyyntö' }).expect(200))
      .body as ErasureDone;
    expect(done.pseudonym).toMatch(/^Entinen käyttäjä \d+$/);
    const versions = (await get('official', `/api/assessments/${assessmentId}/versions`, 'en').expect(200)).body as AssessmentVersionPage;
    const names = versions.items.map((v) => v.changedBy?.displayName);
    expect(names).toContain(`Former user ${done.pseudonym.split(' ').pop()}`);
    expect(names).not.toContain('Veera Valmistelija');
    expect(names).toContain('Olli Virkamies');
  });

  it('erases only a person whose every membership is within the admin’s organizations', async () => {
    const both = await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { displayName: 'Kahden kunnan nuori' });
    await env.db.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'youth_council_member')`, [
      both.id,
      kouvola.youthCouncil.id,
    ]);
    const refused = await post('admin', `/api/admin/users/${both.id}/erase`, { reason: 'pyyntö' }).expect(403);
    expect(refused.body.message).toMatch(/muihin kuin sinun organisaatioihisi/);
    await post('kouvolaAdmin', `/api/admin/users/${both.id}/erase`, { reason: 'pyyntö' }).expect(403);
    const [row] = await env.db.query(`SELECT display_name, active FROM users WHERE id = $1`, [both.id]);
    expect(row).toEqual({ display_name: 'Kahden kunnan nuori', active: true });
    expect(await env.db.query(`SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'user.erased'`, [both.id])).toEqual([]);
  });

  it('pseudonymizes former youth council members after the retention time, and deletes old delivered notifications', async () => {
    const make = (name: string) => createUser(env.db, 'youth_council_member', kotka.youthCouncil, { displayName: name });
    const leftLongAgo = await make('Lähti kauan sitten');
    const leftRecently = await make('Lähti äsken');
    const deactivatedLongAgo = await make('Poistettu käytöstä kauan sitten');
    const stillMember = await make('Yhä jäsen');
    const nowOfficial = await make('Nyt virkamies');
    const staffLeftLongAgo = await createUser(env.db, 'official', kotka.municipality, { displayName: 'Virkamies lähti' });

    // Memberships end (the trigger records when): removed outright, replaced on the people page, or the account deactivated.
    const admin = tokens['admin'];
    await env.db.query(`DELETE FROM memberships WHERE user_id = ANY($1)`, [[leftLongAgo.id, leftRecently.id, staffLeftLongAgo.id]]);
    await env
      .http()
      .put(`/api/admin/users/${nowOfficial.id}/memberships`)
      .set({ Authorization: `Bearer ${admin}` })
      .send({ memberships: [{ organizationId: kotka.municipality.id, role: 'official' }] })
      .expect(200);
    await env
      .http()
      .post(`/api/admin/users/${deactivatedLongAgo.id}/deactivate`)
      .set({ Authorization: `Bearer ${admin}` })
      .expect(200);
    // …and then time passes: 13 months for some, one month for another.
    await env.db.query(`UPDATE membership_endings SET ended_at = now() - interval '13 months' WHERE user_id = ANY($1)`, [
      [leftLongAgo.id, staffLeftLongAgo.id, nowOfficial.id],
    ]);
    await env.db.query(`UPDATE membership_endings SET ended_at = now() - interval '1 month' WHERE user_id = $1`, [leftRecently.id]);
    await env.db.query(`UPDATE users SET deactivated_at = now() - interval '13 months' WHERE id = $1`, [deactivatedLongAgo.id]);

    // Notifications: one delivered 400 days ago, one delivered yesterday, one e-mail still being sent.
    const recipient = users['official'] as User;
    const addNotification = (deliveredDaysAgo: number | null, channel: string, emailSent: boolean) =>
      env.db.query(
        `INSERT INTO notifications (recipient_user_id, kind, params, delivered_at, channel, email_sent_at, enqueued_at)
         VALUES ($1, 'assessment_created', $2, now() - make_interval(days => $3), $4, CASE WHEN $5::boolean THEN now() END, now()) RETURNING id`,
        [recipient.id, { title: `old ${deliveredDaysAgo}` }, deliveredDaysAgo ?? 0, channel, emailSent],
      );
    const [[oldOne], [recent], [sending]] = await Promise.all([
      addNotification(400, 'in_app', false),
      addNotification(1, 'in_app', false),
      addNotification(400, 'email', false),
    ]);

    const queue = worker.get<Queue>(getQueueToken(QUEUES.notifications));
    const scheduler = await eventually(() => queue.getJobScheduler(RETENTION_SCHEDULER));
    expect(scheduler).toMatchObject({ pattern: '45 3 * * *', tz: 'Europe/Helsinki' });
    await queue.add(JOBS.applyRetention, {});

    const erased = async () =>
      (await env.db.query(`SELECT display_name FROM users WHERE erased_at IS NOT NULL AND id = ANY($1) ORDER BY display_name`, [
        [leftLongAgo.id, leftRecently.id, deactivatedLongAgo.id, stillMember.id, nowOfficial.id, staffLeftLongAgo.id],
      ])) as { display_name: string }[];
    await eventually(async () => (await erased()).length === 2);
    const names = await env.db.query(`SELECT id, display_name, erased_at IS NOT NULL AS erased FROM users WHERE id = ANY($1)`, [
      [leftLongAgo.id, leftRecently.id, deactivatedLongAgo.id, stillMember.id, nowOfficial.id, staffLeftLongAgo.id],
    ]);
    const byId = (id: string) => names.find((r: { id: string }) => r.id === id);
    expect(byId(leftLongAgo.id)).toMatchObject({ erased: true, display_name: expect.stringMatching(/^Former-council-member-\d+$/) });
    expect(byId(deactivatedLongAgo.id)).toMatchObject({ erased: true });
    for (const kept of [leftRecently, stillMember, nowOfficial, staffLeftLongAgo]) expect(byId(kept.id)).toMatchObject({ erased: false });
    const [audit] = await env.db.query(
      `SELECT actor_user_id, reason FROM audit_events WHERE entity_id = $1 AND action = 'user.pseudonymized'`,
      [leftLongAgo.id],
    );
    expect(audit).toEqual({ actor_user_id: null, reason: 'youth council membership ended more than 12 months ago' });

    await eventually(async () => (await env.db.query(`SELECT 1 FROM notifications WHERE id = $1`, [oldOne.id])).length === 0);
    const left = (await env.db.query(`SELECT id FROM notifications WHERE id = ANY($1)`, [[oldOne.id, recent.id, sending.id]])).map(
      (r: { id: string }) => r.id,
    );
    expect(left.sort()).toEqual([recent.id, sending.id].sort());
  });
});

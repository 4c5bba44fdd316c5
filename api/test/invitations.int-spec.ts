import type { INestApplicationContext } from '@nestjs/common';
import { CONFIGURABLE_NOTIFICATION_KINDS } from '@lava/contracts';
import { createHash } from 'node:crypto';
import { NotificationDelivery } from '../src/worker/notification-delivery';
import { createMunicipality, createUser, TEST_PASSWORD, type TestMunicipality } from './support/factories';
import { linkToken, startSmtpServer, tablesAsText } from './support/smtp';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

const ORIGIN = 'https://lava.example';
const NEW_PASSWORD = 'a long enough password';

describe('invitations by e-mail (real SMTP server, real worker module)', () => {
  let env: TestEnvironment;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let kotka: TestMunicipality;
  let kouvola: TestMunicipality;
  let regionAdmin: string;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    env = await startTestEnvironment({ MAIL_MODE: 'smtp', SMTP_URL: smtp.url, WEB_ORIGIN: ORIGIN });
    kotka = await createMunicipality(env.db, 'Kotka');
    kouvola = await createMunicipality(env.db, 'Kouvola');
    const region = (await env.db.query(`SELECT * FROM organizations WHERE id = $1`, [kotka.municipality.parentId]))[0];
    regionAdmin = await env.login((await createUser(env.db, 'admin', region, { displayName: 'Aino Admin' })).email);
    worker = await env.startWorker();
  });

  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const invite = (token: string, body: object) => env.http().post('/api/admin/invitations').set(as(token)).send(body);
  const youthOf = (m: TestMunicipality) => [{ organizationId: m.youthCouncil.id, role: 'youth_council_member' }];

  async function mailTo(address: string, count = 1) {
    await eventually(async () => smtp.to(address).length >= count);
    const received = smtp.to(address)[count - 1];
    if (!received) throw new Error(`no mail to ${address}`);
    return received.mail;
  }

  it('invites a new youth council member: one e-mail in their language, a link that works once and signs them in', async () => {
    const email = 'Nuori.Ruotsi@Test.example';
    const created = await invite(regionAdmin, { email, displayName: 'Nuori', language: 'sv', memberships: youthOf(kotka) }).expect(201);
    expect(created.body).toEqual({ userId: expect.any(String), outcome: 'invited' });
    const address = email.toLowerCase();

    const mail = await mailTo(address);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a second copy would have arrived by now
    expect(smtp.to(address)).toHaveLength(1);
    expect(mail.subject).toBe('Inbjudan till Lava');
    expect(mail.text).toContain('Aino Admin bjöd in dig till Lava: Ungdomsfullmäktige');
    expect(mail.text).toContain('Länken fungerar i 7 dagar');
    expect(mail.text).not.toContain('/preferences');
    const token = linkToken(mail, ORIGIN, '/invitation#token=');
    expect(mail.html).toContain(`href="${ORIGIN}/invitation#token=${token}"`);

    // The token is nowhere in the database; only its SHA-256 hash is, on the invitation.
    const stored = await tablesAsText(env.db, ['invitations', 'notifications', 'users', 'audit_events', 'password_resets']);
    expect(stored).not.toContain(token);
    const [row] = await env.db.query(`SELECT token_hash, sent_at, expires_at FROM invitations WHERE user_id = $1`, [created.body.userId]);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.expires_at.getTime() - row.sent_at.getTime()).toBeCloseTo(7 * 24 * 3600 * 1000, -4);

    const details = await env.http().post('/api/invitations/lookup').send({ token }).set('Accept-Language', 'en').expect(200);
    expect(details.body).toEqual({
      email: address,
      displayName: 'Nuori',
      organizationNames: ['Youth Council'],
      expiresAt: row.expires_at.toISOString(),
    });

    const tooShort = await env.http().post('/api/invitations/accept').send({ token, password: 'short' }).expect(400);
    expect(tooShort.body.message).toBe('The password must be at least 12 characters long.');
    const ownAddress = await env.http().post('/api/invitations/accept').send({ token, password: address.toUpperCase() }).expect(400);
    expect(ownAddress.body.message).toBe('The password must not be your e-mail address.');

    const accepted = await env
      .http()
      .post('/api/invitations/accept')
      .send({ token, password: NEW_PASSWORD, displayName: 'Nelli' })
      .expect(200);
    expect(accepted.body.user).toMatchObject({
      email: address,
      displayName: 'Nelli',
      language: 'sv',
      memberships: [expect.objectContaining({ organizationId: kotka.youthCouncil.id, role: 'youth_council_member' })],
    });
    expect(String(accepted.headers['set-cookie'])).toMatch(/lava_refresh=.+; Path=\/api\/auth; .*HttpOnly/);
    await env.http().post('/api/auth/refresh').set('Cookie', accepted.headers['set-cookie']).expect(200);
    const me = await env.http().get('/api/auth/me').set(as(accepted.body.accessToken)).expect(200);
    expect(me.body.email).toBe(address);
    // The invitation is an e-mail only: not in the person's notifications, not among their preferences.
    const notifications = await env.http().get('/api/notifications').set(as(accepted.body.accessToken)).expect(200);
    expect(notifications.body).toMatchObject({ items: [], unreadCount: 0 });
    const preferences = await env.http().get('/api/me/notification-preferences').set(as(accepted.body.accessToken)).expect(200);
    // Every kind one chooses a channel for; never the e-mail-only invitation or reset.
    expect(preferences.body.items.map((i: { kind: string }) => i.kind)).toEqual([...CONFIGURABLE_NOTIFICATION_KINDS]);

    // Once only.
    const again = await env.http().post('/api/invitations/accept').send({ token, password: 'another long password' }).expect(410);
    expect(again.body.message).toBe('This invitation has already been used. Sign in with your e-mail address and password.');
    await env.http().post('/api/invitations/lookup').send({ token }).expect(410);
    await env.login(address, NEW_PASSWORD);
  });

  it('answers 410 for an expired invitation and 404 for an unknown link', async () => {
    const email = 'expired@test.example';
    await invite(regionAdmin, { email, language: 'fi', memberships: youthOf(kotka) }).expect(201);
    const mail = await mailTo(email);
    expect(mail.subject).toBe('Kutsu Lavaan');
    const token = linkToken(mail, ORIGIN, '/invitation#token=');
    await env.db.query(
      `UPDATE invitations SET expires_at = now() - interval '1 second' WHERE token_hash IS NOT NULL AND accepted_at IS NULL`,
    );
    const gone = await env.http().post('/api/invitations/lookup').send({ token }).expect(410);
    expect(gone.body.message).toBe('This invitation has expired. Ask the person who invited you to send a new one.');
    await env.http().post('/api/invitations/accept').send({ token, password: NEW_PASSWORD }).expect(410);
    // The token travels only in a body: the old addresses with the token in the path (which nginx
    // and proxies log) are gone, so this expired token is not even looked at there.
    await env.http().get(`/api/invitations/${token}`).expect(404);
    await env.http().post(`/api/invitations/${token}/accept`).send({ password: NEW_PASSWORD }).expect(404);
    const missing = await env.http().post('/api/invitations/lookup').set('Accept-Language', 'en').send({}).expect(400);
    expect(missing.body.details).toEqual([{ field: 'token', messages: expect.arrayContaining(['must be text']) }]);
    await env.http().post('/api/invitations/accept').send({ token: 42, password: NEW_PASSWORD }).expect(400);
    const unknown = await env
      .http()
      .post('/api/invitations/lookup')
      .send({ token: 'x'.repeat(43) })
      .expect(404);
    expect(unknown.body.message).toMatch(/does not work/);
    await env.http().post('/api/invitations/lookup').send({ token: 'not-a-token' }).expect(404);
  });

  it('replaces an earlier unused invitation: only the newest link works', async () => {
    const email = 'twice@test.example';
    await invite(regionAdmin, { email, language: 'en', memberships: youthOf(kotka) }).expect(201);
    const first = linkToken(await mailTo(email, 1), ORIGIN, '/invitation#token=');
    const again = await invite(regionAdmin, { email, language: 'en', memberships: youthOf(kotka) }).expect(201);
    expect(again.body.outcome).toBe('invited');
    const second = linkToken(await mailTo(email, 2), ORIGIN, '/invitation#token=');
    const replaced = await env.http().post('/api/invitations/lookup').send({ token: first }).expect(410);
    expect(replaced.body.message).toBe('This invitation was replaced by a newer one. Use the link in the newest e-mail.');
    await env.http().post('/api/invitations/lookup').send({ token: second }).expect(200);
  });

  it('leaves another municipality’s pending invitation alone; accepting either link ends the other', async () => {
    const email = 'two.towns@test.example';
    const hamina = await createMunicipality(env.db, 'Hamina');
    const pyhtaa = await createMunicipality(env.db, 'Pyhtää');
    const haminaAdmin = await env.login((await createUser(env.db, 'admin', hamina.municipality)).email);
    const pyhtaaAdmin = await env.login((await createUser(env.db, 'admin', pyhtaa.municipality)).email);
    await invite(pyhtaaAdmin, { email, language: 'en', memberships: youthOf(pyhtaa) }).expect(201);
    const pyhtaaLink = linkToken(await mailTo(email, 1), ORIGIN, '/invitation#token=');
    const fromHamina = await invite(haminaAdmin, { email, language: 'en', memberships: youthOf(hamina) }).expect(201);
    expect(fromHamina.body.outcome).toBe('invited');
    const haminaLink = linkToken(await mailTo(email, 2), ORIGIN, '/invitation#token=');
    await env.http().post('/api/invitations/lookup').send({ token: pyhtaaLink }).expect(200);
    // Hamina's admin sees only their own invitation to the person.
    const pending = (await env.http().get('/api/admin/invitations').set(as(haminaAdmin)).expect(200)).body as { userId: string }[];
    expect(pending.filter((p) => p.userId === fromHamina.body.userId)).toHaveLength(1);

    await env.http().post('/api/invitations/accept').send({ token: haminaLink, password: NEW_PASSWORD }).expect(200);
    // The other link can no longer set the password over the one just chosen.
    await env.http().post('/api/invitations/accept').send({ token: pyhtaaLink, password: 'someone else’s password' }).expect(410);
    await env.login(email, NEW_PASSWORD);
  });

  it('makes a new link when a send is retried: the earlier e-mail’s link stops working', async () => {
    const email = 'retried@test.example';
    await invite(regionAdmin, { email, language: 'fi', memberships: youthOf(kotka) }).expect(201);
    const first = linkToken(await mailTo(email, 1), ORIGIN, '/invitation#token=');
    // As if the worker had died after the mail server accepted the message, before recording it sent.
    const [row] = await env.db.query(
      `UPDATE notifications SET email_sent_at = NULL, email_sending_at = NULL
        WHERE id = (SELECT notification_id FROM invitations WHERE token_hash = $1) RETURNING id`,
      [createHash('sha256').update(first).digest('hex')],
    );
    await worker.get(NotificationDelivery).deliver(row[0].id);
    const second = linkToken(await mailTo(email, 2), ORIGIN, '/invitation#token=');
    expect(second).not.toBe(first);
    await env.http().post('/api/invitations/lookup').send({ token: first }).expect(404);
    await env.http().post('/api/invitations/lookup').send({ token: second }).expect(200);
  });

  it('gives an existing person the roles and tells them so, without a new password', async () => {
    const official = await createUser(env.db, 'official', kotka.municipality, { language: 'en' });
    const response = await invite(regionAdmin, {
      email: official.email,
      displayName: 'Ignored',
      language: 'sv',
      memberships: [{ organizationId: kotka.education.id, role: 'committee_chair' }],
    }).expect(201);
    expect(response.body).toEqual({ userId: official.id, outcome: 'access_granted' });
    const mail = await mailTo(official.email);
    expect(mail.subject).toBe('You now have access in Lava');
    expect(mail.text).toContain('Aino Admin gave you access in Lava: Education Committee');
    expect(mail.text).toContain(`${ORIGIN}/assessments`);
    expect(mail.text).not.toContain('/invitation#token=');
    expect(await env.db.query(`SELECT id FROM invitations WHERE user_id = $1`, [official.id])).toEqual([]);
    const roles = await env.db.query(`SELECT organization_id, role FROM memberships WHERE user_id = $1 ORDER BY role`, [official.id]);
    expect(roles).toEqual([
      { organization_id: kotka.education.id, role: 'committee_chair' },
      { organization_id: kotka.municipality.id, role: 'official' },
    ]);
    await env.login(official.email, TEST_PASSWORD);
  });

  it('refuses roles outside the admin’s organizations or the organization’s kind, and non-admins', async () => {
    const kotkaAdmin = await env.login((await createUser(env.db, 'admin', kotka.municipality)).email);
    const outside = await invite(kotkaAdmin, { email: 'outside@test.example', language: 'fi', memberships: youthOf(kouvola) }).expect(400);
    expect(outside.body.message).toContain('memberships.0.organizationId: is not one of your organizations');
    const wrongKind = await invite(kotkaAdmin, {
      email: 'outside@test.example',
      language: 'fi',
      memberships: [{ organizationId: kotka.youthCouncil.id, role: 'official' }],
    }).expect(400);
    expect(wrongKind.body.message).toContain('official is not a role in a youth council');
    await invite(kotkaAdmin, { email: 'outside@test.example', language: 'fi', memberships: [] }).expect(400);
    expect(await env.db.query(`SELECT id FROM users WHERE email = 'outside@test.example'`)).toEqual([]);

    const official = await env.login((await createUser(env.db, 'official', kotka.municipality)).email);
    await invite(official, { email: 'outside@test.example', language: 'fi', memberships: youthOf(kotka) }).expect(403);

    // The pending list shows only invitations within the admin's organizations.
    const kouvolaAdmin = await env.login((await createUser(env.db, 'admin', kouvola.municipality)).email);
    await invite(kouvolaAdmin, { email: 'kouvola-youth@test.example', language: 'fi', memberships: youthOf(kouvola) }).expect(201);
    const pending = await env.http().get('/api/admin/invitations').set(as(kotkaAdmin)).expect(200);
    expect(pending.body.map((p: { email: string }) => p.email).sort()).toEqual(['retried@test.example', 'twice@test.example']);
    const theirs = await env.http().get('/api/admin/invitations').set(as(kouvolaAdmin)).expect(200);
    expect(theirs.body.map((p: { email: string }) => p.email)).toEqual(['kouvola-youth@test.example']);
  });

  it('invites a youth council member as the council’s secretary, who takes the office over, and refuses an office on another role', async () => {
    const admin = await env.login((await createUser(env.db, 'admin', kouvola.municipality)).email);
    const previous = await createUser(env.db, 'youth_council_member', kouvola.youthCouncil, { councilOffice: 'secretary' });
    const refused = await invite(admin, {
      email: 'not-youth@test.example',
      language: 'fi',
      memberships: [{ organizationId: kouvola.municipality.id, role: 'official', councilOffice: 'secretary' }],
    }).expect(400);
    expect(refused.body.details).toEqual([
      { field: 'memberships.0.councilOffice', messages: ['only a youth council member can be the council’s chair or secretary'] },
    ]);

    const invited = await invite(admin, {
      email: 'secretary@test.example',
      language: 'fi',
      memberships: [{ organizationId: kouvola.youthCouncil.id, role: 'youth_council_member', councilOffice: 'secretary' }],
    }).expect(201);
    const offices = await env.db.query(`SELECT user_id, council_office FROM memberships WHERE organization_id = $1 ORDER BY user_id`, [
      kouvola.youthCouncil.id,
    ]);
    expect(offices).toEqual(
      expect.arrayContaining([
        { user_id: invited.body.userId, council_office: 'secretary' },
        { user_id: previous.id, council_office: null },
      ]),
    );
  });
});

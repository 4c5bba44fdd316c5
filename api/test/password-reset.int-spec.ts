import { createHash } from 'node:crypto';
import { createMunicipality, createUser, TEST_PASSWORD } from './support/factories';
import { linkToken, startSmtpServer, tablesAsText } from './support/smtp';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

const ORIGIN = 'https://lava.example';

function only<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a received e-mail');
  return value;
}

describe('password reset by e-mail (real SMTP server, real worker module)', () => {
  let env: TestEnvironment;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    env = await startTestEnvironment({ MAIL_MODE: 'smtp', SMTP_URL: smtp.url, WEB_ORIGIN: ORIGIN, PASSWORD_RESET_MAX_PER_ACCOUNT: '2' });
    await env.startWorker();
  });

  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  const requestReset = (email: string) => env.http().post('/api/auth/password-reset').send({ email });

  it('answers alike for every address, mails only an account, and ends every session when the password changes', async () => {
    const { municipality } = await createMunicipality(env.db, 'Hamina');
    const official = await createUser(env.db, 'official', municipality, { language: 'en' });
    const sessions = [
      await env.http().post('/api/auth/login').send({ email: official.email, password: TEST_PASSWORD }).expect(200),
      await env.http().post('/api/auth/login').send({ email: official.email, password: TEST_PASSWORD }).expect(200),
    ];
    const withoutPassword = await createUser(env.db, 'official', municipality);
    await env.db.query(`UPDATE users SET password_hash = NULL WHERE id = $1`, [withoutPassword.id]);

    const known = await requestReset(official.email.toUpperCase()).expect(202);
    const unknown = await requestReset('nobody-here@test.example').expect(202);
    const noPassword = await requestReset(withoutPassword.email).expect(202);
    expect(unknown.body).toEqual(known.body);
    expect(noPassword.body).toEqual(known.body);
    expect(known.body.message).toBe('If this address has an account in Lava, we sent a link to it. The link works for 60 minutes.');

    await eventually(async () => smtp.received.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.received.map((r) => r.to)).toEqual([[official.email]]);
    const mail = only(smtp.received[0]).mail;
    expect(mail.subject).toBe('Reset your Lava password');
    expect(mail.text).toContain('The link works for 60 minutes');
    const token = linkToken(mail, ORIGIN, '/reset-password#token=');

    const stored = await tablesAsText(env.db, ['password_resets', 'notifications', 'users', 'audit_events']);
    expect(stored).not.toContain(token);
    const [row] = await env.db.query(`SELECT token_hash, expires_at, created_at FROM password_resets WHERE user_id = $1`, [official.id]);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(55 * 60 * 1000);

    const short = await env.http().post('/api/auth/password-reset/complete').send({ token, password: 'too short' }).expect(400);
    expect(short.body.message).toBe('The password must be at least 12 characters long.');
    await env.http().post('/api/auth/password-reset/complete').send({ token, password: 'my brand new password' }).expect(204);

    // Every session ended; the old password no longer works, the new one does.
    for (const session of sessions) await env.http().post('/api/auth/refresh').set('Cookie', session.headers['set-cookie']).expect(401);
    await env.http().post('/api/auth/login').send({ email: official.email, password: TEST_PASSWORD }).expect(401);
    await env.login(official.email, 'my brand new password');

    const used = await env.http().post('/api/auth/password-reset/complete').send({ token, password: 'yet another password' }).expect(410);
    expect(used.body.message).toBe('This link has already been used. Ask for a new one if you need to.');
  });

  it('refuses an expired link with 410 and an unknown one with 404', async () => {
    const { municipality } = await createMunicipality(env.db, 'Pyhtää');
    const official = await createUser(env.db, 'official', municipality, { language: 'fi' });
    await requestReset(official.email).expect(202);
    await eventually(async () => smtp.received.some((r) => r.to.includes(official.email)));
    const mail = only(smtp.received.find((r) => r.to.includes(official.email))).mail;
    expect(mail.subject).toBe('Vaihda Lavan salasana');
    const token = linkToken(mail, ORIGIN, '/reset-password#token=');
    await env.db.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [official.id]);
    const expired = await env
      .http()
      .post('/api/auth/password-reset/complete')
      .send({ token, password: 'my brand new password' })
      .expect(410);
    expect(expired.body.message).toBe('This link has expired. Ask for a new one.');
    // The token travels only in the body: the old address with the token in its path is gone.
    await env.http().post(`/api/auth/password-reset/${token}`).send({ password: 'my brand new password' }).expect(404);
    await env.http().post('/api/auth/password-reset/complete').send({ password: 'my brand new password' }).expect(400);
    await env
      .http()
      .post('/api/auth/password-reset/complete')
      .send({ token: 'y'.repeat(43), password: 'my brand new password' })
      .expect(404);
  });

  it('sends at most PASSWORD_RESET_MAX_PER_ACCOUNT e-mails per window, answering every request alike', async () => {
    const { municipality } = await createMunicipality(env.db, 'Virolahti');
    const official = await createUser(env.db, 'official', municipality, { language: 'sv' });
    for (let i = 0; i < 4; i++) await requestReset(official.email).expect(202);
    await eventually(async () => smtp.received.filter((r) => r.to.includes(official.email)).length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const mails = smtp.received.filter((r) => r.to.includes(official.email));
    expect(mails).toHaveLength(2);
    expect(only(mails[0]).mail.subject).toBe('Byt lösenord i Lava');
  });
});

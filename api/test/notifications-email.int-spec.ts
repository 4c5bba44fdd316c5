import { CONFIGURABLE_NOTIFICATION_KINDS, DAILY_DIGEST_SCHEDULER, DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '@lava/contracts';
import { Queue } from 'bullmq';
import { NotificationOutbox } from '../src/app/notifications/notification-outbox.service';
import { TEST_REDIS_URL } from './support/databases';
import type { ParsedMail } from 'mailparser';
import { startSmtpServer } from './support/smtp';
import { createMunicipality, createUser } from './support/factories';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

describe('notifications by e-mail (real SMTP server, real worker module)', () => {
  let env: TestEnvironment;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let queue: Queue;

  beforeEach(async () => {
    smtp = await startSmtpServer();
    env = await startTestEnvironment({ MAIL_MODE: 'smtp', SMTP_URL: smtp.url, WEB_ORIGIN: 'https://lava.example' });
    queue = new Queue(QUEUES.notifications, { connection: { url: TEST_REDIS_URL }, prefix: env.config.QUEUE_PREFIX });
  });

  afterEach(async () => {
    await queue?.close();
    await env?.close();
    await smtp?.close();
  });

  async function createAssessment(token: string, committeeId: string, title: string): Promise<string> {
    const response = await env
      .http()
      .post('/api/assessments')
      .set('Authorization', `Bearer ${token}`)
      .send({ title, committeeId })
      .expect(201);
    return response.body.id as string;
  }

  it('mails a new assessment to the municipality’s staff who chose e-mail, each in their own language, and to nobody else', async () => {
    const kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    const official = await createUser(env.db, 'official', kotka.municipality, { language: 'fi' });
    const reviewer = await createUser(env.db, 'reviewer', kotka.municipality, { language: 'sv' });
    const english = await createUser(env.db, 'official', kotka.municipality, { language: 'en' });
    const inAppOnly = await createUser(env.db, 'reviewer', kotka.municipality, { language: 'en' });
    await createUser(env.db, 'youth_council_member', kotka.youthCouncil);
    await createUser(env.db, 'official', kouvola.municipality);
    const deactivated = await createUser(env.db, 'official', kotka.municipality, { active: false });

    const inAppToken = await env.login(inAppOnly.email);
    await env
      .http()
      .put('/api/me/notification-preferences')
      .set('Authorization', `Bearer ${inAppToken}`)
      .send({ items: [{ kind: 'assessment_created', channel: 'in_app' }] })
      .expect(200);

    await env.startWorker();
    await env.startWorker();
    const title = 'Koulukuljetus <b>& "linjat"</b>';
    const assessmentId = await createAssessment(await env.login(official.email), kotka.education.id, title);

    await eventually(async () => smtp.received.length >= 3);
    // Everyone's in-app notification is there, including the one who wanted no e-mail.
    await eventually(async () => {
      const [{ count }] = await env.db.query(
        `SELECT count(*)::int AS count FROM notifications WHERE assessment_id = $1 AND delivered_at IS NOT NULL`,
        [assessmentId],
      );
      return count === 4;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // anything extra would have arrived by now

    const byRecipient = new Map(smtp.received.map((r) => [r.to.join(','), r.mail]));
    const mailTo = (address: string): ParsedMail => {
      const mail = byRecipient.get(address);
      if (!mail) throw new Error(`no mail to ${address}`);
      return mail;
    };
    expect([...byRecipient.keys()].sort()).toEqual([official.email, reviewer.email, english.email].sort());
    expect(smtp.received).toHaveLength(3);
    expect(byRecipient.has(deactivated.email)).toBe(false);

    const fi = mailTo(official.email);
    expect(fi.subject).toBe(`Uusi arviointi: ${title}`);
    expect(fi.text).toContain('Kotka: uusi lapsivaikutusten arviointi');
    expect(fi.text).toContain(`https://lava.example/assessments/${assessmentId}`);
    expect(mailTo(reviewer.email).subject).toBe(`Ny bedömning: ${title}`);
    expect(mailTo(reviewer.email).text).toContain('Kotka sv: en ny bedömning');
    expect(mailTo(english.email).subject).toBe(`New assessment: ${title}`);
    expect(mailTo(english.email).text).toContain('Kotka en: a new child impact assessment');

    // The HTML part escapes what people typed; both parts link to the web app.
    expect(fi.html).toContain('Koulukuljetus &lt;b&gt;&amp; &quot;linjat&quot;&lt;/b&gt;');
    expect(fi.html).not.toContain('<b>&');
    expect(fi.html).toContain(`href="https://lava.example/assessments/${assessmentId}"`);

    // The Message-ID names the row, so copies of one notification are recognisable as one.
    const [row] = await env.db.query(`SELECT id, email_sent_at FROM notifications WHERE recipient_user_id = $1`, [official.id]);
    expect(fi.messageId).toBe(`<notification-${row.id}@lava.example>`);
    expect(row.email_sent_at).not.toBeNull();
  });

  it('does not retry an address the server refuses (550), shows it to admins, and sends it once after an admin retries', async () => {
    const { municipality, education } = await createMunicipality(env.db, 'Hamina');
    const official = await createUser(env.db, 'official', municipality);
    const reviewer = await createUser(env.db, 'reviewer', municipality, { language: 'en' });
    const region = (await env.db.query(`SELECT * FROM organizations WHERE id = $1`, [municipality.parentId]))[0];
    const admin = await createUser(env.db, 'admin', region);
    const otherRegionAdmin = await createUser(env.db, 'admin', (await createMunicipality(env.db, 'Lahti')).municipality);
    smtp.setReject((address) => (address === reviewer.email ? { code: 550, message: 'No such mailbox' } : null));

    await env.startWorker();
    await createAssessment(await env.login(official.email), education.id, 'Leikkipuisto');
    const failedRow = await eventually(async () => {
      const [row] = await env.db.query(`SELECT id, failed_at, last_error FROM notifications WHERE recipient_user_id = $1`, [reviewer.id]);
      return row?.failed_at ? row : null;
    });
    expect(failedRow.last_error).toContain('No such mailbox');
    const job = await queue.getJob(failedRow.id);
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(1);
    // The official's mail goes out beside it, maybe a moment later: wait until the worker has recorded it.
    await eventually(
      async () =>
        (await env.db.query(`SELECT email_sent_at FROM notifications WHERE recipient_user_id = $1`, [official.id]))[0]?.email_sent_at !=
        null,
    );
    expect(smtp.received.map((r) => r.to[0])).toEqual([official.email]);

    const adminToken = await env.login(admin.email);
    const list = await env.http().get('/api/admin/notifications/failed').set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: failedRow.id, recipientEmail: reviewer.email, kind: 'assessment_created' }),
    ]);
    // An admin elsewhere does not see (or retry) it; non-admins may not ask at all.
    const elsewhere = await env.login(otherRegionAdmin.email);
    expect((await env.http().get('/api/admin/notifications/failed').set('Authorization', `Bearer ${elsewhere}`)).body.items).toEqual([]);
    await env.http().post(`/api/admin/notifications/${failedRow.id}/retry`).set('Authorization', `Bearer ${elsewhere}`).expect(404);
    const officialToken = await env.login(official.email);
    await env.http().get('/api/admin/notifications/failed').set('Authorization', `Bearer ${officialToken}`).expect(403);

    // The mailbox exists now; the admin retries.
    smtp.setReject(() => null);
    await env.http().post(`/api/admin/notifications/${failedRow.id}/retry`).set('Authorization', `Bearer ${adminToken}`).expect(204);
    await eventually(
      async () => (await env.db.query(`SELECT email_sent_at FROM notifications WHERE id = $1`, [failedRow.id]))[0]?.email_sent_at != null,
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // a second copy would have arrived by now
    expect(smtp.received.filter((r) => r.to[0] === reviewer.email)).toHaveLength(1);
    const [after] = await env.db.query(`SELECT failed_at, email_sent_at FROM notifications WHERE id = $1`, [failedRow.id]);
    expect(after).toMatchObject({ failed_at: null, email_sent_at: expect.any(Date) });
    expect((await env.http().get('/api/admin/notifications/failed').set('Authorization', `Bearer ${adminToken}`)).body.items).toEqual([]);
  });

  it('retries a temporary refusal (451) with backoff and then delivers exactly once', async () => {
    const { municipality, education } = await createMunicipality(env.db, 'Loviisa');
    const official = await createUser(env.db, 'official', municipality);
    let refusals = 0;
    smtp.setReject(() => (refusals++ < 1 ? { code: 451, message: 'Try again later' } : null));
    await env.startWorker();
    await createAssessment(await env.login(official.email), education.id, 'Uimahalli');
    // The server has the mail a moment before the worker records it sent: wait for the record.
    const sentRow = async () =>
      (
        await env.db.query(`SELECT email_attempts, failed_at, email_sent_at FROM notifications WHERE recipient_user_id = $1`, [official.id])
      )[0];
    await eventually(async () => (await sentRow())?.email_sent_at != null);
    expect(await sentRow()).toMatchObject({ email_attempts: 2, failed_at: null, email_sent_at: expect.any(Date) });
    expect(smtp.received.map((r) => r.to[0])).toEqual([official.email]);
    expect(refusals).toBe(2);
  });

  it('gathers notifications for those who chose the daily digest into one e-mail per run', async () => {
    const { municipality, education } = await createMunicipality(env.db, 'Kerava');
    const official = await createUser(env.db, 'official', municipality, { language: 'sv' });
    const token = await env.login(official.email);
    const saved = await env
      .http()
      .put('/api/me/notification-preferences')
      .set('Authorization', `Bearer ${token}`)
      .send({ items: [{ kind: 'assessment_created', channel: 'digest' }] })
      .expect(200);
    expect(saved.body.items).toContainEqual({ kind: 'assessment_created', channel: 'digest', isDefault: false });
    expect(saved.body.items).toContainEqual({ kind: 'comment_added', channel: 'digest', isDefault: true });

    await env.startWorker();
    // The worker registers the daily run (07:00 Helsinki time unless configured).
    // It registers other schedulers on the same queue too, in no fixed order: look for the digest's by key.
    const digestScheduler = await eventually(async () => {
      const found = await queue.getJobSchedulers();
      return found.find((scheduler) => scheduler.key === DAILY_DIGEST_SCHEDULER) ?? null;
    });
    expect(digestScheduler).toMatchObject({ key: DAILY_DIGEST_SCHEDULER, pattern: '0 7 * * *', tz: 'Europe/Helsinki' });

    await createAssessment(token, education.id, 'Kirjasto');
    const nuorisotalo = await createAssessment(token, education.id, 'Nuorisotalo');
    // A kind whose default is the digest (comments), from another feature's transaction.
    const outbox = env.app.get(NotificationOutbox);
    await outbox.run((_tx, out) =>
      out.notify([
        {
          recipientUserId: official.id,
          kind: 'comment_added',
          assessmentId: nuorisotalo,
          params: { title: 'Nuorisotalo', section: 'childrensViews', author: 'Aino' },
        },
      ]),
    );
    await eventually(async () => {
      const [{ count }] = await env.db.query(
        `SELECT count(*)::int AS count FROM notifications WHERE recipient_user_id = $1 AND delivered_at IS NOT NULL AND channel = 'digest'`,
        [official.id],
      );
      return count === 3;
    });
    expect(smtp.received).toHaveLength(0);

    // The day's run, as the scheduler would start it; and a second run with nothing new.
    await queue.add(JOBS.dailyDigest, {}, DEFAULT_JOB_OPTIONS);
    await eventually(async () => smtp.received.length === 1);
    const [first] = smtp.received;
    const digest = first?.mail;
    expect(digest?.subject).toBe('Lava: 3 nya aviseringar');
    expect(digest?.text).toContain('Kirjasto');
    expect(digest?.text).toContain('Nuorisotalo');
    expect(digest?.text).toContain('Aino kommenterade avsnittet ”Barns och ungas synpunkter” i ”Nuorisotalo”.');
    expect(digest?.text).toContain(`https://lava.example/assessments/${nuorisotalo}#section-childrensViews`);
    await queue.add(JOBS.dailyDigest, {}, DEFAULT_JOB_OPTIONS);
    await eventually(async () => (await queue.getJobCounts('completed')).completed >= 5);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received).toHaveLength(1);
  });

  it('lists preferences with defaults and refuses unknown kinds and channels', async () => {
    const { municipality } = await createMunicipality(env.db, 'Porvoo');
    const token = await env.login((await createUser(env.db, 'official', municipality)).email);
    const shown = await env.http().get('/api/me/notification-preferences').set('Authorization', `Bearer ${token}`).expect(200);
    expect(shown.body.items.map((i: { kind: string }) => i.kind)).toEqual([...CONFIGURABLE_NOTIFICATION_KINDS]);
    expect(shown.body.items).toContainEqual({ kind: 'assessment_created', channel: 'email', isDefault: true });
    expect(shown.body.items).toContainEqual({ kind: 'comment_added', channel: 'digest', isDefault: true });
    expect(shown.body.items.map((i: { kind: string }) => i.kind)).not.toContain('invitation');
    await env
      .http()
      .put('/api/me/notification-preferences')
      .set('Authorization', `Bearer ${token}`)
      .send({ items: [{ kind: 'assessment_created', channel: 'pigeon' }] })
      .expect(400);
    await env
      .http()
      .put('/api/me/notification-preferences')
      .set('Authorization', `Bearer ${token}`)
      .send({ items: [{ kind: 'no_such_kind', channel: 'email' }] })
      .expect(400);
  });
});

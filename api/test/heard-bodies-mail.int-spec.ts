import { QUEUES } from '@lava/contracts';
import { Queue } from 'bullmq';
import type { User } from '../src/app/users/user.entity';
import { TEST_REDIS_URL } from './support/databases';
import { Organization } from '../src/app/organizations/organization.entity';
import { createUser, SIGNING_ACTIONS } from './support/factories';
import { startSmtpServer } from './support/smtp';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Issue 13 with the real worker and an SMTP server: a body's e-mail-only contact is e-mailed the
 * request with a one-time link (made at send time, in the contact's language), reminded with a new
 * link (the earlier one stops working), and no longer reminded once the statement is sent.
 */
describe('e-mail-only contacts: the request, reminders and the link (real worker, SMTP)', () => {
  let env: TestEnvironment;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let official: User;
  let token: string;
  let ngoId: string;
  let board: Organization;
  const CONTACT = 'kontakt@ngo.example';

  beforeAll(async () => {
    smtp = await startSmtpServer();
    env = await startTestEnvironment({ MAIL_MODE: 'smtp', SMTP_URL: smtp.url, WEB_ORIGIN: 'https://lava.example' });
    const orgs = env.db.getRepository(Organization);
    const region = await orgs.save(
      orgs.create({ kind: 'region', parentId: null, nameFi: 'Kymenlaakso', nameSv: 'Kymmenedalen', nameEn: 'Kymenlaakso' }),
    );
    const county = await orgs.save(
      orgs.create({
        kind: 'wellbeing_county',
        parentId: region.id,
        nameFi: 'Hyvinvointialue',
        nameSv: 'Välfärdsområdet',
        nameEn: 'County',
      }),
    );
    board = await orgs.save(
      orgs.create({ kind: 'committee', parentId: county.id, nameFi: 'Aluehallitus', nameSv: 'Områdesstyrelsen', nameEn: 'Board' }),
    );
    [{ id: ngoId }] = await env.db.query(
      `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en, body_type)
       VALUES ('heard_body', $1, 'Rädda Barnen Kymi', 'Rädda Barnen Kymmene', 'Save the Children Kymi', 'ngo') RETURNING id`,
      [county.id],
    );
    await env.db.query(`INSERT INTO body_contacts (organization_id, name, email, language) VALUES ($1, 'Kim', $2, 'sv')`, [ngoId, CONTACT]);
    official = await createUser(env.db, 'official', county);
    token = await env.login(official.email);
    await env.startWorker();
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  const as = () => ({ Authorization: `Bearer ${token}` });
  const version = async (id: string) => (await env.db.query(`SELECT version FROM assessments WHERE id = $1`, [id]))[0].version as number;
  const move = async (id: string, action: string) =>
    env
      .http()
      .post(`/api/assessments/${id}/transitions`)
      .set(as())
      .send({ version: await version(id), action, ...(SIGNING_ACTIONS.includes(action) ? { signatureConfirmed: true } : {}) })
      .expect(200);
  const linkOf = (text: string) => /https:\/\/lava\.example\/statement-link\?lang=sv#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

  it('e-mails the link, reminds with a new one, and stops once the statement is sent', async () => {
    const id = (
      await env.http().post('/api/assessments').set(as()).send({ title: 'Barnrådgivningens tider', committeeId: board.id }).expect(201)
    ).body.id as string;
    await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(as())
      .send({ version: 1, screening: { affectsChildren: true, rationale: 'Barn.' } })
      .expect(200);
    await move(id, 'start_full_assessment');
    await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(as())
      .send({ version: await version(id), plainLanguageSummary: 'Tiderna ändras.' })
      .expect(200);
    const deadline = new Date(Date.now() + 10 * 24 * 3600 * 1000);
    const consultationId = (
      await env
        .http()
        .post(`/api/assessments/${id}/consultations`)
        .set(as())
        .send({ youthCouncilId: ngoId, deadline: deadline.toISOString() })
        .expect(201)
    ).body.id as string;
    await move(id, 'open_consultation');

    // The request, in Swedish, with the link (the token only in the e-mail; the row keeps its hash).
    // Generous waits: the worker delivers in well under a second on a quiet machine, tens of seconds at load 25 on 2 cores.
    await eventually(async () => smtp.to(CONTACT).length === 1, 60_000);
    const opened = smtp.to(CONTACT)[0]?.mail;
    expect(opened?.subject).toBe('Begäran om utlåtande: Barnrådgivningens tider');
    const first = linkOf(opened?.text ?? '');
    expect(first).toBeDefined();
    const [row] = await env.db.query(`SELECT token_hash, expires_at FROM consultation_links WHERE consultation_id = $1`, [consultationId]);
    expect(row.token_hash).not.toBe(first);
    expect(new Date(row.expires_at).getTime()).toBe(deadline.getTime());
    await env.http().post('/api/statement-links/open').send({ token: first }).expect(200);
    await env
      .http()
      .put('/api/statement-links/draft')
      .send({ token: first, points: ['Öppet på kvällarna.'] })
      .expect(200);

    // The 7-day reminder fires now: a new link, the draft still there, the first link no longer works.
    const [reminder] = await env.db.query(
      `SELECT id FROM scheduled_events WHERE subject_id = $1 AND kind = 'consultation_deadline_reminder' AND params->>'daysLeft' = '7'`,
      [consultationId],
    );
    // Its delayed job waits three days: due now, and promoted.
    await env.db.query(`UPDATE scheduled_events SET due_at = clock_timestamp() WHERE id = $1`, [reminder.id]);
    const queue = new Queue(QUEUES.notifications, { connection: { url: TEST_REDIS_URL }, prefix: env.config.QUEUE_PREFIX });
    const job = await eventually(async () => queue.getJob(reminder.id));
    await job.promote();
    await queue.close();
    await eventually(async () => smtp.to(CONTACT).length === 2, 60_000);
    const reminded = smtp.to(CONTACT)[1]?.mail;
    expect(reminded?.subject).toBe('Påminnelse: utlåtandet ska in om 7 dagar – Barnrådgivningens tider');
    const second = linkOf(reminded?.text ?? '');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    await env.http().post('/api/statement-links/open').send({ token: first }).expect(404);
    expect((await env.http().post('/api/statement-links/open').send({ token: second }).expect(200)).body.points).toEqual([
      'Öppet på kvällarna.',
    ]);

    // Sent: the official is told, and the 2-day reminder no longer reaches the contact (it is cancelled).
    await env
      .http()
      .post('/api/statement-links/submit')
      .send({ token: second, points: ['Öppet på kvällarna.'] })
      .expect(200);
    const pending = await env.db.query(`SELECT kind FROM scheduled_events WHERE subject_id = $1 AND status = 'pending'`, [consultationId]);
    expect(pending).toEqual([]);
    await eventually(async () => smtp.to(official.email).some((m) => /Lausunto saapui|statement/i.test(m.mail.subject ?? '')), 30_000);
    expect(smtp.to(CONTACT)).toHaveLength(2);
  });
});

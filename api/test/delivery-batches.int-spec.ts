import { NotificationOutbox } from '../src/app/notifications/notification-outbox.service';
import { DeliveryBatches } from '../src/worker/delivery-batches';
import { createMunicipality, createUser } from './support/factories';
import { startSmtpServer } from './support/smtp';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

/** The worker delivers the jobs it has in flight together (delivery-batches.ts); each row still gets its own outcome. */
describe('notification delivery in batches (real SMTP server, real worker module)', () => {
  let env: TestEnvironment;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeEach(async () => {
    smtp = await startSmtpServer();
    env = await startTestEnvironment({ MAIL_MODE: 'smtp', SMTP_URL: smtp.url, WEB_ORIGIN: 'https://lava.example' });
  });

  afterEach(async () => {
    await env?.close();
    await smtp?.close();
  });

  it('mails each of many notifications queued at once exactly once; a refused address fails alone; in-app ones are not mailed', async () => {
    const { municipality } = await createMunicipality(env.db, 'Kotka');
    const people = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createUser(env.db, 'official', municipality, { language: (['fi', 'sv', 'en'] as const)[i % 3] }),
      ),
    );
    const [refused, inAppOnly, deactivated] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    await env.db.query(`UPDATE users SET active = false WHERE id = $1`, [deactivated.id]);
    await env.db.query(`INSERT INTO notification_preferences (user_id, kind, channel) VALUES ($1, 'assessment_created', 'in_app')`, [
      inAppOnly.id,
    ]);
    smtp.setReject((address) => (address === refused.email ? { code: 550, message: 'No such mailbox' } : null));

    // Two workers, so the batches of both race for the same queue; 36 rows, three to each person.
    await env.startWorker();
    await env.startWorker();
    await env.app.get(NotificationOutbox).run((_tx, out) =>
      out.notify(
        people.flatMap((person) =>
          [1, 2, 3].map((n) => ({
            recipientUserId: person.id,
            kind: 'assessment_created' as const,
            assessmentId: null,
            params: {
              title: `Koulu ${n}`,
              municipality: 'Kotka',
              municipality_fi: 'Kotka',
              municipality_sv: 'Kotka',
              municipality_en: 'Kotka',
            },
          })),
        ),
      ),
    );

    await eventually(async () => {
      const [{ count }] = await env.db.query(
        `SELECT count(*)::int AS count FROM notifications WHERE email_sent_at IS NOT NULL OR failed_at IS NOT NULL OR channel = 'in_app'`,
      );
      return count === 36;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // anything extra would have arrived by now

    const rows: {
      recipient_user_id: string;
      channel: string;
      delivered_at: Date | null;
      email_sent_at: Date | null;
      failed_at: Date | null;
      email_attempts: number;
    }[] = await env.db.query(
      `SELECT recipient_user_id, channel, delivered_at, email_sent_at, failed_at, email_attempts FROM notifications`,
    );
    expect(rows.every((row) => row.delivered_at !== null)).toBe(true);
    const mailed = people.filter((person) => ![refused, inAppOnly, deactivated].includes(person));
    const messageIds = smtp.received.map((r) => r.mail.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    expect(smtp.received.map((r) => r.to.join(',')).sort()).toEqual(mailed.flatMap((p) => [p.email, p.email, p.email]).sort());
    for (const row of rows) {
      if (row.recipient_user_id === refused.id) expect(row).toMatchObject({ channel: 'email', email_sent_at: null, email_attempts: 1 });
      else if (row.recipient_user_id === inAppOnly.id || row.recipient_user_id === deactivated.id) {
        expect(row).toMatchObject({ channel: 'in_app', email_sent_at: null, email_attempts: 0 });
      } else expect(row).toMatchObject({ channel: 'email', failed_at: null, email_attempts: 1 });
    }
    expect(rows.filter((row) => row.failed_at !== null)).toHaveLength(3);
  });

  it('delivers a row asked for twice at once only once: the second goes one by one and finds it sent', async () => {
    const { municipality } = await createMunicipality(env.db, 'Hamina');
    const official = await createUser(env.db, 'official', municipality);
    const [row] = await env.db.query(
      `INSERT INTO notifications (recipient_user_id, kind, params, enqueued_at) VALUES ($1, 'assessment_created', '{"title":"Kirjasto","municipality":"Hamina","municipality_fi":"Hamina","municipality_sv":"Fredrikshamn","municipality_en":"Hamina"}', now()) RETURNING id`,
      [official.id],
    );
    // Marked queued so the outbox relay leaves it alone: the test asks the worker's batches directly, as two jobs for one row would.
    const batches = (await env.startWorker()).get(DeliveryBatches);
    const outcomes = await Promise.all([batches.deliver(row.id), batches.deliver(row.id)]);
    expect(outcomes.sort()).toEqual(['already-delivered', 'emailed']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to(official.email)).toHaveLength(1);
    const [after] = await env.db.query(`SELECT email_attempts, email_sent_at FROM notifications WHERE id = $1`, [row.id]);
    expect(after.email_attempts).toBe(1);
    expect(after.email_sent_at).not.toBeNull();
  });
});

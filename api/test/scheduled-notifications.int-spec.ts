import { QUEUES } from '@lava/contracts';
import { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { NotificationOutbox, OutboxBatch } from '../src/app/notifications/notification-outbox.service';
import { ConsultationDeadlines } from '../src/app/scheduling/consultation-deadlines.service';
import { FollowUpSchedule } from '../src/app/scheduling/follow-up-schedule';
import type { TransitionContext } from '../src/app/assessments/assessment-extensions';
import type { User } from '../src/app/users/user.entity';
import { TEST_REDIS_URL } from './support/databases';
import { createMunicipality, createUser, type TestMunicipality } from './support/factories';
import { startSmtpServer } from './support/smtp';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

const DAY = 24 * 3600 * 1000;

function firstOf<T>(list: readonly T[]): T {
  const item = list[0];
  if (item === undefined) throw new Error('expected at least one');
  return item;
}

/**
 * Scheduled notifications (consultation reminders, the overdue escalation, follow-up due) through
 * the real API module, worker module, BullMQ delayed jobs and SMTP server. Due times are made testable
 * by moving a row's due_at a few hundred milliseconds ahead before it is published: the delay of the
 * BullMQ job comes from the row.
 */
describe('scheduled notifications (real worker, BullMQ delayed jobs, SMTP)', () => {
  let env: TestEnvironment;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let queue: Queue;
  let deadlines: ConsultationDeadlines;

  let kotka: TestMunicipality;
  let official: User;
  let members: { fi: User; sv: User; en: User };
  let inactiveMember: User;
  let reviewer: User;
  let otherCouncilMember: User;

  beforeEach(async () => {
    smtp = await startSmtpServer();
    env = await startTestEnvironment({ MAIL_MODE: 'smtp', SMTP_URL: smtp.url, WEB_ORIGIN: 'https://lava.example' });
    queue = new Queue(QUEUES.notifications, { connection: { url: TEST_REDIS_URL }, prefix: env.config.QUEUE_PREFIX });
    deadlines = env.app.get(ConsultationDeadlines);

    kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    official = await createUser(env.db, 'official', kotka.municipality, { language: 'fi' });
    reviewer = await createUser(env.db, 'reviewer', kotka.municipality, { language: 'fi' });
    members = {
      fi: await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { language: 'fi' }),
      sv: await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { language: 'sv' }),
      en: await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { language: 'en' }),
    };
    inactiveMember = await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { active: false });
    otherCouncilMember = await createUser(env.db, 'youth_council_member', kouvola.youthCouncil);
  });

  afterEach(async () => {
    await queue?.close();
    await env?.close();
    await smtp?.close();
  });

  async function insertAssessment(title: string, stage: string, followUpDate: string | null = null): Promise<string> {
    const [row] = await env.db.query(
      `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, follow_up_date)
       VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id`,
      [title, stage, kotka.municipality.id, kotka.education.id, official.id, followUpDate],
    );
    return row.id as string;
  }

  async function insertConsultation(assessmentId: string, deadline: Date): Promise<string> {
    const [row] = await env.db.query(
      `INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, status, opened_at)
       VALUES ($1, $2, 1, $3, 'drafting', now()) RETURNING id`,
      [assessmentId, kotka.youthCouncil.id, deadline],
    );
    return row.id as string;
  }

  /** A transaction with the `out` of a unit of work, whose ids the test publishes itself (after moving due times). */
  function inTransaction<T>(work: (tx: EntityManager, out: OutboxBatch) => Promise<T>): Promise<T> {
    return env.db.transaction((tx) => work(tx, new OutboxBatch(tx)));
  }

  const publish = (ids: readonly string[]): Promise<void> => env.app.get(NotificationOutbox).publish(ids);

  /** Moves pending events' due times a little ahead (in the given order, `stepMs` apart), so they fire during the test. */
  async function dueSoon(ids: string[], firstMs = 300, stepMs = 200): Promise<void> {
    for (const [i, id] of ids.entries()) {
      await env.db.query(`UPDATE scheduled_events SET due_at = clock_timestamp() + make_interval(secs => $2 / 1000.0) WHERE id = $1`, [
        id,
        firstMs + i * stepMs,
      ]);
    }
  }

  async function events(
    subjectId: string,
  ): Promise<{ id: string; kind: string; status: string; due_at: Date; params: Record<string, string> }[]> {
    return env.db.query(`SELECT id, kind, status, due_at, params FROM scheduled_events WHERE subject_id = $1 ORDER BY due_at, id`, [
      subjectId,
    ]);
  }

  async function settled(ids: string[]): Promise<void> {
    await eventually(async () => {
      const [{ count }] = await env.db.query(
        `SELECT count(*)::int AS count FROM scheduled_events WHERE id = ANY($1) AND status = 'pending'`,
        [ids],
      );
      return count === 0;
    });
  }

  /** Waits until every e-mail of these events' notifications has been sent, then a little longer for anything extra. */
  async function mailsSettled(): Promise<void> {
    await eventually(async () => {
      const [{ count }] = await env.db.query(
        `SELECT count(*)::int AS count FROM notifications WHERE channel IS NULL OR (channel = 'email' AND email_sent_at IS NULL AND failed_at IS NULL)`,
      );
      return count === 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
  }

  const recipients = (): string[] => smtp.received.flatMap((r) => r.to).sort();

  it('reminds each council member in their own language, escalates to the official at the deadline, and mails nobody else', async () => {
    const title = 'Nuorisotilan aukioloajat <b>2027</b>';
    const assessmentId = await insertAssessment(title, 'consultation');
    const deadline = new Date(Date.now() + 10 * DAY);
    deadline.setUTCMilliseconds(0);
    const consultationId = await insertConsultation(assessmentId, deadline);

    const now = new Date();
    const ids = await inTransaction((_tx, out) => deadlines.schedule(out, consultationId, deadline, now));
    const rows = await events(consultationId);
    expect(ids.sort()).toEqual(rows.map((r) => r.id).sort());
    expect(rows.map((r) => [r.kind, r.params['daysLeft'] ?? null, r.due_at.getTime()])).toEqual([
      ['consultation_deadline_reminder', '7', deadline.getTime() - 7 * DAY],
      ['consultation_deadline_reminder', '2', deadline.getTime() - 2 * DAY],
      ['consultation_overdue', null, deadline.getTime()],
    ]);

    // (Due times are moved before a worker runs: its relay would otherwise queue the rows with their real delay.)
    await dueSoon(rows.map((r) => r.id));
    await env.startWorker();
    await publish(ids);
    await settled(ids);
    await mailsSettled();

    // 2 reminders × 3 active members, and 1 escalation to the official: no reviewer, no other council, no inactive member.
    expect(smtp.received).toHaveLength(7);
    expect(recipients()).toEqual(
      [members.fi.email, members.fi.email, members.sv.email, members.sv.email, members.en.email, members.en.email, official.email].sort(),
    );
    for (const absent of [reviewer, inactiveMember, otherCouncilMember]) expect(smtp.to(absent.email)).toHaveLength(0);

    const subjects = (user: User): string[] =>
      smtp
        .to(user.email)
        .map((r) => r.mail.subject ?? '')
        .sort();
    expect(subjects(members.fi)).toEqual([
      `Muistutus: lausunto 2 päivän päästä – ${title}`,
      `Muistutus: lausunto 7 päivän päästä – ${title}`,
    ]);
    expect(subjects(members.sv)).toEqual([
      `Påminnelse: utlåtandet ska in om 2 dagar – ${title}`,
      `Påminnelse: utlåtandet ska in om 7 dagar – ${title}`,
    ]);
    expect(subjects(members.en)).toEqual([`Reminder: statement due in 2 days – ${title}`, `Reminder: statement due in 7 days – ${title}`]);
    expect(subjects(official)).toEqual([`Lausunto myöhässä: ${title}`]);

    // The council's name in the reader's language, the deadline in Finnish time, a link to the council's page for the request.
    const svMail = firstOf(smtp.to(members.sv.email)).mail;
    expect(svMail.text).toContain('Ungdomsfullmäktige: utlåtandet om');
    const helsinki = new Intl.DateTimeFormat('sv-FI', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(
      deadline,
    );
    expect(svMail.text).toContain(`senast ${helsinki}`);
    expect(svMail.text).toContain(`https://lava.example/consultations/${consultationId}`);
    expect(svMail.html).toContain('&lt;b&gt;2027&lt;/b&gt;');
    const officialMail = firstOf(smtp.to(official.email)).mail;
    expect(officialMail.text).toContain('Nuorisovaltuusto ei ole lähettänyt lausuntoa');

    expect((await events(consultationId)).map((r) => r.status)).toEqual(['fired', 'fired', 'fired']);
    // In-app too: the bell shows the reminder to the member.
    const token = await env.login(members.en.email);
    const page = await env.http().get('/api/notifications').set('Authorization', `Bearer ${token}`).expect(200);
    expect(page.body.items.map((n: { kind: string }) => n.kind)).toEqual([
      'consultation_deadline_reminder',
      'consultation_deadline_reminder',
    ]);
    expect(page.body.items[0].params).toMatchObject({ council_en: 'Youth Council', deadline: deadline.toISOString() });
  });

  it('skips reminders already in the past, and never mails a moved deadline’s old reminder', async () => {
    const assessmentId = await insertAssessment('Koulureitit', 'consultation');
    const first = new Date(Date.now() + 5 * DAY);
    const consultationId = await insertConsultation(assessmentId, first);

    // 5 days ahead: the 7-day reminder is already in the past.
    const firstIds = await inTransaction((_tx, out) => deadlines.schedule(out, consultationId, first));
    const old = await events(consultationId);
    expect(old.map((r) => [r.kind, r.params['daysLeft'] ?? null])).toEqual([
      ['consultation_deadline_reminder', '2'],
      ['consultation_overdue', null],
    ]);
    const oldReminder = firstOf(old);
    // The old reminder would fire in 1.5 s… (queued as a delayed job; the worker starts only once the
    // deadline has moved: a worker started now could take longer than 1.5 s on a loaded machine and fire
    // it first, and its outbox relay could queue the moved schedule's rows with their real delay before
    // they are moved ahead below.)
    await dueSoon([oldReminder.id], 1500);
    await publish(firstIds);
    await eventually(async () => (await queue.getJob(oldReminder.id)) ?? null);

    // …but the deadline moves first (the consultation's row and the schedule in one transaction).
    const moved = new Date(first.getTime() + 3 * DAY);
    const movedIds = await inTransaction(async (tx, out) => {
      await tx.query(`UPDATE consultations SET deadline = $2 WHERE id = $1`, [consultationId, moved]);
      return deadlines.schedule(out, consultationId, moved);
    });
    expect(movedIds).toEqual(expect.arrayContaining(firstIds));
    const now = await events(consultationId);
    const pending = now.filter((r) => r.status === 'pending');
    expect(pending.map((r) => [r.kind, r.params['daysLeft'] ?? null])).toEqual([
      ['consultation_deadline_reminder', '7'],
      ['consultation_deadline_reminder', '2'],
      ['consultation_overdue', null],
    ]);
    expect(now.filter((r) => firstIds.includes(r.id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    const newReminder = firstOf(pending);
    await dueSoon([newReminder.id], 300);
    await publish(movedIds);
    // Publishing a cancelled row removes its delayed job.
    expect(await queue.getJob(oldReminder.id)).toBeUndefined();

    await env.startWorker();
    await settled([newReminder.id]);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // past the old reminder's due time
    await mailsSettled();
    expect(smtp.received).toHaveLength(3);
    for (const member of [members.fi, members.sv, members.en]) {
      const mails = smtp.to(member.email);
      expect(mails).toHaveLength(1);
    }
    const helsinki = new Intl.DateTimeFormat('fi-FI', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(moved);
    expect(firstOf(smtp.to(members.fi.email)).mail.text).toContain(`7 päivän kuluessa, viimeistään ${helsinki}`);
  });

  it('re-checks at fire time: no reminder for a submitted statement, a deadline moved without rescheduling, or a withdrawn request', async () => {
    const assessmentId = await insertAssessment('Liikuntapaikat', 'consultation');
    const deadline = new Date(Date.now() + 10 * DAY);
    const submitted = await insertConsultation(assessmentId, deadline);
    const otherCouncil = (
      await env.db.query(`SELECT id FROM organizations WHERE kind = 'youth_council' AND id <> $1`, [kotka.youthCouncil.id])
    )[0].id as string;
    const [movedRow] = await env.db.query(
      `INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, status, opened_at) VALUES ($1, $2, 1, $3, 'not_started', now()) RETURNING id`,
      [assessmentId, otherCouncil, deadline],
    );
    const movedQuietly = movedRow.id as string;
    const assessmentId2 = await insertAssessment('Kirjasto', 'consultation');
    const withdrawn = await insertConsultation(assessmentId2, deadline);

    const ids = await inTransaction(async (_tx, out) => [
      ...(await deadlines.schedule(out, submitted, deadline)),
      ...(await deadlines.schedule(out, movedQuietly, deadline)),
      ...(await deadlines.schedule(out, withdrawn, deadline)),
    ]);
    // Things change after scheduling, and nobody cancels the rows (the late-cancel case).
    await env.db.query(`UPDATE consultations SET status = 'submitted' WHERE id = $1`, [submitted]);
    await env.db.query(`UPDATE consultations SET deadline = deadline + interval '1 day' WHERE id = $1`, [movedQuietly]);
    await env.db.query(`UPDATE consultations SET status = 'withdrawn' WHERE id = $1`, [withdrawn]);

    await dueSoon(ids, 300, 50);
    await env.startWorker();
    await publish(ids);
    await settled(ids);
    await new Promise((resolve) => setTimeout(resolve, 800));

    expect(smtp.received).toHaveLength(0);
    const [{ count }] = await env.db.query(`SELECT count(*)::int AS count FROM notifications`);
    expect(count).toBe(0);
    const statuses: { status: string; notification_count: number }[] = await env.db.query(
      `SELECT status, notification_count FROM scheduled_events WHERE id = ANY($1)`,
      [ids],
    );
    expect(statuses).toHaveLength(9);
    expect(statuses.every((s) => s.status === 'cancelled' && s.notification_count === 0)).toBe(true);
  });

  it('cancel() calls the reminders off and removes their delayed jobs', async () => {
    const assessmentId = await insertAssessment('Uimahalli', 'consultation');
    const deadline = new Date(Date.now() + 10 * DAY);
    const consultationId = await insertConsultation(assessmentId, deadline);
    const ids = await inTransaction((_tx, out) => deadlines.schedule(out, consultationId, deadline));
    await publish(ids);
    for (const id of ids) expect(await (await queue.getJob(id))?.getState()).toBe('delayed');

    const cancelled = await inTransaction(async (tx, out) => {
      await tx.query(`UPDATE consultations SET status = 'submitted' WHERE id = $1`, [consultationId]);
      return deadlines.cancel(out, consultationId);
    });
    expect(cancelled.sort()).toEqual([...ids].sort());
    await publish(cancelled);
    for (const id of ids) expect(await queue.getJob(id)).toBeUndefined();
    expect((await events(consultationId)).map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('a row committed but never queued (crash before publish) is picked up by the relay and fires once', async () => {
    const assessmentId = await insertAssessment('Skeittipuisto', 'consultation');
    const deadline = new Date(Date.now() + 10 * DAY);
    const consultationId = await insertConsultation(assessmentId, deadline);
    const ids = await inTransaction((_tx, out) => deadlines.schedule(out, consultationId, deadline));
    const reminder7 = firstOf(await events(consultationId));
    await dueSoon([reminder7.id], 300);
    // No publish: the process "died" after commit.
    expect(await queue.getJob(reminder7.id)).toBeUndefined();

    await env.startWorker();
    await env.startWorker(); // two relays and two consumers: still one reminder each
    await settled([reminder7.id]);
    await mailsSettled();
    const [row] = await env.db.query(`SELECT enqueued_at, status, notification_count FROM scheduled_events WHERE id = $1`, [reminder7.id]);
    expect(row).toMatchObject({ status: 'fired', notification_count: 3 });
    expect(row.enqueued_at).not.toBeNull();
    expect(recipients()).toEqual([members.fi.email, members.sv.email, members.en.email].sort());
    // The later ones were queued by the relay too, as delayed jobs.
    for (const id of ids.filter((id) => id !== reminder7.id)) expect(await (await queue.getJob(id))?.getState()).toBe('delayed');
  });

  it('schedules follow-up due at 08:00 Finnish time when decided, and tells only the responsible official if it is still decided', async () => {
    const schedule = env.app.get(FollowUpSchedule);
    const decided = await insertAssessment('Varhaiskasvatuksen ryhmäkoot', 'decided', '2027-06-15');
    const movedOn = await insertAssessment('Koulukuljetukset', 'decided', '2027-09-01');
    const context = (id: string, followUpDate: string, to: TransitionContext['to'] = 'decided') =>
      ({ assessment: { id, followUpDate }, to }) as unknown as TransitionContext;

    const ids = await inTransaction(async (tx, out) => {
      await schedule.afterTransition({ ...context(decided, '2027-06-15'), tx, out });
      await schedule.afterTransition({ ...context(movedOn, '2027-09-01'), tx, out });
      await schedule.afterTransition({ ...context(movedOn, '2027-09-01', 'decision'), tx, out });
      return [...out.collected().scheduledEventIds];
    });
    expect(ids).toHaveLength(2);
    const row = firstOf(await events(decided));
    // 08:00 in Helsinki on 15 June 2027 (summer time, UTC+3).
    expect(row.due_at.toISOString()).toBe('2027-06-15T05:00:00.000Z');
    expect(row.kind).toBe('follow_up_due');

    await env.db.query(`UPDATE assessments SET stage = 'follow_up' WHERE id = $1`, [movedOn]);
    await dueSoon(ids, 300, 50);
    await env.startWorker();
    await publish(ids);
    await settled(ids);
    await mailsSettled();

    expect(recipients()).toEqual([official.email]);
    const mail = firstOf(smtp.received).mail;
    expect(mail.subject).toBe('Seurannan aika: Varhaiskasvatuksen ryhmäkoot');
    expect(mail.text).toContain('seurantapäivä on 15. kesäkuuta 2027');
    expect(mail.text).toContain(`https://lava.example/assessments/${decided}#section-followUp`);
    const statuses = Object.fromEntries(
      (await env.db.query(`SELECT subject_id, status FROM scheduled_events WHERE id = ANY($1)`, [ids])).map(
        (r: { subject_id: string; status: string }) => [r.subject_id, r.status],
      ),
    );
    expect(statuses).toEqual({ [decided]: 'fired', [movedOn]: 'cancelled' });
  });
  it('closes a children’s survey at its closing time and tells its author and the responsible official how many answered', async () => {
    const assessmentId = await insertAssessment('Nuorisotilan aukioloajat', 'draft');
    const author = await createUser(env.db, 'official', kotka.municipality, { language: 'sv' });
    const closesAt = new Date(Date.now() + 3_600_000);
    const [survey] = await env.db.query(
      `INSERT INTO surveys (assessment_id, created_by_id, languages, title, intro, questions, opens_at, closes_at)
       VALUES ($1, $2, '{fi,sv}', $3, '{"fi":"","sv":""}', '[{"id":"q1"}]', now() - interval '1 day', $4) RETURNING id`,
      [assessmentId, author.id, JSON.stringify({ fi: 'Millainen nuorisotila?', sv: 'Hurdan ungdomsgård?' }), closesAt],
    );
    for (let i = 0; i < 3; i++)
      await env.db.query(`INSERT INTO survey_answers (id, survey_id, language) VALUES (gen_random_uuid(), $1, 'fi')`, [survey.id]);
    const ids = await inTransaction(async (_tx, out) => {
      await out.schedule([{ kind: 'survey_close', subjectId: survey.id, dueAt: closesAt, params: { closesAt: closesAt.toISOString() } }]);
      return [...out.collected().scheduledEventIds];
    });
    // The closing time the event carries is still the survey's, so it fires (moved due time only, as in the other cases).
    await dueSoon(ids, 300);
    await env.startWorker();
    await publish(ids);
    await settled(ids);
    await mailsSettled();

    const [closed] = await env.db.query(`SELECT closed_at FROM surveys WHERE id = $1`, [survey.id]);
    expect(closed.closed_at).not.toBeNull();
    expect(recipients()).toEqual([author.email, official.email].sort());
    const toAuthor = smtp.received.find((r) => r.to.includes(author.email))?.mail;
    expect(toAuthor?.subject).toBe('Barnenkäten har stängts: Nuorisotilan aukioloajat');
    expect(toAuthor?.text).toContain('Barnenkäten ”Hurdan ungdomsgård?” (bedömningen ”Nuorisotilan aukioloajat”) har stängts med 3 svar.');
    expect(toAuthor?.text).toContain(`https://lava.example/assessments/${assessmentId}/surveys/${survey.id}`);
    const toOfficial = smtp.received.find((r) => r.to.includes(official.email))?.mail;
    expect(toOfficial?.text).toContain('Lasten kysely ”Millainen nuorisotila?”');
    const [event] = await env.db.query(`SELECT status, notification_count FROM scheduled_events WHERE id = $1`, [ids[0]]);
    expect(event).toEqual({ status: 'fired', notification_count: 2 });
  });
});

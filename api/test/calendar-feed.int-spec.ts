import { createHash } from 'node:crypto';
import ical, { type CalendarResponse, type VEvent } from 'node-ical';
import { REVIEW_CHECKLIST_ITEMS } from '@lava/workflow';
import type { User } from '../src/app/users/user.entity';
import { createMunicipality, createUser, makeReviewReady } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Personal calendar feeds through the real API and PostgreSQL, read back with a kept ICS parser
 * (node-ical): each person's own dates only, in their language and in Europe/Helsinki time; the
 * secret address kept as a hash, replaced and revoked at once.
 */
describe('personal calendar feeds (ICS)', () => {
  let env: TestEnvironment;
  let tokens: Record<'official' | 'reviewer' | 'chair' | 'aino' | 'kouvolaOfficial', string>;
  let users: Record<keyof typeof tokens, User>;
  let committeeId: string;
  let councilId: string;
  /** The assessment in consultation: its meeting, and the council's deadline (16:00 Helsinki in ten days' time). */
  let open: { id: string; consultationId: string; deadline: Date; meeting: string };
  /** The decided one: its decision meeting and follow-up date. */
  let decided: { id: string; decisionMeeting: string; followUp: string; indicatorDue: string };

  const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    env = await startTestEnvironment({ WEB_ORIGIN: 'https://lava.kotka.example' });
    const kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    committeeId = kotka.education.id;
    councilId = kotka.youthCouncil.id;
    users = {
      official: await createUser(env.db, 'official', kotka.municipality, { displayName: 'Anna Virtanen', language: 'sv' }),
      reviewer: await createUser(env.db, 'reviewer', kotka.municipality, { language: 'en' }),
      chair: await createUser(env.db, 'committee_chair', kotka.education, { language: 'en' }),
      aino: await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { displayName: 'Aino Aalto', language: 'fi' }),
      kouvolaOfficial: await createUser(env.db, 'official', kouvola.municipality),
    };
    tokens = Object.fromEntries(
      await Promise.all(Object.entries(users).map(async ([key, user]) => [key, await env.login(user.email)])),
    ) as typeof tokens;

    // One assessment asks the council for a statement; another is decided with a follow-up.
    const meeting = dateIn(30);
    const a = await draft('Skeittipuisto Karhulaan', meeting);
    const deadline = helsinki(dateIn(10), '16:00');
    const consultationId = (
      await env
        .http()
        .post(`/api/assessments/${a}/consultations`)
        .set(as('official'))
        .send({ youthCouncilId: councilId, deadline: deadline.toISOString() })
        .expect(201)
    ).body.id as string;
    expect((await move('official', a, { action: 'open_consultation' })).status).toBe(200);
    open = { id: a, consultationId, deadline, meeting };

    const b = await draft('Koulukuljetukset 2027', dateIn(3));
    await env.db.query(
      `INSERT INTO follow_up_indicators (assessment_id, id, position, indicator, due_date) VALUES ($1, gen_random_uuid(), 0, $2, $3)`,
      [b, 'Koulumatkan kesto', dateIn(200)],
    );
    await makeReviewReady(env.db, b);
    expect((await move('official', b, { action: 'send_to_review_without_consultation', reason: 'Kuultu koulukyselyssä.' })).status).toBe(
      200,
    );
    await env.http().post(`/api/assessments/${b}/reviewers`).set(as('official')).send({ userId: users.reviewer.id }).expect(201);
    for (const item of REVIEW_CHECKLIST_ITEMS) {
      const round = (await env.http().get(`/api/assessments/${b}/review`).set(as('reviewer')).expect(200)).body.rounds[0];
      await env
        .http()
        .put(`/api/assessments/${b}/review/checklist/${item}`)
        .set(as('reviewer'))
        .send({ done: true, version: round.version })
        .expect(200);
    }
    expect((await move('reviewer', b, { action: 'approve_review' })).status).toBe(200);
    const decisionMeeting = dateIn(-1);
    const followUp = dateIn(365);
    const recorded = await move('chair', b, {
      action: 'record_decision',
      decision: {
        outcome: 'approved',
        meetingDate: decisionMeeting,
        minutesSection: '§ 12',
        decisionText: 'Hyväksyttiin.',
        followUpDate: followUp,
      },
    });
    expect(recorded.status).toBe(200);
    decided = { id: b, decisionMeeting, followUp, indicatorDue: dateIn(200) };
  });
  afterAll(() => env?.close());

  const as = (who: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[who]}` });
  const version = async (id: string) => (await env.db.query(`SELECT version FROM assessments WHERE id = $1`, [id]))[0].version as number;
  const move = async (who: keyof typeof tokens, id: string, body: object) =>
    env
      .http()
      .post(`/api/assessments/${id}/transitions`)
      .set(as(who))
      .send({ version: await version(id), ...body });

  /** A Helsinki wall-clock time as an instant (EET or EEST, whichever holds that day). */
  function helsinki(date: string, time: string): Date {
    for (const offset of ['+02:00', '+03:00']) {
      const candidate = new Date(`${date}T${time}:00${offset}`);
      const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit' }).format(candidate);
      if (shown === time) return candidate;
    }
    throw new Error(`no such time in Helsinki: ${date} ${time}`);
  }

  async function draft(title: string, plannedMeetingDate: string): Promise<string> {
    const id = (await env.http().post('/api/assessments').set(as('official')).send({ title, committeeId, plannedMeetingDate }).expect(201))
      .body.id as string;
    await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: await version(id), screening: { affectsChildren: true, rationale: 'Koskee nuoria.' } })
      .expect(200);
    expect((await move('official', id, { action: 'start_full_assessment', signatureConfirmed: true })).status).toBe(200);
    await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: await version(id), plainLanguageSummary: 'Kaupunki päättää asiasta, joka koskee nuoria.' })
      .expect(200);
    return id;
  }

  /** Makes the person's feed; answers its address as a path on the API. */
  async function makeFeed(who: keyof typeof tokens): Promise<{ url: string; path: string }> {
    const created = await env.http().post('/api/me/calendar-feed').set(as(who)).expect(201);
    const url = created.body.url as string;
    expect(url).toMatch(/^https:\/\/lava\.kotka\.example\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    return { url, path: new URL(url).pathname };
  }

  async function read(path: string): Promise<{ text: string; events: VEvent[] }> {
    const response = await env.http().get(path).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = response.text;
    const parsed: CalendarResponse = ical.sync.parseICS(text);
    const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
    return { text, events: events.sort((x, y) => x.uid.localeCompare(y.uid)) };
  }

  const dayOf = (event: VEvent) =>
    `${event.start.getFullYear()}-${String(event.start.getMonth() + 1).padStart(2, '0')}-${String(event.start.getDate()).padStart(2, '0')}`;

  it('gives a youth council member their council’s statement deadline, in Finnish and in Helsinki time, and nothing else', async () => {
    const { text, events } = await read((await makeFeed('aino')).path);
    expect(events.map((e) => [e.uid, e.summary])).toEqual([
      [`consultation-${open.consultationId}@lava.kotka.example`, 'Lausunto valmiiksi: Skeittipuisto Karhulaan'],
    ]);
    const [deadline] = events;
    expect(deadline?.start.getTime()).toBe(open.deadline.getTime());
    expect(deadline?.datetype).toBe('date-time');
    expect(text).toMatch(/DTSTART;TZID=Europe\/Helsinki:\d{8}T160000\r\n/);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki');
    const url = deadline?.url as unknown as string | { val: string };
    expect(typeof url === 'string' ? url : url.val).toBe(`https://lava.kotka.example/consultations/${open.consultationId}`);
    expect(text).toContain('X-WR-CALNAME:Lava – omat määräaikani');
    // Nobody else's personal data: not the official's name or address, not Aino's own.
    for (const personal of [users.official.displayName, users.official.email, users.aino.displayName, users.aino.email]) {
      expect(text).not.toContain(personal);
    }
  });

  it('gives the official their assessments’ deadlines, meetings, decision and follow-up, in Swedish', async () => {
    const { events } = await read((await makeFeed('official')).path);
    const summaries = Object.fromEntries(events.map((e) => [e.uid.split('@')[0], e.summary]));
    expect(summaries).toEqual({
      [`consultation-${open.consultationId}`]: 'Tidsfrist för utlåtande (Ungdomsfullmäktige): Skeittipuisto Karhulaan',
      [`meeting-${open.id}`]: 'Nämndens möte: Skeittipuisto Karhulaan',
      [`decision-${(await env.db.query(`SELECT id FROM decisions WHERE assessment_id = $1`, [decided.id]))[0].id}`]:
        'Nämnden beslutade: Koulukuljetukset 2027',
      [`follow-up-${decided.id}`]: 'Uppföljning: Koulukuljetukset 2027',
      [`indicator-${decided.id}-${(await env.db.query(`SELECT id FROM follow_up_indicators WHERE assessment_id = $1`, [decided.id]))[0].id}`]:
        'Uppföljningsindikator (Koulumatkan kesto): Koulukuljetukset 2027',
    });
    const byKind = (prefix: string) => events.find((e) => e.uid.startsWith(prefix));
    const meeting = byKind('meeting-');
    expect(meeting?.datetype).toBe('date');
    expect(dayOf(meeting as VEvent)).toBe(open.meeting);
    expect(dayOf(byKind('decision-') as VEvent)).toBe(decided.decisionMeeting);
    expect(dayOf(byKind('follow-up-') as VEvent)).toBe(decided.followUp);
    expect(dayOf(byKind('indicator-') as VEvent)).toBe(decided.indicatorDue);
    expect(byKind('consultation-')?.start.getTime()).toBe(open.deadline.getTime());
  });

  it('gives the reviewer and the chair only what concerns them, in English; another municipality’s official gets an empty calendar', async () => {
    const reviewer = (await read((await makeFeed('reviewer')).path)).events.map((e) => e.summary);
    // The reviewer reviewed the decided one (its decision meeting); the open one is not theirs to review.
    expect(reviewer).toEqual(['Committee decided: Koulukuljetukset 2027']);
    const chair = (await read((await makeFeed('chair')).path)).events.map((e) => e.summary);
    // The chair's committee decided one; the other is still with the youth council, not yet near a decision.
    expect(chair).toEqual(['Committee decided: Koulukuljetukset 2027']);
    const kouvola = await read((await makeFeed('kouvolaOfficial')).path);
    expect(kouvola.events).toEqual([]);
    expect(kouvola.text).not.toContain('Skeittipuisto');
  });

  it('moves an extended deadline within the same event (same UID, a later sequence)', async () => {
    const { path } = await makeFeed('aino');
    const before = (await read(path)).events[0] as VEvent;
    const consultation = (await env.http().get(`/api/consultations/${open.consultationId}`).set(as('official')).expect(200)).body;
    const later = helsinki(dateIn(17), '12:00');
    await env
      .http()
      .patch(`/api/consultations/${open.consultationId}`)
      .set(as('official'))
      .send({ version: consultation.version, deadline: later.toISOString() })
      .expect(200);
    const after = (await read(path)).events[0] as VEvent;
    expect(after.uid).toBe(before.uid);
    expect(after.start.getTime()).toBe(later.getTime());
    expect(Number(after.sequence)).toBeGreaterThan(Number(before.sequence));
    open.deadline = later;
  });

  it('keeps only a hash of the secret; a new address ends the old one; turning it off ends it; unknown addresses are 404', async () => {
    const first = await makeFeed('aino');
    const token =
      first.path
        .split('/')
        .pop()
        ?.replace(/\.ics$/, '') ?? '';
    const [row] = await env.db.query(`SELECT token_hash FROM calendar_feeds WHERE user_id = $1`, [users.aino.id]);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(await env.db.query(`SELECT * FROM calendar_feeds`))).not.toContain(token);

    const status = (await env.http().get('/api/me/calendar-feed').set(as('aino')).expect(200)).body;
    expect(status).toEqual({ active: true, createdAt: expect.any(String), lastReadAt: null });
    await read(first.path);
    expect((await env.http().get('/api/me/calendar-feed').set(as('aino')).expect(200)).body.lastReadAt).toEqual(expect.any(String));
    expect(status).not.toHaveProperty('url'); // shown only when made

    const second = await makeFeed('aino');
    expect(second.path).not.toBe(first.path);
    const gone = await env.http().get(first.path).set('Accept-Language', 'fi').expect(404);
    expect(gone.body.message).toBe('Tässä osoitteessa ei ole kalenteria: se on ehkä vaihdettu tai poistettu käytöstä.');
    await read(second.path);

    await env.http().delete('/api/me/calendar-feed').set(as('aino')).expect(204);
    await env.http().get(second.path).expect(404);
    expect((await env.http().get('/api/me/calendar-feed').set(as('aino')).expect(200)).body).toEqual({
      active: false,
      createdAt: null,
      lastReadAt: null,
    });

    // Unknown, malformed, or without a feed: 404 alike; never a 500.
    await env
      .http()
      .get(`/api/calendar/${'A'.repeat(43)}.ics`)
      .expect(404);
    await env.http().get('/api/calendar/not-a-token').expect(404);
    await env
      .http()
      .get(`/api/calendar/${encodeURIComponent("'; DROP TABLE users; --")}.ics`)
      .expect(404);
    await env.http().get('/api/me/calendar-feed').expect(401);
    await env.http().post('/api/me/calendar-feed').expect(401);
  });

  it('stops a feed when its owner’s account is deactivated', async () => {
    const { path } = await makeFeed('official');
    await read(path);
    await env.db.query(`UPDATE users SET active = false WHERE id = $1`, [users.official.id]);
    await env.http().get(path).expect(404);
    await env.db.query(`UPDATE users SET active = true WHERE id = $1`, [users.official.id]);
    await read(path);
  });
});

import type { AssessmentSummary, NotificationPage, Page } from '@lava/contracts';
import { createMunicipality, createUser, type TestMunicipality } from './support/factories';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

describe('starting an assessment (API → PostgreSQL → Redis → worker → PostgreSQL)', () => {
  let env: TestEnvironment;
  let kotka: TestMunicipality;
  let kouvola: TestMunicipality;
  let officialToken: string;
  let reviewerId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    kotka = await createMunicipality(env.db, 'Kotka');
    kouvola = await createMunicipality(env.db, 'Kouvola');
    const official = await createUser(env.db, 'official', kotka.municipality, { displayName: 'Anna Virtanen' });
    reviewerId = (await createUser(env.db, 'reviewer', kotka.municipality, { language: 'sv' })).id;
    officialToken = await env.login(official.email);
    await env.startWorker();
  });

  afterAll(() => env?.close());

  const countAssessments = async () => Number((await env.db.query('SELECT count(*) FROM assessments'))[0].count);

  it('creates the assessment in screening, audits it and delivers the notifications through the worker', async () => {
    const response = await env
      .http()
      .post('/api/assessments')
      .set('Authorization', `Bearer ${officialToken}`)
      .send({
        title: '  Kouluverkkoselvitys 2027  ',
        committeeId: kotka.education.id,
        plannedMeetingDate: '2027-02-17',
        caseNumber: 'KOT/1/2026',
      })
      .expect(201);
    const created = response.body as AssessmentSummary;
    expect(created).toMatchObject({
      title: 'Kouluverkkoselvitys 2027',
      stage: 'screening',
      municipalityId: kotka.municipality.id,
      committeeName: 'Sivistyslautakunta',
      plannedMeetingDate: '2027-02-17',
      caseNumber: 'KOT/1/2026',
      responsibleOfficial: { displayName: 'Anna Virtanen' },
      version: 1,
    });

    const audit = await env.db.query(`SELECT action, to_stage, actor_user_id FROM audit_events WHERE entity_id = $1`, [created.id]);
    expect(audit).toEqual([{ action: 'assessment.created', to_stage: 'screening', actor_user_id: created.responsibleOfficial.id }]);

    // The worker (a separate BullMQ consumer) marks the in-app notifications delivered.
    const delivered = await eventually(async () => {
      const rows = await env.db.query(
        `SELECT recipient_user_id, params FROM notifications WHERE assessment_id = $1 AND delivered_at IS NOT NULL ORDER BY recipient_user_id`,
        [created.id],
      );
      return rows.length === 2 ? rows : null;
    });
    const reviewerRow = delivered.find((row: { recipient_user_id: string }) => row.recipient_user_id === reviewerId);
    // The reviewer reads Swedish: the municipality name in the message is theirs.
    expect(reviewerRow.params).toEqual({
      title: 'Kouluverkkoselvitys 2027',
      municipality: 'Kotka sv',
      // …and in each language, so the list shows it in the language on screen.
      municipality_fi: 'Kotka',
      municipality_sv: 'Kotka sv',
      municipality_en: 'Kotka en',
    });

    const notifications = await env.http().get('/api/notifications').set('Authorization', `Bearer ${officialToken}`).expect(200);
    const page = notifications.body as NotificationPage;
    expect(page.unreadCount).toBe(1);
    expect(page.items[0]).toMatchObject({ kind: 'assessment_created', assessmentId: created.id, readAt: null });

    await env.http().post(`/api/notifications/${page.items[0].id}/read`).set('Authorization', `Bearer ${officialToken}`).expect(204);
    const after = await env.http().get('/api/notifications').set('Authorization', `Bearer ${officialToken}`).expect(200);
    expect(after.body.unreadCount).toBe(0);
  });

  it('shows the new assessment in the list and by id, answering in the language asked for', async () => {
    const list = await env
      .http()
      .get('/api/assessments')
      .set('Authorization', `Bearer ${officialToken}`)
      .set('Accept-Language', 'en')
      .expect(200);
    const page = list.body as Page<AssessmentSummary>;
    expect(page.items.map((a) => a.title)).toContain('Kouluverkkoselvitys 2027');
    expect(page.items[0].committeeName).toBe('Education Committee');
    const one = await env.http().get(`/api/assessments/${page.items[0].id}`).set('Authorization', `Bearer ${officialToken}`).expect(200);
    expect(one.body.id).toBe(page.items[0].id);
  });

  it('keeps another municipality’s unpublished work invisible: not in the list, 404 by id', async () => {
    const other = await createUser(env.db, 'official', kouvola.municipality);
    const token = await env.login(other.email);
    const [{ id }] = await env.db.query(`SELECT id FROM assessments LIMIT 1`);
    const list = await env.http().get('/api/assessments').set('Authorization', `Bearer ${token}`).expect(200);
    expect(list.body.items).toEqual([]);
    const response = await env.http().get(`/api/assessments/${id}`).set('Authorization', `Bearer ${token}`).expect(404);
    expect(response.body.message).toBe('No such assessment.');
  });

  it('refuses to start an assessment for another municipality’s committee, and saves nothing', async () => {
    const before = await countAssessments();
    const response = await env
      .http()
      .post('/api/assessments')
      .set('Authorization', `Bearer ${officialToken}`)
      .send({ title: 'Not ours', committeeId: kouvola.education.id })
      .expect(403);
    expect(response.body.message).toMatch(/only for committees of a municipality where you are an official/);
    expect(await countAssessments()).toBe(before);
  });

  it('does not let a youth council member start an assessment', async () => {
    const youth = await createUser(env.db, 'youth_council_member', kotka.youthCouncil);
    const token = await env.login(youth.email);
    await env
      .http()
      .post('/api/assessments')
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'Our idea', committeeId: kotka.education.id })
      .expect(403);
    expect((await env.http().get('/api/committees').set('Authorization', `Bearer ${token}`).expect(200)).body).toEqual([]);
  });

  it.each([
    [{}, ['title', 'committeeId']],
    [{ title: 'ab', committeeId: 'x' }, ['title', 'committeeId']],
    [
      { title: 'Fine title', committeeId: '00000000-0000-4000-8000-000000000000', plannedMeetingDate: '2027-02-30' },
      ['plannedMeetingDate'],
    ],
    [{ title: 'Fine title', committeeId: '00000000-0000-4000-8000-000000000000', stage: 'decided' }, ['stage']],
    [{ title: 'x'.repeat(301), committeeId: '00000000-0000-4000-8000-000000000000', caseNumber: 'y'.repeat(101) }, ['title', 'caseNumber']],
    [{ title: 'Fine title', committeeId: '00000000-0000-4000-8000-000000000000' }, ['committeeId']],
  ])('answers %j with a 400 naming %j and saves nothing', async (body, fields) => {
    const before = await countAssessments();
    const response = await env.http().post('/api/assessments').set('Authorization', `Bearer ${officialToken}`).send(body).expect(400);
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual([...fields].sort());
    expect(response.body.message).toEqual(expect.any(String));
    expect(await countAssessments()).toBe(before);
  });

  it('answers malformed JSON, a bad id and a bad cursor with 400s, and no session with 401', async () => {
    const auth = { Authorization: `Bearer ${officialToken}` };
    await env.http().post('/api/assessments').set(auth).set('Content-Type', 'application/json').send('{"title":').expect(400);
    expect((await env.http().get('/api/assessments/not-a-uuid').set(auth).expect(400)).body.message).toBe(
      'The assessment id must be a UUID.',
    );
    await env.http().get('/api/assessments?cursor=garbage').set(auth).expect(400);
    await env.http().get('/api/assessments?limit=1000').set(auth).expect(400);
    await env.http().get('/api/assessments').expect(401);
    await env.http().get('/api/assessments').set('Authorization', 'Bearer not.a.token').expect(401);
  });

  it('pages through many assessments with keyset cursors: every row once, newest first', async () => {
    const author = (await env.db.query(`SELECT responsible_official_id AS id FROM assessments LIMIT 1`))[0].id;
    await env.db.query(
      `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, created_at)
       SELECT 'Bulk ' || n, 'draft', $1, $2, $3, $3, now() - (n % 7) * interval '1 minute'
         FROM generate_series(1, 57) AS n`,
      [kotka.municipality.id, kotka.education.id, author],
    );
    const total = await countAssessments();
    const seen: AssessmentSummary[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '10', ...(cursor ? { cursor } : {}) };
      const response = await env.http().get('/api/assessments').query(query).set('Authorization', `Bearer ${officialToken}`).expect(200);
      const page = response.body as Page<AssessmentSummary>;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((a) => a.id)).size).toBe(total);
    const order = seen.map((a) => `${a.createdAt}|${a.id}`);
    expect(order).toEqual([...order].sort().reverse());
  });

  it('filters the list by stage, committee, official, meeting dates and title words, still paging by cursor', async () => {
    const auth = { Authorization: `Bearer ${officialToken}` };
    const author = (await env.db.query(`SELECT id FROM users WHERE display_name = 'Anna Virtanen'`))[0].id;
    const technical = (
      await env.db.query(
        `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en) VALUES ('committee', $1, 'Tekninen', 'Tekniska', 'Technical') RETURNING id`,
        [kotka.municipality.id],
      )
    )[0].id;
    await env.db.query(
      `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, planned_meeting_date)
       VALUES ('Koulukuljetusten kilpailutus', 'review', $1, $2, $3, $3, '2027-05-10'),
              ('Uimahallin aukioloajat', 'review', $1, $4, $3, $3, '2027-09-01'),
              ('Koulun pihan peruskorjaus', 'draft', $1, $4, $3, $3, '2027-05-20')`,
      [kotka.municipality.id, kotka.education.id, author, technical],
    );
    const titles = async (query: Record<string, string>) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: unknown } = await env
          .http()
          .get('/api/assessments')
          .query({ ...query, limit: '1', ...(cursor ? { cursor } : {}) })
          .set(auth)
          .expect(200);
        const page = response.body as Page<AssessmentSummary>;
        seen.push(...page.items.map((a) => a.title));
        cursor = page.nextCursor;
      } while (cursor);
      return seen.sort();
    };
    expect(await titles({ stage: 'review' })).toEqual(['Koulukuljetusten kilpailutus', 'Uimahallin aukioloajat']);
    expect(await titles({ q: 'koulu' })).toEqual(['Koulukuljetusten kilpailutus', 'Koulun pihan peruskorjaus', 'Kouluverkkoselvitys 2027']);
    expect(await titles({ q: 'KOULU pihan!' })).toEqual(['Koulun pihan peruskorjaus']);
    expect(await titles({ committeeId: technical, stage: 'review' })).toEqual(['Uimahallin aukioloajat']);
    expect(await titles({ meetingFrom: '2027-05-01', meetingTo: '2027-05-31' })).toEqual([
      'Koulukuljetusten kilpailutus',
      'Koulun pihan peruskorjaus',
    ]);
    expect(await titles({ responsibleOfficialId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
    expect(await titles({ municipalityId: kouvola.municipality.id })).toEqual([]);

    const bad = await env.http().get('/api/assessments').query({ stage: 'approved', meetingFrom: '2027-13-01' }).set(auth).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['meetingFrom', 'stage']);
  });

  it('shows each row’s next deadline by stage, and filters by youth-council deadline in Finnish days', async () => {
    const auth = { Authorization: `Bearer ${officialToken}` };
    const author = (await env.db.query(`SELECT id FROM users WHERE display_name = 'Anna Virtanen'`))[0].id;
    const [consulting, decided, closed] = (
      await env.db.query(
        `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, planned_meeting_date, follow_up_date)
         VALUES ('Nuorisotilan aukioloajat', 'consultation', $1, $2, $3, $3, '2027-03-01', NULL),
                ('Puheterapiakokeilu päiväkodeissa', 'decided', $1, $2, $3, $3, '2020-01-01', '2020-06-01'),
                ('Suljettu selvitys', 'closed', $1, $2, $3, $3, '2027-03-01', NULL)
         RETURNING id`,
        [kotka.municipality.id, kotka.education.id, author],
      )
    ).map((r: { id: string }) => r.id);
    // Round 1 is over (returned to draft); in round 2 one council has submitted, another is still to be
    // heard by 31 January 23:59 Finnish time (= 21:59 UTC), a third request was withdrawn.
    const other = async (name: string) => (await createMunicipality(env.db, name)).youthCouncil.id;
    await env.db.query(
      `INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, status, opened_at) VALUES
         ($1, $2, 1, '2027-01-05T21:59:00Z', 'drafting', now()),
         ($1, $2, 2, '2027-01-20T21:59:00Z', 'submitted', now()),
         ($1, $3, 2, '2027-01-31T21:59:00Z', 'drafting', now()),
         ($1, $4, 2, '2027-01-10T21:59:00Z', 'withdrawn', now())`,
      [consulting, kotka.youthCouncil.id, await other('Nuva A'), await other('Nuva B')],
    );
    const byId = async (id: string) => (await env.http().get(`/api/assessments/${id}`).set(auth).expect(200)).body as AssessmentSummary;
    expect((await byId(consulting)).nextDeadline).toEqual({ kind: 'consultation', at: '2027-01-31T21:59:00.000Z', overdue: false });
    expect((await byId(decided)).nextDeadline).toEqual({ kind: 'follow_up', at: '2020-06-01', overdue: true });
    expect((await byId(closed)).nextDeadline).toBeNull();

    const titles = async (query: Record<string, string>) =>
      ((await env.http().get('/api/assessments').query(query).set(auth).expect(200)).body as Page<AssessmentSummary>).items.map(
        (a) => a.title,
      );
    // 31 January in Finland includes 21:59 UTC that day; 1 February does not.
    expect(await titles({ deadlineFrom: '2027-01-31', deadlineTo: '2027-01-31' })).toEqual(['Nuorisotilan aukioloajat']);
    expect(await titles({ deadlineFrom: '2027-02-01' })).toEqual([]);
    expect(await titles({ deadlineTo: '2027-01-05' })).toEqual(['Nuorisotilan aukioloajat']);
    const bad = await env.http().get('/api/assessments').query({ deadlineTo: '31.1.2027' }).set(auth).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['deadlineTo']);
  });
});

import type { PublicSurvey, SurveyFreeText, SurveyInput, SurveyResults, SurveyView, SurveyViewsEntry, Page } from '@lava/contracts';
import { Logger, type LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { User } from '../src/app/users/user.entity';
import { DEMO_PASSWORD } from '../src/app/demo/demo-data';
import { seedDemoData } from '../src/app/demo/seed-demo-data';
import { TEST_REDIS_URL } from './support/databases';
import { createMunicipality, createUser, type TestMunicipality } from './support/factories';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

/** The value, or the test fails here. */
function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}

const HOUR = 3600 * 1000;

/**
 * Children's anonymous surveys (issue 14) through the real API, Postgres, Redis and worker: the
 * official makes a survey, children answer without an account, results stay hidden below the
 * minimum and small cells are suppressed, answers are idempotent, nothing personal is stored or
 * logged, free texts are moderated and hidden ones never exported, the closing job closes it.
 */
describe('children’s surveys', () => {
  let env: TestEnvironment;
  let kotka: TestMunicipality;
  let official: User;
  let reviewer: User;
  let otherOfficial: User;
  const tokens: Record<string, string> = {};
  let assessmentId = '';
  const logLines: string[] = [];

  beforeAll(async () => {
    env = await startTestEnvironment({ SURVEY_ANSWERS_PER_MINUTE: '30', SURVEY_MIN_CELL: '5' });
    kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    official = await createUser(env.db, 'official', kotka.municipality);
    reviewer = await createUser(env.db, 'reviewer', kotka.municipality);
    otherOfficial = await createUser(env.db, 'official', kouvola.municipality);
    for (const [name, user] of Object.entries({ official, reviewer, otherOfficial })) tokens[name] = await env.login(user.email);
    const created = await env
      .http()
      .post('/api/assessments')
      .set(as('official'))
      .send({ title: 'Kouluverkkoselvitys', committeeId: kotka.education.id })
      .expect(201);
    assessmentId = created.body.id as string;
    // Every log line of the API, whatever its level, for the "nothing personal logged" check.
    const collect = (...parts: unknown[]) =>
      void logLines.push(parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
    const logger: LoggerService = { log: collect, error: collect, warn: collect, debug: collect, verbose: collect, fatal: collect };
    env.app.useLogger(logger);
    Logger.overrideLogger(logger);
  }, 120_000);
  afterAll(() => env?.close());

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  let device = 0;
  /** A child's device: its own address (behind the one proxy the API trusts) and an id per answer. */
  const answer = (surveyId: string, body: object, address = `198.51.100.${++device % 250}`, language = 'fi') =>
    env
      .http()
      .post(`/api/public/surveys/${surveyId}/answers`)
      .set('X-Forwarded-For', address)
      .set('Accept-Language', language)
      .set('User-Agent', 'ChildPhone/1.0 (secret-device-model)')
      .send({ id: randomUUID(), language, ...body });

  const survey = (overrides: Partial<SurveyInput> = {}): SurveyInput => ({
    languages: ['fi', 'sv'],
    title: { fi: 'Millainen koulumatka?', sv: 'Hur är skolvägen?', en: '' },
    intro: { fi: 'Kerro meille.', sv: 'Berätta för oss.', en: '' },
    questions: [
      { id: 'mood', kind: 'smiley', faces: 5, text: { fi: 'Miltä koulumatka tuntuu?', sv: 'Hur känns skolvägen?', en: '' }, options: [] },
      {
        id: 'how',
        kind: 'single',
        faces: null,
        text: { fi: 'Miten kuljet?', sv: 'Hur tar du dig?', en: '' },
        options: [
          { id: 'walk', label: { fi: 'Kävellen', sv: 'Till fots', en: '' }, emoji: '🚶' },
          { id: 'bus', label: { fi: 'Bussilla', sv: 'Med buss', en: '' }, emoji: '🚌' },
        ],
      },
      {
        id: 'like',
        kind: 'multiple',
        faces: null,
        text: { fi: 'Mistä pidät?', sv: 'Vad tycker du om?', en: '' },
        options: [
          { id: 'friends', label: { fi: 'Kaverit', sv: 'Kompisar', en: '' }, emoji: '' },
          { id: 'nature', label: { fi: 'Luonto', sv: 'Naturen', en: '' }, emoji: '🌲' },
        ],
      },
      { id: 'say', kind: 'text', faces: null, text: { fi: 'Mitä haluat sanoa?', sv: 'Vad vill du säga?', en: '' }, options: [] },
      { id: 'age', kind: 'age_band', faces: null, text: { fi: '', sv: '', en: '' }, options: [] },
    ],
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    classCodes: ['7A', '7B'],
    ...overrides,
  });
  const create = async (overrides: Partial<SurveyInput> = {}) =>
    (await env.http().post(`/api/assessments/${assessmentId}/surveys`).set(as('official')).send(survey(overrides)).expect(201))
      .body as SurveyView;
  const results = async (id: string) =>
    (await env.http().get(`/api/surveys/${id}/results`).set(as('official')).expect(200)).body as SurveyResults;

  it('lets the municipality’s official create a survey, checks it, and refuses others', async () => {
    const made = await create();
    expect(made).toMatchObject({ status: 'open', respondents: 0, mayEdit: true, classCodes: ['7A', '7B'] });
    const [event] = (await env.db.query(`SELECT kind, status, due_at FROM scheduled_events WHERE subject_id = $1`, [made.id])) as {
      kind: string;
      status: string;
      due_at: Date;
    }[];
    expect(event).toMatchObject({ kind: 'survey_close', status: 'pending' });
    expect(event?.due_at.toISOString()).toBe(made.closesAt);

    const tooMany = survey({ questions: Array.from({ length: 11 }, (_, i) => ({ ...must(survey().questions[0]), id: `q${i}` })) });
    const refused = await env.http().post(`/api/assessments/${assessmentId}/surveys`).set(as('official')).send(tooMany).expect(400);
    expect(refused.body.details).toEqual([{ field: 'questions', messages: ['must have at most 10 questions'] }]);
    const noSwedish = survey({ title: { fi: 'Otsikko', sv: '', en: '' } });
    const missing = await env
      .http()
      .post(`/api/assessments/${assessmentId}/surveys`)
      .set(as('official'))
      .set('Accept-Language', 'fi')
      .send(noSwedish)
      .expect(400);
    expect(missing.body.details).toEqual([{ field: 'title.sv', messages: ['on pakollinen jokaisella kyselyn kielellä'] }]);

    await env.http().post(`/api/assessments/${assessmentId}/surveys`).set(as('reviewer')).send(survey()).expect(403);
    await env.http().post(`/api/assessments/${assessmentId}/surveys`).set(as('otherOfficial')).send(survey()).expect(404);
    await env.http().get(`/api/surveys/${made.id}`).set(as('otherOfficial')).expect(404);
    const list = await env.http().get(`/api/assessments/${assessmentId}/surveys?limit=1`).set(as('reviewer')).expect(200);
    expect(list.body.items).toHaveLength(1);

    // The child's page sees the texts, never the class codes.
    const shown = (await env.http().get(`/api/public/surveys/${made.id}`).expect(200)).body as PublicSurvey;
    expect(shown).toMatchObject({ asksClassCode: true, status: 'open', publicPath: `/public/assessments/${assessmentId}` });
    expect(JSON.stringify(shown)).not.toContain('7A');
  });

  it('keeps results hidden below 5 answers and suppresses every cell under 5', async () => {
    const s = await create();
    const child = (mood: number, how: string, age: string, extra: object = {}) =>
      answer(s.id, { classCode: '7a', answers: { mood, how, age, like: ['friends'], ...extra } }).expect(200);
    for (let i = 0; i < 4; i++) await child(5, 'walk', '10_12');
    let r = await results(s.id);
    expect(r).toMatchObject({ respondents: 4, shown: false, questions: [], classes: [], ageBands: [] });
    const early = await env.http().post(`/api/surveys/${s.id}/views`).set(as('official')).set('Accept-Language', 'en').expect(409);
    expect(early.body.message).toBe('The results are shown from 5 answers on; 4 so far.');

    await child(5, 'walk', '10_12');
    for (let i = 0; i < 2; i++) await child(1, 'bus', '13_15');
    r = await results(s.id);
    expect(r.respondents).toBe(7);
    expect(r.shown).toBe(true);
    const mood = must(r.questions.find((q) => q.questionId === 'mood'));
    expect(mood.rows.map((x) => [x.value, x.count])).toEqual([
      ['1', null],
      ['2', null],
      ['3', null],
      ['4', null],
      ['5', 5],
    ]);
    // Every face 5 was 10–12 (the other bands must be 0): the 5 is hidden too.
    expect(must(mood.rows[4]).byAgeBand).toEqual({ under_10: null, '10_12': null, '13_15': null, '16_17': null });
    // 7 answered: showing walk 5 would give bus 2 away.
    const how = must(r.questions.find((q) => q.questionId === 'how'));
    expect(how.answered).toBe(7);
    expect(how.rows).toEqual([
      { value: 'walk', count: null, byAgeBand: { under_10: null, '10_12': null, '13_15': null, '16_17': null } },
      { value: 'bus', count: null, byAgeBand: { under_10: null, '10_12': null, '13_15': null, '16_17': null } },
    ]);
    expect(must(r.questions.find((q) => q.questionId === 'like')).rows[0]).toMatchObject({ value: 'friends', count: 7 });
    expect(r.ageBands).toEqual([
      { band: 'under_10', count: null },
      { band: '10_12', count: 5 },
      { band: '13_15', count: null },
      { band: '16_17', count: null },
    ]);
    expect(r.classes).toEqual([{ code: '7A', count: 7 }]);

    // The summary goes to the children's views: method survey, respondents, dates, no small cells.
    const entry = (await env.http().post(`/api/surveys/${s.id}/views`).set(as('official')).expect(200)).body as SurveyViewsEntry;
    expect(entry).toMatchObject({ method: 'survey', respondents: 7, opensAt: s.opensAt, closesAt: s.closesAt });
    expect(entry.summary.fi).toContain('7 vastaajaa');
    expect(entry.summary.fi).toContain('Miltä koulumatka tuntuu?: hymiö 5/5 5');
    expect(entry.summary.fi).toContain('Miten kuljet?: –');
    expect(entry.summary.fi).not.toContain('Bussilla');
    expect(entry.summary.sv).toContain('Hur känns skolvägen?: smiley 5/5 5');
    const views = (await env.http().get(`/api/assessments/${assessmentId}/survey-views`).set(as('reviewer')).expect(200))
      .body as SurveyViewsEntry[];
    expect(views.map((v) => v.surveyId)).toContain(s.id);
  });

  it('hides a second count wherever a hidden one could be worked out from a total: results, CSV and summary', async () => {
    const s = await create();
    const child = (mood: number, how: string, age: string, classCode: string) =>
      answer(s.id, { classCode, answers: { mood, how, age } }).expect(200);
    for (let i = 0; i < 6; i++) await child(5, 'walk', '10_12', '7a');
    for (let i = 0; i < 5; i++) await child(4, 'walk', '13_15', '7a');
    for (let i = 0; i < 2; i++) await child(1, 'bus', '13_15', '7b');
    const r = await results(s.id);
    expect(r.respondents).toBe(13);
    // 13 answered "how": walk 11 would leave bus = 13 - 11 = 2; class 7A 11 would leave 7B = 2.
    const how = must(r.questions.find((q) => q.questionId === 'how'));
    expect(how.answered).toBe(13);
    expect(how.rows.map((x) => x.count)).toEqual([null, null]);
    expect(r.classes).toEqual([
      { code: '7A', count: null },
      { code: '7B', count: null },
    ]);
    // Faces 1–3 are hidden together (2, 0 and 0): their sum 2 tells none of them; faces 4 and 5 stay.
    const mood = must(r.questions.find((q) => q.questionId === 'mood'));
    expect(mood.rows.map((x) => x.count)).toEqual([null, null, null, 5, 6]);
    // Under 10 and 16–17 are 0; 10–12 (6) hidden with them, 13–15 shown.
    expect(r.ageBands).toEqual([
      { band: 'under_10', count: null },
      { band: '10_12', count: null },
      { band: '13_15', count: 7 },
      { band: '16_17', count: null },
    ]);
    // No shown total and shown parts leave exactly one hidden part.
    for (const q of r.questions.filter((x) => x.kind === 'single' || x.kind === 'smiley')) {
      const hidden = q.rows.filter((x) => x.count === null).length;
      expect(q.answered === null || hidden !== 1).toBe(true);
    }

    const csv = (await env.http().get(`/api/surveys/${s.id}/export.csv`).set(as('official')).expect(200)).text;
    const line = (label: string) => must(csv.split('\r\n').find((l) => l.split(',')[1] === label));
    expect(line('Kävellen')).toBe('Miten kuljet?,Kävellen,,,,,');
    expect(line('Bussilla')).toBe('Miten kuljet?,Bussilla,,,,,');
    expect(csv).not.toMatch(/,11(,|\r)/);

    const entry = (await env.http().post(`/api/surveys/${s.id}/views`).set(as('official')).expect(200)).body as SurveyViewsEntry;
    expect(entry.summary.fi).toContain('13 vastaajaa');
    expect(entry.summary.fi).toContain('Miten kuljet?: –');
    expect(entry.summary.fi).toContain('hymiö 4/5 5, hymiö 5/5 6');
    expect(entry.summary.fi).not.toMatch(/ 11(,|\n|$)/);
  });

  it('counts an answer once however often its device sends it', async () => {
    const s = await create({ classCodes: [] });
    const body = { id: randomUUID(), language: 'sv', answers: { mood: 3 } };
    const first = await env.http().post(`/api/public/surveys/${s.id}/answers`).send(body).expect(200);
    expect(first.body).toEqual({ recorded: true, duplicate: false });
    const again = await Promise.all(
      Array.from({ length: 20 }, () =>
        env.http().post(`/api/public/surveys/${s.id}/answers`).set('X-Forwarded-For', '192.0.2.9').send(body),
      ),
    );
    expect(again.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(again.every((r) => r.body.duplicate === true)).toBe(true);
    const [{ n }] = (await env.db.query(`SELECT count(*)::int AS n FROM survey_answers WHERE survey_id = $1`, [s.id])) as { n: number }[];
    expect(n).toBe(1);
  });

  it('refuses bad answers with a clear 4xx in the child’s language', async () => {
    const s = await create();
    const long = await answer(s.id, { classCode: '7A', answers: { say: 'x'.repeat(501) } }, undefined, 'fi').expect(400);
    expect(long.body.message).toBe('Vastauksesi kysymykseen 4 on liian pitkä: enintään 500 merkkiä.');
    const unknown = await answer(s.id, { classCode: '7A', answers: { how: 'car' } }, undefined, 'sv').expect(400);
    expect(unknown.body.message).toBe('Ditt svar på fråga 2 är inte ett av dess alternativ.');
    const face = await answer(s.id, { classCode: '7A', answers: { mood: 6 } }, undefined, 'en').expect(400);
    expect(face.body.message).toBe('Your answer to question 1 is not one of its choices.');
    const code = await answer(s.id, { classCode: '9Z', answers: { mood: 1 } }, undefined, 'sv').expect(400);
    expect(code.body.message).toBe('Klassens kod är inte rätt. Kontrollera den med din lärare.');
    await answer(s.id, { answers: { mood: 1 } }).expect(400);
    await answer(s.id, { classCode: '7A', answers: { nope: 1 } }).expect(400);
    await answer(s.id, { classCode: '7A', answers: { mood: 1 }, name: 'Maija' }).expect(400);
    await env.http().post(`/api/public/surveys/${s.id}/answers`).send({ id: 'not-a-uuid', language: 'fi', answers: {} }).expect(400);
    await env
      .http()
      .post(`/api/public/surveys/${randomUUID()}/answers`)
      .send({ id: randomUUID(), language: 'fi', answers: {} })
      .expect(404);

    // A flood from one address: the 31st answer in a minute is refused, in Finnish, with Retry-After.
    const statuses: number[] = [];
    let last: { status: number; body: { message: string }; headers: Record<string, string> } | undefined;
    for (let i = 0; i < 31; i++) {
      last = await answer(s.id, { classCode: '7B', answers: { mood: 2 } }, '203.0.113.200', 'fi');
      statuses.push(last.status);
    }
    expect(statuses.filter((x) => x === 200)).toHaveLength(30);
    expect(last?.status).toBe(429);
    expect(last?.body.message).toMatch(/^Verkostasi tuli juuri nyt paljon vastauksia\. Odota \d+ sekuntia ja lähetä uudelleen\.$/);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    // Another address still gets through.
    await answer(s.id, { classCode: '7B', answers: { mood: 2 } }, '203.0.113.201').expect(200);
  });

  it('stores and logs nothing about the child: no address, no user agent, no name', async () => {
    const s = await create({ classCodes: [] });
    logLines.length = 0;
    await answer(s.id, { answers: { mood: 4, say: 'Koulumatka on kiva' } }, '203.0.113.77').expect(200);
    await answer(s.id, { answers: { mood: 9 } }, '203.0.113.77').expect(400);
    const columns = (await env.db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_name IN ('survey_answers', 'survey_free_texts') ORDER BY table_name, ordinal_position`,
    )) as { table_name: string; column_name: string }[];
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
      'survey_answers.id',
      'survey_answers.survey_id',
      'survey_answers.language',
      'survey_answers.age_band',
      'survey_answers.class_code',
      'survey_answers.choices',
      'survey_answers.answered_on',
      'survey_free_texts.id',
      'survey_free_texts.survey_id',
      'survey_free_texts.answer_id',
      'survey_free_texts.question_id',
      'survey_free_texts.text',
      'survey_free_texts.status',
      'survey_free_texts.created_at',
    ]);
    const rows = (await env.db.query(
      `SELECT row_to_json(a)::text AS r FROM survey_answers a WHERE survey_id = $1
       UNION ALL SELECT row_to_json(t)::text FROM survey_free_texts t WHERE survey_id = $1`,
      [s.id],
    )) as { r: string }[];
    const stored = rows.map((r) => r.r).join('\n');
    expect(stored).toContain('Koulumatka on kiva');
    for (const secret of ['203.0.113.77', 'ChildPhone', 'secret-device-model']) {
      expect(stored).not.toContain(secret);
      expect(logLines.join('\n')).not.toContain(secret);
    }
    // The rate limit's keys in Redis are HMACs, never the address.
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${env.config.QUEUE_PREFIX}:survey-rate*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join('\n')).not.toContain('203.0.113');
    } finally {
      redis.disconnect();
    }
    // And no audit row or other table got the address.
    const audit = (await env.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE '%203.0.113.77%'`)) as {
      n: number;
    }[];
    expect(audit[0]?.n).toBe(0);
  });

  it('moderates free texts: a hidden text is erased, never listed and never exported', async () => {
    const s = await create({ classCodes: [] });
    for (const text of ['Pidän koulusta', 'Matti on tyhmä', 'Lisää pyöräteitä', 'Bussi on myöhässä', '=cmd|calc']) {
      await answer(s.id, { answers: { mood: 3, say: text } }).expect(200);
    }
    await answer(s.id, { answers: { mood: 3 } }).expect(200);
    const list = async () =>
      ((await env.http().get(`/api/surveys/${s.id}/free-texts`).set(as('official')).expect(200)).body as Page<SurveyFreeText>).items;
    const texts = await list();
    expect(texts.map((t) => t.text).sort()).toEqual([
      '=cmd|calc',
      'Bussi on myöhässä',
      'Lisää pyöräteitä',
      'Matti on tyhmä',
      'Pidän koulusta',
    ]);
    const id = (text: string) => must(texts.find((t) => t.text === text)).id;
    await env
      .http()
      .patch(`/api/surveys/${s.id}/free-texts/${id('Matti on tyhmä')}`)
      .set(as('official'))
      .send({ status: 'hidden' })
      .expect(204);
    await env
      .http()
      .patch(`/api/surveys/${s.id}/free-texts/${id('Pidän koulusta')}`)
      .set(as('official'))
      .send({ status: 'kept' })
      .expect(204);
    await env
      .http()
      .patch(`/api/surveys/${s.id}/free-texts/${id('=cmd|calc')}`)
      .set(as('official'))
      .send({ status: 'kept' })
      .expect(204);
    await env
      .http()
      .patch(`/api/surveys/${s.id}/free-texts/${id('Lisää pyöräteitä')}`)
      .set(as('reviewer'))
      .send({ status: 'hidden' })
      .expect(403);
    // Hidden for good: a second decision finds nothing.
    await env
      .http()
      .patch(`/api/surveys/${s.id}/free-texts/${id('Matti on tyhmä')}`)
      .set(as('official'))
      .send({ status: 'kept' })
      .expect(404);

    const after = await list();
    expect(after.map((t) => t.text)).not.toContain('Matti on tyhmä');
    expect(after.find((t) => t.text === 'Pidän koulusta')?.status).toBe('kept');
    const stored = (await env.db.query(`SELECT count(*)::int AS n FROM survey_free_texts WHERE text LIKE '%Matti%'`)) as { n: number }[];
    expect(stored[0]?.n).toBe(0);

    const csv = await env
      .http()
      .get(`/api/surveys/${s.id}/export.csv`)
      .set(as('official'))
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const body = csv.text;
    expect(body).toContain('Pidän koulusta');
    expect(body).toContain(`"'=cmd|calc"`);
    expect(body).not.toContain('Matti');
    expect(body).not.toContain('Lisää pyöräteitä'); // not yet kept
    expect(body).toContain('respondents,,6');
  });

  it('makes an A4 poster with the link', async () => {
    const s = await create();
    const pdf = await env
      .http()
      .get(`/api/surveys/${s.id}/poster/sv`)
      .set(as('official'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', 'application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('/Lang (sv-FI)');
  });

  it('closes on time by the scheduled job, and a closed survey refuses answers', async () => {
    const s = await create({ classCodes: [] });
    await answer(s.id, { answers: { mood: 2 } }).expect(200);
    const soon = new Date(Date.now() + 1500).toISOString();
    const moved = await env
      .http()
      .put(`/api/surveys/${s.id}`)
      .set(as('official'))
      .send({ ...survey({ classCodes: [] }), closesAt: soon, version: s.version })
      .expect(200);
    expect(moved.body.version).toBe(2);
    const events = (await env.db.query(`SELECT status FROM scheduled_events WHERE subject_id = $1 ORDER BY created_at`, [s.id])) as {
      status: string;
    }[];
    expect(events.map((e) => e.status)).toEqual(['cancelled', 'pending']);
    // Questions may not change once a child answered.
    const changed = survey({ classCodes: [], closesAt: soon });
    changed.questions = changed.questions.slice(1);
    await env
      .http()
      .put(`/api/surveys/${s.id}`)
      .set(as('official'))
      .send({ ...changed, version: 2 })
      .expect(409);

    await env.startWorker();
    await eventually(async () => {
      const [row] = (await env.db.query(`SELECT closed_at FROM surveys WHERE id = $1`, [s.id])) as { closed_at: Date | null }[];
      return row?.closed_at;
    });
    const fired = (await env.db.query(`SELECT status FROM scheduled_events WHERE subject_id = $1 AND status = 'fired'`, [
      s.id,
    ])) as unknown[];
    expect(fired).toHaveLength(1);
    const closed = await answer(s.id, { answers: { mood: 2 } }, undefined, 'sv').expect(410);
    expect(closed.body.message).toBe('Enkäten har stängts. Tack för ditt intresse!');
    expect(((await env.http().get(`/api/public/surveys/${s.id}`).expect(200)).body as PublicSurvey).status).toBe('closed');
  }, 60_000);
});

describe('the demo survey', () => {
  let env: TestEnvironment;
  afterAll(() => env?.close());

  it('is seeded on the school network draft with figures to show and texts to moderate', async () => {
    env = await startTestEnvironment();
    expect(await seedDemoData(env.db)).toBe(true);
    const token = await env.login('official@kotka.example', DEMO_PASSWORD);
    const [row] = (await env.db.query(`SELECT id FROM surveys`)) as { id: string }[];
    const id = must(row).id;
    const r = (await env.http().get(`/api/surveys/${id}/results`).set('Authorization', `Bearer ${token}`).expect(200))
      .body as SurveyResults;
    expect(r).toMatchObject({ respondents: 37, shown: true });
    expect(r.classes).toEqual([
      { code: '5A', count: 18 },
      { code: '6B', count: 19 },
    ]);
    const texts = (await env.http().get(`/api/surveys/${id}/free-texts`).set('Authorization', `Bearer ${token}`).expect(200))
      .body as Page<SurveyFreeText>;
    expect(texts.items).toHaveLength(3);
    const [event] = (await env.db.query(`SELECT kind, status FROM scheduled_events WHERE subject_id = $1`, [id])) as { kind: string }[];
    expect(event).toMatchObject({ kind: 'survey_close', status: 'pending' });
  }, 120_000);
});

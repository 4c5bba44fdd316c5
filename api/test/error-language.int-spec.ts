import type { ApiError, AssessmentDetail } from '@lava/contracts';
import { createMunicipality, createUser } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/** The API's error answers in the reader's language (Accept-Language), with the same status and structure. */
describe('error messages in Finnish and Swedish (Accept-Language)', () => {
  let env: TestEnvironment;
  let official: string;
  let committeeId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    committeeId = kotka.education.id;
    official = await env.login((await createUser(env.db, 'official', kotka.municipality)).email);
  });
  afterAll(() => env?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const language = (tag?: string): Record<string, string> => (tag === undefined ? {} : { 'Accept-Language': tag });
  /** Everything a client acts on, apart from the texts. */
  const structure = (body: ApiError) => ({
    statusCode: body.statusCode,
    error: body.error,
    fields: body.details?.map((d) => [d.field, d.messages.length]),
    refusals: body.refusals?.map((r) => [r.code, r.params]),
  });

  const badStart = (tag?: string) =>
    env
      .http()
      .post('/api/assessments')
      .set({ ...as(official), ...language(tag) })
      .send({ title: 'x', committeeId: 'not-a-committee', colour: 'blue' });

  it('answers a validation error in Finnish: the summary and each field problem', async () => {
    const en = await badStart().expect(400);
    const fi = await badStart('fi-FI,fi;q=0.9,en;q=0.8').expect(400);
    expect(structure(fi.body)).toEqual(structure(en.body));

    const english = en.body as ApiError;
    expect(english.message).toMatch(/^Please check the request\. /);
    expect(english.details).toEqual(
      expect.arrayContaining([
        { field: 'title', messages: ['must be 3–300 characters long'] },
        { field: 'committeeId', messages: ['must be the id of a committee'] },
        { field: 'colour', messages: ['property colour should not exist'] },
      ]),
    );

    const finnish = fi.body as ApiError;
    expect(finnish.message).toMatch(/^Tarkista pyyntö\. /);
    expect(finnish.message).toContain('title: pituuden pitää olla 3–300 merkkiä');
    expect(finnish.details).toEqual(
      expect.arrayContaining([
        { field: 'title', messages: ['pituuden pitää olla 3–300 merkkiä'] },
        { field: 'committeeId', messages: ['pitää olla lautakunnan tunniste'] },
        { field: 'colour', messages: ['kenttää colour ei tunneta'] },
      ]),
    );
    expect(finnish.message).not.toMatch(/must|should|Please/);
  });

  it('keeps English for Accept-Language en, an unknown language and no header', async () => {
    const none = await badStart().expect(400);
    for (const tag of ['en', 'en-GB,fi;q=0.5', 'de']) {
      const other = await badStart(tag).expect(400);
      expect(other.body).toEqual(none.body);
    }
    expect((none.body as ApiError).message).toMatch(/^Please check the request\. /);
  });

  it('answers a workflow refusal in Swedish: each refusal and the message made of them', async () => {
    const created = (await env.http().post('/api/assessments').set(as(official)).send({ title: 'Skolskjutsar', committeeId }).expect(201))
      .body as AssessmentDetail;
    const move = (tag?: string) =>
      env
        .http()
        .post(`/api/assessments/${created.id}/transitions`)
        .set({ ...as(official), ...language(tag) })
        .send({ action: 'open_consultation', version: created.version });

    const en = await move().expect(409);
    const sv = await move('sv').expect(409);
    expect(structure(sv.body)).toEqual(structure(en.body));

    const english = en.body as ApiError;
    expect(english.refusals).toEqual([
      {
        code: 'wrong_stage',
        params: { stage: 'screening', expectedStage: 'draft' },
        message: 'This can only be done in the draft stage; the assessment is in screening.',
      },
    ]);
    expect(english.message).toBe('This can only be done in the draft stage; the assessment is in screening.');

    const swedish = sv.body as ApiError;
    const inSwedish = 'Detta kan bara göras i skedet ”utkast”; bedömningen är i skedet ”förhandsbedömning”.';
    expect(swedish.refusals).toEqual([{ code: 'wrong_stage', params: { stage: 'screening', expectedStage: 'draft' }, message: inSwedish }]);
    expect(swedish.message).toBe(inSwedish);

    // The assessment did not move.
    const after = (await env.http().get(`/api/assessments/${created.id}`).set(as(official)).expect(200)).body as AssessmentDetail;
    expect(after).toMatchObject({ stage: 'screening', version: created.version });
  });

  it('answers 404 and a malformed id in Finnish, with the same status', async () => {
    const missing = `/api/assessments/${crypto.randomUUID()}`;
    const en = await env.http().get(missing).set(as(official)).expect(404);
    const fi = await env
      .http()
      .get(missing)
      .set({ ...as(official), ...language('fi') })
      .expect(404);
    expect(structure(fi.body)).toEqual(structure(en.body));
    expect((en.body as ApiError).message).toBe('No such assessment.');
    expect((fi.body as ApiError).message).toBe('Arviointia ei löytynyt.');

    const malformed = await env
      .http()
      .get('/api/assessments/123')
      .set({ ...as(official), ...language('fi') })
      .expect(400);
    expect((malformed.body as ApiError).message).toBe('Arvioinnin tunnisteen pitää olla UUID.');
    const route = await env
      .http()
      .get('/api/no-such-route')
      .set({ ...as(official), ...language('sv') })
      .expect(404);
    expect((route.body as ApiError).message).toBe('Adressen /api/no-such-route finns inte (GET).');
  });
});

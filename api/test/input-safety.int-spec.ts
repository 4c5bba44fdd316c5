import type { ApiError } from '@lava/contracts';
import { createMunicipality, createUser } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Input PostgreSQL cannot take (NUL, lone surrogates, numbers beyond its integer) and input our code
 * must never see (`__proto__`, deep nesting) gets a 400 naming the field, before any guard or
 * handler; nothing reaches the database as a 500 (common/input-safety.ts).
 */
describe('bad input is a 400 naming the field, never a 500', () => {
  let env: TestEnvironment;
  let official: string;
  let committeeId: string;
  let assessmentId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    committeeId = kotka.education.id;
    official = await env.login((await createUser(env.db, 'official', kotka.municipality)).email);
    assessmentId = (
      await env.http().post('/api/assessments').set(as(official)).send({ title: 'Koulukuljetukset', committeeId }).expect(201)
    ).body.id;
  });
  afterAll(() => env?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const fields = (body: ApiError) => Object.fromEntries((body.details ?? []).map((d) => [d.field, d.messages]));
  /** A JSON body sent byte for byte (numbers JavaScript cannot hold, escapes JSON.stringify would not write). */
  const raw = (method: 'post' | 'patch', path: string, json: string, token?: string) =>
    env
      .http()
      [method](path)
      .set({ 'Content-Type': 'application/json', ...(token ? as(token) : {}) })
      .send(json);
  const assessmentCount = async () => Number((await env.db.query(`SELECT count(*) AS n FROM assessments`))[0].n);

  it('refuses a NUL character in a title, naming the field, in Finnish too', async () => {
    const before = await assessmentCount();
    const response = await env
      .http()
      .post('/api/assessments')
      .set({ ...as(official), 'Accept-Language': 'fi' })
      .send({ title: 'Koulu\u0000verkko', committeeId })
      .expect(400);
    expect(fields(response.body)).toEqual({ title: ['ei saa sisältää NUL-merkkiä (U+0000)'] });
    expect(response.body.message).toBe('Tarkista pyyntö. title: ei saa sisältää NUL-merkkiä (U+0000)');
    expect(await assessmentCount()).toBe(before);
  });

  it('refuses a NUL character deep in a record field and a lone surrogate, with their paths', async () => {
    const response = await raw(
      'patch',
      `/api/assessments/${assessmentId}`,
      '{"version":1,"screening":{"rationale":"a\\u0000b"},"title":"Lone \\ud800 surrogate"}',
      official,
    ).expect(400);
    expect(fields(response.body)).toEqual({
      'screening.rationale': ['must not contain the NUL character (U+0000)'],
      title: ['contains a broken character (a lone UTF-16 surrogate)'],
    });
    const [row] = await env.db.query(`SELECT version, title FROM assessments WHERE id = $1`, [assessmentId]);
    expect(row).toEqual({ version: 1, title: 'Koulukuljetukset' });
  });

  it('refuses the unauthenticated sign-in with a NUL or a non-text e-mail as 400, not 500 or 401', async () => {
    const nul = await env.http().post('/api/auth/login').send({ email: 'a\u0000@b.example', password: 'x' }).expect(400);
    expect(fields(nul.body)).toEqual({ email: ['must not contain the NUL character (U+0000)'] });
    const notText = await env
      .http()
      .post('/api/auth/login')
      .send({ email: ['a@b.example'], password: { $ne: 1 } })
      .expect(400);
    expect(fields(notText.body)).toEqual({ email: ['must be text'], password: ['must be text'] });
    // A form-encoded body goes through the same check.
    await env.http().post('/api/auth/login').type('form').send('email=a%00%40b.example&password=x').expect(400);
  });

  it('refuses numbers beyond PostgreSQL integer in the body and in the query string', async () => {
    const body = await raw(
      'patch',
      `/api/assessments/${assessmentId}`,
      '{"version": 99999999999999999999, "title": "Uusi"}',
      official,
    ).expect(400);
    expect(fields(body.body)).toEqual({ version: ['must be at most 2147483647'] });
    await raw('patch', `/api/assessments/${assessmentId}`, '{"version": -1e400, "title": "Uusi"}', official).expect(400);
    const query = await env
      .http()
      .get(`/api/assessments/${assessmentId}/versions/compare?from=1&to=99999999999999999999`)
      .set(as(official))
      .expect(400);
    expect(fields(query.body)).toHaveProperty('to');
    const deleted = await env
      .http()
      .delete(`/api/consultations/00000000-0000-4000-8000-000000000001?version=99999999999999999999`)
      .set(as(official))
      .expect(400);
    expect(fields(deleted.body)).toEqual({ version: ['must be at most 2147483647'] });
  });

  it('refuses __proto__ as a field name and nesting deeper than 16 levels', async () => {
    const proto = await raw('patch', `/api/assessments/${assessmentId}`, '{"version":1,"__proto__":{"admin":true}}', official).expect(400);
    expect(proto.body.details).toEqual([{ field: '__proto__', messages: ['is not allowed as a field name'] }]);
    const deep = await raw(
      'patch',
      `/api/assessments/${assessmentId}`,
      `{"version":1,"screening":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      official,
    ).expect(400);
    expect(deep.body.details[0].messages).toEqual(['is nested too deeply (at most 16 levels)']);
  });

  it('answers a body over 100 KB with 413 and broken JSON with 400, saying so in the reader’s language', async () => {
    const response = await env
      .http()
      .post('/api/assessments')
      .set({ ...as(official), 'Accept-Language': 'sv' })
      .send({ title: 'x'.repeat(1024 * 1024), committeeId })
      .expect(413);
    expect(response.body.message).toBe('Begäran är för stor (högst 100 kB).');
    const broken = await raw('post', '/api/auth/login', '{"email": "a@b.example", ').set('Accept-Language', 'fi').expect(400);
    expect(broken.body.message).toBe('Pyynnön sisältö ei ole kelvollista JSONia.');
  });

  it('refuses NUL in the query string and the address, and a date that does not exist', async () => {
    const query = await env.http().get('/api/assessments?q=ab%00c').set(as(official)).expect(400);
    expect(fields(query.body)).toEqual({ q: ['must not contain the NUL character (U+0000)'] });
    const path = await env.http().get('/api/invitations/abc%00def').expect(400);
    expect(path.body.message).toBe('The address contains characters that are not allowed.');
    await env.http().get('/api/invitations/abc%ED%A0%80def').expect(400);
    const date = await env
      .http()
      .post('/api/assessments')
      .set(as(official))
      .send({ title: 'Helmikuu', committeeId, plannedMeetingDate: '2026-02-30' })
      .expect(400);
    expect(fields(date.body)).toEqual({ plannedMeetingDate: ['must be a date like 2027-02-15'] });
  });
});

import type { AssessmentDetail, WellbeingSet } from '@lava/contracts';
import { createMunicipality, createUser, type TestMunicipality } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/** Issue 10: an organization chooses the wellbeing indicator set its assessments tag impacts with. */
describe('the wellbeing indicator set (admin)', () => {
  let env: TestEnvironment;
  let kotka: TestMunicipality;
  let kouvola: TestMunicipality;
  let admin: string;
  let official: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    kotka = await createMunicipality(env.db, 'Kotka');
    kouvola = await createMunicipality(env.db, 'Kouvola');
    admin = await env.login((await createUser(env.db, 'admin', kotka.municipality)).email);
    official = await env.login((await createUser(env.db, 'official', kotka.municipality)).email);
  });
  afterAll(() => env?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const url = (id: string) => `/api/admin/organizations/${id}/wellbeing`;
  const put = (id: string, body: object) => env.http().put(url(id)).set(as(admin)).send(body);

  it('is none at first, SHANARRI or an own list when chosen, and assessments of the municipality get it', async () => {
    expect((await env.http().get(url(kotka.municipality.id)).set(as(admin)).expect(200)).body).toEqual({
      framework: 'none',
      indicators: [],
    });
    const shanarri = (await put(kotka.municipality.id, { framework: 'shanarri' }).expect(200)).body as WellbeingSet;
    expect(shanarri.indicators.map((i) => i.key)).toEqual([
      'safe',
      'healthy',
      'achieving',
      'nurtured',
      'active',
      'respected',
      'responsible',
      'included',
    ]);

    const own = (
      await put(kotka.municipality.id, { framework: 'custom', names: [' Turvallinen koulumatka ', 'Harrastus jokaiselle'] }).expect(200)
    ).body as WellbeingSet;
    expect(own).toEqual({
      framework: 'custom',
      indicators: [
        { key: 'w1', name: 'Turvallinen koulumatka' },
        { key: 'w2', name: 'Harrastus jokaiselle' },
      ],
    });
    // Reordered and grown: names that stay keep their key, so tagged impacts keep their indicator.
    const grown = (
      await put(kotka.municipality.id, {
        framework: 'custom',
        names: ['Harrastus jokaiselle', 'Kuulluksi tuleminen', 'turvallinen koulumatka'],
      }).expect(200)
    ).body as WellbeingSet;
    expect(grown.indicators.map((i) => i.key)).toEqual(['w2', 'w3', 'w1']);

    const created = (
      await env
        .http()
        .post('/api/assessments')
        .set(as(official))
        .send({ title: 'Koulukuljetukset', committeeId: kotka.education.id })
        .expect(201)
    ).body as AssessmentDetail;
    const detail = (await env.http().get(`/api/assessments/${created.id}`).set(as(official)).expect(200)).body as AssessmentDetail;
    expect(detail.wellbeing.indicators.map((i) => i.name)).toEqual([
      'Harrastus jokaiselle',
      'Kuulluksi tuleminen',
      'turvallinen koulumatka',
    ]);

    // Switched off, the own list is kept for switching back.
    await put(kotka.municipality.id, { framework: 'none' }).expect(200);
    const [row] = await env.db.query(`SELECT wellbeing_indicators FROM organizations WHERE id = $1`, [kotka.municipality.id]);
    expect(row.wellbeing_indicators).toHaveLength(3);
  });

  it('refuses with 4xx: a committee, an own list without names or with a name twice, another municipality, a non-admin', async () => {
    const committee = await put(kotka.education.id, { framework: 'shanarri' }).expect(400);
    expect(committee.body.message).toMatch(/Only a municipality or a wellbeing services county/);
    const empty = await put(kotka.municipality.id, { framework: 'custom', names: [] }).expect(400);
    expect(empty.body.details).toEqual([{ field: 'names', messages: ['must name at least one indicator'] }]);
    const twice = await put(kotka.municipality.id, { framework: 'custom', names: ['Osallisuus', 'osallisuus'] }).expect(400);
    expect(twice.body.message).toMatch(/named twice: osallisuus/);
    await put(kotka.municipality.id, { framework: 'gross national happiness' }).expect(400);
    await put(kotka.municipality.id, { framework: 'custom', names: Array.from({ length: 31 }, (_, i) => `Osoitin ${i}`) }).expect(400);
    await put(kotka.municipality.id, { framework: 'custom', names: ['x'.repeat(201)] }).expect(400);
    await put(kouvola.municipality.id, { framework: 'shanarri' }).expect(404);
    await env.http().put(url(kotka.municipality.id)).set(as(official)).send({ framework: 'shanarri' }).expect(403);
    await env.http().put(url('not-a-uuid')).set(as(admin)).send({ framework: 'shanarri' }).expect(400);
  });
});

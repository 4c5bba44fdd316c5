import type { ApiError, AssessmentVersionComparison, AssessmentVersionPage } from '@lava/contracts';
import type { User } from '../src/app/users/user.entity';
import { createMunicipality, createUser } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

describe('the version history: keyset pages, and comparing two versions', () => {
  let env: TestEnvironment;
  let official: string;
  let outsider: string;
  let colleague: User;
  let committeeId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    committeeId = kotka.education.id;
    official = await env.login((await createUser(env.db, 'official', kotka.municipality, { displayName: 'Anna Virtanen' })).email);
    colleague = await createUser(env.db, 'official', kotka.municipality, { displayName: 'Mikko Laine' });
    outsider = await env.login((await createUser(env.db, 'official', kouvola.municipality)).email);
  });
  afterAll(() => env?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const versions = (id: string, query = '', token = official) => env.http().get(`/api/assessments/${id}/versions${query}`).set(as(token));
  const compare = (id: string, query: string, token = official) =>
    env.http().get(`/api/assessments/${id}/versions/compare${query}`).set(as(token));

  async function create(title: string): Promise<string> {
    return (await env.http().post('/api/assessments').set(as(official)).send({ title, committeeId }).expect(201)).body.id;
  }

  /** Ends the open editing session, as ten minutes would: the next save starts a new version. */
  const endSession = (id: string) => env.db.query(`UPDATE assessment_versions SET open = false WHERE assessment_id = $1`, [id]);

  /** Saves the rationale `count` times, each in its own editing session, one version each (version 1 is the creation). */
  async function withRationaleEdits(title: string, count: number): Promise<string> {
    const id = await create(title);
    for (let version = 1; version <= count; version++) {
      await env
        .http()
        .patch(`/api/assessments/${id}`)
        .set(as(official))
        .send({ version, screening: { rationale: `Perustelu ${version}` } })
        .expect(200);
      await endSession(id);
    }
    return id;
  }

  it('pages the history newest first by version, with the version number as the cursor', async () => {
    const id = await withRationaleEdits('Seitsemän versiota', 6); // versions 1–7

    const first = (await versions(id, '?limit=3').expect(200)).body as AssessmentVersionPage;
    expect(first.items.map((v) => v.version)).toEqual([7, 6, 5]);
    expect(first.nextCursor).toBe(5);
    expect(first.items[0]).toMatchObject({
      kind: 'edited',
      changedBy: { displayName: 'Anna Virtanen' },
      changes: { 'screening.rationale': { from: 'Perustelu 5', to: 'Perustelu 6' } },
    });

    const second = (await versions(id, `?limit=3&before=${first.nextCursor}`).expect(200)).body as AssessmentVersionPage;
    expect(second.items.map((v) => v.version)).toEqual([4, 3, 2]);
    expect(second.nextCursor).toBe(2);

    // The last page has no cursor, also when it is exactly full.
    const last = (await versions(id, `?limit=1&before=${second.nextCursor}`).expect(200)).body as AssessmentVersionPage;
    expect(last).toMatchObject({ items: [{ version: 1, kind: 'created' }], nextCursor: null });
    expect(((await versions(id, '?before=1').expect(200)).body as AssessmentVersionPage).items).toEqual([]);

    // Without a limit: 30 a page, so all seven, and no cursor.
    const all = (await versions(id).expect(200)).body as AssessmentVersionPage;
    expect(all.items).toHaveLength(7);
    expect(all.nextCursor).toBeNull();
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=abc', 'limit'],
    ['?before=0', 'before'],
    ['?before=1.5', 'before'],
    ['?before=99999999999', 'before'],
    ['?after=3', 'after'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const id = await create('Huonot sivutusarvot');
    const body = (await versions(id, query).expect(400)).body as ApiError;
    expect(body.message).toContain(field);
  });

  it('answers 404 for the history of another municipality’s assessment, like the rest', async () => {
    const id = await create('Vain Kotkan');
    await versions(id, '', outsider).expect(404);
  });

  describe('compare', () => {
    let id: string;

    /**
     * v1 created; v2 rationale '' → 'Eka'; v3 rationale → 'Toka' and the summary '' → 'Lyhyesti';
     * v4 (by a colleague) summary back to ''; v5 rationale → 'Kolmas'.
     */
    beforeAll(async () => {
      id = await create('Vertailtava arviointi');
      const patch = (body: object) => env.http().patch(`/api/assessments/${id}`).set(as(official)).send(body).expect(200);
      await patch({ version: 1, screening: { rationale: 'Eka' } });
      await endSession(id);
      await patch({ version: 2, screening: { rationale: 'Toka' }, plainLanguageSummary: 'Lyhyesti' });
      // Only the responsible official edits through the API; another person's version is written as saveVersion would.
      await env.db.query(`UPDATE assessments SET version = 4, plain_language_summary = '' WHERE id = $1`, [id]);
      await env.db.query(
        `INSERT INTO assessment_versions (assessment_id, version, changed_by_id, kind, changes)
         VALUES ($1, 4, $2, 'edited', $3::jsonb)`,
        [id, colleague.id, JSON.stringify({ plainLanguageSummary: { from: 'Lyhyesti', to: '' } })],
      );
      await patch({ version: 4, screening: { rationale: 'Kolmas' } });
    });

    it('gives each field changed in between its first from and last to, how often and by whom; untouched fields are absent', async () => {
      const result = (await compare(id, '?from=1&to=5').expect(200)).body as AssessmentVersionComparison;
      expect(result).toEqual({
        from: 1,
        to: 5,
        fields: [
          {
            field: 'plainLanguageSummary',
            from: '',
            to: '',
            changedBack: true,
            changeCount: 2,
            changedBy: [
              { id: expect.any(String), displayName: 'Anna Virtanen' },
              { id: colleague.id, displayName: 'Mikko Laine' },
            ],
          },
          {
            field: 'screening.rationale',
            from: '',
            to: 'Kolmas',
            changedBack: false,
            changeCount: 3,
            changedBy: [{ id: expect.any(String), displayName: 'Anna Virtanen' }],
          },
        ],
      });
    });

    it('compares from the older version, exclusive, to the newer one, inclusive', async () => {
      const result = (await compare(id, '?from=3&to=4').expect(200)).body as AssessmentVersionComparison;
      expect(result.fields).toEqual([
        {
          field: 'plainLanguageSummary',
          from: 'Lyhyesti',
          to: '',
          changedBack: false,
          changeCount: 1,
          changedBy: [{ id: colleague.id, displayName: 'Mikko Laine' }],
        },
      ]);
      const rationale = ((await compare(id, '?from=2&to=5').expect(200)).body as AssessmentVersionComparison).fields.find(
        (f) => f.field === 'screening.rationale',
      );
      expect(rationale).toMatchObject({ from: 'Eka', to: 'Kolmas', changeCount: 2 });
    });

    it.each([
      ['?from=3&to=3', /older version \(from = 3\) must be lower than the newer one \(to = 3\)/],
      ['?from=4&to=2', /from = 4.*to = 2/],
      ['?to=3', /from/],
      ['?from=1', /to/],
      ['?from=x&to=3', /from/],
      ['?from=0&to=3', /from/],
    ])('refuses %s with 400', async (query, message) => {
      expect(((await compare(id, query).expect(400)).body as ApiError).message).toMatch(message);
    });

    it('answers 404 naming a version the assessment does not have', async () => {
      expect(((await compare(id, '?from=1&to=6').expect(404)).body as ApiError).message).toBe('This assessment has no version 6.');
      const fi = await compare(id, '?from=1&to=60').set('Accept-Language', 'fi').expect(404);
      expect(fi.body.message).toBe('Arvioinnilla ei ole versiota 60.');
    });

    it('answers 404 for another municipality’s assessment, as for the history', async () => {
      expect(((await compare(id, '?from=1&to=5', outsider).expect(404)).body as ApiError).message).toBe('No such assessment.');
    });
  });
});

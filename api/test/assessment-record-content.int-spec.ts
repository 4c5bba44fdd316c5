import type { ApiError, AssessmentDetail, AssessmentVersionPage, ImpactMatrixRow } from '@lava/contracts';
import { randomUUID } from 'node:crypto';
import { seedDemoData } from '../src/app/demo/seed-demo-data';
import { createMunicipality, createUser, makeReviewReady } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

describe('the full assessment record (content sections through PATCH, relational tables, history, refusals)', () => {
  let env: TestEnvironment;
  let official: string;
  let reviewer: string;
  let committeeId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    committeeId = kotka.education.id;
    official = await env.login((await createUser(env.db, 'official', kotka.municipality, { displayName: 'Anna Virtanen' })).email);
    reviewer = await env.login((await createUser(env.db, 'reviewer', kotka.municipality)).email);
  });
  afterAll(() => env?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const patch = (id: string, body: object, token = official) => env.http().patch(`/api/assessments/${id}`).set(as(token)).send(body);
  const get = async (id: string) => (await env.http().get(`/api/assessments/${id}`).set(as(official)).expect(200)).body as AssessmentDetail;
  const fields = (body: ApiError) => (body.details ?? []).map((d) => d.field);

  /** An assessment in draft (screened "yes", full assessment started), as the official sees it. */
  async function drafted(title: string): Promise<AssessmentDetail> {
    const created = (await env.http().post('/api/assessments').set(as(official)).send({ title, committeeId }).expect(201)).body;
    await patch(created.id, { version: 1, screening: { affectsChildren: true, rationale: 'Koskee kouluikäisiä.' } }).expect(200);
    return (
      await env
        .http()
        .post(`/api/assessments/${created.id}/transitions`)
        .set(as(official))
        .set('Accept-Language', 'fi')
        .send({ action: 'start_full_assessment', version: 2, signatureConfirmed: true })
        .expect(200)
    ).body as AssessmentDetail;
  }

  it('starts the full assessment with the proposal and "no change", each with an impact per general principle, nothing stated', async () => {
    const a = await drafted('Kouluverkkoselvitys');
    expect(a.alternatives.items.map((x) => [x.title, x.defaultName])).toEqual([
      ['', 'proposal'],
      ['', 'no_change'],
    ]);
    const [proposal, noChange] = a.alternatives.items;
    expect(a.impactMatrix.rows.map((r) => [r.alternativeId, r.articles, r.direction])).toEqual([
      [proposal.id, [2], null],
      [proposal.id, [3], null],
      [proposal.id, [6], null],
      [proposal.id, [12], null],
      [noChange.id, [2], null],
      [noChange.id, [3], null],
      [noChange.id, [6], null],
      [noChange.id, [12], null],
    ]);
    const rows = await env.db.query(`SELECT count(*)::int AS n FROM impact_matrix_rows WHERE assessment_id = $1`, [a.id]);
    expect(rows[0].n).toBe(8);
    const history = (await env.http().get(`/api/assessments/${a.id}/versions`).set(as(official)).expect(200)).body as AssessmentVersionPage;
    expect(Object.keys(history.items[0].changes).sort()).toEqual([
      'alternatives.items',
      'impactMatrix.rows',
      'screening.signedBy',
      'stage',
    ]);
  });

  it('saves every section, stores the lists relationally, answers them in GET and names each change <section>.<field>', async () => {
    const a = await drafted('Nuorisotalon aukioloajat');
    const [proposal, noChange] = a.alternatives.items;
    const third = { id: randomUUID(), title: 'Aukiolo vain viikonloppuisin', description: 'Säästö puolet pienempi.', defaultName: null };
    const negative: ImpactMatrixRow = {
      id: randomUUID(),
      alternativeId: proposal.id,
      articles: [31],
      groups: ['low_income_families'],
      wellbeing: [],
      direction: 'negative',
      directness: 'direct',
      term: 'long',
      note: 'Maksuton vapaa-ajan paikka vähenee.',
    };
    const indicator = { id: randomUUID(), indicator: 'Nuorisotalon kävijämäärä', owner: 'Nuorisopalvelut', dueDate: '2028-01-31' };
    const evidence = {
      id: randomUUID(),
      source: 'Kouluterveyskysely 2025',
      url: '',
      date: '2025-09-01',
      finding: '18 % 8.–9.-luokkalaisista käy nuorisotalolla viikoittain.',
    };
    const saved = await patch(a.id, {
      version: a.version,
      scope: {
        childrenAffected: 'Hovinsaaren 10–17-vuotiaat, noin 600 nuorta.',
        vulnerableGroups: [
          { group: 'rural_areas', note: 'Saaristosta tullaan bussilla.' },
          { group: 'low_income_families', note: 'Ainoa maksuton harrastuspaikka.' },
        ],
      },
      legalBasis: {
        uncrcArticles: [31, 3, 12],
        nationalLaw: 'Nuorisolaki 1285/2016',
        welfarePlan: 'Lasten ja nuorten hyvinvointisuunnitelma 2025–2028',
      },
      alternatives: { items: [proposal, noChange, third] },
      evidence: { items: [evidence], gaps: 'Alle 13-vuotiaiden käytöstä ei ole tietoa.' },
      childrensViews: {
        methods: ['youth_council_statement', 'workshop'],
        howGathered: 'Työpaja 3.11.',
        whatTheySaid: 'Perjantai-illat tärkeimmät.',
      },
      impactMatrix: { rows: [...a.impactMatrix.rows, negative] },
      mitigation: { text: 'Perjantaiaukiolo säilyy.' },
      changesMade: { text: 'Perjantai lisättiin nuorten toiveesta.' },
      recommendation: { text: 'Vaihtoehto 3.', bestInterests: 'Vapaa-aika ja turvallinen paikka.' },
      communication: { text: 'Nuorisovaltuusto kertoo Instagramissa.' },
      followUp: { indicators: [indicator] },
    }).expect(200);
    const body = saved.body as AssessmentDetail;
    expect(body.version).toBe(a.version + 1);
    expect(body.scope.vulnerableGroups.map((g) => g.group)).toEqual(['low_income_families', 'rural_areas']);
    expect(body.legalBasis.uncrcArticles).toEqual([3, 12, 31]);
    expect(body.alternatives.items.map((x) => x.id)).toEqual([proposal.id, noChange.id, third.id]);
    // The new alternative got its general-principle rows, after the rows that were sent.
    expect(body.impactMatrix.rows).toHaveLength(8 + 1 + 4);
    expect(body.impactMatrix.rows[8]).toEqual(negative);
    expect(body.impactMatrix.rows.slice(9).map((r) => [r.alternativeId, r.articles])).toEqual([
      [third.id, [2]],
      [third.id, [3]],
      [third.id, [6]],
      [third.id, [12]],
    ]);
    expect(body.evidence.items).toEqual([evidence]);
    expect(body.followUp.indicators).toEqual([indicator]);
    expect(await get(a.id)).toEqual(body);

    const stored = await env.db.query(
      `SELECT uncrc_articles, group_keys, direction FROM impact_matrix_rows WHERE assessment_id = $1 AND direction = 'negative'`,
      [a.id],
    );
    expect(stored).toEqual([{ uncrc_articles: [31], group_keys: ['low_income_families'], direction: 'negative' }]);

    const [latest] = (
      (await env.http().get(`/api/assessments/${a.id}/versions`).set(as(official)).expect(200)).body as AssessmentVersionPage
    ).items;
    expect(Object.keys(latest.changes).sort()).toEqual(
      [
        'alternatives.items',
        'changesMade.text',
        'childrensViews.howGathered',
        'childrensViews.methods',
        'childrensViews.whatTheySaid',
        'communication.text',
        'evidence.gaps',
        'evidence.items',
        'followUp.indicators',
        'impactMatrix.rows',
        'legalBasis.nationalLaw',
        'legalBasis.uncrcArticles',
        'legalBasis.welfarePlan',
        'mitigation.text',
        'recommendation.bestInterests',
        'recommendation.text',
        'scope.childrenAffected',
        'scope.vulnerableGroups',
      ].sort(),
    );
    expect(latest.changes['mitigation.text']).toEqual({ from: '', to: 'Perjantaiaukiolo säilyy.' });

    // Sending the same content again is not a new version; removing an alternative removes its rows.
    const again = await patch(a.id, { version: body.version, mitigation: { text: 'Perjantaiaukiolo säilyy.' } }).expect(200);
    expect(again.body.version).toBe(body.version);
    // (In a later editing session: within one, adding and removing the alternative would leave no trace in the version.)
    await env.db.query(`UPDATE assessment_versions SET open = false WHERE assessment_id = $1`, [a.id]);
    const removed = (await patch(a.id, { version: body.version, alternatives: { items: [proposal, noChange] } }).expect(200))
      .body as AssessmentDetail;
    expect(removed.impactMatrix.rows.some((r) => r.alternativeId === third.id)).toBe(false);
    expect(removed.impactMatrix.rows).toHaveLength(9);
    const [removal] = (
      (await env.http().get(`/api/assessments/${a.id}/versions`).set(as(official)).expect(200)).body as AssessmentVersionPage
    ).items;
    expect(Object.keys(removal.changes).sort()).toEqual(['alternatives.items', 'impactMatrix.rows']);

    // A general principle cannot be removed: an impact naming it comes back, nothing stated.
    const withoutArticle2 = removed.impactMatrix.rows.filter((r) => !(r.alternativeId === proposal.id && r.articles.includes(2)));
    const kept = (await patch(a.id, { version: removed.version, impactMatrix: { rows: withoutArticle2 } }).expect(200))
      .body as AssessmentDetail;
    expect(kept.version).toBe(removed.version + 1);
    expect(kept.impactMatrix.rows.filter((r) => r.alternativeId === proposal.id && r.articles.includes(2))).toEqual([
      expect.objectContaining({ direction: null, groups: [] }),
    ]);
  });

  it('refuses bad content with 400s naming each field, and saves nothing', async () => {
    const a = await drafted('Leikkipuiston peruskorjaus');
    const [proposal] = a.alternatives.items;
    const row = (over: Partial<ImpactMatrixRow>) => ({ ...a.impactMatrix.rows[0], id: randomUUID(), ...over });

    const unknownAlternative = await patch(a.id, {
      version: a.version,
      impactMatrix: { rows: [...a.impactMatrix.rows, row({ alternativeId: randomUUID() })] },
    }).expect(400);
    expect(fields(unknownAlternative.body)).toEqual(['impactMatrix.rows.8.alternativeId']);
    expect(unknownAlternative.body.message).toContain('is not one of the assessment’s alternatives');

    const badValues = await patch(a.id, {
      version: a.version,
      legalBasis: { uncrcArticles: [3, 99] },
      impactMatrix: { rows: [row({ articles: [0], direction: 'sideways' as never })] },
      scope: { vulnerableGroups: [{ group: ' ', note: '' }] },
      childrensViews: { methods: ['telepathy'] },
      evidence: { items: [{ id: 'not-a-uuid', source: 'x', date: '31.12.2025', finding: '' }] },
    }).expect(400);
    expect(fields(badValues.body).sort()).toEqual(
      [
        'childrensViews.methods',
        'evidence.items.0.date',
        'evidence.items.0.id',
        'impactMatrix.rows.0.articles',
        'impactMatrix.rows.0.direction',
        'legalBasis.uncrcArticles',
        'scope.vulnerableGroups.0.group',
      ].sort(),
    );
    expect(badValues.body.message).toContain('must be a UNCRC article number (1–54)');

    const tooMuch = await patch(a.id, {
      version: a.version,
      mitigation: { text: 'x'.repeat(20001) },
      alternatives: { items: Array.from({ length: 11 }, (_, i) => ({ id: randomUUID(), title: `V${i}`, description: '' })) },
      impactMatrix: { rows: Array.from({ length: 401 }, () => row({})) },
    }).expect(400);
    expect(fields(tooMuch.body).sort()).toEqual(['alternatives.items', 'impactMatrix.rows', 'mitigation.text']);
    expect(tooMuch.body.message).toContain('must be at most 20000 characters long');
    expect(tooMuch.body.message).toContain('must have at most 10 alternatives');

    const repeated = await patch(a.id, { version: a.version, alternatives: { items: [proposal, proposal] } }).expect(400);
    expect(fields(repeated.body)).toEqual(['alternatives.items.1.id']);
    await patch(a.id, { version: a.version, mitigation: { text: 'ok', colour: 'red' } }).expect(400);

    expect(await get(a.id)).toEqual(a);
  });

  it('answers a stale version with 409 naming what changed, and keeps the content read-only outside draft and final after the decision', async () => {
    const a = await drafted('Koulukuljetusten reitit');
    await patch(a.id, { version: a.version, mitigation: { text: 'Ensimmäinen istunto' } }).expect(200);
    const stale = await patch(a.id, { version: a.version, mitigation: { text: 'Toinen istunto' } }).expect(409);
    expect(stale.body.conflict).toEqual({
      currentVersion: a.version + 1,
      changes: [expect.objectContaining({ version: a.version + 1, changedBy: 'Anna Virtanen', fields: ['mitigation.text'] })],
    });
    expect((await get(a.id)).mitigation.text).toBe('Ensimmäinen istunto');

    // A reviewer may read but not edit.
    const notOfficial = await patch(a.id, { version: a.version + 1, mitigation: { text: 'Arvioijan muutos' } }, reviewer).expect(403);
    expect(notOfficial.body.refusals.map((r: { code: string }) => r.code)).toEqual(['role_not_allowed']);

    await patch(a.id, { version: a.version + 1, plainLanguageSummary: 'Koulubussi ajaa uutta reittiä.' }).expect(200);
    await makeReviewReady(env.db, a.id);
    await env
      .http()
      .post(`/api/assessments/${a.id}/transitions`)
      .set(as(official))
      .send({ action: 'send_to_review_without_consultation', version: a.version + 2, reason: 'Kuultu koulukyselyssä.' })
      .expect(200);
    const inReview = await patch(a.id, { version: a.version + 3, recommendation: { text: 'Muutettu katselmoinnissa' } }).expect(409);
    expect(inReview.body.refusals.map((r: { code: string }) => r.code)).toEqual(['content_read_only']);

    await env.db.query(`UPDATE assessments SET stage = 'decided' WHERE id = $1`, [a.id]);
    const decided = await patch(a.id, { version: a.version + 3, impactMatrix: { rows: [] } }).expect(409);
    expect(decided.body.refusals.map((r: { code: string }) => r.code)).toEqual(['stage_is_final']);
    const after = await get(a.id);
    expect(after.recommendation.text).toBe('');
    expect(after.impactMatrix.rows).toHaveLength(8);
  });

  it('gives the demo assessments past the screening a full record', async () => {
    expect(await seedDemoData(env.db)).toBe(true);
    const [row] = await env.db.query(`SELECT id FROM assessments WHERE title = 'Kouluverkkoselvitys 2027–2030'`);
    const demoOfficial = await env.login('official@kotka.example', 'lava-demo-2026');
    const demo = (await env.http().get(`/api/assessments/${row.id}`).set(as(demoOfficial)).expect(200)).body as AssessmentDetail;
    expect(demo.stage).toBe('draft');
    expect(demo.alternatives.items).toHaveLength(3);
    expect(demo.scope.vulnerableGroups.map((g) => g.group)).toEqual(['disabled_children', 'low_income_families', 'migrant_background']);
    for (const alternative of demo.alternatives.items) {
      const articles = demo.impactMatrix.rows.filter((r) => r.alternativeId === alternative.id).flatMap((r) => r.articles);
      expect(articles).toEqual(expect.arrayContaining([2, 3, 6, 12]));
    }
    // It uses SHANARRI and impacts naming several articles; "no change" is named in the reader's language.
    expect(demo.wellbeing.framework).toBe('shanarri');
    expect(demo.wellbeing.indicators.map((i) => i.key)).toContain('nurtured');
    expect(demo.impactMatrix.rows.some((r) => r.articles.length > 1 && r.wellbeing.length > 0)).toBe(true);
    expect(demo.alternatives.items[1]).toMatchObject({ title: '', defaultName: 'no_change' });
    expect(demo.evidence.items.map((e) => e.date)).toContain('2021–2024');
    expect(demo.followUp.indicators.length).toBeGreaterThan(0);
    // The demo record is consistent with what a PATCH would save: sending it back changes nothing.
    const same = await patch(
      demo.id,
      { version: demo.version, impactMatrix: demo.impactMatrix, alternatives: demo.alternatives },
      demoOfficial,
    );
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(demo.version);
  });
});

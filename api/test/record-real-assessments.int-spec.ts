import type {
  ApiError,
  AssessmentDetail,
  AssessmentVersionComparison,
  AssessmentVersionPage,
  ImpactMatrixRow,
  ListChange,
} from '@lava/contracts';
import { randomUUID } from 'node:crypto';
import { createMunicipality, createUser } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Issue 10: a draft always saves, the record holds a real assessment (multi-article impacts, "not
 * stated", evidence URLs and fuzzy dates, named groups, default alternatives in the reader's
 * language), review is guarded by completeness, the screening is signed explicitly, and one
 * person's autosaves of one editing session form one version holding only what changed.
 */
describe('a record that holds real assessments', () => {
  let env: TestEnvironment;
  let official: string;
  let colleague: string;
  let officialId: string;
  let colleagueId: string;
  let committeeId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    committeeId = kotka.education.id;
    const anna = await createUser(env.db, 'official', kotka.municipality, { displayName: 'Anna Virtanen' });
    const ville = await createUser(env.db, 'official', kotka.municipality, { displayName: 'Ville Koski' });
    [official, colleague, officialId, colleagueId] = [await env.login(anna.email), await env.login(ville.email), anna.id, ville.id];
  });
  afterAll(() => env?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const patch = (id: string, body: object, token = official) => env.http().patch(`/api/assessments/${id}`).set(as(token)).send(body);
  const move = (id: string, body: object, language = 'en') =>
    env.http().post(`/api/assessments/${id}/transitions`).set(as(official)).set('Accept-Language', language).send(body);
  const get = async (id: string, language = 'en') =>
    (await env.http().get(`/api/assessments/${id}`).set(as(official)).set('Accept-Language', language).expect(200))
      .body as AssessmentDetail;
  const history = async (id: string) =>
    (await env.http().get(`/api/assessments/${id}/versions`).set(as(official)).expect(200)).body as AssessmentVersionPage;
  const codes = (body: ApiError) => (body.refusals ?? []).map((r) => r.code);

  async function screened(title: string): Promise<AssessmentDetail> {
    const created = (await env.http().post('/api/assessments').set(as(official)).send({ title, committeeId }).expect(201)).body;
    return (await patch(created.id, { version: 1, screening: { affectsChildren: true, rationale: 'Koskee koululaisia.' } }).expect(200))
      .body as AssessmentDetail;
  }
  async function drafted(title: string): Promise<AssessmentDetail> {
    const a = await screened(title);
    return (await move(a.id, { action: 'start_full_assessment', version: a.version, signatureConfirmed: true }).expect(200))
      .body as AssessmentDetail;
  }
  const impact = (alternativeId: string, articles: number[], direction: ImpactMatrixRow['direction'], note = ''): ImpactMatrixRow => ({
    id: randomUUID(),
    alternativeId,
    articles,
    groups: ['all'],
    wellbeing: [],
    direction,
    directness: null,
    term: null,
    note,
  });

  describe('the screening signature', () => {
    it('is refused until the official confirms signing in their own name, then names the signer', async () => {
      const a = await screened('Uimahallin aukioloajat');
      const unconfirmed = await move(a.id, { action: 'start_full_assessment', version: a.version }).expect(400);
      expect(codes(unconfirmed.body)).toEqual(['signature_not_confirmed']);
      expect((await get(a.id)).screening.signedBy).toBeNull();
      const started = (await move(a.id, { action: 'start_full_assessment', version: a.version, signatureConfirmed: true }).expect(200))
        .body as AssessmentDetail;
      expect(started.screening.signedBy?.displayName).toBe('Anna Virtanen');
      expect(started.stage).toBe('draft');
    });
  });

  describe('default alternatives', () => {
    it('stores no name for "the proposal" and "no change": each reader gets them in their own language', async () => {
      const a = await drafted('Kirjaston aukioloajat');
      expect(a.alternatives.items.map((x) => [x.title, x.defaultName])).toEqual([
        ['', 'proposal'],
        ['', 'no_change'],
      ]);
      const stored = await env.db.query(`SELECT title FROM assessment_alternatives WHERE assessment_id = $1`, [a.id]);
      expect(stored.map((r: { title: string }) => r.title)).toEqual(['', '']);
      // Impacts for the general principles are there, with nothing stated yet.
      expect(a.impactMatrix.rows.map((r) => [r.articles, r.groups, r.direction, r.directness, r.term])).toEqual(
        [2, 3, 6, 12, 2, 3, 6, 12].map((n) => [[n], [], null, null, null]),
      );
      // Writing a title makes it the official's own name.
      const [proposal, noChange] = a.alternatives.items;
      const renamed = (
        await patch(a.id, { version: a.version, alternatives: { items: [{ ...proposal, title: 'Lauantait auki' }, noChange] } }).expect(200)
      ).body as AssessmentDetail;
      expect(renamed.alternatives.items.map((x) => [x.title, x.defaultName])).toEqual([
        ['Lauantait auki', null],
        ['', 'no_change'],
      ]);
    });
  });

  describe('a draft always saves', () => {
    it('saves what is unfinished (one unnamed alternative, impacts with nothing stated or no group), refusing only wrong types and limits', async () => {
      const a = await drafted('Kouluverkkoselvitys');
      const [proposal] = a.alternatives.items;
      const unnamed = { id: randomUUID(), title: '', description: '', defaultName: null };
      const bare = { ...impact(unnamed.id, [], null), groups: [] };
      const saved = await patch(a.id, {
        version: a.version,
        alternatives: { items: [proposal, unnamed] },
        impactMatrix: { rows: [...a.impactMatrix.rows.filter((r) => r.alternativeId === proposal.id), bare] },
        evidence: { items: [{ id: randomUUID(), source: '', url: '', date: null, finding: 'Luvut puuttuvat vielä.' }] },
      }).expect(200);
      const detail = saved.body as AssessmentDetail;
      expect(detail.alternatives.items).toHaveLength(2);
      expect(detail.impactMatrix.rows.find((r) => r.id === bare.id)).toMatchObject({ articles: [], groups: [], direction: null });

      // Even a single alternative saves: comparing two is checked when the assessment goes to review.
      const single = await patch(a.id, { version: detail.version, alternatives: { items: [proposal] } }).expect(200);
      expect((single.body as AssessmentDetail).alternatives.items).toHaveLength(1);

      // Wrong types and hard limits are still refused, naming the field.
      const wrong = await patch(a.id, {
        version: (single.body as AssessmentDetail).version,
        impactMatrix: { rows: [{ ...impact(proposal.id, [55], 'sideways' as never) }] },
      }).expect(400);
      expect((wrong.body as ApiError).details?.map((d) => d.field).sort()).toEqual([
        'impactMatrix.rows.0.articles',
        'impactMatrix.rows.0.direction',
      ]);
    });

    it('holds one impact with several articles, several groups, wellbeing tags and "not stated" judgements', async () => {
      const a = await drafted('Lastensuojelun perhetyö');
      const [proposal] = a.alternatives.items;
      const exploitation: ImpactMatrixRow = {
        ...impact(proposal.id, [36, 34, 35], 'positive', 'Safer referral routes.'),
        groups: ['children_in_care', '13–17-vuotiaat tytöt'],
        wellbeing: ['safe', 'nurtured'],
        directness: 'indirect',
      };
      const detail = (await patch(a.id, { version: a.version, impactMatrix: { rows: [...a.impactMatrix.rows, exploitation] } }).expect(200))
        .body as AssessmentDetail;
      expect(detail.impactMatrix.rows.at(-1)).toEqual({ ...exploitation, articles: [34, 35, 36] });
      const reloaded = await get(a.id);
      expect(reloaded.impactMatrix.rows.at(-1)).toMatchObject({ articles: [34, 35, 36], term: null, groups: exploitation.groups });
    });

    it('takes evidence with a URL and a year or a range of years, and named vulnerable groups and an age range', async () => {
      const a = await drafted('Nuorisotilan siirto');
      const items = [
        { id: randomUUID(), source: 'Kouluterveyskysely', url: 'https://thl.fi/kouluterveyskysely', date: '2021', finding: '' },
        { id: randomUUID(), source: 'Hyvinvointikertomus', url: '', date: '2020-21', finding: '' },
        { id: randomUUID(), source: 'Kävijätilasto', url: '', date: '2025-09-15', finding: '' },
      ];
      const detail = (
        await patch(a.id, {
          version: a.version,
          evidence: { items },
          scope: {
            vulnerableGroups: [
              { group: 'Nuoret omaishoitajat', note: 'Iltaisin kotona.' },
              { group: 'rural_areas', note: '' },
            ],
          },
          screening: { ageRange: { min: 10, max: 15 } },
        }).expect(200)
      ).body as AssessmentDetail;
      expect(detail.evidence.items.map((e) => [e.url, e.date])).toEqual([
        ['https://thl.fi/kouluterveyskysely', '2021'],
        ['', '2020–2021'],
        ['', '2025-09-15'],
      ]);
      expect(detail.scope.vulnerableGroups.map((g) => g.group)).toEqual(['rural_areas', 'Nuoret omaishoitajat']);
      expect(detail.screening.ageRange).toEqual({ min: 10, max: 15 });

      const bad = await patch(a.id, {
        version: detail.version,
        evidence: { items: [{ ...items[0], url: 'javascript:alert(1)', date: '2021–2019' }] },
        screening: { ageRange: { min: 16, max: 12 } },
      }).expect(400);
      expect((bad.body as ApiError).details?.map((d) => d.field).sort()).toEqual(['evidence.items.0.date', 'evidence.items.0.url']);
      const reversed = await patch(a.id, { version: detail.version, screening: { ageRange: { min: 16, max: 12 } } }).expect(400);
      expect((reversed.body as ApiError).details?.map((d) => d.field)).toEqual(['screening.ageRange.max']);
    });
  });

  describe('send to review', () => {
    it('is refused with the reasons the action bar shows until two alternatives are compared, the principles considered, evidence and views given', async () => {
      const a = await drafted('Koulukuljetusten kilpailutus');
      const summarized = (await patch(a.id, { version: a.version, plainLanguageSummary: 'Koulubussit kilpailutetaan.' }).expect(200))
        .body as AssessmentDetail;
      const send = (version: number) =>
        move(a.id, { action: 'send_to_review_without_consultation', version, reason: 'Kuultu koulukyselyssä.' });
      const refused = await send(summarized.version).expect(409);
      expect(codes(refused.body)).toEqual([
        'too_few_alternatives_compared',
        'principle_not_considered',
        'no_evidence_or_gap',
        'no_childrens_views_or_reason',
      ]);
      const actions = (await env.http().get(`/api/assessments/${a.id}/actions`).set(as(official)).expect(200)).body as {
        action: string;
        reasons: { code: string }[];
      }[];
      expect(actions.find((x) => x.action === 'send_to_review_without_consultation')?.reasons.map((r) => r.code)).toContain(
        'principle_not_considered',
      );

      const [proposal, noChange] = summarized.alternatives.items;
      // One multi-article impact per alternative considers all four principles; article 6 left unjudged for "no change".
      const partly = (
        await patch(a.id, {
          version: summarized.version,
          impactMatrix: { rows: [impact(proposal.id, [2, 3, 6, 12], 'positive'), impact(noChange.id, [2, 3, 12], 'neutral')] },
          evidence: { items: [], gaps: 'Kuljetusmatkoista ei ole tilastoa.' },
          childrensViews: { notHeardReason: 'Kilpailutus ei muuta reittejä; oppilaat kuullaan reittisuunnittelussa.' },
        }).expect(200)
      ).body as AssessmentDetail;
      const still = await send(partly.version).expect(409);
      expect((still.body as ApiError).refusals?.map((r) => [r.code, r.params])).toEqual([
        ['principle_not_considered', { articles: '6', count: 1 }],
      ]);

      const complete = (
        await patch(a.id, {
          version: partly.version,
          impactMatrix: { rows: [...partly.impactMatrix.rows, impact(noChange.id, [6], 'unknown')] },
        }).expect(200)
      ).body as AssessmentDetail;
      const sent = (await send(complete.version).expect(200)).body as AssessmentDetail;
      expect(sent.stage).toBe('review');
    });
  });

  describe('versions', () => {
    it('makes one version of one person’s saves within an editing session, keeping the value before it and gapless numbers', async () => {
      const a = await drafted('Liikuntapaikkojen vuorot');
      let version = a.version;
      for (const text of ['Ensimmäinen luonnos.', 'Toinen luonnos.', 'Kolmas luonnos.']) {
        version = ((await patch(a.id, { version, mitigation: { text } }).expect(200)).body as AssessmentDetail).version;
      }
      expect(version).toBe(a.version + 3);
      const page = await history(a.id);
      expect(page.items.map((v) => [v.version, v.kind, v.saves])).toEqual([
        [version, 'edited', 3],
        [a.version, 'transition:start_full_assessment', 1],
        [a.version - 1, 'edited', 1],
        [1, 'created', 1],
      ]);
      expect(page.items[0].changes).toEqual({ 'mitigation.text': { from: '', to: 'Kolmas luonnos.' } });
      // The lock still moves with every save: the version before the last save is stale.
      const stale = await patch(a.id, { version: version - 1, mitigation: { text: 'Vanhasta.' } }).expect(409);
      expect((stale.body as ApiError).conflict?.currentVersion).toBe(version);
      // A field changed and changed back within the session drops out of the version.
      version = ((await patch(a.id, { version, changesMade: { text: 'Lisätty.' } }).expect(200)).body as AssessmentDetail).version;
      version = ((await patch(a.id, { version, changesMade: { text: '' } }).expect(200)).body as AssessmentDetail).version;
      expect(Object.keys((await history(a.id)).items[0].changes)).toEqual(['mitigation.text']);
    });

    it('closes the version at a session of 10 minutes, a named version, a conflict resolution and a transition', async () => {
      const a = await drafted('Nuorisovaltuuston budjetti');
      const save = async (version: number, text: string, extra: object = {}) =>
        ((await patch(a.id, { version, mitigation: { text }, ...extra }).expect(200)).body as AssessmentDetail).version;
      let version = await save(a.version, 'A');
      // Ten minutes after the session's first save, the next save starts a new version.
      await env.db.query(
        `UPDATE assessment_versions SET started_at = started_at - interval '11 minutes' WHERE assessment_id = $1 AND version = $2`,
        [a.id, version],
      );
      version = await save(version, 'B');
      version = await save(version, 'C');
      // "Save a version" names it and ends it; with nothing new to save it names the open version.
      version = await save(version, 'D', { versionName: 'Ennen lautakuntaa' });
      version = await save(version, 'E');
      await patch(a.id, { version, versionName: 'Luonnos valmis' }).expect(200);
      version = await save(version, 'F', { resolvesConflict: true });
      version = await save(version, 'G');
      const page = await history(a.id);
      expect(page.items.slice(0, 5).map((v) => [v.saves, v.name, v.changes['mitigation.text']])).toEqual([
        [1, null, { from: 'F', to: 'G' }],
        [1, null, { from: 'E', to: 'F' }],
        [1, 'Luonnos valmis', { from: 'D', to: 'E' }],
        [3, 'Ennen lautakuntaa', { from: 'A', to: 'D' }],
        [1, null, { from: '', to: 'A' }],
      ]);
      // Naming again with nothing edited since is a 400 saying so, not a silent rename.
      await patch(a.id, { version, versionName: 'Uudestaan' }).expect(200);
      const nothing = await patch(a.id, { version, versionName: 'Kolmas nimi' }).expect(400);
      expect((nothing.body as ApiError).message).toMatch(/no new version to name/);
      expect((await history(a.id)).items[0].name).toBe('Uudestaan');
    });

    it('does not join a version a comment thread is anchored to: the thread keeps pointing at what it saw', async () => {
      const a = await drafted('Kommentoitu luonnos');
      let version = (
        (await patch(a.id, { version: a.version, mitigation: { text: 'Ennen kommenttia.' } }).expect(200)).body as AssessmentDetail
      ).version;
      await env
        .http()
        .post(`/api/assessments/${a.id}/comment-threads`)
        .set(as(official))
        .send({ section: 'mitigation', audience: 'staff', text: 'Onko tämä riittävä?' })
        .expect(201);
      version = ((await patch(a.id, { version, mitigation: { text: 'Kommentin jälkeen.' } }).expect(200)).body as AssessmentDetail).version;
      version = ((await patch(a.id, { version, mitigation: { text: 'Vielä myöhemmin.' } }).expect(200)).body as AssessmentDetail).version;
      const page = await history(a.id);
      // The commented version stays as it was; the saves after the comment form a version of their own.
      expect(page.items.slice(0, 2).map((v) => [v.version, v.saves, v.changes['mitigation.text']])).toEqual([
        [version, 2, { from: 'Ennen kommenttia.', to: 'Vielä myöhemmin.' }],
        [a.version + 1, 1, { from: '', to: 'Ennen kommenttia.' }],
      ]);
      const [thread] = await env.db.query(`SELECT anchored_version FROM comment_threads WHERE assessment_id = $1`, [a.id]);
      expect(thread.anchored_version).toBe(a.version + 1);
    });

    it('starts a new version when another person saved in between', async () => {
      const a = await drafted('Kahden valmistelijan asia');
      let version = (
        (await patch(a.id, { version: a.version, mitigation: { text: 'Annan teksti.' } }).expect(200)).body as AssessmentDetail
      ).version;
      // The colleague becomes responsible (e.g. a holiday cover) and saves.
      await env.db.query(`UPDATE assessments SET responsible_official_id = $2 WHERE id = $1`, [a.id, colleagueId]);
      version = ((await patch(a.id, { version, mitigation: { text: 'Villen teksti.' } }, colleague).expect(200)).body as AssessmentDetail)
        .version;
      await env.db.query(`UPDATE assessments SET responsible_official_id = $2 WHERE id = $1`, [a.id, officialId]);
      await patch(a.id, { version, mitigation: { text: 'Annan toinen teksti.' } }).expect(200);
      const page = await history(a.id);
      expect(page.items.slice(0, 3).map((v) => [v.changedBy?.displayName, v.changes['mitigation.text']])).toEqual([
        ['Anna Virtanen', { from: 'Villen teksti.', to: 'Annan toinen teksti.' }],
        ['Ville Koski', { from: 'Annan teksti.', to: 'Villen teksti.' }],
        ['Anna Virtanen', { from: '', to: 'Annan teksti.' }],
      ]);
    });

    it('keeps only the changed rows of a 100-row matrix in a version, and compares any two versions row by row', async () => {
      const a = await drafted('Sata vaikutusta');
      const [proposal, noChange] = a.alternatives.items;
      // Every principle under both alternatives, so no impact is added for one.
      const rows = Array.from({ length: 100 }, (_, i) =>
        impact(i % 2 ? noChange.id : proposal.id, [[2, 3, 6, 12][Math.floor(i / 2) % 4]], 'neutral', `Rivi ${i}`),
      );
      const first = (await patch(a.id, { version: a.version, impactMatrix: { rows } }).expect(200)).body as AssessmentDetail;
      expect(first.impactMatrix.rows.map((r) => r.note)).toEqual(rows.map((r) => r.note));
      // A later session changes one row, removes one and adds one.
      await env.db.query(`UPDATE assessment_versions SET open = false WHERE assessment_id = $1`, [a.id]);
      const changed = { ...first.impactMatrix.rows[10], direction: 'negative' as const, note: 'Muutettu.' };
      const added = impact(proposal.id, [31], 'positive', 'Uusi.');
      const next = [...first.impactMatrix.rows.slice(0, 10), changed, ...first.impactMatrix.rows.slice(11, 99), added];
      const second = (await patch(a.id, { version: first.version, impactMatrix: { rows: next } }).expect(200)).body as AssessmentDetail;
      const [newest] = (await history(a.id)).items;
      const change = newest.changes['impactMatrix.rows'] as ListChange<ImpactMatrixRow>;
      expect(change.items).toBe(true);
      expect(change.from.map((r) => r.note)).toEqual(['Rivi 10', 'Rivi 99']);
      expect(change.to.map((r) => r.note)).toEqual(['Muutettu.', 'Uusi.']);
      expect(JSON.stringify(newest.changes).length).toBeLessThan(2_000);

      const compared = (
        await env
          .http()
          .get(`/api/assessments/${a.id}/versions/compare?from=${first.version}&to=${second.version}`)
          .set(as(official))
          .expect(200)
      ).body as AssessmentVersionComparison;
      const matrix = compared.fields.find((f) => f.field === 'impactMatrix.rows');
      expect((matrix?.from as ImpactMatrixRow[]).map((r) => r.note)).toEqual(['Rivi 10', 'Rivi 99']);
      expect((matrix?.to as ImpactMatrixRow[]).map((r) => r.note)).toEqual(['Muutettu.', 'Uusi.']);
      // Across both saves: the rows the first save added, as they are now (the removed one never shows).
      const all = (
        await env
          .http()
          .get(`/api/assessments/${a.id}/versions/compare?from=${a.version}&to=${second.version}`)
          .set(as(official))
          .expect(200)
      ).body as AssessmentVersionComparison;
      const whole = all.fields.find((f) => f.field === 'impactMatrix.rows');
      expect((whole?.to as ImpactMatrixRow[]).some((r) => r.note === 'Rivi 99')).toBe(false);
      expect((whole?.to as ImpactMatrixRow[]).find((r) => r.id === changed.id)?.note).toBe('Muutettu.');
    });
  });
});

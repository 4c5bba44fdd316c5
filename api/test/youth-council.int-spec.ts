import type { ConsultationDetail } from '@lava/contracts';
import { REVIEW_CHECKLIST_ITEMS } from '@lava/workflow';
import type { User } from '../src/app/users/user.entity';
import { createMunicipality, createUser, helsinkiToday, makeReviewReady } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Young people's own Lava through the real API and PostgreSQL: a removed statement point can be
 * brought back for a while and its author is told who removed it; the committee's chair is told
 * when an assessment waits for their decision.
 */
describe('youth council pages: points removed and restored, the chair told', () => {
  let env: TestEnvironment;
  let tokens: Record<'official' | 'reviewer' | 'chair' | 'aino' | 'onni' | 'kouvolaYouth', string>;
  let users: Record<keyof typeof tokens, User>;
  let committeeId: string;
  let councilId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    committeeId = kotka.education.id;
    councilId = kotka.youthCouncil.id;
    users = {
      official: await createUser(env.db, 'official', kotka.municipality, { displayName: 'Anna Virtanen' }),
      reviewer: await createUser(env.db, 'reviewer', kotka.municipality),
      chair: await createUser(env.db, 'committee_chair', kotka.education, { displayName: 'Pekka Puheenjohtaja' }),
      aino: await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { displayName: 'Aino Aalto', councilOffice: 'chair' }),
      // Onni's name was left as defaulted from his e-mail address: shown_name shows `onni` (issue 17).
      onni: await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { displayName: 'onni.ojala' }),
      kouvolaYouth: await createUser(env.db, 'youth_council_member', kouvola.youthCouncil, { displayName: 'Eetu' }),
    };
    tokens = Object.fromEntries(
      await Promise.all(Object.entries(users).map(async ([key, user]) => [key, await env.login(user.email)])),
    ) as typeof tokens;
  });
  afterAll(() => env?.close());

  const as = (who: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[who]}` });
  const http = () => env.http();
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const version = async (id: string) => (await env.db.query(`SELECT version FROM assessments WHERE id = $1`, [id]))[0].version as number;
  const move = async (who: keyof typeof tokens, id: string, body: object) =>
    http()
      .post(`/api/assessments/${id}/transitions`)
      .set(as(who))
      .send({ version: await version(id), ...body });
  const detail = async (who: keyof typeof tokens, consultationId: string) =>
    (await http().get(`/api/consultations/${consultationId}`).set(as(who)).expect(200)).body as ConsultationDetail;
  const notifications = (kind: string, assessmentId: string) =>
    env.db.query(`SELECT recipient_user_id, params FROM notifications WHERE kind = $1 AND assessment_id = $2 ORDER BY created_at`, [
      kind,
      assessmentId,
    ]) as Promise<{ recipient_user_id: string; params: Record<string, string> }[]>;

  async function draft(title: string): Promise<string> {
    const id = (await http().post('/api/assessments').set(as('official')).send({ title, committeeId }).expect(201)).body.id as string;
    await http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: 1, screening: { affectsChildren: true, rationale: 'Koskee nuoria.' } })
      .expect(200);
    expect((await move('official', id, { action: 'start_full_assessment', signatureConfirmed: true })).status).toBe(200);
    await http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: await version(id), plainLanguageSummary: 'Nuorisotalo aukeaa myöhemmin.' })
      .expect(200);
    return id;
  }

  async function opened(title: string): Promise<{ assessmentId: string; consultationId: string }> {
    const assessmentId = await draft(title);
    const consultationId = (
      await http()
        .post(`/api/assessments/${assessmentId}/consultations`)
        .set(as('official'))
        .send({ youthCouncilId: councilId, deadline: inDays(14) })
        .expect(201)
    ).body.id as string;
    expect((await move('official', assessmentId, { action: 'open_consultation' })).status).toBe(200);
    return { assessmentId, consultationId };
  }

  const points = (d: ConsultationDetail) => d.statement?.points ?? [];

  it('removes another member’s point with an undo for 24 hours; its author is told who removed it; undo puts it back where it stood', async () => {
    const { assessmentId, consultationId } = await opened('Skeittipuisto');
    const add = (who: keyof typeof tokens, text: string) =>
      http().post(`/api/consultations/${consultationId}/points`).set(as(who)).send({ text }).expect(201);
    await add('aino', 'Skeittipuisto keskustaan.');
    await add('onni', 'Valaistus iltaisin.');
    await add('aino', 'Katos sateen varalle.');

    // Onni sees who wrote each point, and which are his own.
    const before = await detail('onni', consultationId);
    expect(points(before).map((p) => [p.position, p.writtenBy, p.mine])).toEqual([
      [1, 'Aino', false],
      [2, 'onni', true],
      [3, 'Aino', false],
    ]);

    // Onni removes Aino's first point: the others move up, and it waits in the removed list.
    const first = points(before)[0];
    const removed = (
      await http()
        .delete(`/api/consultations/${consultationId}/points/${first?.id}`)
        .set(as('onni'))
        .query({ version: first?.version })
        .expect(200)
    ).body as ConsultationDetail;
    expect(points(removed).map((p) => [p.position, p.text])).toEqual([
      [1, 'Valaistus iltaisin.'],
      [2, 'Katos sateen varalle.'],
    ]);
    expect(removed.pointCount).toBe(2);
    const gone = removed.statement?.removedPoints[0];
    expect(gone).toMatchObject({ id: first?.id, position: 1, text: 'Skeittipuisto keskustaan.', removedBy: 'onni' });
    expect(new Date(gone?.undoUntil ?? 0).getTime() - new Date(gone?.removedAt ?? 0).getTime()).toBe(24 * 3600_000);

    // Aino, who wrote it, is told who removed it (first name only); Onni removing his own point tells nobody.
    const told = await notifications('statement_point_removed', assessmentId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ recipient_user_id: users.aino.id });
    expect(told[0]?.params).toMatchObject({ by: 'onni', excerpt: 'Skeittipuisto keskustaan.', consultationId, title: 'Skeittipuisto' });
    const own = points(removed)[0];
    await http()
      .delete(`/api/consultations/${consultationId}/points/${own?.id}`)
      .set(as('onni'))
      .query({ version: own?.version })
      .expect(200);
    expect(await notifications('statement_point_removed', assessmentId)).toHaveLength(1);
    await http()
      .post(`/api/consultations/${consultationId}/points/${own?.id}/restore`)
      .set(as('onni'))
      .send({ version: (own?.version ?? 0) + 1 })
      .expect(200);

    // A removed point cannot be edited; the other council does not see or restore it.
    await http()
      .patch(`/api/consultations/${consultationId}/points/${first?.id}`)
      .set(as('aino'))
      .send({ version: gone?.version, text: 'Muokattu' })
      .expect(404);
    await http()
      .post(`/api/consultations/${consultationId}/points/${first?.id}/restore`)
      .set(as('kouvolaYouth'))
      .send({ version: gone?.version })
      .expect(404);
    // A stale version is a conflict, as for every point.
    await http()
      .post(`/api/consultations/${consultationId}/points/${first?.id}/restore`)
      .set(as('aino'))
      .send({ version: (gone?.version ?? 0) - 1 })
      .expect(409);

    // Aino brings it back: first again, the list of removed points empty.
    const restored = (
      await http()
        .post(`/api/consultations/${consultationId}/points/${first?.id}/restore`)
        .set(as('aino'))
        .send({ version: gone?.version })
        .expect(200)
    ).body as ConsultationDetail;
    expect(points(restored).map((p) => [p.position, p.text])).toEqual([
      [1, 'Skeittipuisto keskustaan.'],
      [2, 'Valaistus iltaisin.'],
      [3, 'Katos sateen varalle.'],
    ]);
    expect(restored.statement?.removedPoints).toEqual([]);
    await http()
      .post(`/api/consultations/${consultationId}/points/${first?.id}/restore`)
      .set(as('aino'))
      .send({ version: (gone?.version ?? 0) + 1 })
      .expect(404);

    // After 24 hours the undo is gone: the point is no longer offered, and restoring it is refused.
    const third = points(restored)[2];
    await http()
      .delete(`/api/consultations/${consultationId}/points/${third?.id}`)
      .set(as('aino'))
      .query({ version: third?.version })
      .expect(200);
    await env.db.query(`UPDATE statement_points SET deleted_at = now() - interval '25 hours' WHERE id = $1`, [third?.id]);
    expect((await detail('aino', consultationId)).statement?.removedPoints).toEqual([]);
    const late = await http()
      .post(`/api/consultations/${consultationId}/points/${third?.id}/restore`)
      .set(as('aino'))
      .set('Accept-Language', 'fi')
      .send({ version: (third?.version ?? 0) + 1 })
      .expect(409);
    expect(late.body.message).toBe('Poistetun kohdan voi palauttaa 24 tunnin ajan. Tämä kohta poistettiin aiemmin.');

    // Removed points do not count: adoption and submission carry the two live points.
    const now = await detail('aino', consultationId);
    await http()
      .post(`/api/consultations/${consultationId}/statement/adopt`)
      .set(as('aino'))
      .send({ version: now.statement?.version, meetingDate: helsinkiToday() })
      .expect(200);
    const adopted = await detail('aino', consultationId);
    const sent = (
      await http()
        .post(`/api/consultations/${consultationId}/statement/submit`)
        .set(as('onni'))
        .send({ version: adopted.statement?.version })
        .expect(200)
    ).body as ConsultationDetail;
    expect(sent.pointCount).toBe(2);
    expect((await detail('official', consultationId)).statement?.points.map((p) => p.text)).toEqual([
      'Skeittipuisto keskustaan.',
      'Valaistus iltaisin.',
    ]);
    expect((await detail('official', consultationId)).statement?.removedPoints).toEqual([]);
  });

  it('tells the committee’s chair when an assessment reaches decision, and only once when it is tabled', async () => {
    const assessmentId = await draft('Koulukuljetukset');
    await makeReviewReady(env.db, assessmentId);
    expect(
      (await move('official', assessmentId, { action: 'send_to_review_without_consultation', reason: 'Ei koske nuorisovaltuustoa.' }))
        .status,
    ).toBe(200);
    await http().post(`/api/assessments/${assessmentId}/reviewers`).set(as('official')).send({ userId: users.reviewer.id }).expect(201);
    for (const item of REVIEW_CHECKLIST_ITEMS) {
      const round = (await http().get(`/api/assessments/${assessmentId}/review`).set(as('reviewer')).expect(200)).body.rounds[0];
      await http()
        .put(`/api/assessments/${assessmentId}/review/checklist/${item}`)
        .set(as('reviewer'))
        .send({ done: true, version: round.version })
        .expect(200);
    }
    expect(await notifications('decision_requested', assessmentId)).toEqual([]);
    expect((await move('reviewer', assessmentId, { action: 'approve_review' })).status).toBe(200);
    const told = await notifications('decision_requested', assessmentId);
    expect(told).toEqual([
      {
        recipient_user_id: users.chair.id,
        params: expect.objectContaining({ title: 'Koulukuljetukset', committee: expect.any(String), committee_sv: expect.any(String) }),
      },
    ]);
    const tabled = await move('chair', assessmentId, {
      action: 'table',
      decision: { meetingDate: helsinkiToday(), minutesSection: '§ 7' },
    });
    expect(tabled.status).toBe(200);
    expect(await notifications('decision_requested', assessmentId)).toHaveLength(1);
  });

  it('opens a consultation only with the summary in each council’s language; a Swedish-speaking council reads the Swedish one', async () => {
    // Kouvola is a Swedish-speaking municipality of Kotka's region here (as Närpes would be); Kotka is Finnish-speaking.
    const kouvola: { id: string }[] = await env.db.query(
      `SELECT m.id FROM organizations m JOIN organizations yc ON yc.parent_id = m.id JOIN memberships ms ON ms.organization_id = yc.id
        WHERE ms.user_id = $1`,
      [users.kouvolaYouth.id],
    );
    await env.db.query(
      `UPDATE organizations SET languages = '{sv}',
              parent_id = (SELECT m.parent_id FROM organizations yc JOIN organizations m ON m.id = yc.parent_id WHERE yc.id = $2)
        WHERE id = $1`,
      [kouvola[0]?.id, councilId],
    );
    const kouvolaCouncil: { id: string }[] = await env.db.query(`SELECT organization_id AS id FROM memberships WHERE user_id = $1`, [
      users.kouvolaYouth.id,
    ]);
    const assessmentId = await draft('Kesätyöt nuorille'); // the Finnish summary only
    const ask = (youthCouncilId: string | undefined) =>
      http()
        .post(`/api/assessments/${assessmentId}/consultations`)
        .set(as('official'))
        .send({ youthCouncilId, deadline: inDays(10) })
        .expect(201);
    const kouvolaRequest = (await ask(kouvolaCouncil[0]?.id)).body.id as string;
    const kotkaRequest = (await ask(councilId)).body.id as string;

    const refused = await move('official', assessmentId, { action: 'open_consultation' });
    expect(refused.status).toBe(400);
    expect(refused.body.refusals).toEqual([
      expect.objectContaining({ code: 'plain_language_summary_language_missing', params: { languages: 'sv' } }),
    ]);
    expect(refused.body.message).toBe('Write the plain-language summary in Swedish too: a youth council asked reads it in that language.');
    const fi = await http()
      .post(`/api/assessments/${assessmentId}/transitions`)
      .set(as('official'))
      .set('Accept-Language', 'fi')
      .send({ version: await version(assessmentId), action: 'open_consultation' })
      .expect(400);
    expect(fi.body.message).toBe('Kirjoita selkokielinen tiivistelmä myös ruotsiksi: pyydetty nuorisovaltuusto lukee sen sillä kielellä.');
    // The actions the official sees say the same.
    const actions = (await http().get(`/api/assessments/${assessmentId}/actions`).set(as('official')).expect(200)).body as {
      action: string;
      reasons: { code: string }[];
    }[];
    expect(actions.find((a) => a.action === 'open_consultation')?.reasons.map((r) => r.code)).toEqual([
      'plain_language_summary_language_missing',
    ]);

    // The Swedish summary written, the consultation opens.
    const saved = await http()
      .patch(`/api/assessments/${assessmentId}`)
      .set(as('official'))
      .send({ version: await version(assessmentId), plainLanguageSummarySv: 'Ungdomsgården öppnar senare.' })
      .expect(200);
    expect(saved.body).toMatchObject({
      plainLanguageSummary: 'Nuorisotalo aukeaa myöhemmin.',
      plainLanguageSummarySv: 'Ungdomsgården öppnar senare.',
    });
    expect((await move('official', assessmentId, { action: 'open_consultation' })).status).toBe(200);

    // Kouvola's council reads Swedish whatever its member's language; Kotka's (Finnish-speaking) Finnish.
    expect((await detail('kouvolaYouth', kouvolaRequest)).plainLanguageSummary).toBe('Ungdomsgården öppnar senare.');
    expect((await detail('aino', kotkaRequest)).plainLanguageSummary).toBe('Nuorisotalo aukeaa myöhemmin.');
    // The history names the Swedish summary as part of the summary section.
    const history = (await http().get(`/api/assessments/${assessmentId}/versions`).set(as('official')).expect(200)).body as {
      items: { changes: Record<string, unknown> }[];
    };
    expect(history.items.some((v) => 'plainLanguageSummarySv' in v.changes)).toBe(true);
  });
});

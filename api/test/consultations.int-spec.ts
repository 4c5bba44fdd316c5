import type { ApiError, AssessmentDetail, AssessmentVersionPage, ConsultationDetail, ConsultationView, Page } from '@lava/contracts';
import { REVIEW_CHECKLIST_ITEMS } from '@lava/workflow';
import { DEMO_PASSWORD } from '../src/app/demo/demo-data';
import { seedDemoData } from '../src/app/demo/seed-demo-data';
import { Organization } from '../src/app/organizations/organization.entity';
import type { User } from '../src/app/users/user.entity';
import { createMunicipality, createUser, helsinkiToday, makeReviewReady, SIGNING_ACTIONS, TO_REVIEW_ACTIONS } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Youth council consultations through the real API and PostgreSQL: planning in draft, opening,
 * the council's private statement (co-editing, adoption, submission, withdrawal), the official's
 * board and responses, the guards that hold review back, and the feedback after the decision.
 */
/** The statement the caller sees (the test fails here when there is none). */
function statementOf(detail: ConsultationDetail): NonNullable<ConsultationDetail['statement']> {
  if (!detail.statement) throw new Error(`no statement visible on consultation ${detail.id}`);
  return detail.statement;
}

/** A council's name in a notification: in the recipient's language (Finnish here), and in each language for the screen. */
const COUNCIL_NAMES: Record<string, { council_sv: string; council_en: string }> = {
  Nuorisovaltuusto: { council_sv: 'Ungdomsfullmäktige', council_en: 'Youth Council' },
  'Haminan nuorisovaltuusto': { council_sv: 'Ungdomsfullmäktige i Fredrikshamn', council_en: 'Hamina Youth Council' },
};
const councilNames = (fi: string) => ({ council: fi, council_fi: fi, ...COUNCIL_NAMES[fi] });

describe('youth council consultations', () => {
  let env: TestEnvironment;
  let tokens: Record<'official' | 'colleague' | 'reviewer' | 'chair' | 'youth1' | 'youth2' | 'haminaYouth' | 'kouvolaYouth', string>;
  let users: Record<keyof typeof tokens, User>;
  let committeeId: string;
  let kotkaCouncilId: string;
  let haminaCouncilId: string;
  let kouvolaCouncilId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    committeeId = kotka.education.id;
    kotkaCouncilId = kotka.youthCouncil.id;
    kouvolaCouncilId = kouvola.youthCouncil.id;
    // Hamina: another municipality of Kotka's region, with its own youth council.
    const orgs = env.db.getRepository(Organization);
    const hamina = await orgs.save(
      orgs.create({
        kind: 'municipality',
        parentId: kotka.municipality.parentId,
        nameFi: 'Hamina',
        nameSv: 'Fredrikshamn',
        nameEn: 'Hamina',
      }),
    );
    const haminaCouncil = await orgs.save(
      orgs.create({
        kind: 'youth_council',
        parentId: hamina.id,
        nameFi: 'Haminan nuorisovaltuusto',
        nameSv: 'Ungdomsfullmäktige i Fredrikshamn',
        nameEn: 'Hamina Youth Council',
      }),
    );
    haminaCouncilId = haminaCouncil.id;
    users = {
      official: await createUser(env.db, 'official', kotka.municipality, { displayName: 'Anna Virtanen' }),
      colleague: await createUser(env.db, 'official', kotka.municipality, { displayName: 'Ville Koski' }),
      reviewer: await createUser(env.db, 'reviewer', kotka.municipality),
      chair: await createUser(env.db, 'committee_chair', kotka.education),
      // Aino chairs Kotka's council and Onni is a plain member; Ella is Hamina's secretary.
      youth1: await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { displayName: 'Aino', councilOffice: 'chair' }),
      youth2: await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { displayName: 'Onni' }),
      haminaYouth: await createUser(env.db, 'youth_council_member', haminaCouncil, { displayName: 'Ella', councilOffice: 'secretary' }),
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
  const codes = (body: ApiError) => (body.refusals ?? []).map((r) => r.code);
  const version = async (id: string) => (await env.db.query(`SELECT version FROM assessments WHERE id = $1`, [id]))[0].version as number;
  /** A transition; the official confirms screening signatures, and the record is made complete before review (factories). */
  const move = async (who: keyof typeof tokens, id: string, body: { action: string; [key: string]: unknown }) => {
    if (TO_REVIEW_ACTIONS.includes(body.action)) await makeReviewReady(env.db, id);
    return http()
      .post(`/api/assessments/${id}/transitions`)
      .set(as(who))
      .send({ version: await version(id), ...(SIGNING_ACTIONS.includes(body.action) ? { signatureConfirmed: true } : {}), ...body });
  };
  const detail = async (who: keyof typeof tokens, consultationId: string) =>
    (await http().get(`/api/consultations/${consultationId}`).set(as(who)).expect(200)).body as ConsultationDetail;
  const notifications = (kind: string, assessmentId: string) =>
    env.db.query(`SELECT recipient_user_id, params FROM notifications WHERE kind = $1 AND assessment_id = $2 ORDER BY created_at`, [
      kind,
      assessmentId,
    ]) as Promise<{ recipient_user_id: string; params: Record<string, string> }[]>;

  /** An assessment in draft, with or without its plain-language summary. */
  async function draft(title: string, summary = true): Promise<string> {
    const created = await http().post('/api/assessments').set(as('official')).send({ title, committeeId }).expect(201);
    const id = created.body.id as string;
    await http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: 1, screening: { affectsChildren: true, rationale: 'Koskee nuoria.' } })
      .expect(200);
    await (
      await move('official', id, { action: 'start_full_assessment' })
    ).body;
    if (summary) {
      await http()
        .patch(`/api/assessments/${id}`)
        .set(as('official'))
        .send({ version: await version(id), plainLanguageSummary: 'Nuorisotalo aukeaa myöhemmin.' })
        .expect(200);
    }
    return id;
  }

  const plan = (who: keyof typeof tokens, assessmentId: string, body: object) =>
    http().post(`/api/assessments/${assessmentId}/consultations`).set(as(who)).send(body);

  async function openWith(title: string, councils: string[]): Promise<{ assessmentId: string; consultations: Record<string, string> }> {
    const assessmentId = await draft(title);
    const consultations: Record<string, string> = {};
    for (const council of councils) {
      consultations[council] = (
        await plan('official', assessmentId, { youthCouncilId: council, deadline: inDays(14) }).expect(201)
      ).body.id;
    }
    expect((await move('official', assessmentId, { action: 'open_consultation' })).status).toBe(200);
    return { assessmentId, consultations };
  }

  function addPoint(who: keyof typeof tokens, consultationId: string, text: string) {
    return http().post(`/api/consultations/${consultationId}/points`).set(as(who)).send({ text });
  }

  /** `adopter` (the council's chair or secretary) records the adoption; `submitter` (any member) submits. */
  async function adoptAndSubmit(adopter: keyof typeof tokens, consultationId: string, submitter = adopter) {
    const before = await detail(adopter, consultationId);
    const adopted = await http()
      .post(`/api/consultations/${consultationId}/statement/adopt`)
      .set(as(adopter))
      .send({ version: before.statement?.version, meetingDate: helsinkiToday() })
      .expect(200);
    return http()
      .post(`/api/consultations/${consultationId}/statement/submit`)
      .set(as(submitter))
      .send({ version: (adopted.body as ConsultationDetail).statement?.version })
      .expect(200);
  }

  it('plans requests in draft, needs the plain-language summary to open, and lets the asked council read the draft read-only', async () => {
    const id = await draft('Nuorisotalon aukioloajat', false);

    // Refusals while planning.
    const past = await plan('official', id, { youthCouncilId: kotkaCouncilId, deadline: inDays(-1) }).expect(400);
    expect(past.body.details).toEqual([{ field: 'deadline', messages: ['must be in the future'] }]);
    const otherRegion = await plan('official', id, { youthCouncilId: kouvolaCouncilId, deadline: inDays(14) }).expect(400);
    expect(otherRegion.body.message).toMatch(/youthCouncilId: is not a youth council of this municipality or its region/);
    await plan('official', id, { youthCouncilId: kotkaCouncilId, deadline: 'next friday' }).expect(400);
    await plan('colleague', id, { youthCouncilId: kotkaCouncilId, deadline: inDays(14) }).expect(403);
    await plan('youth1', id, { youthCouncilId: kotkaCouncilId, deadline: inDays(14) }).expect(404);

    const options = (await http().get(`/api/assessments/${id}/youth-councils`).set(as('official')).expect(200)).body;
    expect(options.map((o: { id: string; own: boolean }) => [o.id, o.own])).toEqual([
      [kotkaCouncilId, true],
      [haminaCouncilId, false],
    ]);

    const planned = (
      await plan('official', id, { youthCouncilId: kotkaCouncilId, deadline: inDays(14), message: 'Kertokaa mielipiteenne!' }).expect(201)
    ).body as ConsultationView;
    expect(planned).toMatchObject({
      round: 1,
      status: 'not_started',
      boardStatus: 'planned',
      openedAt: null,
      message: 'Kertokaa mielipiteenne!',
    });
    expect((await plan('official', id, { youthCouncilId: kotkaCouncilId, deadline: inDays(20) }).expect(409)).body.message).toMatch(
      /already asked in this round/,
    );

    // Not sent yet: the council sees nothing.
    await http().get(`/api/assessments/${id}`).set(as('youth1')).expect(404);
    await http().get(`/api/consultations/${planned.id}`).set(as('youth1')).expect(404);

    // The workflow guard: no consultation without the plain-language summary.
    const refused = await move('official', id, { action: 'open_consultation' });
    expect(refused.status).toBe(409);
    expect(codes(refused.body)).toEqual(['plain_language_summary_missing']);

    await http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: await version(id), plainLanguageSummary: 'Nuorisotalo on auki myöhempään.' })
      .expect(200);
    expect((await move('official', id, { action: 'open_consultation' })).status).toBe(200);

    const opened = await notifications('consultation_opened', id);
    expect(opened.map((n) => n.recipient_user_id).sort()).toEqual([users.youth1.id, users.youth2.id].sort());
    expect(opened[0].params).toMatchObject({ title: 'Nuorisotalon aukioloajat', council: 'Nuorisovaltuusto', deadline: planned.deadline });
    const [scheduled] = await env.db.query(`SELECT count(*)::int AS n FROM scheduled_events WHERE subject_id = $1 AND status = 'pending'`, [
      planned.id,
    ]);
    expect(scheduled.n).toBeGreaterThan(0);

    // The asked council reads the draft, read-only; a council that was not asked does not see it.
    const read = (await http().get(`/api/assessments/${id}`).set(as('youth1')).expect(200)).body as AssessmentDetail;
    expect(read.plainLanguageSummary).toBe('Nuorisotalo on auki myöhempään.');
    await http().patch(`/api/assessments/${id}`).set(as('youth1')).send({ version: read.version, title: 'Nuorten muokkaama' }).expect(403);
    await http().get(`/api/assessments/${id}`).set(as('kouvolaYouth')).expect(404);
    await http().get(`/api/consultations/${planned.id}`).set(as('kouvolaYouth')).expect(404);
    await http().get(`/api/assessments/${id}`).set(as('haminaYouth')).expect(404);

    const view = await detail('youth1', planned.id);
    expect(view).toMatchObject({
      plainLanguageSummary: 'Nuorisotalo on auki myöhempään.',
      status: 'not_started',
      boardStatus: 'not_started',
    });
    expect(view.can).toMatchObject({ edit: true, adopt: false, submit: false, answer: false });
    const mine = (await http().get('/api/consultations').set(as('youth2')).expect(200)).body as Page<ConsultationView>;
    expect(mine.items.map((c) => c.id)).toContain(planned.id);
    expect(((await http().get('/api/consultations').set(as('kouvolaYouth')).expect(200)).body as Page<ConsultationView>).items).toEqual([]);
  });

  it('lets members co-draft points with a 409 that keeps both texts apart, stores HTML as text and enforces the limits', async () => {
    const { consultations } = await openWith('Skeittiparkin paikka', [kotkaCouncilId]);
    const cid = consultations[kotkaCouncilId];

    const html = '<script>alert("x")</script> <b>Skeittipaikka</b> & puisto';
    const added = (await addPoint('youth1', cid, html).expect(201)).body as ConsultationDetail;
    expect(added.statement?.points).toEqual([expect.objectContaining({ position: 1, text: html, updatedBy: 'Aino', disposition: null })]);
    expect(added.boardStatus).toBe('drafting');

    expect((await addPoint('youth1', cid, '   ').expect(400)).body.details[0].field).toBe('text');
    expect((await addPoint('youth1', cid, 'x'.repeat(5001)).expect(400)).body.message).toMatch(/text: must be 1–5000 characters long/);
    await addPoint('youth2', cid, 'y'.repeat(5000)).expect(201);
    await addPoint('official', cid, 'Virkamiehen kohta').expect(403);
    await addPoint('kouvolaYouth', cid, 'Ulkopuolinen').expect(404);

    // Two members edit the same point from the same version: the second gets 409 and the first one's text stays.
    const point = statementOf(added).points[0];
    await http()
      .patch(`/api/consultations/${cid}/points/${point.id}`)
      .set(as('youth1'))
      .send({ version: point.version, text: 'Skeittiparkki keskustaan' })
      .expect(200);
    const conflict = await http()
      .patch(`/api/consultations/${cid}/points/${point.id}`)
      .set(as('youth2'))
      .send({ version: point.version, text: 'Skeittiparkki rannalle' })
      .expect(409);
    expect(conflict.body.message).toMatch(/Aino changed this point while you were editing it/);
    expect(conflict.body.conflict).toMatchObject({ currentVersion: point.version + 1 });
    expect((await detail('youth2', cid)).statement?.points[0].text).toBe('Skeittiparkki keskustaan');

    // The official does not see a statement that is still being drafted.
    const official = await detail('official', cid);
    expect(official.statement).toBeNull();
    expect(official).toMatchObject({ boardStatus: 'drafting', pointCount: 2 });

    // At most 50 points.
    for (let i = 3; i <= 50; i++) await addPoint('youth1', cid, `Kohta ${i}`).expect(201);
    expect((await addPoint('youth1', cid, 'Kohta 51').expect(409)).body.message).toMatch(/at most 50 points/);
    const full = await detail('youth1', cid);
    const last = statementOf(full).points[49];
    await http()
      .delete(`/api/consultations/${cid}/points/${last.id}`)
      .query({ version: last.version + 1 })
      .set(as('youth1'))
      .expect(409);
    const afterDelete = (
      await http()
        .delete(`/api/consultations/${cid}/points/${statementOf(full).points[0].id}`)
        .query({ version: statementOf(full).points[0].version })
        .set(as('youth1'))
        .expect(200)
    ).body as ConsultationDetail;
    expect(afterDelete.statement?.points.map((p) => p.position)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
  });

  it('adopts and submits, is read-only after submission, and can be withdrawn and submitted again', async () => {
    const { assessmentId, consultations } = await openWith('Koulun kerhotoiminta', [kotkaCouncilId]);
    const cid = consultations[kotkaCouncilId];
    const withPoint = (await addPoint('youth1', cid, 'Lisää kerhoja yläkouluun').expect(201)).body as ConsultationDetail;
    const statementVersion = statementOf(withPoint).version;

    const submitRefused = await http()
      .post(`/api/consultations/${cid}/statement/submit`)
      .set(as('youth1'))
      .send({ version: statementVersion });
    expect(submitRefused.status).toBe(409);
    expect(submitRefused.body.message).toMatch(/adopted the statement first/);
    await http()
      .post(`/api/consultations/${cid}/statement/adopt`)
      .set(as('youth1'))
      .send({ version: statementVersion, meetingDate: '2099-01-01' })
      .expect(400);
    await http()
      .post(`/api/consultations/${cid}/statement/adopt`)
      .set(as('youth1'))
      .send({ version: statementVersion - 1, meetingDate: helsinkiToday() })
      .expect(409);
    await http()
      .post(`/api/consultations/${cid}/statement/adopt`)
      .set(as('official'))
      .send({ version: statementVersion, meetingDate: helsinkiToday() })
      .expect(403);

    // Only the council's chair or secretary records the adoption; a plain member is told whom to ask.
    const plainMember = await detail('youth2', cid);
    expect(plainMember.can).toMatchObject({ edit: true, adopt: false });
    expect(plainMember.councilOfficers).toEqual({ chair: 'Aino', secretary: null });
    expect((await detail('youth1', cid)).can.adopt).toBe(true);
    expect((await detail('official', cid)).councilOfficers).toBeNull();
    const notOfficer = await http()
      .post(`/api/consultations/${cid}/statement/adopt`)
      .set(as('youth2'))
      .send({ version: statementVersion, meetingDate: helsinkiToday() })
      .expect(403);
    expect(notOfficer.body.message).toBe(
      "Only the council's chair or secretary records the adoption. Ask them to record the meeting date.",
    );

    // A change after adoption needs a new adoption.
    const adopted = (
      await http()
        .post(`/api/consultations/${cid}/statement/adopt`)
        .set(as('youth1'))
        .send({ version: statementVersion, meetingDate: helsinkiToday() })
        .expect(200)
    ).body as ConsultationDetail;
    expect(adopted.statement?.adoptedAt).toBe(helsinkiToday());
    expect(adopted.can.submit).toBe(true);
    const changed = (await addPoint('youth1', cid, 'Kerhot myös kesällä').expect(201)).body as ConsultationDetail;
    expect(changed.statement?.adoptedAt).toBeNull();

    // Once adopted, any member submits.
    const submitted = (await adoptAndSubmit('youth1', cid, 'youth2')).body as ConsultationDetail;
    expect(submitted).toMatchObject({ status: 'submitted', boardStatus: 'submitted', can: { edit: false, withdrawStatement: true } });
    expect(await notifications('statement_submitted', assessmentId)).toEqual([
      { recipient_user_id: users.official.id, params: { title: 'Koulun kerhotoiminta', ...councilNames('Nuorisovaltuusto') } },
    ]);
    expect((await addPoint('youth1', cid, 'Vielä yksi').expect(409)).body.message).toMatch(/submitted\. Withdraw it first/);
    expect((await detail('official', cid)).statement?.points.map((p) => p.text)).toEqual([
      'Lisää kerhoja yläkouluun',
      'Kerhot myös kesällä',
    ]);

    const withdrawn = (
      await http()
        .post(`/api/consultations/${cid}/statement/withdraw`)
        .set(as('youth1'))
        .send({ version: statementOf(submitted).version })
        .expect(200)
    ).body as ConsultationDetail;
    expect(withdrawn).toMatchObject({ status: 'drafting', submittedAt: null, can: { edit: true } });
    expect((await detail('official', cid)).statement).toBeNull();
    const resubmitted = await http()
      .post(`/api/consultations/${cid}/statement/submit`)
      .set(as('youth1'))
      .send({ version: statementOf(withdrawn).version })
      .expect(200);
    expect(resubmitted.body.status).toBe('submitted');
  });

  it('refuses a statement after the deadline; the official extends it (the council is told) or withdraws the request', async () => {
    const { assessmentId, consultations } = await openWith('Uimahallin vuorot', [kotkaCouncilId]);
    const cid = consultations[kotkaCouncilId];
    await addPoint('youth1', cid, 'Nuorten vuoro perjantaisin').expect(201);
    await env.db.query(`UPDATE consultations SET deadline = now() - interval '1 minute' WHERE id = $1`, [cid]);

    const late = await addPoint('youth1', cid, 'Myöhässä').expect(409);
    expect(late.body.message).toMatch(/The deadline .* has passed/);
    // The young people read it in their language (Accept-Language of the web app).
    const lateFi = await addPoint('youth1', cid, 'Myöhässä').set('Accept-Language', 'fi').expect(409);
    expect(lateFi.body.message).toMatch(
      /^Määräaika \(.+\) on umpeutunut, joten lausuntoa ei voi enää muuttaa eikä lähettää\. Valmistelija voi pidentää määräaikaa\.$/,
    );
    const lateSv = await addPoint('youth1', cid, 'Myöhässä').set('Accept-Language', 'sv').expect(409);
    expect(lateSv.body.message).toMatch(
      /^Tidsfristen \(.+\) har gått ut, så utlåtandet kan inte längre ändras eller skickas\. Beredaren kan förlänga tidsfristen\.$/,
    );
    expect((await detail('official', cid)).boardStatus).toBe('late');
    expect((await detail('youth1', cid)).locked).toBe('deadline_passed');

    const board = (await http().get(`/api/assessments/${assessmentId}/consultations`).set(as('official')).expect(200))
      .body as ConsultationView[];
    const current = board[0];
    await http()
      .patch(`/api/consultations/${cid}`)
      .set(as('youth1'))
      .send({ version: current.version, deadline: inDays(7) })
      .expect(403);
    await http()
      .patch(`/api/consultations/${cid}`)
      .set(as('official'))
      .send({ version: current.version, deadline: inDays(-2) })
      .expect(400);
    await http()
      .patch(`/api/consultations/${cid}`)
      .set(as('official'))
      .send({ version: current.version, message: 'Uusi viesti' })
      .expect(400);
    await http()
      .patch(`/api/consultations/${cid}`)
      .set(as('official'))
      .send({ version: current.version + 1, deadline: inDays(7) })
      .expect(409);
    const extended = (
      await http()
        .patch(`/api/consultations/${cid}`)
        .set(as('official'))
        .send({ version: current.version, deadline: inDays(7) })
        .expect(200)
    ).body as ConsultationView;
    expect(extended.boardStatus).toBe('drafting');
    const told = await notifications('consultation_deadline_extended', assessmentId);
    expect(told.map((n) => n.recipient_user_id).sort()).toEqual([users.youth1.id, users.youth2.id].sort());
    expect(told[0].params.deadline).toBe(extended.deadline);
    await addPoint('youth1', cid, 'Nyt ehtii').expect(201);

    // An earlier deadline is not an extension.
    await http()
      .patch(`/api/consultations/${cid}`)
      .set(as('official'))
      .send({ version: extended.version, deadline: inDays(3) })
      .expect(400);

    const withdrawn = (
      await http().post(`/api/consultations/${cid}/withdraw`).set(as('official')).send({ version: extended.version }).expect(200)
    ).body as ConsultationView;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', boardStatus: 'withdrawn' });
    expect((await addPoint('youth1', cid, 'Peruttu?').expect(409)).body.message).toMatch(/withdrew this request/);
    // The read grant ends with the request.
    await http().get(`/api/assessments/${assessmentId}`).set(as('youth1')).expect(404);
    const [pending] = await env.db.query(`SELECT count(*)::int AS n FROM scheduled_events WHERE subject_id = $1 AND status = 'pending'`, [
      cid,
    ]);
    expect(pending.n).toBe(0);
  });

  it('answers every submitted point before review, refusing another council’s point and bad input; then the councils get their feedback', async () => {
    const { assessmentId, consultations } = await openWith('Kirjaston nuortentila', [kotkaCouncilId, haminaCouncilId]);
    const kotkaC = consultations[kotkaCouncilId];
    const haminaC = consultations[haminaCouncilId];
    // Hamina's council reads the draft too, since it was asked.
    await http().get(`/api/assessments/${assessmentId}`).set(as('haminaYouth')).expect(200);

    await addPoint('youth1', kotkaC, 'Pelihuone nuorille').expect(201);
    await addPoint('youth2', kotkaC, 'Aukioloajat iltaan asti').expect(201);
    await adoptAndSubmit('youth1', kotkaC);
    await addPoint('haminaYouth', haminaC, 'Bussi Kotkaan illalla').expect(201);

    // Not every council has submitted: neither closing nor early closing with open points.
    const stillOpen = await move('official', assessmentId, { action: 'close_consultation' });
    expect(codes(stillOpen.body)).toEqual(['consultation_still_open', 'statement_points_unanswered']);

    await adoptAndSubmit('haminaYouth', haminaC);
    const kotkaPoints = statementOf(await detail('official', kotkaC)).points;
    const haminaPoint = statementOf(await detail('official', haminaC)).points[0];
    expect((await detail('official', kotkaC)).can.answer).toBe(true);

    const answer = (cid: string, pointId: string, body: object, who: keyof typeof tokens = 'official') =>
      http().put(`/api/consultations/${cid}/points/${pointId}/disposition`).set(as(who)).send(body);
    const good = {
      version: kotkaPoints[0].version,
      disposition: 'accepted',
      reason: 'Pelihuone tulee kakkoskerrokseen.',
      linkedSection: 'changesMade',
    };

    expect((await answer(kotkaC, haminaPoint.id, { ...good, version: haminaPoint.version }).expect(404)).body.message).toMatch(
      /not part of this council’s statement/,
    );
    await answer(kotkaC, '00000000-0000-4000-8000-000000000000', good).expect(404);
    expect((await answer(kotkaC, kotkaPoints[0].id, { ...good, reason: '   ' }).expect(400)).body.details[0].field).toBe('reason');
    await answer(kotkaC, kotkaPoints[0].id, { ...good, reason: 'r'.repeat(5001) }).expect(400);
    await answer(kotkaC, kotkaPoints[0].id, { ...good, disposition: 'maybe' }).expect(400);
    await answer(kotkaC, kotkaPoints[0].id, { ...good, linkedSection: 'nowhere' }).expect(400);
    await answer(kotkaC, kotkaPoints[0].id, { ...good, version: 99 }).expect(409);
    await answer(kotkaC, kotkaPoints[0].id, good, 'youth1').expect(403);
    await answer(kotkaC, kotkaPoints[0].id, good, 'colleague').expect(403);

    const html = '<img src=x onerror=alert(1)> Ei resursseja';
    await answer(kotkaC, kotkaPoints[0].id, good).expect(200);
    await answer(kotkaC, kotkaPoints[1].id, { version: kotkaPoints[1].version, disposition: 'partly_accepted', reason: html }).expect(200);

    // Every council submitted, but one point is unanswered: review waits.
    const blocked = await move('official', assessmentId, { action: 'close_consultation' });
    expect(blocked.status).toBe(409);
    expect(codes(blocked.body)).toEqual(['statement_points_unanswered']);
    const early = await move('official', assessmentId, { action: 'close_consultation_early', reason: 'Kiire' });
    expect(codes(early.body)).toContain('statement_points_unanswered');

    await answer(haminaC, haminaPoint.id, {
      version: haminaPoint.version,
      disposition: 'out_of_scope',
      reason: 'Bussit ovat seudun asia.',
    }).expect(200);
    const board = (await http().get(`/api/assessments/${assessmentId}/consultations`).set(as('official')).expect(200))
      .body as ConsultationView[];
    expect(board.map((c) => [c.youthCouncil.id, c.boardStatus, c.pointCount, c.answeredCount])).toEqual([
      [kotkaCouncilId, 'submitted', 2, 2],
      [haminaCouncilId, 'submitted', 1, 1],
    ]);
    expect((await move('official', assessmentId, { action: 'close_consultation' })).status).toBe(200);

    // After closing the council can no longer withdraw or change its statement.
    const closed = await detail('youth1', kotkaC);
    expect(closed).toMatchObject({ locked: 'closed', viewer: 'council' });
    expect(
      (
        await http()
          .post(`/api/consultations/${kotkaC}/statement/withdraw`)
          .set(as('youth1'))
          .send({ version: statementOf(closed).version })
          .expect(409)
      ).body.message,
    ).toMatch(/consultation has closed/);
    expect(closed.statement?.points[1]).toMatchObject({ disposition: 'partly_accepted', dispositionReason: html });

    // Review and decision (the review-and-decision feature's routes), then the feedback.
    await http().post(`/api/assessments/${assessmentId}/reviewers`).set(as('official')).send({ userId: users.reviewer.id }).expect(201);
    for (const item of REVIEW_CHECKLIST_ITEMS) {
      const review = (await http().get(`/api/assessments/${assessmentId}/review`).set(as('reviewer')).expect(200)).body;
      const round = review.rounds[0];
      await http()
        .put(`/api/assessments/${assessmentId}/review/checklist/${item}`)
        .set(as('reviewer'))
        .send({ done: true, version: round.version })
        .expect(200);
    }
    expect((await move('reviewer', assessmentId, { action: 'approve_review' })).status).toBe(200);
    expect(await detail('youth1', kotkaC)).toMatchObject({ feedback: null });
    const decided = await move('chair', assessmentId, {
      action: 'record_decision',
      decision: {
        outcome: 'approved_as_modified',
        meetingDate: helsinkiToday(),
        minutesSection: '§ 42',
        decisionText: 'Nuortentila toteutetaan muutettuna.',
        followUpDate: inDays(365).slice(0, 10),
      },
    });
    expect(decided.status).toBe(200);

    const feedback = await notifications('statement_feedback', assessmentId);
    expect(feedback.map((n) => n.recipient_user_id).sort()).toEqual([users.youth1.id, users.youth2.id, users.haminaYouth.id].sort());
    expect(feedback.find((n) => n.recipient_user_id === users.haminaYouth.id)?.params).toEqual({
      title: 'Kirjaston nuortentila',
      ...councilNames('Haminan nuorisovaltuusto'),
      consultationId: haminaC, // the link opens the council's own page for its request
    });
    const seen = await detail('youth2', kotkaC);
    expect(seen.feedback).toMatchObject({ stage: 'decided', outcome: 'approved_as_modified', minutesSection: '§ 42' });
    expect(seen.statement?.points.map((p) => p.disposition)).toEqual(['accepted', 'partly_accepted']);
  });

  it('ends the round on a return to draft, so the next planning is round 2', async () => {
    const { assessmentId, consultations } = await openWith('Leikkipuiston valaistus', [kotkaCouncilId]);
    const cid = consultations[kotkaCouncilId];
    expect((await move('official', assessmentId, { action: 'return_from_consultation', reason: 'Luonnos muuttuu.' })).status).toBe(200);
    // Its reminders and escalation are cancelled with it.
    const pending = await env.db.query(`SELECT count(*)::int AS n FROM scheduled_events WHERE subject_id = $1 AND status = 'pending'`, [
      cid,
    ]);
    expect(pending[0].n).toBe(0);
    // The council's members are told why their request stopped.
    const told = await notifications('consultation_returned', assessmentId);
    expect(told.map((n) => n.recipient_user_id).sort()).toEqual([users.youth1.id, users.youth2.id].sort());
    expect(told[0]?.params).toEqual({
      title: 'Leikkipuiston valaistus',
      ...councilNames('Nuorisovaltuusto'),
      consultationId: cid,
      reason: 'Luonnos muuttuu.',
    });
    expect((await addPoint('youth1', cid, 'Liian myöhään').expect(409)).body.message).toMatch(/consultation has closed/);
    const next = (await plan('official', assessmentId, { youthCouncilId: kotkaCouncilId, deadline: inDays(10) }).expect(201))
      .body as ConsultationView;
    expect(next.round).toBe(2);
    await http().delete(`/api/consultations/${next.id}`).query({ version: next.version }).set(as('official')).expect(204);
    await http().delete(`/api/consultations/${cid}`).query({ version: 1 }).set(as('official')).expect(409);
  });

  it('lets a council read the draft only while its round is open, and afterwards only what it was sent', async () => {
    const { assessmentId: id, consultations } = await openWith('Uimahallin aukioloajat', [kotkaCouncilId, haminaCouncilId]);
    const sent = await version(id);
    const versions = async (who: keyof typeof tokens) =>
      (await http().get(`/api/assessments/${id}/versions`).query({ limit: 100 }).set(as(who)).expect(200)).body as AssessmentVersionPage;
    const compare = (who: keyof typeof tokens, from: number, to: number) =>
      http().get(`/api/assessments/${id}/versions/compare`).query({ from, to }).set(as(who));
    await http().get(`/api/assessments/${id}`).set(as('youth1')).expect(200);
    await http().get(`/api/assessments/${id}`).set(as('haminaYouth')).expect(200);

    // A withdrawn request leaves nothing to read.
    const hamina = await detail('official', consultations[haminaCouncilId]);
    await http().post(`/api/consultations/${hamina.id}/withdraw`).set(as('official')).send({ version: hamina.version }).expect(200);
    await http().get(`/api/assessments/${id}`).set(as('haminaYouth')).expect(404);
    await http().get(`/api/assessments/${id}/versions`).set(as('haminaYouth')).expect(404);
    await compare('haminaYouth', 1, sent).expect(404);

    // Closed early, then returned by the reviewer with a reason meant for the official.
    expect((await move('official', id, { action: 'close_consultation_early', reason: 'Kiire' })).status).toBe(200);
    await http().get(`/api/assessments/${id}`).set(as('youth1')).expect(404);
    await http().post(`/api/assessments/${id}/reviewers`).set(as('official')).send({ userId: users.reviewer.id }).expect(201);
    const returnReason = 'Arvioijan palaute: tilastot puuttuvat.';
    expect((await move('reviewer', id, { action: 'return_from_review', reason: returnReason })).status).toBe(200);
    await http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: await version(id), title: 'Uimahalli suljetaan', plainLanguageSummary: 'Uimahalli suljetaan kokonaan.' })
      .expect(200);

    // The later draft, its history and the reviewer's return do not reach the council.
    await http().get(`/api/assessments/${id}`).set(as('youth1')).expect(404);
    const history = await versions('youth1');
    expect(Math.max(...history.items.map((v) => v.version))).toBe(sent);
    expect(JSON.stringify(history)).not.toMatch(/suljetaan|Arvioijan/);
    expect((await compare('youth1', 1, sent).expect(200)).body.to).toBe(sent);
    await compare('youth1', 1, await version(id)).expect(404);
    await compare('youth1', sent, sent + 1).expect(404);
    const request = await detail('youth1', consultations[kotkaCouncilId]);
    expect(request.plainLanguageSummary).toBe('Nuorisotalo aukeaa myöhemmin.');
    expect((await detail('official', consultations[kotkaCouncilId])).plainLanguageSummary).toBe('Uimahalli suljetaan kokonaan.');

    // Asked again in round 2: the council reads the new draft, but not the reviewer's reason nor who returned it.
    await plan('official', id, { youthCouncilId: kotkaCouncilId, deadline: inDays(14) }).expect(201);
    expect((await move('official', id, { action: 'open_consultation' })).status).toBe(200);
    expect(((await http().get(`/api/assessments/${id}`).set(as('youth1')).expect(200)).body as AssessmentDetail).title).toBe(
      'Uimahalli suljetaan',
    );
    const returned = (await versions('youth1')).items.find((v) => v.kind === 'transition:return_from_review');
    expect(returned).toMatchObject({ reason: null, changedBy: null });
    const staffView = (await versions('official')).items.find((v) => v.kind === 'transition:return_from_review');
    expect(staffView).toMatchObject({ reason: returnReason, changedBy: { id: users.reviewer.id } });
  });

  it('seeds the demo: Kotka’s youth council asked about the youth centre, two members, a statement in drafting', async () => {
    expect(await seedDemoData(env.db)).toBe(true);
    const youth2 = await env.login('youth2@kotka.example', DEMO_PASSWORD);
    const mine = (await http().get('/api/consultations').set('Authorization', `Bearer ${youth2}`).expect(200))
      .body as Page<ConsultationView>;
    // Kotka's council is asked by its own municipality and, in the demo's county assessment (issue 13), by the wellbeing services county.
    expect(mine.items).toHaveLength(2);
    expect(mine.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ assessmentTitle: 'Hovinsaaren nuorisotalon aukioloajat', boardStatus: 'drafting', pointCount: 2 }),
        expect.objectContaining({ assessmentTitle: 'Perhekeskusten aukioloajat 2027', boardStatus: 'not_started', pointCount: 0 }),
      ]),
    );
    const own = mine.items.find((c) => c.assessmentTitle === 'Hovinsaaren nuorisotalon aukioloajat') as ConsultationView;
    const youth = await env.login('youth@kotka.example', DEMO_PASSWORD);
    const seen = (await http().get(`/api/consultations/${own.id}`).set('Authorization', `Bearer ${youth}`).expect(200))
      .body as ConsultationDetail;
    expect(seen.can.edit).toBe(true);
    expect(seen.plainLanguageSummary).not.toBe('');
    await http().get(`/api/assessments/${own.assessmentId}`).set('Authorization', `Bearer ${youth}`).expect(200);
  });
});

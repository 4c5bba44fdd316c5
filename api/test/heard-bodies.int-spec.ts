import type { ConsultationDetail, StatementLinkView, YouthCouncilOption } from '@lava/contracts';
import { Organization } from '../src/app/organizations/organization.entity';
import type { User } from '../src/app/users/user.entity';
import { issueStatementLink } from '../src/worker/statement-links';
import { createUser, helsinkiToday, SIGNING_ACTIONS } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Issue 13, first half: a wellbeing services county assesses like a municipality and is heard by the
 * youth councils of its region's municipalities and by the bodies in its register: a pupil council
 * whose members have accounts, and an NGO whose contact answers through a one-time link.
 */
describe('heard bodies and the e-mail-only statement link', () => {
  let env: TestEnvironment;
  let users: Record<'official' | 'pupil' | 'kotkaYouth' | 'haminaYouth' | 'kotkaOfficial' | 'admin', User>;
  let tokens: Record<keyof typeof users, string>;
  let county: Organization;
  let board: Organization;
  let kotkaCouncil: Organization;
  let haminaCouncil: Organization;
  let pupilCouncilId: string;
  let ngoId: string;
  let contactId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const orgs = env.db.getRepository(Organization);
    const org = (kind: Organization['kind'], parentId: string | null, fi: string, sv: string, en: string) =>
      orgs.save(orgs.create({ kind, parentId, nameFi: fi, nameSv: sv, nameEn: en }));
    const region = await org('region', null, 'Kymenlaakso', 'Kymmenedalen', 'Kymenlaakso');
    county = await org(
      'wellbeing_county',
      region.id,
      'Kymenlaakson hyvinvointialue',
      'Kymmenedalens välfärdsområde',
      'Kymenlaakso Wellbeing Services County',
    );
    board = await org('committee', county.id, 'Aluehallitus', 'Områdesstyrelsen', 'County Board');
    const kotka = await org('municipality', region.id, 'Kotka', 'Kotka', 'Kotka');
    const hamina = await org('municipality', region.id, 'Hamina', 'Fredrikshamn', 'Hamina');
    kotkaCouncil = await org('youth_council', kotka.id, 'Kotkan nuorisovaltuusto', 'Kotka ungdomsfullmäktige', 'Kotka Youth Council');
    haminaCouncil = await org(
      'youth_council',
      hamina.id,
      'Haminan nuorisovaltuusto',
      'Fredrikshamns ungdomsfullmäktige',
      'Hamina Youth Council',
    );
    const body = async (type: string, fi: string, sv: string, en: string) =>
      (
        await env.db.query(
          `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en, body_type) VALUES ('heard_body', $1, $2, $3, $4, $5) RETURNING id`,
          [county.id, fi, sv, en, type],
        )
      )[0].id as string;
    pupilCouncilId = await body(
      'pupil_council',
      'Langinkosken koulun oppilaskunta',
      'Elevkåren vid Langinkoski skola',
      'Langinkoski School Pupil Council',
    );
    ngoId = await body('ngo', 'MLL Kymenlaakso', 'MLL Kymmenedalen', 'MLL Kymenlaakso');
    contactId = (
      await env.db.query(
        `INSERT INTO body_contacts (organization_id, name, email, language) VALUES ($1, 'Maija Mäkinen', 'maija@mll.example', 'sv') RETURNING id`,
        [ngoId],
      )
    )[0].id;
    const pupilCouncil = await orgs.findOneByOrFail({ id: pupilCouncilId });
    users = {
      official: await createUser(env.db, 'official', county, { displayName: 'Hanna Hyvinvointi' }),
      pupil: await createUser(env.db, 'youth_council_member', pupilCouncil, { displayName: 'Oona', councilOffice: 'chair' }),
      kotkaYouth: await createUser(env.db, 'youth_council_member', kotkaCouncil, { displayName: 'Aino', councilOffice: 'chair' }),
      haminaYouth: await createUser(env.db, 'youth_council_member', haminaCouncil, { displayName: 'Ella', councilOffice: 'secretary' }),
      kotkaOfficial: await createUser(env.db, 'official', kotka),
      admin: await createUser(env.db, 'admin', county),
    };
    tokens = Object.fromEntries(
      await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await env.login(u.email)])),
    ) as typeof tokens;
  });
  afterAll(() => env?.close());

  const as = (who: keyof typeof users) => ({ Authorization: `Bearer ${tokens[who]}` });
  const http = () => env.http();
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const version = async (id: string) => (await env.db.query(`SELECT version FROM assessments WHERE id = $1`, [id]))[0].version as number;
  const move = async (id: string, action: string) =>
    http()
      .post(`/api/assessments/${id}/transitions`)
      .set(as('official'))
      .send({ version: await version(id), action, ...(SIGNING_ACTIONS.includes(action) ? { signatureConfirmed: true } : {}) });

  /** A county assessment in draft with its plain-language summary. */
  async function draft(title: string): Promise<string> {
    const created = await http().post('/api/assessments').set(as('official')).send({ title, committeeId: board.id }).expect(201);
    const id = created.body.id as string;
    await http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: 1, screening: { affectsChildren: true, rationale: 'Koskee lapsiperheitä.' } })
      .expect(200);
    expect((await move(id, 'start_full_assessment')).status).toBe(200);
    await http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: await version(id), plainLanguageSummary: 'Perhekeskus muuttaa.' })
      .expect(200);
    return id;
  }

  async function openWith(title: string, bodies: string[], days = 14) {
    const assessmentId = await draft(title);
    const ids: Record<string, string> = {};
    for (const b of bodies) {
      ids[b] = (
        await http()
          .post(`/api/assessments/${assessmentId}/consultations`)
          .set(as('official'))
          .send({ youthCouncilId: b, deadline: inDays(days) })
          .expect(201)
      ).body.id;
    }
    expect((await move(assessmentId, 'open_consultation')).status).toBe(200);
    return { assessmentId, ids };
  }

  /** What the worker does when it e-mails the contact: a fresh token, only its hash kept. */
  async function mailLink(consultationId: string, kind: 'consultation_opened' | 'consultation_deadline_reminder' = 'consultation_opened') {
    const link = await env.db.transaction((tx) =>
      issueStatementLink(tx, { kind, contactId, assessmentId: null, language: 'sv', params: { consultationId } }),
    );
    if (link === 'obsolete') return link;
    const token = /#token=(.+)$/.exec(link.path)?.[1];
    expect(link.path).toMatch(/^\/statement-link\?lang=sv#token=/);
    return token as string;
  }

  async function memberSubmits(who: 'pupil' | 'kotkaYouth' | 'haminaYouth', consultationId: string, text: string) {
    await http().post(`/api/consultations/${consultationId}/points`).set(as(who)).send({ text }).expect(201);
    const before = (await http().get(`/api/consultations/${consultationId}`).set(as(who)).expect(200)).body as ConsultationDetail;
    const adopted = await http()
      .post(`/api/consultations/${consultationId}/statement/adopt`)
      .set(as(who))
      .send({ version: before.statement?.version, meetingDate: helsinkiToday() })
      .expect(200);
    await http()
      .post(`/api/consultations/${consultationId}/statement/submit`)
      .set(as(who))
      .send({ version: (adopted.body as ConsultationDetail).statement?.version })
      .expect(200);
  }

  it('lets a county official ask the region’s municipal youth councils and the county’s own bodies', async () => {
    const id = await draft('Perhekeskusten palveluverkko');
    const options = (await http().get(`/api/assessments/${id}/youth-councils`).set(as('official')).expect(200))
      .body as YouthCouncilOption[];
    expect(options.map((o) => [o.name, o.own, o.kind, o.bodyType, o.emailContacts])).toEqual([
      ['Langinkosken koulun oppilaskunta', true, 'heard_body', 'pupil_council', 0],
      ['MLL Kymenlaakso', true, 'heard_body', 'ngo', 1],
      ['Haminan nuorisovaltuusto', false, 'youth_council', null, 0],
      ['Kotkan nuorisovaltuusto', false, 'youth_council', null, 0],
    ]);
    // Kotka's official is no staff of the county.
    await http().get(`/api/assessments/${id}`).set(as('kotkaOfficial')).expect(404);
  });

  it('hears two municipal youth councils and a pupil council on a county assessment; the official answers each point', async () => {
    const { assessmentId, ids } = await openWith('Nuorten mielenterveyspalvelut', [kotkaCouncil.id, haminaCouncil.id, pupilCouncilId]);
    // The members are told; the pupil council's members read the draft.
    const told: { recipient_user_id: string }[] = await env.db.query(
      `SELECT recipient_user_id FROM notifications WHERE kind = 'consultation_opened' AND assessment_id = $1`,
      [assessmentId],
    );
    expect(told.map((t) => t.recipient_user_id).sort()).toEqual([users.pupil.id, users.kotkaYouth.id, users.haminaYouth.id].sort());
    await http().get(`/api/assessments/${assessmentId}`).set(as('pupil')).expect(200);
    const mine = (await http().get('/api/consultations').set(as('pupil')).expect(200)).body.items;
    expect(mine.map((c: { id: string }) => c.id)).toEqual([ids[pupilCouncilId]]);

    await memberSubmits('kotkaYouth', ids[kotkaCouncil.id] as string, 'Aukioloajat iltaan.');
    await memberSubmits('haminaYouth', ids[haminaCouncil.id] as string, 'Chat-palvelu myös ruotsiksi.');
    await memberSubmits('pupil', ids[pupilCouncilId] as string, 'Koulupsykologi joka viikko.');

    const detail = (await http().get(`/api/consultations/${ids[pupilCouncilId]}`).set(as('official')).expect(200))
      .body as ConsultationDetail;
    expect(detail.statement?.points.map((p) => p.text)).toEqual(['Koulupsykologi joka viikko.']);
    expect(detail.can.answer).toBe(true);
    const point = detail.statement?.points[0];
    await http()
      .put(`/api/consultations/${ids[pupilCouncilId]}/points/${point?.id}/disposition`)
      .set(as('official'))
      .send({ version: point?.version, disposition: 'accepted', reason: 'Lisätään resurssi.' })
      .expect(200);
    // Every body answered: the official is told three times.
    const submitted = await env.db.query(`SELECT 1 FROM notifications WHERE kind = 'statement_submitted' AND assessment_id = $1`, [
      assessmentId,
    ]);
    expect(submitted).toHaveLength(3);
  });

  it('lets an e-mail-only contact answer once through the link; the draft is kept; reuse and unknown links are refused in their language', async () => {
    const { assessmentId, ids } = await openWith('Perheneuvolan ajanvaraus', [ngoId]);
    const consultationId = ids[ngoId] as string;
    // The contact's notice is in the outbox, addressed to the contact (no user).
    const [notice] = await env.db.query(
      `SELECT recipient_user_id, params FROM notifications WHERE kind = 'consultation_opened' AND recipient_contact_id = $1 AND assessment_id = $2`,
      [contactId, assessmentId],
    );
    expect(notice).toMatchObject({ recipient_user_id: null, params: { consultationId, council: 'MLL Kymmenedalen' } });

    const token = (await mailLink(consultationId)) as string;
    const [stored] = await env.db.query(`SELECT token_hash, expires_at FROM consultation_links WHERE consultation_id = $1`, [
      consultationId,
    ]);
    expect(stored.token_hash).not.toContain(token);
    const opened = (await http().post('/api/statement-links/open').send({ token }).expect(200)).body as StatementLinkView;
    expect(opened).toMatchObject({
      contactName: 'Maija Mäkinen',
      contactLanguage: 'sv',
      bodyName: 'MLL Kymmenedalen',
      points: [],
      submittedAt: null,
    });
    expect(opened.plainLanguageSummary).toBe('Perhekeskus muuttaa.');

    // The draft is kept server-side; a reminder's new link finds it (and the old one stops working).
    const saved = (
      await http()
        .put('/api/statement-links/draft')
        .send({ token, points: ['Kvällstider behövs.', '  '], version: opened.version })
        .expect(200)
    ).body as StatementLinkView;
    expect(saved.version).toBe(opened.version + 1);
    // A second tab still holding the first version cannot save over it: 409 with the newer points, in the contact's language.
    const stale = await http()
      .put('/api/statement-links/draft')
      .set('Accept-Language', 'sv')
      .send({ token, points: ['Från den andra fliken.'], version: opened.version })
      .expect(409);
    expect(stale.body.message).toBe(
      'Utkastet sparades i ett annat fönster eller en annan flik efter att det här öppnades. Välj vilken text som ska gälla.',
    );
    expect(stale.body.conflict).toEqual({ currentVersion: saved.version, points: ['Kvällstider behövs.'] });
    await http()
      .post('/api/statement-links/submit')
      .send({ token, points: ['Från den andra fliken.'], version: opened.version })
      .expect(409);
    const newer = (await mailLink(consultationId, 'consultation_deadline_reminder')) as string;
    await http().post('/api/statement-links/open').send({ token }).expect(404);
    expect((await http().post('/api/statement-links/open').send({ token: newer }).expect(200)).body.points).toEqual([
      'Kvällstider behövs.',
    ]);

    // Submitting needs a point; then it uses the link up.
    await http().post('/api/statement-links/submit').send({ token: newer, points: [] }).expect(409);
    const sent = (
      await http()
        .post('/api/statement-links/submit')
        .send({ token: newer, points: ['Kvällstider behövs.', 'Även chatt.'] })
        .expect(200)
    ).body as StatementLinkView;
    expect(sent.submittedAt).not.toBeNull();
    const reused = await http()
      .post('/api/statement-links/submit')
      .set('Accept-Language', 'sv')
      .send({ token: newer, points: ['x'] });
    expect(reused.status).toBe(410);
    expect(reused.body.message).toBe('Länken har redan använts: utlåtandet har skickats.');
    const unknown = await http()
      .post('/api/statement-links/open')
      .set('Accept-Language', 'sv')
      .send({ token: 'x'.repeat(43) })
      .expect(404);
    expect(unknown.body.message).toBe('Länken är inte giltig. Använd den senaste länken du fått per e-post eller be beredaren om en ny.');
    // No new link after the answer: the reminder is not sent.
    expect(await mailLink(consultationId, 'consultation_deadline_reminder')).toBe('obsolete');

    // The official sees the body's statement and answers it like a council's.
    const detail = (await http().get(`/api/consultations/${consultationId}`).set(as('official')).expect(200)).body as ConsultationDetail;
    expect(detail.status).toBe('submitted');
    expect(detail.statement?.points.map((p) => p.text)).toEqual(['Kvällstider behövs.', 'Även chatt.']);
    expect(detail.can.answer).toBe(true);
  });

  it('keeps a point a member of the body drafted, with its author, when the contact saves the statement around it', async () => {
    const { ids } = await openWith('Perhetyön ryhmät', [ngoId]);
    const consultationId = ids[ngoId] as string;
    const token = (await mailLink(consultationId)) as string;
    const opened = (await http().post('/api/statement-links/open').send({ token }).expect(200)).body as StatementLinkView;
    await http()
      .put('/api/statement-links/draft')
      .send({ token, points: ['Kvällsgrupper.', 'Ta bort den här.'], version: opened.version })
      .expect(200);
    // A member with an account (here, as if the body's member had written it) adds a point of their own.
    const [{ statement_id: statementId }] = await env.db.query(`SELECT id AS statement_id FROM statements WHERE consultation_id = $1`, [
      consultationId,
    ]);
    const [member] = await env.db.query(
      `INSERT INTO statement_points (statement_id, position, text, updated_by_id) VALUES ($1, 3, 'Jäsenen kohta.', $2) RETURNING id`,
      [statementId, users.pupil.id],
    );
    await env.db.query(`UPDATE statements SET version = version + 1 WHERE id = $1`, [statementId]);
    const seen = (await http().post('/api/statement-links/open').send({ token }).expect(200)).body as StatementLinkView;
    expect(seen.points).toEqual(['Kvällsgrupper.', 'Ta bort den här.', 'Jäsenen kohta.']);

    // The contact moves the member's point first, removes one of their own and adds another.
    await http()
      .put('/api/statement-links/draft')
      .send({ token, points: ['Jäsenen kohta.', 'Kvällsgrupper.', 'Även på svenska.'], version: seen.version })
      .expect(200);
    const points = await env.db.query(
      `SELECT id, text, position, updated_by_id FROM statement_points WHERE statement_id = $1 ORDER BY position`,
      [statementId],
    );
    expect(points.map((p: { text: string }) => p.text)).toEqual(['Jäsenen kohta.', 'Kvällsgrupper.', 'Även på svenska.']);
    expect(points[0]).toMatchObject({ id: member.id, position: 1, updated_by_id: users.pupil.id });
  });

  it('answers 410 for a used, expired or withdrawn request, in the contact’s language', async () => {
    const { ids } = await openWith('Lasten kuntoutus', [ngoId]);
    const consultationId = ids[ngoId] as string;
    const token = (await mailLink(consultationId)) as string;
    // The used state: the link row is marked used while its hash is still known (a second tab).
    await env.db.query(`UPDATE consultation_links SET used_at = now() WHERE consultation_id = $1`, [consultationId]);
    const used = await http().post('/api/statement-links/open').set('Accept-Language', 'sv').send({ token }).expect(410);
    expect(used.body.message).toBe('Länken har redan använts: utlåtandet har skickats.');
    await env.db.query(
      `UPDATE consultation_links SET used_at = NULL, expires_at = now() - interval '1 minute' WHERE consultation_id = $1`,
      [consultationId],
    );
    const expired = await http()
      .put('/api/statement-links/draft')
      .set('Accept-Language', 'fi')
      .send({ token, points: ['a'] })
      .expect(410);
    expect(expired.body.message).toBe('Linkki vanheni lausuntopyynnön määräajan päättyessä. Pyydä valmistelijaa jatkamaan määräaikaa.');
    await env.db.query(`UPDATE consultation_links SET expires_at = NULL WHERE consultation_id = $1`, [consultationId]);
    const current = (await http().get(`/api/consultations/${consultationId}`).set(as('official')).expect(200)).body as ConsultationDetail;
    await http().post(`/api/consultations/${consultationId}/withdraw`).set(as('official')).send({ version: current.version }).expect(200);
    const withdrawn = await http().post('/api/statement-links/open').send({ token }).expect(410);
    expect(withdrawn.body.message).toBe('The official withdrew this request, so it no longer takes a statement.');
    // A withdrawn request gives no new link either.
    expect(await mailLink(consultationId, 'consultation_deadline_reminder')).toBe('obsolete');
    await http().post('/api/statement-links/open').send({ token: 'short' }).expect(400);
  });

  it('lets an admin keep the register: a body needs its type; contacts only on bodies', async () => {
    const create = (body: object) => http().post('/api/admin/organizations').set(as('admin')).send(body);
    const names = { fi: 'Kotkan seurakunta', sv: 'Kotka församling', en: 'Kotka Parish' };
    const missing = await create({ parentId: county.id, kind: 'heard_body', names }).expect(400);
    expect(missing.body.details).toEqual([{ field: 'bodyType', messages: ['is required for a heard body'] }]);
    await create({ parentId: county.id, kind: 'committee', names, bodyType: 'parish' }).expect(400);
    const parish = (await create({ parentId: county.id, kind: 'heard_body', names, bodyType: 'parish' }).expect(201)).body;
    expect(parish).toMatchObject({ kind: 'heard_body', bodyType: 'parish', parentId: county.id });
    const contacts = `/api/admin/organizations/${parish.id}/contacts`;
    const added = (
      await http()
        .post(contacts)
        .set(as('admin'))
        .send({ name: 'Pirjo Pappi', email: 'Pirjo@Seurakunta.example', language: 'fi' })
        .expect(201)
    ).body;
    expect(added).toMatchObject({ email: 'pirjo@seurakunta.example', language: 'fi' });
    await http().post(contacts).set(as('admin')).send({ name: 'Toinen', email: 'pirjo@seurakunta.example', language: 'fi' }).expect(409);
    await http().post(contacts).set(as('admin')).send({ name: 'X', email: 'not-an-address', language: 'fi' }).expect(400);
    await http()
      .post(`/api/admin/organizations/${board.id}/contacts`)
      .set(as('admin'))
      .send({ name: 'X', email: 'x@y.example', language: 'fi' })
      .expect(400);
    await http().post(contacts).set(as('official')).send({ name: 'X', email: 'x@y.example', language: 'fi' }).expect(403);
    expect((await http().get(contacts).set(as('admin')).expect(200)).body).toHaveLength(1);
    // Corrected: a new address and language; another contact's address is refused (409), a bad one 400.
    const changed = (
      await http()
        .put(`${contacts}/${added.id}`)
        .set(as('admin'))
        .send({ name: 'Pirjo Paimen', email: 'pirjo.paimen@seurakunta.example', language: 'sv' })
        .expect(200)
    ).body;
    expect(changed).toMatchObject({ id: added.id, name: 'Pirjo Paimen', email: 'pirjo.paimen@seurakunta.example', language: 'sv' });
    const other = (
      await http().post(contacts).set(as('admin')).send({ name: 'Olli', email: 'olli@seurakunta.example', language: 'fi' }).expect(201)
    ).body;
    await http()
      .put(`${contacts}/${other.id}`)
      .set(as('admin'))
      .send({ name: 'Olli', email: 'PIRJO.PAIMEN@seurakunta.example', language: 'fi' })
      .expect(409);
    await http()
      .put(`${contacts}/${other.id}`)
      .set(as('admin'))
      .send({ name: '', email: 'olli@seurakunta.example', language: 'fi' })
      .expect(400);
    await http().put(`${contacts}/${other.id}`).set(as('official')).send({ name: 'O', email: 'o@y.example', language: 'fi' }).expect(403);
    await http()
      .put(`${contacts}/00000000-0000-4000-8000-000000000000`)
      .set(as('admin'))
      .send({ name: 'O', email: 'o@y.example', language: 'fi' })
      .expect(404);
    await http().delete(`${contacts}/${other.id}`).set(as('admin')).expect(204);
    await http().delete(`${contacts}/${added.id}`).set(as('admin')).expect(204);
    await http().delete(`${contacts}/${added.id}`).set(as('admin')).expect(404);
  });
});

import type { AdminUserView, CurrentUser, MembershipsSaved, Page } from '@lava/contracts';
import { createMunicipality, createUser, type TestMunicipality } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

describe('administering people: roles, deactivation, profile', () => {
  let env: TestEnvironment;
  let kotka: TestMunicipality;
  let kouvola: TestMunicipality;
  let kotkaAdmin: string;
  let kotkaAdminId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    kotka = await createMunicipality(env.db, 'Kotka');
    kouvola = await createMunicipality(env.db, 'Kouvola');
    const admin = await createUser(env.db, 'admin', kotka.municipality);
    kotkaAdminId = admin.id;
    kotkaAdmin = await env.login(admin.email);
  });
  afterAll(() => env?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('lists only the people of the admin’s own organizations, paged by e-mail address', async () => {
    const kotkaPeople = [
      await createUser(env.db, 'official', kotka.municipality),
      await createUser(env.db, 'committee_chair', kotka.education),
      await createUser(env.db, 'youth_council_member', kotka.youthCouncil),
    ];
    const kouvolaOfficial = await createUser(env.db, 'official', kouvola.municipality);

    const seen: AdminUserView[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '2', ...(cursor ? { cursor } : {}) };
      const page = (await env.http().get('/api/admin/users').query(query).set(as(kotkaAdmin)).expect(200)).body as Page<AdminUserView>;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((u) => u.email).sort()).toEqual(
      [...kotkaPeople.map((u) => u.email), (await env.db.query(`SELECT email FROM users WHERE id = $1`, [kotkaAdminId]))[0].email].sort(),
    );
    expect(seen.map((u) => u.email)).not.toContain(kouvolaOfficial.email);
    expect(seen.find((u) => u.email === kotkaPeople[1]?.email)?.memberships).toEqual([
      expect.objectContaining({ organizationId: kotka.education.id, role: 'committee_chair', organizationKind: 'committee' }),
    ]);

    // Someone outside the admin's organizations does not exist for them.
    await env.http().post(`/api/admin/users/${kouvolaOfficial.id}/deactivate`).set(as(kotkaAdmin)).expect(404);
  });

  it('ends a deactivated person’s session at once and lets them back in after reactivation', async () => {
    const official = await createUser(env.db, 'official', kotka.municipality);
    const login = await env
      .http()
      .post('/api/auth/login')
      .send({ email: official.email, password: 'correct horse battery staple' })
      .expect(200);
    const token = login.body.accessToken as string;
    const cookie = login.headers['set-cookie'];
    await env.http().get('/api/assessments').set(as(token)).expect(200);

    const deactivated = await env.http().post(`/api/admin/users/${official.id}/deactivate`).set(as(kotkaAdmin)).expect(200);
    expect(deactivated.body).toEqual({ outcome: 'deactivated' });
    await env.http().get('/api/assessments').set(as(token)).expect(401);
    await env.http().post('/api/auth/refresh').set('Cookie', cookie).expect(401);
    await env.http().post('/api/auth/login').send({ email: official.email, password: 'correct horse battery staple' }).expect(401);
    const [audit] = await env.db.query(
      `SELECT action, actor_user_id FROM audit_events WHERE entity_id = $1 AND action <> 'user.signed_in'`,
      [official.id],
    );
    expect(audit).toEqual({ action: 'user.deactivated', actor_user_id: kotkaAdminId });

    await env.http().post(`/api/admin/users/${official.id}/reactivate`).set(as(kotkaAdmin)).expect(204);
    await env.login(official.email);

    const self = await env.http().post(`/api/admin/users/${kotkaAdminId}/deactivate`).set(as(kotkaAdmin)).expect(400);
    expect(self.body.message).toBe('You cannot deactivate your own account.');
  });

  it('never lets one municipality’s admin close or reopen an account that has roles elsewhere (invite-then-deactivate)', async () => {
    // The region's admin administers Kouvola's region; Kotka's admin invites them as a Kotka reviewer.
    const kouvolaRegion = (await env.db.query(`SELECT * FROM organizations WHERE id = $1`, [kouvola.municipality.parentId]))[0];
    const regionAdmin = await createUser(env.db, 'admin', kouvolaRegion);
    const invited = await env
      .http()
      .post('/api/admin/invitations')
      .set(as(kotkaAdmin))
      .send({ email: regionAdmin.email, language: 'fi', memberships: [{ organizationId: kotka.municipality.id, role: 'reviewer' }] })
      .expect(201);
    // The answer is the same as for an address never seen: it does not tell that an account with a password exists.
    expect(invited.body).toEqual({ userId: regionAdmin.id, outcome: 'invited' });

    const attempt = await env.http().post(`/api/admin/users/${regionAdmin.id}/deactivate`).set(as(kotkaAdmin)).expect(200);
    expect(attempt.body).toEqual({ outcome: 'roles_removed' });
    const [account] = await env.db.query(`SELECT active FROM users WHERE id = $1`, [regionAdmin.id]);
    expect(account.active).toBe(true);
    expect(await env.db.query(`SELECT organization_id, role FROM memberships WHERE user_id = $1`, [regionAdmin.id])).toEqual([
      { organization_id: kouvolaRegion.id, role: 'admin' },
    ]);
    // They can still sign in and administer their region; Kotka no longer sees them.
    const regionToken = await env.login(regionAdmin.email);
    await env.http().get('/api/admin/users').set(as(regionToken)).expect(200);
    await env.http().post(`/api/admin/users/${regionAdmin.id}/deactivate`).set(as(kotkaAdmin)).expect(404);

    // Someone Kouvola deactivated stays deactivated, whatever Kotka's admin does.
    const kouvolaOfficial = await createUser(env.db, 'official', kouvola.municipality);
    await env.http().post(`/api/admin/users/${kouvolaOfficial.id}/deactivate`).set(as(regionToken)).expect(200);
    const reinvited = await env
      .http()
      .post('/api/admin/invitations')
      .set(as(kotkaAdmin))
      .send({ email: kouvolaOfficial.email, language: 'fi', memberships: [{ organizationId: kotka.municipality.id, role: 'official' }] })
      .expect(201);
    expect(reinvited.body).toEqual({ userId: kouvolaOfficial.id, outcome: 'invited' });
    const refused = await env.http().post(`/api/admin/users/${kouvolaOfficial.id}/reactivate`).set(as(kotkaAdmin)).expect(409);
    expect(refused.body.message).toMatch(/also has roles in organizations you do not administer/);
    expect((await env.db.query(`SELECT active FROM users WHERE id = $1`, [kouvolaOfficial.id]))[0].active).toBe(false);
    await env.http().post('/api/auth/login').send({ email: kouvolaOfficial.email, password: 'correct horse battery staple' }).expect(401);
    // Their own region's admin can.
    await env.http().post(`/api/admin/users/${kouvolaOfficial.id}/reactivate`).set(as(regionToken)).expect(409);
    await env.db.query(`DELETE FROM memberships WHERE user_id = $1 AND organization_id = $2`, [kouvolaOfficial.id, kotka.municipality.id]);
    await env.http().post(`/api/admin/users/${kouvolaOfficial.id}/reactivate`).set(as(regionToken)).expect(204);
  });

  it('changes roles within the admin’s organizations, refusing a role the organization cannot have', async () => {
    const person = await createUser(env.db, 'youth_council_member', kotka.youthCouncil);
    const wrong = await env
      .http()
      .put(`/api/admin/users/${person.id}/memberships`)
      .set(as(kotkaAdmin))
      .send({
        memberships: [
          { organizationId: kotka.education.id, role: 'official' },
          { organizationId: kouvola.education.id, role: 'committee_chair' },
        ],
      })
      .expect(400);
    expect(wrong.body.details).toEqual([
      { field: 'memberships.0.role', messages: ['official is not a role in a committee'] },
      { field: 'memberships.1.organizationId', messages: ['is not one of your organizations'] },
    ]);

    const changed = await env
      .http()
      .put(`/api/admin/users/${person.id}/memberships`)
      .set(as(kotkaAdmin))
      .send({ memberships: [{ organizationId: kotka.education.id, role: 'committee_chair' }] })
      .expect(200);
    expect((changed.body as AdminUserView).memberships.map((m) => [m.organizationId, m.role])).toEqual([
      [kotka.education.id, 'committee_chair'],
    ]);
    const me = (
      await env
        .http()
        .get('/api/auth/me')
        .set(as(await env.login(person.email)))
        .expect(200)
    ).body as CurrentUser;
    expect(me.memberships.map((m) => m.role)).toEqual(['committee_chair']);
  });

  it('names a youth council’s chair and secretary, one of each: a new chair makes the previous one a plain member', async () => {
    const aino = await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { displayName: 'Aino' });
    const onni = await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { displayName: 'Onni' });
    const official = await createUser(env.db, 'official', kotka.municipality);
    const setMemberships = (userId: string, memberships: object[]) =>
      env.http().put(`/api/admin/users/${userId}/memberships`).set(as(kotkaAdmin)).send({ memberships });
    const officeOf = async (userId: string) =>
      (await env.db.query(`SELECT council_office FROM memberships WHERE user_id = $1 AND role = 'youth_council_member'`, [userId]))[0]
        ?.council_office ?? null;

    // An office only on a youth council membership, with the field named.
    const refused = await setMemberships(official.id, [
      { organizationId: kotka.municipality.id, role: 'official', councilOffice: 'chair' },
    ]).expect(400);
    expect(refused.body.details).toEqual([
      { field: 'memberships.0.councilOffice', messages: ['only a youth council member can be the council’s chair or secretary'] },
    ]);
    expect(refused.body.message).toMatch(/memberships\.0\.councilOffice/);
    const unknown = await setMemberships(aino.id, [
      { organizationId: kotka.youthCouncil.id, role: 'youth_council_member', councilOffice: 'treasurer' },
    ]).expect(400);
    expect(unknown.body.details[0].field).toBe('memberships.0.councilOffice');

    const chair = (
      await setMemberships(aino.id, [
        { organizationId: kotka.youthCouncil.id, role: 'youth_council_member', councilOffice: 'chair' },
      ]).expect(200)
    ).body as MembershipsSaved;
    expect(chair.memberships).toEqual([expect.objectContaining({ organizationId: kotka.youthCouncil.id, councilOffice: 'chair' })]);
    expect(chair.replacedOfficeHolders).toEqual([]);

    // Onni becomes the chair: Aino is a plain member again, in the same save, and the trail says so.
    const takenOver = (
      await setMemberships(onni.id, [
        { organizationId: kotka.youthCouncil.id, role: 'youth_council_member', councilOffice: 'chair' },
      ]).expect(200)
    ).body as MembershipsSaved;
    expect(takenOver.replacedOfficeHolders).toEqual([
      {
        userId: aino.id,
        displayName: 'Aino',
        organizationId: kotka.youthCouncil.id,
        organizationName: 'Nuorisovaltuusto',
        office: 'chair',
      },
    ]);
    expect([await officeOf(aino.id), await officeOf(onni.id)]).toEqual([null, 'chair']);
    const [passed] = await env.db.query(
      `SELECT actor_user_id, details FROM audit_events WHERE entity_id = $1 AND action = 'user.council_office_passed_on'`,
      [aino.id],
    );
    expect(passed).toEqual({
      actor_user_id: kotkaAdminId,
      details: { office: 'chair', organizationId: kotka.youthCouncil.id, to: onni.id },
    });

    // The secretary is another office: naming Aino secretary leaves Onni the chair.
    const secretary = (
      await setMemberships(aino.id, [
        { organizationId: kotka.youthCouncil.id, role: 'youth_council_member', councilOffice: 'secretary' },
      ]).expect(200)
    ).body as MembershipsSaved;
    expect(secretary.replacedOfficeHolders).toEqual([]);
    expect([await officeOf(aino.id), await officeOf(onni.id)]).toEqual(['secretary', 'chair']);

    // The office shows in the list and to the person themself; saving without it makes them a plain member.
    const list = (await env.http().get('/api/admin/users').query({ limit: '100' }).set(as(kotkaAdmin)).expect(200))
      .body as Page<AdminUserView>;
    expect(list.items.find((u) => u.id === onni.id)?.memberships).toEqual([expect.objectContaining({ councilOffice: 'chair' })]);
    const me = (
      await env
        .http()
        .get('/api/auth/me')
        .set(as(await env.login(aino.email)))
        .expect(200)
    ).body as CurrentUser;
    expect(me.memberships).toEqual([expect.objectContaining({ role: 'youth_council_member', councilOffice: 'secretary' })]);
    await setMemberships(aino.id, [{ organizationId: kotka.youthCouncil.id, role: 'youth_council_member' }]).expect(200);
    expect(await officeOf(aino.id)).toBeNull();
  });

  it('lists the organizations an admin administers, each under its parent', async () => {
    const organizations = (await env.http().get('/api/admin/organizations').set(as(kotkaAdmin)).set('Accept-Language', 'sv').expect(200))
      .body as { id: string; name: string; kind: string; parentId: string | null }[];
    expect(organizations.map((o) => [o.name, o.kind])).toEqual([
      ['Kotka sv', 'municipality'],
      ['Bildningsnämnden', 'committee'],
      ['Ungdomsfullmäktige', 'youth_council'],
    ]);
    expect(organizations[1]?.parentId).toBe(kotka.municipality.id);
  });

  it('adds committees and one youth council under the admin’s municipality, and renames them', async () => {
    const create = (body: object) => env.http().post('/api/admin/organizations').set(as(kotkaAdmin)).send(body);
    const names = { fi: 'Tekninen lautakunta', sv: 'Tekniska nämnden', en: 'Technical Committee' };
    const technical = await create({ parentId: kotka.municipality.id, kind: 'committee', names }).expect(201);
    expect(technical.body).toMatchObject({ name: 'Tekninen lautakunta', kind: 'committee', parentId: kotka.municipality.id, names });

    const second = await create({
      parentId: kotka.municipality.id,
      kind: 'youth_council',
      names: { fi: 'Toinen', sv: 'Andra', en: 'Second' },
    }).expect(409);
    expect(second.body.message).toBe('This municipality already has its youth council.');
    const wrongKind = await create({ parentId: kotka.education.id, kind: 'committee', names }).expect(400);
    expect(wrongKind.body.details).toEqual([{ field: 'kind', messages: ['must be one of (none) here'] }]);
    await create({ parentId: kouvola.municipality.id, kind: 'committee', names }).expect(404);
    await create({ parentId: kotka.municipality.id, kind: 'committee', names: { fi: 'x', sv: '', en: 'Ok name' } }).expect(400);

    const renamed = await env
      .http()
      .patch(`/api/admin/organizations/${technical.body.id}`)
      .set(as(kotkaAdmin))
      .set('Accept-Language', 'en')
      .send({ names: { ...names, en: 'Technical Services Committee' } })
      .expect(200);
    expect(renamed.body.name).toBe('Technical Services Committee');
    const [audit] = await env.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [
      technical.body.id,
    ]);
    expect(audit.action).toBe('organization.renamed');
  });

  it('sets a municipality’s languages, which decide the summaries a consultation of its youth council needs', async () => {
    const setLanguages = (id: string, body: object, language = 'en') =>
      env.http().put(`/api/admin/organizations/${id}/languages`).set(as(kotkaAdmin)).set('Accept-Language', language).send(body);
    const listed = async () =>
      ((await env.http().get('/api/admin/organizations').set(as(kotkaAdmin)).expect(200)).body as { id: string; languages: unknown }[]).map(
        (o) => [o.id, o.languages],
      );
    // Finnish-speaking until the admin says otherwise; only the municipality has languages.
    expect(await listed()).toEqual(
      expect.arrayContaining([
        [kotka.municipality.id, ['fi']],
        [kotka.youthCouncil.id, null],
      ]),
    );

    // Bad input: a clear 400 naming the field, in the reader's language; nothing changes.
    const none = await setLanguages(kotka.municipality.id, { languages: [] }).expect(400);
    expect(none.body.details).toEqual([{ field: 'languages', messages: ['must name at least one language'] }]);
    const finnishNone = await setLanguages(kotka.municipality.id, { languages: [] }, 'fi').expect(400);
    expect(finnishNone.body.details).toEqual([{ field: 'languages', messages: ['pitää sisältää vähintään yksi kieli'] }]);
    const german = await setLanguages(kotka.municipality.id, { languages: ['fi', 'de'] }).expect(400);
    expect(german.body.details).toEqual([{ field: 'languages', messages: ['must be one of fi, sv'] }]);
    const twice = await setLanguages(kotka.municipality.id, { languages: ['sv', 'sv'] }).expect(400);
    expect(twice.body.details).toEqual([{ field: 'languages', messages: ['must name each language once'] }]);
    await setLanguages(kotka.municipality.id, {}).expect(400);
    await setLanguages(kotka.municipality.id, { languages: 'sv' }).expect(400);
    const council = await setLanguages(kotka.youthCouncil.id, { languages: ['sv'] }).expect(400);
    expect(council.body.message).toBe(
      'Only a municipality or a wellbeing services county has languages; its committees and youth council use the same.',
    );
    await setLanguages(kouvola.municipality.id, { languages: ['sv'] }).expect(404); // not theirs
    const official = await createUser(env.db, 'official', kotka.municipality);
    const officialToken = await env.login(official.email);
    await env
      .http()
      .put(`/api/admin/organizations/${kotka.municipality.id}/languages`)
      .set(as(officialToken))
      .send({ languages: ['sv'] })
      .expect(403);
    expect(await listed()).toEqual(expect.arrayContaining([[kotka.municipality.id, ['fi']]]));

    // Bilingual: kept Finnish first, audited.
    const saved = await setLanguages(kotka.municipality.id, { languages: ['sv', 'fi'] }).expect(200);
    expect(saved.body).toMatchObject({ id: kotka.municipality.id, kind: 'municipality', languages: ['fi', 'sv'] });
    const [audit] = await env.db.query(`SELECT action, details FROM audit_events WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [
      kotka.municipality.id,
    ]);
    expect(audit).toEqual({ action: 'organization.languages_changed', details: { from: 'fi', to: 'fi,sv' } });

    // What it changes: the consultation of Kotka's council now needs the Swedish summary too.
    const officialAs = as(officialToken);
    const id = (
      await env
        .http()
        .post('/api/assessments')
        .set(officialAs)
        .send({ title: 'Uimahallin aukioloajat', committeeId: kotka.education.id })
        .expect(201)
    ).body.id as string;
    const version = async () => (await env.db.query(`SELECT version FROM assessments WHERE id = $1`, [id]))[0].version as number;
    const transition = async (body: object) =>
      env
        .http()
        .post(`/api/assessments/${id}/transitions`)
        .set(officialAs)
        .send({ version: await version(), ...body });
    await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(officialAs)
      .send({ version: await version(), screening: { affectsChildren: true, rationale: 'Koskee nuoria.' } })
      .expect(200);
    expect((await transition({ action: 'start_full_assessment', signatureConfirmed: true })).status).toBe(200);
    await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(officialAs)
      .send({ version: await version(), plainLanguageSummary: 'Uimahalli on auki pidempään.' })
      .expect(200);
    await env
      .http()
      .post(`/api/assessments/${id}/consultations`)
      .set(officialAs)
      .send({ youthCouncilId: kotka.youthCouncil.id, deadline: new Date(Date.now() + 10 * 86_400_000).toISOString() })
      .expect(201);
    const refused = await transition({ action: 'open_consultation' });
    expect(refused.status).toBe(400);
    expect(refused.body.refusals).toEqual([
      expect.objectContaining({ code: 'plain_language_summary_language_missing', params: { languages: 'sv' } }),
    ]);
    // Back to Finnish only: the same consultation opens.
    await setLanguages(kotka.municipality.id, { languages: ['fi'] }).expect(200);
    expect((await transition({ action: 'open_consultation' })).status).toBe(200);
  });

  it('removes every role a person has in the admin’s organizations, answering with the person as they are now', async () => {
    const official = await createUser(env.db, 'official', kotka.municipality);
    const saved = (
      await env.http().put(`/api/admin/users/${official.id}/memberships`).set(as(kotkaAdmin)).send({ memberships: [] }).expect(200)
    ).body as MembershipsSaved;
    expect(saved).toEqual(expect.objectContaining({ id: official.id, memberships: [] }));
    expect(await env.db.query(`SELECT 1 FROM memberships WHERE user_id = $1`, [official.id])).toEqual([]);
  });

  it('edits the e-mail domains an organization vouches for at sign-in: normalized, validated, in scope, audited', async () => {
    const put = (id: string, body: object, language = 'en') =>
      env.http().put(`/api/admin/organizations/${id}/oidc-email-domains`).set(as(kotkaAdmin)).set('Accept-Language', language).send(body);
    const saved = await put(kotka.municipality.id, { domains: [' Kotka.FI ', '@edu.kotka.fi', 'kotka.fi'] }).expect(200);
    expect(saved.body).toMatchObject({ id: kotka.municipality.id, oidcEmailDomains: ['edu.kotka.fi', 'kotka.fi'] });
    const listed = (await env.http().get('/api/admin/organizations').set(as(kotkaAdmin)).expect(200)).body as {
      id: string;
      oidcEmailDomains: string[];
    }[];
    expect(listed.find((o) => o.id === kotka.municipality.id)?.oidcEmailDomains).toEqual(['edu.kotka.fi', 'kotka.fi']);
    const [row] = await env.db.query(`SELECT oidc_email_domains FROM organizations WHERE id = $1`, [kotka.municipality.id]);
    expect(row.oidc_email_domains).toEqual(['edu.kotka.fi', 'kotka.fi']);
    const [audit] = await env.db.query(
      `SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'organization.oidc_domains_changed'`,
      [kotka.municipality.id],
    );
    expect(audit.details).toEqual({ from: '', to: 'edu.kotka.fi, kotka.fi' });

    // Bad input is a 400 naming the field, in the admin's language; nothing changes.
    const address = await put(kotka.municipality.id, { domains: ['olli@kotka.fi'] }, 'fi').expect(400);
    expect(address.body.details).toEqual([
      { field: 'domains', messages: ['saa sisältää vain verkkotunnuksia, kuten kotka.fi (ei @-merkkiä, välilyöntejä tai osoitteita)'] },
    ]);
    for (const body of [{ domains: 'kotka.fi' }, { domains: [42] }, { domains: ['localhost'] }, { domains: ['a b.fi'] }, {}])
      await put(kotka.municipality.id, body).expect(400);
    const many = await put(kotka.municipality.id, { domains: Array.from({ length: 21 }, (_, i) => `d${i}.kotka.fi`) }).expect(400);
    expect(many.body.details[0].messages).toEqual(['must name at most 20 domains']);
    const youth = await put(kotka.youthCouncil.id, { domains: ['kotka.fi'] }, 'sv').expect(400);
    expect(youth.body.details).toEqual([{ field: 'domains', messages: ['kan inte anges för ett ungdomsfullmäktige'] }]);
    // Another municipality's organization is not among the admin's: 404, unchanged.
    await put(kouvola.municipality.id, { domains: ['kouvola.fi'] }).expect(404);
    expect((await env.db.query(`SELECT oidc_email_domains FROM organizations WHERE id = $1`, [kouvola.municipality.id]))[0]).toEqual({
      oidc_email_domains: [],
    });
    // An empty list allows none.
    expect((await put(kotka.municipality.id, { domains: [] }).expect(200)).body.oidcEmailDomains).toEqual([]);
  });

  it('keeps admin pages for admins', async () => {
    const official = await env.login((await createUser(env.db, 'official', kotka.municipality)).email);
    const response = await env.http().get('/api/admin/users').set(as(official)).expect(403);
    expect(response.body.message).toBe('This is for administrators.');
  });

  it('lets everyone set their own name and language', async () => {
    const youth = await createUser(env.db, 'youth_council_member', kotka.youthCouncil);
    const token = await env.login(youth.email);
    const updated = await env.http().patch('/api/me').set(as(token)).send({ displayName: '  Aino  ', language: 'sv' }).expect(200);
    expect(updated.body).toMatchObject({
      displayName: 'Aino',
      language: 'sv',
      memberships: [expect.objectContaining({ organizationName: 'Ungdomsfullmäktige' })],
    });
    const bad = await env.http().patch('/api/me').set(as(token)).send({ language: 'de', email: 'x@y.z' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'language']);
  });
});

import type { CommentChanges, CommentPermissions, CommentThreadPage, CommentThreadView } from '@lava/contracts';
import { SectionChangesService } from '../src/app/comments/section-changes.service';
import type { Assessment } from '../src/app/assessments/assessment.entity';
import { OutboxBatch } from '../src/app/notifications/outbox-batch';
import type { User } from '../src/app/users/user.entity';
import { createMunicipality, createUser } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/** The item at `index`, failing the test when there is none. */
function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`expected an item at ${index} of ${list.length}`);
  return item;
}

/**
 * Comments on assessment sections through the real API and PostgreSQL: who sees and writes which
 * audience in which stage, every refusal, edit history, moderation, mentions and notifications,
 * and the sections changed since a youth council commented.
 */
describe('comments on assessment sections', () => {
  let env: TestEnvironment;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  let committeeId: string;
  let councilA: string;
  let councilB: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    committeeId = kotka.education.id;
    councilA = kotka.youthCouncil.id;
    councilB = kouvola.youthCouncil.id;
    const [region] = await env.db.query(`SELECT * FROM organizations WHERE id = $1`, [kotka.municipality.parentId]);
    const [otherCommittee] = await env.db.query(
      `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en) VALUES ('committee', $1, 'Tekninen lautakunta', 'Tekniska nämnden', 'Technical Committee') RETURNING *`,
      [kotka.municipality.id],
    );
    const make = async (key: string, role: Parameters<typeof createUser>[1], org: Parameters<typeof createUser>[2], name: string) => {
      users[key] = await createUser(env.db, role, org, { displayName: name });
      tokens[key] = await env.login(users[key].email);
    };
    await make('official', 'official', kotka.municipality, 'Olli Virkamies');
    await make('reviewer', 'reviewer', kotka.municipality, 'Riitta Arvioija');
    await make('chair', 'committee_chair', kotka.education, 'Pekka Puheenjohtaja');
    await make('otherChair', 'committee_chair', otherCommittee, 'Toinen Puheenjohtaja');
    await make('admin', 'admin', region, 'Aino Ylläpitäjä');
    await make('youthA', 'youth_council_member', kotka.youthCouncil, 'Nea Nuori');
    await make('youthA2', 'youth_council_member', kotka.youthCouncil, 'Eetu Nuori');
    await make('youthB', 'youth_council_member', kouvola.youthCouncil, 'Kouvolan Nuori');
    await make('outsider', 'official', kouvola.municipality, 'Kouvolan Virkamies');
  });
  afterAll(() => env?.close());

  const as = (key: string) => ({ Authorization: `Bearer ${tokens[key]}` });
  const get = (key: string, path: string) => env.http().get(path).set(as(key));
  const post = (key: string, path: string, body: object = {}) => env.http().post(path).set(as(key)).send(body);

  async function assessment(stage: string): Promise<string> {
    const created = await post('official', '/api/assessments', { title: `Kouluverkko ${Math.random()}`, committeeId }).expect(201);
    await setStage(created.body.id, stage);
    return created.body.id as string;
  }
  const setStage = (id: string, stage: string) => env.db.query(`UPDATE assessments SET stage = $2 WHERE id = $1`, [id, stage]);
  const consult = (id: string, council: string, round = 1, status = 'drafting') =>
    env.db.query(
      `INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, status, opened_at)
       VALUES ($1, $2, $3, now() + interval '14 days', $4, now())`,
      [id, council, round, status],
    );
  const start = (key: string, id: string, body: object) =>
    post(key, `/api/assessments/${id}/comment-threads`, { text: 'Kommentti', ...body });
  const threads = async (key: string, id: string, query = '') =>
    ((await get(key, `/api/assessments/${id}/comment-threads${query}`).expect(200)).body as CommentThreadPage).items;
  const version = async (id: string) => (await env.db.query(`SELECT version FROM assessments WHERE id = $1`, [id]))[0].version as number;
  const notifications = (assessmentId: string) =>
    env.db.query(
      `SELECT recipient_user_id, kind, params FROM notifications WHERE assessment_id = $1 AND kind <> 'assessment_created' ORDER BY created_at`,
      [assessmentId],
    ) as Promise<{ recipient_user_id: string; kind: string; params: Record<string, string> }[]>;

  it('lets colleagues comment and reply on staff threads in draft; youth councils and other municipalities never see them', async () => {
    const id = await assessment('draft');
    const created = await start('official', id, { section: 'scope', audience: 'staff', text: 'Onko pienet koulut mukana?' }).expect(201);
    const thread = created.body as CommentThreadView;
    expect(thread).toMatchObject({ section: 'scope', audience: 'staff', council: null, canReply: true, resolved: null });
    expect(thread.comments.map((c) => c.text)).toEqual(['Onko pienet koulut mukana?']);

    await post('reviewer', `/api/comment-threads/${thread.id}/comments`, { text: 'Lisätään kyläkoulut.' }).expect(201);
    await post('chair', `/api/comment-threads/${thread.id}/comments`, { text: 'Hyvä.' }).expect(201);
    await start('admin', id, { section: 'evidence', audience: 'staff' }).expect(201);

    for (const key of ['official', 'reviewer', 'chair', 'admin']) expect((await threads(key, id)).length).toBe(2);
    expect((await threads('official', id, '?section=scope'))[0]?.comments.map((c) => c.author.displayName)).toEqual([
      'Olli Virkamies',
      'Riitta Arvioija',
      'Pekka Puheenjohtaja',
    ]);
    // A youth council member not consulted and an official of another municipality cannot read the assessment.
    await get('youthA', `/api/assessments/${id}/comment-threads`).expect(404);
    await get('outsider', `/api/assessments/${id}/comment-threads`).expect(404);
    await post('outsider', `/api/comment-threads/${thread.id}/comments`, { text: 'x' }).expect(404);
    await start('youthA', id, { section: 'scope', audience: 'staff' }).expect(404);
    // The chair of another committee reads the assessment but is not a colleague on it: no threads, no writing.
    expect(await threads('otherChair', id)).toEqual([]);
    await start('otherChair', id, { section: 'scope', audience: 'staff' }).expect(403);
    await post('otherChair', `/api/comment-threads/${thread.id}/comments`, { text: 'x' }).expect(404);

    // Reviews are commented too; other stages are not.
    await setStage(id, 'review');
    await post('reviewer', `/api/comment-threads/${thread.id}/comments`, { text: 'Tarkistettu.' }).expect(201);
    for (const stage of ['screening', 'consultation', 'decision', 'decided']) {
      await setStage(id, stage);
      const refused = await start('official', id, { section: 'scope', audience: 'staff' }).expect(409);
      expect(refused.body.message).toMatch(/draft and review/);
      await post('reviewer', `/api/comment-threads/${thread.id}/comments`, { text: 'Myöhässä' }).expect(409);
    }
    const permissions = (await get('official', `/api/assessments/${id}/comment-access`).expect(200)).body as CommentPermissions;
    expect(permissions).toMatchObject({ canStart: [], moderator: true, openCounts: { scope: 1, evidence: 1 } });
  });

  it('keeps consultation threads between staff and the one council, and council threads private to the council', async () => {
    const id = await assessment('draft');
    const staffThread = (await start('official', id, { section: 'scope', audience: 'staff' }).expect(201)).body as CommentThreadView;
    await setStage(id, 'consultation');
    await consult(id, councilA);
    await consult(id, councilB);

    const fromA = (await start('youthA', id, { section: 'evidence', audience: 'consultation', text: 'Kysyittekö oppilailta?' }).expect(201))
      .body as CommentThreadView;
    expect(fromA.council).toEqual({ id: councilA, name: 'Nuorisovaltuusto' });
    const privateA = (await start('youthA', id, { section: 'statement', audience: 'council', text: 'Luonnos: kohta 1' }).expect(201))
      .body as CommentThreadView;
    const fromB = (await start('youthB', id, { section: 'evidence', audience: 'consultation' }).expect(201)).body as CommentThreadView;

    const ids = async (key: string) => (await threads(key, id)).map((t) => t.id).sort();
    expect(await ids('official')).toEqual([staffThread.id, fromA.id, fromB.id].sort());
    expect(await ids('reviewer')).toEqual([staffThread.id, fromA.id, fromB.id].sort());
    expect(await ids('youthA')).toEqual([fromA.id, privateA.id].sort());
    expect(await ids('youthA2')).toEqual([fromA.id, privateA.id].sort());
    expect(await ids('youthB')).toEqual([fromB.id]);

    // Staff answer the council during the consultation; the other council and staff cannot enter the private thread.
    await post('official', `/api/comment-threads/${fromA.id}/comments`, { text: 'Kyllä, kyselyllä.' }).expect(201);
    await post('youthA2', `/api/comment-threads/${fromA.id}/comments`, { text: 'Kiitos!' }).expect(201);
    await post('youthB', `/api/comment-threads/${fromA.id}/comments`, { text: 'x' }).expect(404);
    await post('youthA', `/api/comment-threads/${staffThread.id}/comments`, { text: 'x' }).expect(404);
    await post('official', `/api/comment-threads/${privateA.id}/comments`, { text: 'x' }).expect(404);
    await post('youthA', `/api/comment-threads/${fromA.id}/resolve`, { version: 1 }).expect(200);
    // Youth councils do not write staff threads, and staff do not start youth council threads.
    await start('youthA', id, { section: 'scope', audience: 'staff' }).expect(403);
    await start('official', id, { section: 'scope', audience: 'consultation' }).expect(403);
    await start('official', id, { section: 'statement', audience: 'council' }).expect(403);
    await start('youthA', id, { section: 'evidence', audience: 'consultation', councilId: councilB }).expect(403);

    const permissions = (await get('youthA', `/api/assessments/${id}/comment-access`).expect(200)).body as CommentPermissions;
    expect(permissions).toMatchObject({ canStart: ['consultation', 'council'], moderator: false, councils: [{ id: councilA }] });

    // After the consultation the council still reads its threads but writes no more.
    await setStage(id, 'review');
    expect(await ids('youthA')).toEqual([fromA.id, privateA.id].sort());
    await post('youthA', `/api/comment-threads/${privateA.id}/comments`, { text: 'x' }).expect(409);
    await start('youthA', id, { section: 'statement', audience: 'council' }).expect(409);
  });

  it('refuses councils whose request was withdrawn or who are not in the current round', async () => {
    const id = await assessment('consultation');
    await consult(id, councilA, 1);
    await consult(id, councilB, 1, 'withdrawn');
    const thread = (await start('youthA', id, { section: 'scope', audience: 'consultation' }).expect(201)).body as CommentThreadView;
    await get('youthB', `/api/assessments/${id}/comment-threads`).expect(404);
    await start('youthB', id, { section: 'scope', audience: 'consultation' }).expect(404);

    // A new round without council A: it still reads what it wrote, but cannot write.
    await consult(id, councilB, 2);
    expect((await threads('youthA', id)).map((t) => t.id)).toEqual([thread.id]);
    const refused = await start('youthA', id, { section: 'scope', audience: 'consultation' }).expect(409);
    expect(refused.body.message).toMatch(/consult/);
    await post('youthA', `/api/comment-threads/${thread.id}/comments`, { text: 'x' }).expect(409);
    await start('youthB', id, { section: 'scope', audience: 'consultation' }).expect(201);
  });

  it('answers every bad request with a clear 4xx', async () => {
    const id = await assessment('draft');
    const thread = (await start('official', id, { section: 'scope', audience: 'staff' }).expect(201)).body as CommentThreadView;
    const message = async (response: Promise<{ body: { message: string } }>) => (await response).body.message;

    expect(await message(start('official', id, { section: 'scope', audience: 'staff', text: '   ' }).expect(400))).toMatch(/text/);
    expect(await message(start('official', id, { section: 'scope', audience: 'staff', text: 'x'.repeat(5001) }).expect(400))).toMatch(
      /text: must be 1–5000/,
    );
    await start('official', id, { section: 'scope', audience: 'staff', text: 'x'.repeat(5000) }).expect(201);
    expect(await message(start('official', id, { section: 'kitchen', audience: 'staff' }).expect(400))).toMatch(/section/);
    expect(await message(start('official', id, { section: 'statement', audience: 'staff' }).expect(400))).toMatch(/section/);
    expect(await message(start('official', id, { section: 'scope', audience: 'everyone' }).expect(400))).toMatch(/audience/);
    await start('official', id, { section: 'scope', audience: 'staff', extra: 1 }).expect(400);
    const longQuote = 'x'.repeat(1001);
    expect(
      await message(
        start('official', id, {
          section: 'scope',
          audience: 'staff',
          quote: { field: 'scope.groups', text: longQuote, start: 0, end: 1001 },
        }).expect(400),
      ),
    ).toMatch(/quote.text/);
    expect(
      await message(
        start('official', id, {
          section: 'scope',
          audience: 'staff',
          quote: { field: 'evidence.items', text: 'abc', start: 0, end: 3 },
        }).expect(400),
      ),
    ).toMatch(/quote.field/);
    expect(
      await message(
        start('official', id, {
          section: 'scope',
          audience: 'staff',
          quote: { field: 'scope.groups', text: 'abc', start: 0, end: 5 },
        }).expect(400),
      ),
    ).toMatch(/quote.text/);
    // Mentioning someone who cannot see the thread.
    expect(
      await message(start('official', id, { section: 'scope', audience: 'staff', mentionIds: [users['youthA']?.id] }).expect(400)),
    ).toMatch(/mentionIds/);
    await start('official', id, { section: 'scope', audience: 'staff', mentionIds: ['not-a-uuid'] }).expect(400);

    await get('official', `/api/assessments/not-a-uuid/comment-threads`).expect(400);
    await post('official', `/api/comment-threads/00000000-0000-4000-8000-000000000000/comments`, { text: 'x' }).expect(404);
    await post('official', `/api/assessments/00000000-0000-4000-8000-000000000000/comment-threads`, {
      section: 'scope',
      audience: 'staff',
      text: 'x',
    }).expect(404);
    await env
      .http()
      .patch(`/api/comments/00000000-0000-4000-8000-000000000000`)
      .set(as('official'))
      .send({ text: 'x', version: 1 })
      .expect(404);
    await get('official', `/api/assessments/${id}/comment-threads?cursor=garbage`).expect(400);
    await get('official', `/api/assessments/${id}/comment-threads?limit=0`).expect(400);

    // Someone else's comment, a reply to a hidden or deleted one, a resolved thread, stale versions.
    const first = at(thread.comments, 0);
    const edit = (key: string, commentId: string, body: object) => env.http().patch(`/api/comments/${commentId}`).set(as(key)).send(body);
    expect(await message(edit('reviewer', first.id, { text: 'Muutettu', version: 1 }).expect(403))).toMatch(/own comments/);
    await env.http().delete(`/api/comments/${first.id}`).set(as('reviewer')).expect(403);
    const replied = (await post('reviewer', `/api/comment-threads/${thread.id}/comments`, { text: 'Vastaus' }).expect(201))
      .body as CommentThreadView;
    const second = at(replied.comments, 1);
    await post('official', `/api/comments/${second.id}/hide`, { reason: 'Asiaton' }).expect(200);
    expect(
      await message(post('chair', `/api/comment-threads/${thread.id}/comments`, { text: 'x', replyToId: second.id }).expect(409)),
    ).toMatch(/hidden/);
    await env.http().delete(`/api/comments/${first.id}`).set(as('official')).expect(204);
    expect(
      await message(post('chair', `/api/comment-threads/${thread.id}/comments`, { text: 'x', replyToId: first.id }).expect(409)),
    ).toMatch(/deleted/);
    await edit('official', first.id, { text: 'x', version: 2 }).expect(409);
    const other = (await start('official', id, { section: 'evidence', audience: 'staff' }).expect(201)).body as CommentThreadView;
    expect(
      await message(
        post('chair', `/api/comment-threads/${thread.id}/comments`, { text: 'x', replyToId: at(other.comments, 0).id }).expect(400),
      ),
    ).toMatch(/replyToId/);
    await post('official', `/api/comment-threads/${other.id}/resolve`, { version: 5 }).expect(409);
    await post('official', `/api/comment-threads/${other.id}/resolve`, { version: 1 }).expect(200);
    await post('official', `/api/comment-threads/${other.id}/resolve`, { version: 2 }).expect(409);
    expect(await message(post('chair', `/api/comment-threads/${other.id}/comments`, { text: 'x' }).expect(409))).toMatch(/resolved/);
    await post('official', `/api/comment-threads/${other.id}/reopen`, { version: 1 }).expect(409);
    await post('chair', `/api/comment-threads/${other.id}/reopen`, { version: 2 }).expect(200);
    await post('chair', `/api/comment-threads/${other.id}/comments`, { text: 'Taas auki' }).expect(201);

    const audit = await env.db.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'comment.%' ORDER BY occurred_at`,
      [id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining([
        'comment.thread_started',
        'comment.replied',
        'comment.hidden',
        'comment.deleted',
        'comment.thread_resolved',
        'comment.thread_reopened',
      ]),
    );
  });

  it('answers refusals in Finnish or Swedish by Accept-Language, and in English without it', async () => {
    const id = await assessment('draft');
    const tooLong = { section: 'scope', audience: 'staff', text: 'x'.repeat(5001) };

    // A validation error: the summary is rebuilt from the translated field problems.
    const english = await start('official', id, tooLong).expect(400);
    expect(english.body.message).toBe('Please check the request. text: must be 1–5000 characters long');
    const finnish = await start('official', id, tooLong).set('Accept-Language', 'fi').expect(400);
    expect(finnish.body.details).toEqual([{ field: 'text', messages: ['pituuden pitää olla 1–5000 merkkiä'] }]);
    expect(finnish.body.message).toMatch(/ text: pituuden pitää olla 1–5000 merkkiä$/);
    const swedish = await start('official', id, tooLong).set('Accept-Language', 'sv-FI,sv;q=0.9').expect(400);
    expect(swedish.body.details).toEqual([{ field: 'text', messages: ['måste vara 1–5000 tecken lång'] }]);
    expect(swedish.body.message).toMatch(/ text: måste vara 1–5000 tecken lång$/);

    // A field problem found by the service, with a number filled in.
    const mention = { section: 'scope', audience: 'staff', mentionIds: [users['youthA']?.id] };
    const mentionFi = await start('official', id, mention).set('Accept-Language', 'fi').expect(400);
    expect(mentionFi.body.details).toEqual([{ field: 'mentionIds', messages: ['1 heistä ei näe tätä keskustelua'] }]);
    const mentionSv = await start('official', id, mention).set('Accept-Language', 'sv').expect(400);
    expect(mentionSv.body.details).toEqual([{ field: 'mentionIds', messages: ['1 av dem kan inte se den här diskussionen'] }]);

    // What a youth council member is told, and a stage refusal.
    await setStage(id, 'consultation');
    await consult(id, councilA);
    const staffOnly = { section: 'scope', audience: 'staff' };
    expect((await start('youthA', id, staffOnly).expect(403)).body.message).toBe('Only municipal staff write in staff comment threads.');
    expect((await start('youthA', id, staffOnly).set('Accept-Language', 'fi').expect(403)).body.message).toBe(
      'Vain kunnan henkilöstö voi kirjoittaa henkilöstön keskusteluihin.',
    );
    expect((await start('youthA', id, staffOnly).set('Accept-Language', 'sv').expect(403)).body.message).toBe(
      'Bara kommunens personal kan skriva i personalens diskussioner.',
    );
    expect((await start('official', id, staffOnly).set('Accept-Language', 'fi').expect(409)).body.message).toBe(
      'Kollegat kommentoivat luonnos- ja tarkastusvaiheessa; tämä arviointi on nyt vaiheessa ”lausuntokierros”.',
    );
    expect((await start('official', id, staffOnly).set('Accept-Language', 'en').expect(409)).body.message).toBe(
      'Colleagues comment during draft and review; this assessment is in consultation.',
    );
  });

  it('stores HTML as text and keeps every earlier text of an edited comment', async () => {
    const id = await assessment('draft');
    const html = '<script>alert("x")</script> <b>lihava</b>';
    const thread = (await start('official', id, { section: 'scope', audience: 'staff', text: html }).expect(201)).body as CommentThreadView;
    const comment = at(thread.comments, 0);
    expect(comment.text).toBe(html);
    const patch = (body: object) => env.http().patch(`/api/comments/${comment.id}`).set(as('official')).send(body);
    await patch({ text: 'Toinen versio', version: 1 }).expect(200);
    const edited = at(((await patch({ text: 'Kolmas versio', version: 2 }).expect(200)).body as CommentThreadView).comments, 0);
    expect(edited).toMatchObject({ text: 'Kolmas versio', version: 3, editedAt: expect.any(String) });
    expect(edited.revisions.map((r) => r.text)).toEqual([html, 'Toinen versio']);
    const stale = await patch({ text: 'Vanhasta', version: 2 }).expect(409);
    expect(stale.body.message).toMatch(/changed meanwhile/);
  });

  it('lets anyone flag and a municipal official or an admin hide, with the text kept only in the audit trail', async () => {
    const id = await assessment('draft');
    const thread = (await start('reviewer', id, { section: 'evidence', audience: 'staff', text: 'Sopimaton kommentti' }).expect(201))
      .body as CommentThreadView;
    const commentId = at(thread.comments, 0).id;

    await post('reviewer', `/api/comments/${commentId}/flags`, {}).expect(409);
    await post('chair', `/api/comments/${commentId}/flags`, { reason: 'Loukkaava' }).expect(204);
    await post('chair', `/api/comments/${commentId}/flags`, { reason: 'Loukkaava sävy' }).expect(204);
    await post('admin', `/api/comments/${commentId}/flags`, {}).expect(204);
    const seenBy = async (key: string) => at(at(await threads(key, id), 0).comments, 0);
    expect(await seenBy('official')).toMatchObject({ flagCount: 2, flagReasons: ['Loukkaava sävy'], canHide: true });
    const chairView = await seenBy('chair');
    expect(chairView).toMatchObject({ flagCount: 2, flaggedByMe: true, canHide: false });
    expect(chairView.flagReasons).toBeUndefined();

    await post('reviewer', `/api/comments/${commentId}/hide`, { reason: 'x' }).expect(403);
    await post('chair', `/api/comments/${commentId}/hide`, { reason: 'x' }).expect(403);
    await post('official', `/api/comments/${commentId}/hide`, {}).expect(400);
    const hidden = (await post('official', `/api/comments/${commentId}/hide`, { reason: 'Asiaton kielenkäyttö' }).expect(200))
      .body as CommentThreadView;
    expect(hidden.comments[0]).toMatchObject({ text: null, hidden: { reason: 'Asiaton kielenkäyttö' }, revisions: [], canEdit: false });
    for (const key of ['official', 'reviewer', 'chair', 'admin']) {
      const seen = await seenBy(key);
      expect(seen.text).toBeNull();
      expect(JSON.stringify(await threads(key, id))).not.toContain('Sopimaton');
    }
    await post('official', `/api/comments/${commentId}/hide`, { reason: 'again' }).expect(409);
    await post('chair', `/api/comments/${commentId}/flags`, {}).expect(409);
    await env.http().patch(`/api/comments/${commentId}`).set(as('reviewer')).send({ text: 'Korjattu', version: 2 }).expect(409);
    const [audit] = await env.db.query(
      `SELECT actor_user_id, reason, details FROM audit_events WHERE action = 'comment.hidden' AND entity_id = $1`,
      [id],
    );
    expect(audit).toMatchObject({
      actor_user_id: users['official']?.id,
      reason: 'Asiaton kielenkäyttö',
      details: { hiddenText: 'Sopimaton kommentti' },
    });

    await post('reviewer', `/api/comments/${commentId}/unhide`).expect(403);
    const restored = (await post('admin', `/api/comments/${commentId}/unhide`).expect(200)).body as CommentThreadView;
    expect(restored.comments[0]).toMatchObject({ text: 'Sopimaton kommentti', hidden: null });
    await post('admin', `/api/comments/${commentId}/unhide`).expect(409);
  });

  it('notifies the thread’s participants and the people mentioned, offering only people who can see the thread', async () => {
    const id = await assessment('draft');
    const staffPicker = (await get('official', `/api/assessments/${id}/comment-mentionables?audience=staff`).expect(200)).body.items as {
      displayName: string;
    }[];
    expect(staffPicker.map((p) => p.displayName)).toEqual(['Aino Ylläpitäjä', 'Pekka Puheenjohtaja', 'Riitta Arvioija']);
    await get('official', `/api/assessments/${id}/comment-mentionables?audience=consultation`).expect(400);
    await get('official', `/api/assessments/${id}/comment-mentionables?audience=council&councilId=${councilA}`).expect(403);

    const thread = (
      await start('official', id, { section: 'alternatives', audience: 'staff', mentionIds: [users['reviewer']?.id] }).expect(201)
    ).body as CommentThreadView;
    expect(thread.comments[0]?.mentions).toEqual([{ id: users['reviewer']?.id, displayName: 'Riitta Arvioija' }]);
    await post('reviewer', `/api/comment-threads/${thread.id}/comments`, { text: 'Vastaan.' }).expect(201);
    await post('chair', `/api/comment-threads/${thread.id}/comments`, { text: '@Aino katso', mentionIds: [users['admin']?.id] }).expect(
      201,
    );

    const rows = await notifications(id);
    const named = (userKey: string) => rows.filter((r) => r.recipient_user_id === users[userKey]?.id).map((r) => r.kind);
    expect(named('reviewer')).toEqual(['mentioned', 'comment_added']);
    expect(named('official')).toEqual(['comment_added', 'comment_added']);
    expect(named('admin')).toEqual(['mentioned']);
    expect(named('chair')).toEqual([]);
    expect(rows[0]?.params).toEqual({ title: expect.stringContaining('Kouluverkko'), section: 'alternatives', author: 'Olli Virkamies' });

    // A mention added by an edit notifies; one already there does not again.
    const chairComment = at(at(await threads('chair', id), 0).comments, 2);
    await env
      .http()
      .patch(`/api/comments/${chairComment.id}`)
      .set(as('chair'))
      .send({ text: 'Katsokaa', version: 1, mentionIds: [users['admin']?.id, users['official']?.id] })
      .expect(200);
    expect((await notifications(id)).filter((r) => r.kind === 'mentioned').map((r) => r.recipient_user_id)).toEqual([
      users['reviewer']?.id,
      users['admin']?.id,
      users['official']?.id,
    ]);
  });

  it('pages threads newest first', async () => {
    const id = await assessment('draft');
    for (const text of ['eka', 'toka', 'kolmas'])
      await start('official', id, { section: 'mitigation', audience: 'staff', text }).expect(201);
    const first = (await get('official', `/api/assessments/${id}/comment-threads?section=mitigation&limit=2`).expect(200))
      .body as CommentThreadPage;
    expect(first.items.map((t) => t.comments[0]?.text)).toEqual(['kolmas', 'toka']);
    const second = (
      await get('official', `/api/assessments/${id}/comment-threads?section=mitigation&limit=2&cursor=${first.nextCursor}`).expect(200)
    ).body as CommentThreadPage;
    expect(second).toEqual({
      items: [expect.objectContaining({ comments: [expect.objectContaining({ text: 'eka' })] })],
      nextCursor: null,
    });
  });

  it('sends a long thread’s opening comment and latest replies; earlier replies come page by page, newest first', async () => {
    const id = await assessment('draft');
    const started = (await start('official', id, { section: 'scope', audience: 'staff', text: 'Avaus' }).expect(201))
      .body as CommentThreadView;
    const threadId = started.id;
    await env.db.query(
      `INSERT INTO comments (thread_id, author_id, body, created_at)
       SELECT $1, $2, 'Vastaus ' || n, now() + n * interval '1 second' FROM generate_series(1, 120) n`,
      [threadId, users['reviewer']?.id],
    );
    const texts = (list: { text: string | null }[]) => list.map((c) => c.text);
    const replies = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `Vastaus ${from + i}`);

    const [view] = (await threads('official', id)).filter((t) => t.id === threadId);
    expect(texts(view?.comments ?? [])).toEqual(['Avaus', ...replies(71, 120)]);
    expect(view?.earlier?.count).toBe(70);
    const first = await get('official', `/api/comment-threads/${threadId}/comments?before=${view?.earlier?.cursor}`).expect(200);
    expect(texts(first.body.items)).toEqual(replies(21, 70));
    expect(first.body.earlier.count).toBe(20);
    const second = await get('official', `/api/comment-threads/${threadId}/comments?before=${first.body.earlier.cursor}&limit=50`).expect(
      200,
    );
    expect(texts(second.body.items)).toEqual(replies(1, 20));
    expect(second.body.earlier).toBeNull();
    // A reply answers with the thread as the view carries it: still bounded.
    const replied = await post('reviewer', `/api/comment-threads/${threadId}/comments`, { text: 'Vielä yksi' }).expect(201);
    expect(replied.body.comments).toHaveLength(51);
    expect(replied.body.earlier.count).toBe(71);

    // Only for those who see the thread; a cursor or a limit not ours is a clear 400.
    await get('youthA', `/api/comment-threads/${threadId}/comments?before=${first.body.earlier.cursor}`).expect(404);
    const bad = await get('official', `/api/comment-threads/${threadId}/comments?before=not-a-cursor`)
      .set('Accept-Language', 'en')
      .expect(400);
    expect(bad.body.details).toEqual([{ field: 'cursor', messages: ['is not a cursor this API gave out'] }]);
    await get('official', `/api/comment-threads/${threadId}/comments?before=${first.body.earlier.cursor}&limit=500`).expect(400);
    await get('official', `/api/comment-threads/${threadId}/comments`).expect(400);

    // A comment edited very often carries only its newest earlier texts.
    const last = at(replied.body.comments as { id: string }[], 50).id;
    await env.db.query(
      `INSERT INTO comment_revisions (comment_id, body, written_at)
       SELECT $1, 'Teksti ' || n, now() - (40 - n) * interval '1 minute' FROM generate_series(1, 30) n`,
      [last],
    );
    const edited = (await threads('official', id)).find((t) => t.id === threadId)?.comments.find((c) => c.id === last);
    expect(edited?.revisions).toHaveLength(20);
    expect(edited?.revisions[0]?.text).toBe('Teksti 11');
    expect(edited?.olderRevisions).toBe(10);
  });

  it('shows a youth council member to others by first name only: comments, mentions, the picker and notifications', async () => {
    const id = await assessment('draft');
    await setStage(id, 'consultation');
    await consult(id, councilA);
    // A name defaulted from an e-mail address (firstname.lastname) gives away no more than a first name either.
    await env.db.query(`UPDATE users SET display_name = 'eetu.nuori' WHERE id = $1`, [users['youthA2']?.id]);
    try {
      const thread = (
        await start('youthA', id, { section: 'scope', audience: 'consultation', text: 'Hei', mentionIds: [users['official']?.id] }).expect(
          201,
        )
      ).body as CommentThreadView;
      expect(thread.createdBy.displayName).toBe('Nea');
      expect(thread.comments[0]?.author.displayName).toBe('Nea');
      const replied = (
        await post('official', `/api/comment-threads/${thread.id}/comments`, { text: 'Kiitos', mentionIds: [users['youthA2']?.id] }).expect(
          201,
        )
      ).body as CommentThreadView;
      expect(replied.comments.map((c) => c.author.displayName)).toEqual(['Nea', 'Olli Virkamies']);
      expect(replied.comments[1]?.mentions).toEqual([{ id: users['youthA2']?.id, displayName: 'eetu' }]);
      const picker = (
        await get('official', `/api/assessments/${id}/comment-mentionables?audience=consultation&councilId=${councilA}`).expect(200)
      ).body.items as { displayName: string }[];
      expect(picker.map((p) => p.displayName)).toEqual(expect.arrayContaining(['Nea', 'eetu', 'Riitta Arvioija']));
      expect(JSON.stringify(picker)).not.toMatch(/Nuori|nuori/);
      // The notice of her mention names her the same way.
      const [notice] = await env.db.query(
        `SELECT params FROM notifications WHERE assessment_id = $1 AND kind = 'mentioned' AND recipient_user_id = $2`,
        [id, users['official']?.id],
      );
      expect(notice.params.author).toBe('Nea');
      // She herself still has her whole name in her profile.
      expect((await get('youthA', '/api/auth/me').expect(200)).body.displayName).toBe('Nea Nuori');
    } finally {
      await env.db.query(`UPDATE users SET display_name = 'Eetu Nuori' WHERE id = $1`, [users['youthA2']?.id]);
    }
  });

  it('marks a quoted passage as changed only when the field no longer has it', async () => {
    const id = await assessment('draft');
    const patch = async (rationale: string) =>
      env
        .http()
        .patch(`/api/assessments/${id}`)
        .set(as('official'))
        .send({ version: await version(id), screening: { rationale } })
        .expect(200);
    await patch('Koulumatka pitenee kahdella kilometrillä.');
    const quote = (text: string, start: number) => ({ field: 'screening.rationale', text, start, end: start + text.length });
    await start('official', id, { section: 'screening', audience: 'staff', text: 'Lähde?', quote: quote('kahdella', 20) }).expect(201);
    await start('official', id, { section: 'screening', audience: 'staff', text: 'Kenen?', quote: quote('Koulumatka', 0) }).expect(201);
    const state = async () =>
      Object.fromEntries((await threads('official', id)).map((t) => [t.quote?.text, t.quote?.changed])) as Record<string, boolean>;
    expect(await state()).toEqual({ kahdella: false, Koulumatka: false });
    await patch('Koulumatka pitenee kolmella kilometrillä.');
    expect(await state()).toEqual({ kahdella: true, Koulumatka: false });
  });

  it('shows a council the sections changed since its comments, asks whether its statement stands, and notifies when the next round opens', async () => {
    const id = await assessment('consultation');
    await consult(id, councilA, 1);
    const thread = (
      await start('youthA', id, { section: 'screening', audience: 'consultation', text: 'Perustelu on epäselvä.' }).expect(201)
    ).body as CommentThreadView;
    await start('youthA2', id, { section: 'plainLanguageSummary', audience: 'consultation' }).expect(201);
    await start('youthA', id, { section: 'statement', audience: 'council' }).expect(201);
    const changes = async (key: string) => (await get(key, `/api/assessments/${id}/comment-changes`).expect(200)).body as CommentChanges;
    expect((await changes('youthA')).councils).toEqual([
      { council: { id: councilA, name: 'Nuorisovaltuusto' }, sections: [], answer: null, answerNeeded: false },
    ]);

    // Returned to draft: the official rewrites the rationale twice.
    await setStage(id, 'draft');
    for (const rationale of ['Ensimmäinen korjaus.', 'Selkeämpi perustelu.'])
      await env
        .http()
        .patch(`/api/assessments/${id}`)
        .set(as('official'))
        .send({ version: await version(id), screening: { rationale } })
        .expect(200);

    const seen = await changes('youthA');
    expect(seen.councils).toHaveLength(1);
    expect(seen.councils[0]).toMatchObject({ answer: null, answerNeeded: true });
    expect(seen.councils[0]?.sections).toEqual([
      {
        section: 'screening',
        lastCommentedAt: thread.createdAt,
        changes: [
          expect.objectContaining({ field: 'screening.rationale', from: '', to: 'Selkeämpi perustelu.', version: await version(id) }),
        ],
      },
    ]);
    // The official sees the same for the council; another council sees nothing of it.
    expect((await changes('official')).councils[0]?.sections.map((s) => s.section)).toEqual(['screening']);
    await get('youthB', `/api/assessments/${id}/comment-changes`).expect(404);

    // The next round opens: the council members who commented on a changed section are told.
    const service = env.app.get(SectionChangesService);
    const assessmentRow = (await env.db.query(`SELECT * FROM assessments WHERE id = $1`, [id]))[0];
    const notificationIds = await env.db.transaction((tx) =>
      service.notify({
        tx,
        out: new OutboxBatch(tx),
        assessment: { id, title: assessmentRow.title, version: assessmentRow.version } as Assessment,
      }),
    );
    expect(notificationIds).toHaveLength(1);
    expect((await notifications(id)).filter((r) => r.kind === 'section_changed_after_comment')).toEqual([
      {
        recipient_user_id: users['youthA']?.id,
        kind: 'section_changed_after_comment',
        params: { title: assessmentRow.title, sections: 'screening' },
      },
    ]);

    // Answering is for the consultation; then stored per council and version, visible to the official.
    const answer = (key: string, body: object) => env.http().put(`/api/assessments/${id}/comment-changes/answer`).set(as(key)).send(body);
    await answer('youthA', { answer: 'stands', assessmentVersion: await version(id) }).expect(409);
    await setStage(id, 'consultation');
    await consult(id, councilA, 2);
    await answer('youthA', { answer: 'stands', assessmentVersion: 1 }).expect(409);
    await answer('youthA', { answer: 'maybe', assessmentVersion: await version(id) }).expect(400);
    await answer('official', { answer: 'stands', assessmentVersion: await version(id) }).expect(403);
    const answered = (await answer('youthA', { answer: 'stands', assessmentVersion: await version(id) }).expect(200))
      .body as CommentChanges;
    expect(answered.councils[0]).toMatchObject({ answer: { answer: 'stands', by: { displayName: 'Nea' } }, answerNeeded: false });
    expect((await changes('official')).councils[0]).toMatchObject({ answer: { answer: 'stands', assessmentVersion: await version(id) } });

    // Commenting on the section again settles it.
    await post('youthA', `/api/comment-threads/${thread.id}/comments`, { text: 'Nyt parempi.' }).expect(201);
    expect((await changes('youthA')).councils[0]?.sections).toEqual([]);
  });
  it('sends section_changed_after_comment through the real transition that opens the next consultation round', async () => {
    const id = await assessment('consultation');
    await consult(id, councilA, 1);
    await start('youthA', id, { section: 'screening', audience: 'consultation', text: 'Miksi vain alakoulut?' }).expect(201);
    await env.db.query(`UPDATE consultations SET closed_at = now() WHERE assessment_id = $1`, [id]);
    await setStage(id, 'draft');
    const patch = async (body: object) =>
      env
        .http()
        .patch(`/api/assessments/${id}`)
        .set(as('official'))
        .send({ version: await version(id), ...body })
        .expect(200);
    await patch({ screening: { rationale: 'Myös yläkoulut mukana.' }, plainLanguageSummary: 'Koulut muuttuvat.' });
    await env.db.query(
      `INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, status) VALUES ($1, $2, 2, now() + interval '14 days', 'not_started')`,
      [id, councilA],
    );
    // Edits in draft send nothing yet: the council cannot open the assessment before the round opens.
    // (The summary changed too, but the council did not comment on it.)
    expect((await notifications(id)).filter((r) => r.kind === 'section_changed_after_comment')).toEqual([]);

    await post('official', `/api/assessments/${id}/transitions`, { action: 'open_consultation', version: await version(id) }).expect(200);
    const sent = (await notifications(id)).filter((r) => r.kind === 'section_changed_after_comment');
    expect(sent).toEqual([
      expect.objectContaining({
        recipient_user_id: users['youthA']?.id,
        params: expect.objectContaining({ sections: 'screening' }),
      }),
    ]);
  });
});

/** How fast one person may post and @mention (COMMENT_RATE_LIMIT, MENTION_RATE_LIMIT), counted in the real Redis. */
describe('comment and mention rate limits', () => {
  let env: TestEnvironment;
  const tokens: Record<string, string> = {};
  const users: Record<string, User> = {};
  let committeeId: string;

  beforeAll(async () => {
    env = await startTestEnvironment({ COMMENT_RATE_LIMIT: '3', MENTION_RATE_LIMIT: '2', COMMENT_RATE_WINDOW_MINUTES: '10' });
    const kotka = await createMunicipality(env.db, 'Kotka');
    committeeId = kotka.education.id;
    for (const [key, name] of [
      ['writer', 'Olli Virkamies'],
      ['a', 'Aino Kollega'],
      ['b', 'Bertta Kollega'],
      ['c', 'Cecilia Kollega'],
    ] as const) {
      users[key] = await createUser(env.db, 'official', kotka.municipality, { displayName: name });
      tokens[key] = await env.login(users[key].email);
    }
  });
  afterAll(() => env?.close());

  const post = (key: string, path: string, body: object, language = 'en') =>
    env
      .http()
      .post(path)
      .set({ Authorization: `Bearer ${tokens[key]}`, 'Accept-Language': language })
      .send(body);
  const count = async (sql: string, params: unknown[]) => ((await env.db.query(sql, params))[0] as { n: number }).n;

  it('refuses a post over either limit with 429 in the writer’s language, writing and notifying nothing', async () => {
    const created = await post('writer', '/api/assessments', { title: 'Kouluverkko', committeeId }).expect(201);
    const id = created.body.id as string;
    await env.db.query(`UPDATE assessments SET stage = 'draft' WHERE id = $1`, [id]);
    const id_ = (key: string) => users[key]?.id as string;
    const comments = () =>
      count(`SELECT count(*)::int AS n FROM comments c JOIN comment_threads t ON t.id = c.thread_id WHERE t.assessment_id = $1`, [id]);
    const mentioned = () => count(`SELECT count(*)::int AS n FROM notifications WHERE assessment_id = $1 AND kind = 'mentioned'`, [id]);

    // Comment 1, mention 1.
    const thread = await post('writer', `/api/assessments/${id}/comment-threads`, {
      section: 'scope',
      audience: 'staff',
      text: 'Katsokaa tätä',
      mentionIds: [id_('a')],
    }).expect(201);
    const replies = `/api/comment-threads/${thread.body.id}/comments`;
    // Two more people would make three mentions: refused, in Finnish, and the comment is not counted either.
    const tooManyMentions = await post('writer', replies, { text: 'Ja te', mentionIds: [id_('b'), id_('c')] }, 'fi').expect(429);
    expect(tooManyMentions.body.message).toBe(
      'Olet maininnut lyhyessä ajassa monta ihmistä, ja jokainen heistä saa viestin. Odota 10 minuuttia tai lähetä ilman mainintoja.',
    );
    expect(await comments()).toBe(1);
    expect(await mentioned()).toBe(1);
    // Mentioning oneself notifies nobody and costs nothing.
    await post('writer', replies, { text: 'Toinen', mentionIds: [id_('writer')] }).expect(201);
    await post('writer', replies, { text: 'Kolmas', mentionIds: [id_('b')] }).expect(201);
    // The fourth comment in the window: refused in Swedish, nothing written.
    const tooFast = await post('writer', replies, { text: 'Neljäs' }, 'sv').expect(429);
    expect(tooFast.body.message).toBe(
      'Du har skickat många kommentarer på kort tid. Vänta 10 minuter och försök igen; din text finns kvar.',
    );
    expect(await comments()).toBe(3);
    // Someone else still writes.
    await post('a', replies, { text: 'Vastaan' }).expect(201);
    // An edit is no new comment, but a newly mentioned person counts: the third mention is refused.
    const mine = thread.body.comments[0] as { id: string; version: number };
    const edit = (mentionIds: string[]) =>
      env
        .http()
        .patch(`/api/comments/${mine.id}`)
        .set({ Authorization: `Bearer ${tokens['writer']}` })
        .send({ text: 'Korjattu', version: mine.version, mentionIds });
    const refusedEdit = await edit([id_('a'), id_('c')]).expect(429);
    expect(refusedEdit.body.message).toMatch(/^You have mentioned many people in a short time/);
    await edit([id_('a')]).expect(200);
    expect(await mentioned()).toBe(2);
  });
});

import type { ApiError, AssessmentDetail, DecisionView, ReviewOverview, ReviewRoundView } from '@lava/contracts';
import { finnishDate, REVIEW_CHECKLIST_ITEMS, type AvailableAction } from '@lava/workflow';
import { DEMO_PASSWORD } from '../src/app/demo/demo-data';
import { seedDemoData } from '../src/app/demo/seed-demo-data';
import type { Organization } from '../src/app/organizations/organization.entity';
import { createMunicipality, createUser, makeReviewReady, SIGNING_ACTIONS, TO_REVIEW_ACTIONS } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/** Review and decision through the API, against real PostgreSQL: screening → … → closed, and every refusal on the way. */
describe('review and decision (API → workflow → PostgreSQL)', () => {
  let env: TestEnvironment;
  let committeeId: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const today = finnishDate(new Date());
  const yesterday = finnishDate(new Date(Date.now() - 24 * 3600 * 1000));
  const tomorrow = finnishDate(new Date(Date.now() + 24 * 3600 * 1000));

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    committeeId = kotka.education.id;
    const [technical] = (await env.db.query(
      `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en)
       VALUES ('committee', $1, 'Tekninen lautakunta', 'Tekniska nämnden', 'Technical Committee') RETURNING *`,
      [kotka.municipality.id],
    )) as Organization[];
    const people: [string, Parameters<typeof createUser>[1], Organization, string][] = [
      ['official', 'official', kotka.municipality, 'Anna Virtanen'],
      ['colleague', 'official', kotka.municipality, 'Olli Ojala'],
      ['reviewer', 'reviewer', kotka.municipality, 'Mikko Korhonen'],
      ['reviewer2', 'reviewer', kotka.municipality, 'Riikka Rantala'],
      ['chair', 'committee_chair', kotka.education, 'Leena Mäkinen'],
      ['otherChair', 'committee_chair', technical as Organization, 'Timo Tekninen'],
      ['kouvolaReviewer', 'reviewer', kouvola.municipality, 'Sanna Lehtonen'],
    ];
    for (const [key, role, org, displayName] of people) {
      const user = await createUser(env.db, role, org, { displayName });
      ids[key] = user.id;
      tokens[key] = await env.login(user.email);
    }
  });
  afterAll(() => env?.close());

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const codes = (body: ApiError) => (body.refusals ?? []).map((r) => r.code);
  const fields = (body: ApiError) => (body.details ?? []).map((d) => d.field);
  const get = async (id: string) =>
    (await env.http().get(`/api/assessments/${id}`).set(as('official')).expect(200)).body as AssessmentDetail;
  /** A transition; the official confirms screening signatures, and the record is made complete before review (factories). */
  const move = async (who: string, id: string, body: { action: string; [key: string]: unknown }) => {
    if (TO_REVIEW_ACTIONS.includes(body.action)) await makeReviewReady(env.db, id);
    return env
      .http()
      .post(`/api/assessments/${id}/transitions`)
      .set(as(who))
      .send({ version: (await get(id)).version, ...(SIGNING_ACTIONS.includes(body.action) ? { signatureConfirmed: true } : {}), ...body });
  };
  /** The response, or a failure that shows what the API said. */
  const status = (response: { status: number; body: unknown }, expected: number) => {
    if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}: ${JSON.stringify(response.body)}`);
    return response;
  };
  const review = async (who: string, id: string) =>
    (await env.http().get(`/api/assessments/${id}/review`).set(as(who)).expect(200)).body as ReviewOverview;
  const tick = (who: string, id: string, item: string, body: object) =>
    env.http().put(`/api/assessments/${id}/review/checklist/${item}`).set(as(who)).send(body);
  const notifications = async (id: string) =>
    (await env.db.query(
      `SELECT kind, recipient_user_id AS "to", params FROM notifications WHERE assessment_id = $1 AND kind <> 'assessment_created' ORDER BY created_at, kind, recipient_user_id`,
      [id],
    )) as { kind: string; to: string; params: Record<string, string> }[];

  /** An assessment in draft with its summary written: ready to go to review. */
  const drafted = async (title: string): Promise<string> => {
    const created = (await env.http().post('/api/assessments').set(as('official')).send({ title, committeeId }).expect(201))
      .body as AssessmentDetail;
    await env
      .http()
      .patch(`/api/assessments/${created.id}`)
      .set(as('official'))
      .send({ version: 1, screening: { affectsChildren: true, rationale: 'Koulumatkat muuttuvat.' } })
      .expect(200);
    status(await move('official', created.id, { action: 'start_full_assessment' }), 200);
    await env
      .http()
      .patch(`/api/assessments/${created.id}`)
      .set(as('official'))
      .send({ version: (await get(created.id)).version, plainLanguageSummary: 'Jotkut koulumatkat pitenevät.' })
      .expect(200);
    return created.id;
  };
  const completeChecklist = async (id: string) => {
    for (const item of REVIEW_CHECKLIST_ITEMS) {
      const round = (await review('reviewer', id)).rounds[0] as ReviewRoundView;
      await tick('reviewer', id, item, { done: true, version: round.version }).expect(200);
    }
  };

  it('takes an assessment from screening through review and decision to closed, refusing each step until it may be taken', async () => {
    const id = await drafted('Kouluverkkoselvitys 2027–2030');

    // --- Reviewer assignment: only the responsible official, only reviewers of the municipality, never the official. ---
    const candidates = (await env.http().get(`/api/assessments/${id}/reviewer-candidates`).set(as('official')).expect(200)).body;
    expect(candidates.map((c: { displayName: string }) => c.displayName)).toEqual(['Mikko Korhonen', 'Riikka Rantala']);
    await env.http().get(`/api/assessments/${id}/reviewer-candidates`).set(as('colleague')).expect(403);
    const byColleague = await env.http().post(`/api/assessments/${id}/reviewers`).set(as('colleague')).send({ userId: ids['reviewer'] });
    expect(byColleague.status).toBe(403);
    expect(codes(byColleague.body)).toEqual(['not_responsible_official']);
    const self = await env.http().post(`/api/assessments/${id}/reviewers`).set(as('official')).send({ userId: ids['official'] });
    expect(self.status).toBe(400);
    expect(codes(self.body)).toEqual(['reviewer_is_responsible_official']);
    for (const notReviewer of ['chair', 'kouvolaReviewer']) {
      const refused = await env.http().post(`/api/assessments/${id}/reviewers`).set(as('official')).send({ userId: ids[notReviewer] });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/not a reviewer in the assessment’s municipality/);
    }
    await env.http().post(`/api/assessments/${id}/reviewers`).set(as('official')).send({ userId: 'someone' }).expect(400);

    // --- Into review with nobody assigned: nobody may approve; the reviewer who is not asked is told so. ---
    const noReason = await move('official', id, { action: 'send_to_review_without_consultation' });
    expect(noReason.status).toBe(400);
    expect(codes(noReason.body)).toEqual(['reason_required']);
    status(
      await move('official', id, { action: 'send_to_review_without_consultation', reason: 'Oppilaita kuultiin kouluterveyskyselyssä.' }),
      200,
    );
    const notAssigned = await move('reviewer', id, { action: 'approve_review' });
    expect(notAssigned.status).toBe(403);
    expect(codes(notAssigned.body)).toEqual(['reviewer_not_assigned', 'review_checklist_incomplete']);
    const [openRound] = (await review('official', id)).rounds;
    expect(openRound).toMatchObject({ round: 1, outcome: null, version: 1 });
    expect(codes((await tick('reviewer', id, 'evidence_gaps_stated', { done: true, version: 1 }).expect(403)).body)).toEqual([
      'reviewer_not_assigned',
    ]);

    // Assigned during review: the reviewer is asked at once.
    const assigned = (
      await env.http().post(`/api/assessments/${id}/reviewers`).set(as('official')).send({ userId: ids['reviewer'] }).expect(201)
    ).body as ReviewOverview;
    expect(assigned.reviewers).toEqual([
      {
        id: ids['reviewer'],
        displayName: 'Mikko Korhonen',
        assignedAt: expect.any(String),
        assignedBy: { id: ids['official'], displayName: 'Anna Virtanen' },
      },
    ]);
    expect(await notifications(id)).toEqual([
      { kind: 'review_requested', to: ids['reviewer'], params: { title: 'Kouluverkkoselvitys 2027–2030' } },
    ]);

    // --- The checklist: assigned reviewer only, item by item, optimistic locking on the round. ---
    await tick('reviewer', id, 'no_such_item', { done: true, version: 1 }).expect(400);
    await tick('reviewer', id, 'evidence_gaps_stated', { done: 'yes', version: 1 }).expect(400);
    expect(codes((await tick('official', id, 'evidence_gaps_stated', { done: true, version: 1 }).expect(403)).body)).toEqual([
      'role_not_allowed',
    ]);
    const ticked = (
      await tick('reviewer', id, 'evidence_gaps_stated', {
        done: false,
        comment: 'Tiedot puuttuvat pienistä kouluista.',
        version: 1,
      }).expect(200)
    ).body as ReviewRoundView;
    expect(ticked.version).toBe(2);
    expect(ticked.checklist.find((e) => e.item === 'evidence_gaps_stated')).toMatchObject({
      done: false,
      comment: 'Tiedot puuttuvat pienistä kouluista.',
      updatedBy: { displayName: 'Mikko Korhonen' },
    });
    const stale = await tick('reviewer', id, 'childrens_views_gathered', { done: true, version: 1 }).expect(409);
    expect(stale.body.conflict).toMatchObject({ currentVersion: 2 });
    expect(stale.body.message).toMatch(/was not saved/);
    await tick('reviewer', id, 'childrens_views_gathered', { done: true, version: 2 }).expect(200);

    const incomplete = await move('reviewer', id, { action: 'approve_review' });
    expect(incomplete.status).toBe(409);
    expect(codes(incomplete.body)).toEqual(['review_checklist_incomplete']);
    expect(incomplete.body.refusals[0].params).toMatchObject({ missingCount: 4 });

    // --- Returned with a reason: back to draft, the round kept with its comments and reason. ---
    const returnNoReason = await move('reviewer', id, { action: 'return_from_review' });
    expect(codes(returnNoReason.body)).toEqual(['reason_required']);
    status(await move('reviewer', id, { action: 'return_from_review', reason: 'Pienten koulujen tiedot puuttuvat.' }), 200);
    expect((await get(id)).stage).toBe('draft');
    const afterReturn = await review('official', id);
    expect(afterReturn.rounds).toHaveLength(1);
    expect(afterReturn.rounds[0]).toMatchObject({
      round: 1,
      outcome: 'returned',
      returnReason: 'Pienten koulujen tiedot puuttuvat.',
      endedBy: { id: ids['reviewer'], displayName: 'Mikko Korhonen' },
    });
    expect(afterReturn.rounds[0]?.checklist.find((e) => e.item === 'evidence_gaps_stated')?.comment).toBe(
      'Tiedot puuttuvat pienistä kouluista.',
    );
    expect((await notifications(id)).at(-1)).toEqual({
      kind: 'assessment_returned',
      to: ids['official'],
      params: { title: 'Kouluverkkoselvitys 2027–2030', by: 'Mikko Korhonen', reason: 'Pienten koulujen tiedot puuttuvat.' },
    });
    expect(codes((await tick('reviewer', id, 'evidence_gaps_stated', { done: true, version: 3 }).expect(409)).body)).toEqual([
      'wrong_stage',
    ]);

    // --- Second round: a fresh checklist; every assigned reviewer asked. ---
    await env.http().post(`/api/assessments/${id}/reviewers`).set(as('official')).send({ userId: ids['reviewer2'] }).expect(201);
    status(await move('official', id, { action: 'send_to_review_without_consultation', reason: 'Tiedot lisätty.' }), 200);
    const second = await review('reviewer2', id);
    expect(second.rounds.map((r) => [r.round, r.outcome])).toEqual([
      [2, null],
      [1, 'returned'],
    ]);
    expect(second.rounds[0]?.checklist.every((e) => !e.done && e.comment === '')).toBe(true);
    expect((await notifications(id)).slice(-2).map((n) => [n.kind, n.to])).toEqual(
      [
        ['review_requested', ids['reviewer']],
        ['review_requested', ids['reviewer2']],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    await completeChecklist(id);
    expect(codes((await move('chair', id, { action: 'approve_review' })).body)).toEqual(['role_not_allowed']);
    const payloadElsewhere = await move('reviewer', id, {
      action: 'approve_review',
      decision: { outcome: 'approved', meetingDate: yesterday, minutesSection: '§ 1' },
    });
    expect([payloadElsewhere.status, fields(payloadElsewhere.body)]).toEqual([400, ['decision']]);
    status(await move('reviewer', id, { action: 'approve_review' }), 200);
    expect((await get(id)).stage).toBe('decision');
    expect((await review('official', id)).rounds[0]).toMatchObject({ round: 2, outcome: 'approved' });
    // Reviewers are no longer changed once the matter is with the committee.
    await env.http().delete(`/api/assessments/${id}/reviewers/${ids['reviewer2']}`).set(as('official')).expect(409);

    // --- The decision: the chair of the deciding committee, with a complete payload. ---
    const otherChair = await move('otherChair', id, {
      action: 'record_decision',
      decision: { outcome: 'approved', meetingDate: yesterday, minutesSection: '§ 1', decisionText: 'x', followUpDate: today },
    });
    expect(otherChair.status).toBe(403);
    expect(codes(otherChair.body)).toEqual(['role_not_allowed']);
    const missing = await move('chair', id, { action: 'record_decision' });
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(['decision']);
    const good = {
      outcome: 'approved',
      meetingDate: yesterday,
      minutesSection: '§ 42',
      decisionText: 'Lautakunta hyväksyi esityksen.',
      followUpDate: today,
    };
    const invalid: [object, string][] = [
      [{ ...good, outcome: 'maybe' }, 'decision.outcome'],
      [{ ...good, outcome: 'tabled' }, 'decision.outcome'],
      [{ ...good, meetingDate: '17.2.2027' }, 'decision.meetingDate'],
      [{ ...good, meetingDate: tomorrow, followUpDate: '2099-01-01' }, 'decision.meetingDate'],
      [{ ...good, minutesSection: '' }, 'decision.minutesSection'],
      [{ ...good, decisionText: '  ' }, 'decision.decisionText'],
      [{ ...good, followUpDate: null }, 'decision.followUpDate'],
      [{ ...good, followUpDate: yesterday }, 'decision.followUpDate'],
      [{ ...good, followUpDate: '2027-02-30' }, 'decision.followUpDate'],
    ];
    for (const [decision, field] of invalid) {
      const refused = await move('chair', id, { action: 'record_decision', decision });
      expect([refused.status, fields(refused.body)]).toEqual([400, [field]]);
    }

    // Tabled first (stays in decision), then decided at the next meeting.
    status(await move('chair', id, { action: 'table', decision: { meetingDate: yesterday, minutesSection: '§ 40' } }), 200);
    expect((await get(id)).stage).toBe('decision');
    const decided = status(await move('chair', id, { action: 'record_decision', decision: good }), 200).body as AssessmentDetail;
    expect(decided).toMatchObject({ stage: 'decided', followUpDate: today });
    const [decidedVersion] = (await env.http().get(`/api/assessments/${id}/versions`).set(as('official')).expect(200)).body.items;
    expect(decidedVersion).toMatchObject({ kind: 'transition:record_decision', changes: { followUpDate: { from: null, to: today } } });

    const decisions = (await env.http().get(`/api/assessments/${id}/decisions`).set(as('reviewer')).expect(200)).body as DecisionView[];
    expect(decisions.map((d) => [d.outcome, d.minutesSection, d.signedBy.displayName])).toEqual([
      ['approved', '§ 42', 'Leena Mäkinen'],
      ['tabled', '§ 40', 'Leena Mäkinen'],
    ]);
    expect(decisions[0]).toMatchObject({
      meetingDate: yesterday,
      followUpDate: today,
      decisionText: 'Lautakunta hyväksyi esityksen.',
      committee: { id: committeeId },
    });
    expect(decisions[1]).toMatchObject({ followUpDate: null, decisionText: '' });
    const decidedNotes = (await notifications(id)).filter((n) => n.kind === 'decision_recorded');
    expect(decidedNotes.map((n) => n.to).sort()).toEqual([ids['official'], ids['reviewer'], ids['reviewer2']].sort());
    expect(decidedNotes[0]?.params).toEqual({ title: 'Kouluverkkoselvitys 2027–2030', outcome: 'approved' });

    // --- Immutable once decided. ---
    const edit = await env.http().patch(`/api/assessments/${id}`).set(as('official')).send({ version: decided.version, title: 'Muutettu' });
    expect([edit.status, codes(edit.body)]).toEqual([409, ['stage_is_final']]);
    expect(codes((await tick('reviewer', id, 'evidence_gaps_stated', { done: false, version: 9 }).expect(409)).body)).toEqual([
      'stage_is_final',
    ]);
    expect(codes((await move('chair', id, { action: 'record_decision', decision: good })).body)).toEqual(['stage_is_final']);
    await env.http().post(`/api/assessments/${id}/reviewers`).set(as('official')).send({ userId: ids['reviewer'] }).expect(409);

    // --- Follow-up on its date, closed with the ex-post evaluation. ---
    expect(codes((await move('official', id, { action: 'close_without_follow_up' })).body)).toEqual(['follow_up_planned']);
    status(await move('official', id, { action: 'start_follow_up' }), 200);
    expect(codes((await move('official', id, { action: 'close_follow_up' })).body)).toEqual(['ex_post_evaluation_missing']);
    // In follow-up the ex-post evaluation is the one thing the responsible official may write; the rest stays decided.
    const inFollowUp = (await get(id)).version;
    const otherEdit = await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: inFollowUp, exPostEvaluation: 'x', title: 'Muutettu' });
    expect([otherEdit.status, codes(otherEdit.body)]).toEqual([409, ['stage_is_final']]);
    const notTheirs = await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(as('reviewer'))
      .send({ version: inFollowUp, exPostEvaluation: 'x' });
    expect([notTheirs.status, codes(notTheirs.body)]).toEqual([403, ['role_not_allowed']]);
    const evaluated = await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: inFollowUp, exPostEvaluation: 'Koulumatkat pysyivät alle tunnin.' })
      .expect(200);
    expect(evaluated.body.exPostEvaluation).toBe('Koulumatkat pysyivät alle tunnin.');
    status(await move('official', id, { action: 'close_follow_up' }), 200);
    expect((await get(id)).stage).toBe('closed');

    const trail = await env.db.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE ANY('{review.%,decision.%}') ORDER BY id`,
      [id],
    );
    expect(trail.map((t: { action: string }) => t.action)).toEqual([
      'review.reviewer_assigned',
      'review.checklist_updated',
      'review.checklist_updated',
      'review.reviewer_assigned',
      ...REVIEW_CHECKLIST_ITEMS.map(() => 'review.checklist_updated'),
      'decision.signed',
      'decision.signed',
    ]);
  });

  it('returns a matter for more preparation with a signed decision row, tells the official, and starts a new review round later', async () => {
    const id = await drafted('Hovinsaaren nuorisotalon aukioloajat');
    await env.http().post(`/api/assessments/${id}/reviewers`).set(as('official')).send({ userId: ids['reviewer'] }).expect(201);
    status(await move('official', id, { action: 'send_to_review_without_consultation', reason: 'Nuoria kuultiin työpajassa.' }), 200);
    await completeChecklist(id);
    status(await move('reviewer', id, { action: 'approve_review' }), 200);

    const noReason = await move('chair', id, { action: 'return_for_preparation', decision: { meetingDate: today, minutesSection: '§ 7' } });
    expect(codes(noReason.body)).toEqual(['reason_required']);
    const wrongOutcome = await move('chair', id, {
      action: 'return_for_preparation',
      reason: 'Selvitettävä iltavuorot.',
      decision: { outcome: 'approved', meetingDate: today, minutesSection: '§ 7' },
    });
    expect([wrongOutcome.status, fields(wrongOutcome.body)]).toEqual([400, ['decision.outcome']]);
    status(
      await move('chair', id, {
        action: 'return_for_preparation',
        reason: 'Selvitettävä iltavuorot.',
        decision: { meetingDate: today, minutesSection: '§ 7' },
      }),
      200,
    );
    expect((await get(id)).stage).toBe('draft');

    const [decision] = (await env.http().get(`/api/assessments/${id}/decisions`).set(as('official')).expect(200)).body as DecisionView[];
    expect(decision).toMatchObject({
      outcome: 'returned_for_preparation',
      minutesSection: '§ 7',
      decisionText: 'Selvitettävä iltavuorot.',
      signedBy: { id: ids['chair'] },
    });
    expect((await notifications(id)).at(-1)).toEqual({
      kind: 'assessment_returned',
      to: ids['official'],
      params: { title: 'Hovinsaaren nuorisotalon aukioloajat', by: 'Leena Mäkinen', reason: 'Selvitettävä iltavuorot.' },
    });

    // A reviewer can be taken off in draft; back in review the checklist starts over.
    await env.http().delete(`/api/assessments/${id}/reviewers/${ids['reviewer2']}`).set(as('official')).expect(404);
    status(await move('official', id, { action: 'send_to_review_without_consultation', reason: 'Iltavuorot selvitetty.' }), 200);
    const rounds = (await review('chair', id)).rounds;
    expect(rounds.map((r) => [r.round, r.outcome, r.checklist.filter((e) => e.done).length])).toEqual([
      [2, null, 0],
      [1, 'approved', REVIEW_CHECKLIST_ITEMS.length],
    ]);
    await env.http().delete(`/api/assessments/${id}/reviewers/${ids['reviewer']}`).set(as('official')).expect(204);
    expect((await review('official', id)).reviewers).toEqual([]);
  });
});

describe('review and decision demo data', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await startTestEnvironment();
    expect(await seedDemoData(env.db)).toBe(true);
  });
  afterAll(() => env?.close());

  it('gives Kotka’s reviewer a half-done checklist and Kotka’s chair a matter to decide', async () => {
    const reviewer = await env.login('reviewer@kotka.example', DEMO_PASSWORD);
    const chair = await env.login('chair@kotka.example', DEMO_PASSWORD);
    const [inReview] = await env.db.query(`SELECT id FROM assessments WHERE title = 'Lasten ja nuorten harrastusseteli 2027'`);
    const [inDecision] = await env.db.query(`SELECT id FROM assessments WHERE title = 'Koulukuljetusten hankinta 2027–2031'`);

    const overview = (await env.http().get(`/api/assessments/${inReview.id}/review`).set('Authorization', `Bearer ${reviewer}`).expect(200))
      .body as ReviewOverview;
    expect(overview.reviewers.map((r) => r.displayName)).toEqual(['Mikko Korhonen']);
    expect(overview.rounds[0]?.checklist.filter((e) => e.done).length).toBe(2);
    const reviewerActions = (
      await env.http().get(`/api/assessments/${inReview.id}/actions`).set('Authorization', `Bearer ${reviewer}`).expect(200)
    ).body as AvailableAction[];
    expect(reviewerActions.find((a) => a.action === 'approve_review')?.reasons.map((r) => r.code)).toEqual(['review_checklist_incomplete']);
    expect(reviewerActions.find((a) => a.action === 'return_from_review')?.allowed).toBe(true);

    const chairActions = (
      await env.http().get(`/api/assessments/${inDecision.id}/actions`).set('Authorization', `Bearer ${chair}`).expect(200)
    ).body as AvailableAction[];
    expect(chairActions.filter((a) => a.allowed).map((a) => a.action)).toEqual(['record_decision', 'return_for_preparation', 'table']);
  });
});

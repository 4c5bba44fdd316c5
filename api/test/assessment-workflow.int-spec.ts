import type { ApiError, AssessmentDetail, AssessmentVersionPage } from '@lava/contracts';
import type { AvailableAction } from '@lava/workflow';
import { createMunicipality, createUser, makeReviewReady, SIGNING_ACTIONS } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

describe('assessment record under the workflow (API → shared workflow module → PostgreSQL)', () => {
  let env: TestEnvironment;
  let official: string;
  let reviewer: string;
  let committeeId: string;
  let officialId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    committeeId = kotka.education.id;
    const officialUser = await createUser(env.db, 'official', kotka.municipality, { displayName: 'Anna Virtanen' });
    officialId = officialUser.id;
    official = await env.login(officialUser.email);
    reviewer = await env.login((await createUser(env.db, 'reviewer', kotka.municipality)).email);
  });
  afterAll(() => env?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const start = async (title: string) =>
    (await env.http().post('/api/assessments').set(as(official)).send({ title, committeeId }).expect(201)).body as AssessmentDetail;
  const patch = (token: string, id: string, body: object) => env.http().patch(`/api/assessments/${id}`).set(as(token)).send(body);
  /** A transition; the official confirms screening signatures. */
  const move = (token: string, id: string, body: { action: string; [key: string]: unknown }) =>
    env
      .http()
      .post(`/api/assessments/${id}/transitions`)
      .set(as(token))
      .send({ ...(SIGNING_ACTIONS.includes(body.action) ? { signatureConfirmed: true } : {}), ...body });
  const codes = (body: ApiError) => (body.refusals ?? []).map((r) => r.code);

  it('takes an assessment from screening through draft to review, refusing each step until its guards hold', async () => {
    const created = await start('Koulukuljetusten muutos');

    const actions = (await env.http().get(`/api/assessments/${created.id}/actions`).set(as(official)).expect(200))
      .body as AvailableAction[];
    expect(actions.map((a) => [a.action, a.allowed])).toEqual([
      ['screen_out', false],
      ['start_full_assessment', false],
    ]);
    expect(actions[1].reasons.map((r) => r.code)).toEqual(['screening_unanswered']);

    const refused = await move(official, created.id, { action: 'start_full_assessment', version: 1 }).expect(409);
    expect(codes(refused.body)).toEqual(['screening_unanswered']);
    expect(refused.body.message).toEqual(expect.any(String));

    const screened = await patch(official, created.id, {
      version: 1,
      screening: { affectsChildren: true, impactKind: 'direct', ageGroups: ['7-12', '13-17'], rationale: 'Pupils travel further.' },
    }).expect(200);
    expect(screened.body).toMatchObject({ version: 2, screening: { affectsChildren: true, ageGroups: ['7-12', '13-17'], signedBy: null } });

    const drafted = await move(official, created.id, { action: 'start_full_assessment', version: 2 }).expect(200);
    expect(drafted.body).toMatchObject({
      stage: 'draft',
      version: 3,
      screening: { signedBy: { id: officialId, displayName: 'Anna Virtanen' } },
    });

    const noConsultation = await move(official, created.id, { action: 'open_consultation', version: 3 }).expect(409);
    expect(codes(noConsultation.body)).toEqual(['plain_language_summary_missing', 'no_youth_council_with_future_deadline']);

    await patch(official, created.id, { version: 3, plainLanguageSummary: 'Koulumatka pitenee joillakin.' }).expect(200);
    await makeReviewReady(env.db, created.id);
    const noReason = await move(official, created.id, { action: 'send_to_review_without_consultation', version: 4 }).expect(400);
    expect(codes(noReason.body)).toEqual(['reason_required']);
    const inReview = await move(official, created.id, {
      action: 'send_to_review_without_consultation',
      version: 4,
      reason: 'The pupils were heard in a school survey.',
    }).expect(200);
    expect(inReview.body.stage).toBe('review');

    // Content is read-only in review, and only an assigned reviewer may approve.
    expect(codes((await patch(official, created.id, { version: 5, title: 'Changed in review' }).expect(409)).body)).toEqual([
      'content_read_only',
    ]);
    expect(codes((await move(reviewer, created.id, { action: 'approve_review', version: 5 }).expect(403)).body)).toContain(
      'reviewer_not_assigned',
    );

    const audit = await env.db.query(
      `SELECT action, from_stage, to_stage, reason FROM audit_events WHERE entity_id = $1 AND action = 'assessment.transition' ORDER BY id`,
      [created.id],
    );
    expect(audit).toEqual([
      { action: 'assessment.transition', from_stage: 'screening', to_stage: 'draft', reason: null },
      { action: 'assessment.transition', from_stage: 'draft', to_stage: 'review', reason: 'The pupils were heard in a school survey.' },
    ]);

    const page = (await env.http().get(`/api/assessments/${created.id}/versions`).set(as(reviewer)).expect(200))
      .body as AssessmentVersionPage;
    expect(page.nextCursor).toBeNull();
    const history = page.items;
    expect(history.map((v) => [v.version, v.kind])).toEqual([
      [5, 'transition:send_to_review_without_consultation'],
      [4, 'edited'],
      [3, 'transition:start_full_assessment'],
      [2, 'edited'],
      [1, 'created'],
    ]);
    expect(history[1].changes['plainLanguageSummary']).toEqual({ from: '', to: 'Koulumatka pitenee joillakin.' });
  });

  it('answers a stale version with 409 saying what changed since, and keeps both what was saved and nothing of the stale edit', async () => {
    const created = await start('Nuorisotalon aukioloajat');
    await patch(official, created.id, { version: 1, screening: { rationale: 'First session text' } }).expect(200);

    const stale = await patch(official, created.id, {
      version: 1,
      title: 'Second session title',
      screening: { rationale: 'Second session text' },
    }).expect(409);
    expect(stale.body.conflict).toEqual({
      currentVersion: 2,
      changes: [{ version: 2, changedAt: expect.any(String), changedBy: 'Anna Virtanen', kind: 'edited', fields: ['screening.rationale'] }],
    });
    expect(stale.body.message).toMatch(/Anna Virtanen saved a newer version \(2\)/);

    const now = (await env.http().get(`/api/assessments/${created.id}`).set(as(official)).expect(200)).body as AssessmentDetail;
    expect(now).toMatchObject({ title: 'Nuorisotalon aukioloajat', version: 2, screening: { rationale: 'First session text' } });
  });

  it('ends a "no impact" screening with a signed result and then refuses every edit', async () => {
    const created = await start('Katuvalojen vaihto');
    await patch(official, created.id, {
      version: 1,
      screening: { affectsChildren: false, rationale: 'Lighting hardware only; no service change.' },
    }).expect(200);
    const closed = await move(official, created.id, { action: 'screen_out', version: 2 }).expect(200);
    expect(closed.body).toMatchObject({ stage: 'closed', screening: { signedBy: { id: officialId } } });
    expect(codes((await patch(official, created.id, { version: 3, title: 'Reopened?' }).expect(409)).body)).toEqual(['stage_is_final']);
    expect(((await env.http().get(`/api/assessments/${created.id}/actions`).set(as(official)).expect(200)).body as unknown[]).length).toBe(
      0,
    );
  });

  it('refuses what is not a workflow action, a colleague’s edit, and invalid fields, with 4xx and nothing saved', async () => {
    const created = await start('Leikkipuiston peruskorjaus');
    expect(codes((await move(official, created.id, { action: 'demolish', version: 1 }).expect(400)).body)).toEqual(['unknown_action']);
    expect(codes((await patch(reviewer, created.id, { version: 1, title: 'Reviewer edit' }).expect(403)).body)).toEqual([
      'role_not_allowed',
    ]);
    const invalid = await patch(official, created.id, {
      version: 1,
      screening: { ageGroups: ['0-99'], impactKind: 'sideways' },
      stage: 'decided',
    }).expect(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'screening.ageGroups',
      'screening.impactKind',
      'stage',
    ]);
    await patch(official, created.id, { title: 'No version' }).expect(400);
    const now = (await env.http().get(`/api/assessments/${created.id}`).set(as(official)).expect(200)).body as AssessmentDetail;
    expect(now).toMatchObject({ title: 'Leikkipuiston peruskorjaus', version: 1, stage: 'screening' });
  });
});

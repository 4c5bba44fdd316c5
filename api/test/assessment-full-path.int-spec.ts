import type { ApiError, AssessmentDetail, ConsultationDetail, ReviewOverview } from '@lava/contracts';
import { finnishDate, REVIEW_CHECKLIST_ITEMS } from '@lava/workflow';
import { createMunicipality, createUser, makeReviewReady, SIGNING_ACTIONS, TO_REVIEW_ACTIONS } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * One assessment through every stage the way people take it, with a youth council heard:
 * screening → draft → consultation → review → decision → decided → follow-up → closed.
 * Each step is first tried too early (or by the wrong person) and must be refused with its reason;
 * the features around the record (consultation, review, decision, scheduling) all take part.
 */
describe('an assessment from screening to closed, with the youth council heard', () => {
  let env: TestEnvironment;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let committeeId: string;
  let councilId: string;

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    committeeId = kotka.education.id;
    councilId = kotka.youthCouncil.id;
    const people = {
      official: await createUser(env.db, 'official', kotka.municipality, { displayName: 'Anna Virtanen' }),
      reviewer: await createUser(env.db, 'reviewer', kotka.municipality, { displayName: 'Mikko Korhonen' }),
      chair: await createUser(env.db, 'committee_chair', kotka.education, { displayName: 'Leena Mäkinen' }),
      youth: await createUser(env.db, 'youth_council_member', kotka.youthCouncil, { displayName: 'Aino', councilOffice: 'chair' }),
    };
    for (const [key, user] of Object.entries(people)) {
      ids[key] = user.id;
      tokens[key] = await env.login(user.email);
    }
  });
  afterAll(() => env?.close());

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const codes = (body: ApiError) => (body.refusals ?? []).map((r) => r.code);
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
  const edit = async (id: string, body: object) =>
    env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: (await get(id)).version, ...body })
      .expect(200);
  const consultation = async (who: string, id: string) =>
    (await env.http().get(`/api/consultations/${id}`).set(as(who)).expect(200)).body as ConsultationDetail;
  const kinds = async (id: string) =>
    (
      await env.db.query(`SELECT kind, count(*)::int AS n FROM notifications WHERE assessment_id = $1 GROUP BY kind ORDER BY kind`, [id])
    ).map((r: { kind: string; n: number }) => `${r.kind}×${r.n}`);

  it('refuses each step until it may be taken, then takes it', async () => {
    const created = await env
      .http()
      .post('/api/assessments')
      .set(as('official'))
      .send({ title: 'Nuorisotalon aukioloajat 2027', committeeId })
      .expect(201);
    const id = created.body.id as string;

    // --- Screening ---
    expect(codes((await move('official', id, { action: 'start_full_assessment' })).body)).toEqual(['screening_unanswered']);
    await edit(id, {
      screening: { affectsChildren: true, impactKind: 'direct', ageGroups: ['13-17'], rationale: 'Nuoret käyttävät taloa.' },
    });
    expect(codes((await move('official', id, { action: 'screen_out' })).body)).toEqual(['screening_found_impact']);
    expect((await move('official', id, { action: 'start_full_assessment' })).status).toBe(200);

    // --- Draft: no consultation without the summary and a council asked ---
    const early = await move('official', id, { action: 'open_consultation' });
    expect(codes(early.body).sort()).toEqual(['no_youth_council_with_future_deadline', 'plain_language_summary_missing']);
    await edit(id, { plainLanguageSummary: 'Nuorisotalo voi olla auki vähemmän iltoja. Kerro, mitkä illat ovat tärkeitä.' });
    const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const planned = await env
      .http()
      .post(`/api/assessments/${id}/consultations`)
      .set(as('official'))
      .send({ youthCouncilId: councilId, deadline, message: 'Kertokaa mielipiteenne.' })
      .expect(201);
    const consultationId = planned.body.id as string;
    await env.http().post(`/api/assessments/${id}/reviewers`).set(as('official')).send({ userId: ids['reviewer'] }).expect(201);
    expect((await move('official', id, { action: 'open_consultation' })).status).toBe(200);

    // The council is told, and its deadline reminders and escalation are scheduled.
    const scheduled = await env.db.query(`SELECT kind FROM scheduled_events WHERE subject_id = $1 AND status = 'pending' ORDER BY due_at`, [
      consultationId,
    ]);
    expect(scheduled.map((r: { kind: string }) => r.kind)).toEqual([
      'consultation_deadline_reminder',
      'consultation_deadline_reminder',
      'consultation_overdue',
    ]);

    // --- Consultation: content read-only, review held back while the council is still to be heard ---
    const readOnly = await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: (await get(id)).version, title: 'Muutos kesken lausuntokierroksen' });
    expect([readOnly.status, codes(readOnly.body)]).toEqual([409, ['content_read_only']]);
    expect(codes((await move('official', id, { action: 'close_consultation' })).body)).toEqual(['consultation_still_open']);

    await env
      .http()
      .post(`/api/consultations/${consultationId}/points`)
      .set(as('youth'))
      .send({ text: 'Perjantai-ilta pitää säilyttää.' })
      .expect(201);
    const drafted = await consultation('youth', consultationId);
    const adopted = await env
      .http()
      .post(`/api/consultations/${consultationId}/statement/adopt`)
      .set(as('youth'))
      .send({ version: drafted.statement?.version, meetingDate: finnishDate(new Date()) })
      .expect(200);
    await env
      .http()
      .post(`/api/consultations/${consultationId}/statement/submit`)
      .set(as('youth'))
      .send({ version: (adopted.body as ConsultationDetail).statement?.version })
      .expect(200);
    // Submitted: nothing left to remind about.
    const stillPending = await env.db.query(
      `SELECT count(*)::int AS n FROM scheduled_events WHERE subject_id = $1 AND status = 'pending'`,
      [consultationId],
    );
    expect(stillPending[0].n).toBe(0);

    // Every council has submitted, so the consultation is over, but the point needs its response first.
    expect(codes((await move('official', id, { action: 'close_consultation' })).body)).toEqual(['statement_points_unanswered']);
    const [point] = (await consultation('official', consultationId)).statement?.points ?? [];
    if (!point) throw new Error('the submitted statement has no point');
    await env
      .http()
      .put(`/api/consultations/${consultationId}/points/${point.id}/disposition`)
      .set(as('official'))
      .send({ version: point.version, disposition: 'accepted', reason: 'Perjantai pysyy auki.', linkedSection: 'changesMade' })
      .expect(200);
    expect((await move('official', id, { action: 'close_consultation' })).status).toBe(200);

    // --- Review: only the assigned reviewer, only with the checklist complete ---
    expect(codes((await move('official', id, { action: 'approve_review' })).body)).toContain('role_not_allowed');
    expect(codes((await move('reviewer', id, { action: 'approve_review' })).body)).toEqual(['review_checklist_incomplete']);
    for (const item of REVIEW_CHECKLIST_ITEMS) {
      const overview = (await env.http().get(`/api/assessments/${id}/review`).set(as('reviewer')).expect(200)).body as ReviewOverview;
      const round = overview.rounds[0];
      await env
        .http()
        .put(`/api/assessments/${id}/review/checklist/${item}`)
        .set(as('reviewer'))
        .send({ done: true, version: round?.version })
        .expect(200);
    }
    expect((await move('reviewer', id, { action: 'approve_review' })).status).toBe(200);

    // --- Decision: the chair records it with its payload and signs; then nothing changes ---
    const today = finnishDate(new Date());
    // The committee met yesterday; the follow-up (which must come after the meeting) is due today.
    const yesterday = finnishDate(new Date(Date.now() - 86_400_000));
    const noPayload = await move('chair', id, { action: 'record_decision' });
    expect(noPayload.status).toBe(400);
    expect(codes((await move('official', id, { action: 'record_decision' })).body)).toContain('role_not_allowed');
    const decision = {
      outcome: 'approved',
      meetingDate: yesterday,
      minutesSection: '§ 12',
      decisionText: 'Perjantai pysyy auki.',
      followUpDate: today,
    };
    const decided = await move('chair', id, { action: 'record_decision', decision });
    expect([decided.status, decided.body.message]).toEqual([200, undefined]);
    expect(await get(id)).toMatchObject({ stage: 'decided', followUpDate: today });
    const afterDecision = await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(as('official'))
      .send({ version: (await get(id)).version, title: 'Muutos päätöksen jälkeen' });
    expect([afterDecision.status, codes(afterDecision.body)]).toEqual([409, ['stage_is_final']]);

    // The council sees what became of its point; the follow-up is scheduled for the official.
    const feedback = await consultation('youth', consultationId);
    expect(feedback.feedback).toMatchObject({ stage: 'decided', outcome: 'approved', minutesSection: '§ 12' });
    expect(feedback.statement?.points[0]).toMatchObject({ disposition: 'accepted', dispositionReason: 'Perjantai pysyy auki.' });
    const followUpRows = await env.db.query(`SELECT kind FROM scheduled_events WHERE subject_id = $1 AND status = 'pending'`, [id]);
    expect(followUpRows).toEqual([{ kind: 'follow_up_due' }]);

    // --- Follow-up: the ex-post evaluation, then closed ---
    expect(codes((await move('official', id, { action: 'close_without_follow_up' })).body)).toEqual(['follow_up_planned']);
    expect((await move('official', id, { action: 'start_follow_up' })).status).toBe(200);
    expect(codes((await move('official', id, { action: 'close_follow_up' })).body)).toEqual(['ex_post_evaluation_missing']);
    await edit(id, { exPostEvaluation: 'Perjantai-illan kävijämäärä pysyi ennallaan.' });
    expect((await move('official', id, { action: 'close_follow_up' })).status).toBe(200);
    expect((await get(id)).stage).toBe('closed');

    // Every stage is in the audit trail, and each person was told what needed them.
    const trail = await env.db.query(
      `SELECT from_stage, to_stage FROM audit_events WHERE entity_id = $1 AND action = 'assessment.transition' ORDER BY id`,
      [id],
    );
    expect(trail.map((t: { from_stage: string; to_stage: string }) => `${t.from_stage}→${t.to_stage}`)).toEqual([
      'screening→draft',
      'draft→consultation',
      'consultation→review',
      'review→decision',
      'decision→decided',
      'decided→follow_up',
      'follow_up→closed',
    ]);
    expect(await kinds(id)).toEqual([
      'assessment_created×2', // the municipality's official and reviewer
      'consultation_opened×1',
      'decision_recorded×2',
      'decision_requested×1', // the deciding committee's chair, when it reaches decision
      'review_requested×1',
      'statement_feedback×1',
      'statement_submitted×1',
    ]);
  });
});

import type { AssessmentFacts } from './facts';
import { actorWith, factsWith, NOW } from './facts.fixture';
import { WORKFLOW_ROLES, type WorkflowRole } from './roles';
import { STAGES, type Stage } from './stages';
import { DECISION_OUTCOME_ACTIONS, DECISION_OUTCOMES, TRANSITIONS, WORKFLOW_ACTIONS } from './transitions';
import { availableActions, checkTransition } from './workflow';

/**
 * The expected workflow, written out by hand from docs/domain.md, independently of the table in
 * transitions.ts: the action, where it starts, where it ends, who may take it, whether a reason is required.
 */
const EXPECTED: Record<string, { from: Stage; to: Stage; roles: WorkflowRole[]; reason: boolean; signs?: 'screening' }> = {
  screen_out: { from: 'screening', to: 'closed', roles: ['official'], reason: false, signs: 'screening' },
  start_full_assessment: { from: 'screening', to: 'draft', roles: ['official'], reason: false, signs: 'screening' },
  open_consultation: { from: 'draft', to: 'consultation', roles: ['official'], reason: false },
  send_to_review_without_consultation: { from: 'draft', to: 'review', roles: ['official'], reason: true },
  close_consultation: { from: 'consultation', to: 'review', roles: ['official'], reason: false },
  close_consultation_early: { from: 'consultation', to: 'review', roles: ['official'], reason: true },
  return_from_consultation: { from: 'consultation', to: 'draft', roles: ['official'], reason: true },
  approve_review: { from: 'review', to: 'decision', roles: ['reviewer'], reason: false },
  return_from_review: { from: 'review', to: 'draft', roles: ['reviewer'], reason: true },
  record_decision: { from: 'decision', to: 'decided', roles: ['committee_chair'], reason: false },
  return_for_preparation: { from: 'decision', to: 'draft', roles: ['committee_chair'], reason: true },
  table: { from: 'decision', to: 'decision', roles: ['committee_chair'], reason: false },
  start_follow_up: { from: 'decided', to: 'follow_up', roles: ['official'], reason: false },
  close_without_follow_up: { from: 'decided', to: 'closed', roles: ['official'], reason: false },
  close_follow_up: { from: 'follow_up', to: 'closed', roles: ['official'], reason: false },
};

/** Stages where the assessment is final: acting there with another stage's action says so. */
const FINAL: Stage[] = ['decided', 'follow_up', 'closed'];

/** For each action, the facts under which all its guards hold (the fixture's defaults plus these). */
const GUARDS_HOLD: Record<string, Partial<AssessmentFacts>> = {
  screen_out: { screening: { affectsChildren: false, rationale: 'A change to the parking fees of the town hall.' } },
  start_full_assessment: {},
  open_consultation: {},
  send_to_review_without_consultation: {},
  close_consultation: { consultations: [{ youthCouncilId: 'yc-kotka', deadline: '2025-06-29T23:59:00+03:00', status: 'submitted' }] },
  close_consultation_early: {},
  return_from_consultation: {},
  approve_review: {},
  return_from_review: {},
  record_decision: {},
  return_for_preparation: {},
  table: {},
  start_follow_up: { followUpDate: '2025-06-01' },
  close_without_follow_up: { followUpDate: null },
  close_follow_up: {},
};

const ACTORS: (WorkflowRole | null)[] = [...WORKFLOW_ROLES, null];

describe('the transition table', () => {
  it('has exactly the expected actions, and each goes where expected', () => {
    expect([...WORKFLOW_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const t of TRANSITIONS) {
      expect({ from: t.from, to: t.to, roles: [...t.roles].sort(), reason: t.requiresReason, signs: t.signs }).toEqual({
        ...EXPECTED[t.action],
        roles: [...(EXPECTED[t.action]?.roles ?? [])].sort(),
        signs: EXPECTED[t.action]?.signs,
      });
    }
  });

  it('gives youth council members and admins no stage transition', () => {
    expect(TRANSITIONS.filter((t) => t.roles.some((r) => r === 'youth_council_member' || r === 'admin'))).toEqual([]);
  });

  it('maps every decision outcome to a transition out of decision', () => {
    expect(DECISION_OUTCOMES).toEqual(['approved', 'approved_as_modified', 'returned_for_preparation', 'tabled', 'rejected']);
    expect(DECISION_OUTCOME_ACTIONS).toEqual({
      approved: 'record_decision',
      approved_as_modified: 'record_decision',
      rejected: 'record_decision',
      returned_for_preparation: 'return_for_preparation',
      tabled: 'table',
    });
  });
});

describe('every stage × every action × every role, all guards holding', () => {
  const cases = STAGES.flatMap((stage) =>
    Object.keys(EXPECTED).flatMap((action) => ACTORS.map((role) => [stage, action, role ?? 'no role', role] as const)),
  );

  it.each(cases)('in %s, %s by %s', (stage, action, _label, role) => {
    const expected = EXPECTED[action];
    if (expected === undefined) throw new Error(`no expectation for ${action}`);
    const facts = factsWith({ ...GUARDS_HOLD[action], stage });
    const actor = actorWith(role);
    const roleOk = role !== null && expected.roles.includes(role);
    const stageOk = stage === expected.from;
    const expectedCodes = [
      ...(roleOk ? [] : ['role_not_allowed']),
      ...(stageOk ? [] : [FINAL.includes(stage) ? 'stage_is_final' : 'wrong_stage']),
    ];

    const result = checkTransition(action, facts, actor, NOW, { reason: 'Recorded for the audit trail.', signatureConfirmed: true });
    if (roleOk && stageOk) {
      expect(result).toEqual({ ok: true, action, from: stage, to: expected.to });
    } else {
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.reasons.map((r) => r.code)).toEqual(expectedCodes);
    }

    const offered = availableActions(facts, actor, NOW).find((a) => a.action === action);
    if (stageOk) {
      expect(offered).toEqual({
        action,
        to: expected.to,
        allowed: roleOk,
        requiresReason: expected.reason,
        signs: expected.signs ?? null,
        reasons: expect.any(Array),
      });
      expect(offered?.reasons.map((r) => r.code)).toEqual(expectedCodes);
    } else {
      expect(offered).toBeUndefined();
    }
  });

  it.each(STAGES.map((stage) => [stage]))('offers in %s exactly the actions out of it', (stage) => {
    const expected = Object.entries(EXPECTED)
      .filter(([, e]) => e.from === stage)
      .map(([action]) => action)
      .sort();
    for (const role of ACTORS) {
      expect(
        availableActions(factsWith({ stage }), actorWith(role), NOW)
          .map((a) => a.action)
          .sort(),
      ).toEqual(expected);
    }
  });

  it('offers nothing once closed', () => {
    expect(availableActions(factsWith({ stage: 'closed' }), actorWith('official'), NOW)).toEqual([]);
  });
});

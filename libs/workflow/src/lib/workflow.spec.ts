import type { AssessmentFacts } from './facts';
import { actorWith, factsWith, IN_TWO_WEEKS, LAST_WEEK, NOW, OFFICIAL_ID, REVIEWER_ID } from './facts.fixture';
import { REFUSAL_CODES, type Refusal } from './refusals';
import { WORKFLOW_ROLES, type WorkflowActor, type WorkflowRole } from './roles';
import { isImmutable, STAGES, type Stage } from './stages';
import { availableActions, canEditContent, canWriteEvaluation, checkTransition, type TransitionInput } from './workflow';

/** Every refusal code any scenario in this file produced; the last test checks all codes are reachable. */
const seen = new Set<string>();
const record = (reasons: readonly Refusal[]): string[] => {
  reasons.forEach((r) => seen.add(r.code));
  return reasons.map((r) => r.code);
};

/** The codes checkTransition refuses with ([] when ok), with a reason given unless `input` says otherwise. */
function codes(
  action: string,
  facts: AssessmentFacts,
  actor: WorkflowActor,
  now = NOW,
  input: TransitionInput = { reason: 'Noted.', signatureConfirmed: true },
) {
  const result = checkTransition(action, facts, actor, now, input);
  return result.ok ? [] : record(result.reasons);
}

const official = actorWith('official');
const reviewer = actorWith('reviewer');
const chair = actorWith('committee_chair');

const submitted = { youthCouncilId: 'yc-kotka', deadline: IN_TWO_WEEKS, status: 'submitted' } as const;
const pending = { youthCouncilId: 'yc-hamina', deadline: IN_TWO_WEEKS, status: 'drafting' } as const;

describe('guards: each refuses with its code when its fact fails, and allows when it holds', () => {
  type Case = [
    action: string,
    stage: Stage,
    actor: WorkflowActor,
    holds: Partial<AssessmentFacts>,
    fails: Partial<AssessmentFacts>,
    code: string,
  ];
  const cases: Case[] = [
    // Screening.
    [
      'screen_out',
      'screening',
      official,
      { screening: { affectsChildren: false, rationale: 'Parking fees.' } },
      { screening: { affectsChildren: null, rationale: 'Parking fees.' } },
      'screening_unanswered',
    ],
    [
      'screen_out',
      'screening',
      official,
      { screening: { affectsChildren: false, rationale: 'Parking fees.' } },
      { screening: { affectsChildren: true, rationale: 'Parking fees.' } },
      'screening_found_impact',
    ],
    [
      'screen_out',
      'screening',
      official,
      { screening: { affectsChildren: false, rationale: 'Parking fees.' } },
      { screening: { affectsChildren: false, rationale: '  \n' } },
      'screening_rationale_missing',
    ],
    [
      'start_full_assessment',
      'screening',
      official,
      { screening: { affectsChildren: true, rationale: '' } },
      { screening: { affectsChildren: null, rationale: '' } },
      'screening_unanswered',
    ],
    [
      'start_full_assessment',
      'screening',
      official,
      { screening: { affectsChildren: true, rationale: '' } },
      { screening: { affectsChildren: false, rationale: '' } },
      'screening_found_no_impact',
    ],
    // Review needs a real assessment (see completeness.ts), whichever way it is reached.
    ...(['send_to_review_without_consultation', 'close_consultation', 'close_consultation_early'] as const).flatMap((action): Case[] =>
      (['too_few_alternatives_compared', 'principle_not_considered', 'no_evidence_or_gap', 'no_childrens_views_or_reason'] as const).map(
        (code): Case => [
          action,
          action === 'send_to_review_without_consultation' ? 'draft' : 'consultation',
          official,
          action === 'close_consultation'
            ? { consultations: [submitted] }
            : action === 'close_consultation_early'
              ? { consultations: [pending] }
              : {},
          {
            reviewBlockers: [{ code, field: 'impactMatrix.rows', blocksReview: true }],
            ...(action === 'close_consultation'
              ? { consultations: [submitted] }
              : action === 'close_consultation_early'
                ? { consultations: [pending] }
                : {}),
          },
          code,
        ],
      ),
    ),
    // Consultation needs a plain-language summary and a youth council with a deadline in the future.
    ['open_consultation', 'draft', official, {}, { hasPlainLanguageSummary: false }, 'plain_language_summary_missing'],
    // A Swedish-speaking council reads the Swedish summary: the Finnish one alone does not open the consultation.
    [
      'open_consultation',
      'draft',
      official,
      { consultations: [{ ...pending, languages: ['sv'] }], summaryLanguages: ['fi', 'sv'] },
      { consultations: [{ ...pending, languages: ['sv'] }], summaryLanguages: ['fi'] },
      'plain_language_summary_language_missing',
    ],
    [
      'open_consultation',
      'draft',
      official,
      {
        consultations: [
          { ...pending, languages: ['fi', 'sv'] },
          { ...pending, status: 'withdrawn', languages: ['sv'] },
        ],
        summaryLanguages: ['fi', 'sv'],
      },
      { consultations: [{ ...pending, languages: ['fi', 'sv'] }], summaryLanguages: ['sv'] },
      'plain_language_summary_language_missing',
    ],
    ['open_consultation', 'draft', official, {}, { consultations: [] }, 'no_youth_council_with_future_deadline'],
    [
      'open_consultation',
      'draft',
      official,
      {},
      { consultations: [{ ...pending, deadline: LAST_WEEK }] },
      'no_youth_council_with_future_deadline',
    ],
    [
      'open_consultation',
      'draft',
      official,
      {},
      { consultations: [{ ...pending, deadline: NOW.toISOString() }] },
      'no_youth_council_with_future_deadline',
    ],
    [
      'open_consultation',
      'draft',
      official,
      {},
      { consultations: [{ ...pending, status: 'withdrawn' }] },
      'no_youth_council_with_future_deadline',
    ],
    [
      'open_consultation',
      'draft',
      official,
      {},
      { consultations: [{ ...pending, deadline: 'next Friday' }] },
      'no_youth_council_with_future_deadline',
    ],
    ['send_to_review_without_consultation', 'draft', official, {}, { hasPlainLanguageSummary: false }, 'plain_language_summary_missing'],
    ['send_to_review_without_consultation', 'draft', official, {}, { allStatementPointsAnswered: false }, 'statement_points_unanswered'],
    // Review needs the consultation closed: all submitted, or the deadline passed.
    [
      'close_consultation',
      'consultation',
      official,
      { consultations: [submitted] },
      { consultations: [submitted, pending] },
      'consultation_still_open',
    ],
    [
      'close_consultation',
      'consultation',
      official,
      { consultations: [submitted, { ...pending, deadline: LAST_WEEK }] },
      { consultations: [submitted, pending] },
      'consultation_still_open',
    ],
    [
      'close_consultation',
      'consultation',
      official,
      { consultations: [submitted, { ...pending, status: 'withdrawn' }] },
      { consultations: [submitted, { ...pending, status: 'not_started' }] },
      'consultation_still_open',
    ],
    [
      'close_consultation',
      'consultation',
      official,
      { consultations: [submitted] },
      { consultations: [submitted], allStatementPointsAnswered: false },
      'statement_points_unanswered',
    ],
    [
      'close_consultation_early',
      'consultation',
      official,
      { consultations: [submitted, pending] },
      { consultations: [submitted] },
      'consultation_already_closed',
    ],
    [
      'close_consultation_early',
      'consultation',
      official,
      { consultations: [pending] },
      { consultations: [{ ...pending, deadline: LAST_WEEK }] },
      'consultation_already_closed',
    ],
    [
      'close_consultation_early',
      'consultation',
      official,
      { consultations: [pending] },
      { consultations: [pending], allStatementPointsAnswered: false },
      'statement_points_unanswered',
    ],
    // No approval and no sign-off before the checklist is complete.
    ['approve_review', 'review', reviewer, {}, { reviewChecklist: [] }, 'review_checklist_incomplete'],
    [
      'approve_review',
      'review',
      reviewer,
      {},
      { reviewChecklist: factsWith().reviewChecklist.map((e) => ({ ...e, done: e.item !== 'evidence_gaps_stated' })) },
      'review_checklist_incomplete',
    ],
    ['record_decision', 'decision', chair, {}, { reviewChecklist: factsWith().reviewChecklist.slice(1) }, 'review_checklist_incomplete'],
    // Follow-up.
    ['start_follow_up', 'decided', official, { followUpDate: '2025-06-15' }, { followUpDate: '2025-06-16' }, 'follow_up_date_not_reached'],
    ['start_follow_up', 'decided', official, { followUpDate: '2025-06-15' }, { followUpDate: null }, 'follow_up_not_planned'],
    ['start_follow_up', 'decided', official, { followUpDate: '2025-06-15' }, { followUpDate: 'someday' }, 'follow_up_date_not_reached'],
    ['close_without_follow_up', 'decided', official, { followUpDate: null }, { followUpDate: '2026-06-01' }, 'follow_up_planned'],
    ['close_follow_up', 'follow_up', official, {}, { hasExPostEvaluation: false }, 'ex_post_evaluation_missing'],
    // Who exactly: the responsible official; an assigned reviewer who did not prepare it.
    ['open_consultation', 'draft', official, {}, { responsibleOfficialId: 'u-colleague' }, 'not_responsible_official'],
    ['close_follow_up', 'follow_up', official, {}, { responsibleOfficialId: 'u-colleague' }, 'not_responsible_official'],
    ['approve_review', 'review', reviewer, {}, { assignedReviewerIds: ['u-other-reviewer'] }, 'reviewer_not_assigned'],
    ['return_from_review', 'review', reviewer, {}, { assignedReviewerIds: [] }, 'reviewer_not_assigned'],
    ['approve_review', 'review', reviewer, {}, { responsibleOfficialId: REVIEWER_ID }, 'reviewer_is_responsible_official'],
  ];

  it.each(cases)('%s in %s: %s', (action, stage, actor, holds, fails, code) => {
    expect(codes(action, factsWith({ ...holds, stage }), actor)).toEqual([]);
    expect(codes(action, factsWith({ ...holds, ...fails, stage }), actor)).toEqual([code]);
  });

  it('says how many councils are still to be heard and the next deadline', () => {
    const later = { youthCouncilId: 'yc-kouvola', deadline: '2025-07-10T12:00:00+03:00', status: 'not_started' } as const;
    const result = checkTransition(
      'close_consultation',
      factsWith({ stage: 'consultation', consultations: [later, pending, submitted] }),
      official,
      NOW,
    );
    expect(result.ok ? [] : result.reasons).toEqual([
      {
        code: 'consultation_still_open',
        params: { pendingCount: 2, nextDeadline: IN_TWO_WEEKS },
        message: expect.stringContaining(IN_TWO_WEEKS),
      },
    ]);
  });

  it('names the open checklist items', () => {
    const reviewChecklist = [{ item: 'childrens_views_gathered', done: true } as const];
    const result = checkTransition('approve_review', factsWith({ stage: 'review', reviewChecklist }), reviewer, NOW);
    expect(result.ok ? undefined : result.reasons[0]?.params).toEqual({
      missingCount: 4,
      missingItems: 'vulnerable_groups_covered, evidence_gaps_stated, plain_language_summary_clear, every_statement_point_answered',
    });
  });

  it('lets any committee chair of the organization decide, and any of the assigned reviewers review', () => {
    expect(codes('record_decision', factsWith({ stage: 'decision' }), actorWith('committee_chair', 'u-another-chair'))).toEqual([]);
    const facts = factsWith({ stage: 'review', assignedReviewerIds: ['u-first', 'u-second'] });
    expect(codes('approve_review', facts, actorWith('reviewer', 'u-second'))).toEqual([]);
  });
});

describe('follow-up opens on or after the follow-up date, in Finnish time', () => {
  const decided = factsWith({ stage: 'decided', followUpDate: '2025-06-15' });

  it('is refused the day before and allowed on the day and after', () => {
    expect(codes('start_follow_up', decided, official, new Date('2025-06-14T12:00:00Z'))).toEqual(['follow_up_date_not_reached']);
    expect(codes('start_follow_up', decided, official, new Date('2025-06-15T12:00:00Z'))).toEqual([]);
    expect(codes('start_follow_up', decided, official, new Date('2026-01-01T12:00:00Z'))).toEqual([]);
  });

  it('turns the day at midnight in Finland, not in UTC', () => {
    // 23:30 on the 14th in Helsinki (UTC+3 in summer), already the 14th in UTC.
    expect(codes('start_follow_up', decided, official, new Date('2025-06-14T20:30:00Z'))).toEqual(['follow_up_date_not_reached']);
    // 00:30 on the 15th in Helsinki, still the 14th in UTC.
    expect(codes('start_follow_up', decided, official, new Date('2025-06-14T21:30:00Z'))).toEqual([]);
  });

  it('tells the date it opens', () => {
    const result = checkTransition('start_follow_up', decided, official, new Date('2025-06-01T12:00:00Z'));
    expect(result.ok ? undefined : result.reasons[0]).toEqual({
      code: 'follow_up_date_not_reached',
      params: { followUpDate: '2025-06-15' },
      message: 'The follow-up starts on 2025-06-15.',
    });
  });
});

describe('reasons', () => {
  const needsReason: [string, Stage, WorkflowActor, Partial<AssessmentFacts>][] = [
    ['send_to_review_without_consultation', 'draft', official, {}],
    ['close_consultation_early', 'consultation', official, {}],
    ['return_from_consultation', 'consultation', official, {}],
    ['return_from_review', 'review', reviewer, {}],
    ['return_for_preparation', 'decision', chair, {}],
  ];

  it.each(needsReason)('%s is refused without a reason and allowed with one', (action, stage, actor, holds) => {
    const facts = factsWith({ ...holds, stage });
    expect(codes(action, facts, actor, NOW, {})).toEqual(['reason_required']);
    expect(codes(action, facts, actor, NOW, { reason: ' \t ' })).toEqual(['reason_required']);
    expect(codes(action, facts, actor, NOW, { reason: null })).toEqual(['reason_required']);
    expect(codes(action, facts, actor, NOW, { reason: 'The committee asked for the costs of school transport.' })).toEqual([]);
  });

  it.each([
    ['screen_out', { screening: { affectsChildren: false, rationale: 'Parking fees.' } }],
    ['start_full_assessment', { screening: { affectsChildren: true, rationale: '' } }],
  ] as const)('%s signs the screening only when the official confirms signing in their own name', (action, holds) => {
    const facts = factsWith({ ...holds, stage: 'screening' });
    expect(codes(action, facts, official, NOW, {})).toEqual(['signature_not_confirmed']);
    expect(codes(action, facts, official, NOW, { signatureConfirmed: false })).toEqual(['signature_not_confirmed']);
    expect(codes(action, facts, official, NOW, { signatureConfirmed: true })).toEqual([]);
    expect(availableActions(facts, official, NOW).find((a) => a.action === action)).toMatchObject({ allowed: true, signs: 'screening' });
  });

  it('is not asked where the domain does not ask for one', () => {
    const noReason: [string, Stage, WorkflowActor, Partial<AssessmentFacts>][] = [
      ['screen_out', 'screening', official, { screening: { affectsChildren: false, rationale: 'Parking fees.' } }],
      ['start_full_assessment', 'screening', official, {}],
      ['open_consultation', 'draft', official, {}],
      ['close_consultation', 'consultation', official, { consultations: [submitted] }],
      ['approve_review', 'review', reviewer, {}],
      ['record_decision', 'decision', chair, {}],
      ['table', 'decision', chair, {}],
      ['start_follow_up', 'decided', official, {}],
      ['close_without_follow_up', 'decided', official, { followUpDate: null }],
      ['close_follow_up', 'follow_up', official, {}],
    ];
    for (const [action, stage, actor, holds] of noReason) {
      expect([action, codes(action, factsWith({ ...holds, stage }), actor, NOW, { signatureConfirmed: true })]).toEqual([action, []]);
    }
  });

  it('does not refuse for a missing reason when listing actions (the form asks for it)', () => {
    const offered = availableActions(factsWith({ stage: 'review' }), reviewer, NOW);
    expect(offered.map((a) => [a.action, a.allowed, a.requiresReason])).toEqual([
      ['approve_review', true, false],
      ['return_from_review', true, true],
    ]);
  });
});

describe('several refusals at once, role first', () => {
  it('lists the role and every failing guard', () => {
    const facts = factsWith({ hasPlainLanguageSummary: false, consultations: [] });
    expect(codes('open_consultation', facts, actorWith('youth_council_member'))).toEqual([
      'role_not_allowed',
      'plain_language_summary_missing',
      'no_youth_council_with_future_deadline',
    ]);
  });

  it('lists the guards and the missing reason', () => {
    const facts = factsWith({ hasPlainLanguageSummary: false, allStatementPointsAnswered: false });
    expect(codes('send_to_review_without_consultation', facts, actorWith(null), NOW, {})).toEqual([
      'role_not_allowed',
      'plain_language_summary_missing',
      'statement_points_unanswered',
      'reason_required',
    ]);
  });

  it('lists who and where, without the guards of a stage the assessment is not in', () => {
    const facts = factsWith({ stage: 'screening', responsibleOfficialId: 'u-colleague', hasPlainLanguageSummary: false });
    expect(codes('open_consultation', facts, official)).toEqual(['not_responsible_official', 'wrong_stage']);
  });

  it('lists both reviewer problems: not assigned and its own preparer', () => {
    const both: WorkflowActor = { userId: OFFICIAL_ID, roles: ['official', 'reviewer'] };
    expect(codes('approve_review', factsWith({ stage: 'review', reviewChecklist: [] }), both)).toEqual([
      'reviewer_not_assigned',
      'reviewer_is_responsible_official',
      'review_checklist_incomplete',
    ]);
  });

  it('names the allowed role and the stages in plain words', () => {
    const result = checkTransition('approve_review', factsWith({ stage: 'draft' }), official, NOW);
    expect(result.ok ? [] : result.reasons).toEqual([
      { code: 'role_not_allowed', params: { allowedRoles: 'reviewer' }, message: 'Only a reviewer may do this.' },
      {
        code: 'wrong_stage',
        params: { stage: 'draft', expectedStage: 'review' },
        message: 'This can only be done in the review stage; the assessment is in draft.',
      },
    ]);
  });

  it('refuses an unknown action', () => {
    expect(codes('delete_assessment', factsWith(), actorWith('admin'))).toEqual(['unknown_action']);
    expect(codes('constructor', factsWith(), actorWith('admin'))).toEqual(['unknown_action']);
  });
});

describe('where the assessment goes', () => {
  it('stays in decision when tabled, and can be tabled again', () => {
    const decision = factsWith({ stage: 'decision' });
    expect(checkTransition('table', decision, chair, NOW)).toEqual({ ok: true, action: 'table', from: 'decision', to: 'decision' });
    expect(availableActions(decision, chair, NOW).find((a) => a.action === 'table')).toMatchObject({ allowed: true, to: 'decision' });
  });

  it.each([
    ['return_for_preparation', 'decision', chair],
    ['return_from_review', 'review', reviewer],
    ['return_from_consultation', 'consultation', official],
  ] as const)('goes back to draft with %s', (action, stage, actor) => {
    expect(checkTransition(action, factsWith({ stage }), actor, NOW, { reason: 'More preparation needed.' })).toMatchObject({
      ok: true,
      to: 'draft',
    });
  });
});

describe('decided and closed are immutable', () => {
  const everyone: (WorkflowRole | null)[] = [...WORKFLOW_ROLES, null];

  it('marks decided, follow-up and closed as immutable, nothing before', () => {
    expect(STAGES.filter(isImmutable)).toEqual(['decided', 'follow_up', 'closed']);
  });

  it('lets only the responsible official edit content, only in screening and draft', () => {
    const expected: Record<Stage, string[]> = {
      screening: [],
      draft: [],
      consultation: ['content_read_only'],
      review: ['content_read_only'],
      decision: ['content_read_only'],
      decided: ['stage_is_final'],
      follow_up: ['stage_is_final'],
      closed: ['stage_is_final'],
    };
    for (const stage of STAGES) {
      for (const role of everyone) {
        const permission = canEditContent(factsWith({ stage }), actorWith(role));
        const want = [...(role === 'official' ? [] : ['role_not_allowed']), ...expected[stage]];
        expect([stage, role, record(permission.reasons)]).toEqual([stage, role, want]);
        expect(permission.allowed).toBe(want.length === 0);
      }
    }
  });

  it('lets only the responsible official write the ex-post evaluation, and only in follow-up', () => {
    for (const stage of STAGES) {
      for (const role of everyone) {
        const permission = canWriteEvaluation(factsWith({ stage }), actorWith(role));
        const want = [...(role === 'official' ? [] : ['role_not_allowed']), ...(stage === 'follow_up' ? [] : ['wrong_stage'])];
        expect([stage, role, record(permission.reasons)]).toEqual([stage, role, want]);
        expect(permission.allowed).toBe(want.length === 0);
      }
    }
    expect(record(canWriteEvaluation(factsWith({ stage: 'follow_up' }), actorWith('official', 'u-colleague')).reasons)).toEqual([
      'not_responsible_official',
    ]);
  });

  it('does not let a colleague official edit', () => {
    expect(record(canEditContent(factsWith(), actorWith('official', 'u-colleague')).reasons)).toEqual(['not_responsible_official']);
  });

  it('refuses content-changing transitions on a decided assessment as final, for everyone', () => {
    for (const role of everyone) {
      for (const action of ['return_for_preparation', 'record_decision', 'table', 'open_consultation']) {
        const result = codes(action, factsWith({ stage: 'decided' }), actorWith(role));
        expect(result).toContain('stage_is_final');
        expect(result).not.toContain('wrong_stage');
      }
    }
  });

  it('offers a decided assessment only the follow-up and closing', () => {
    expect(availableActions(factsWith({ stage: 'decided' }), official, NOW).map((a) => a.action)).toEqual([
      'start_follow_up',
      'close_without_follow_up',
    ]);
  });
});

describe('refusal codes', () => {
  it('are unique', () => {
    expect(new Set(REFUSAL_CODES).size).toBe(REFUSAL_CODES.length);
  });

  // Runs last in this file: the scenarios above between them produce every code, so none is dead
  // and the web's translations of REFUSAL_CODES are all reachable.
  it('are each produced by some scenario above', () => {
    expect([...REFUSAL_CODES].filter((code) => !seen.has(code))).toEqual([]);
  });
});

import {
  actorRefusals,
  canAnswerPoint,
  canModerate,
  canPlanConsultation,
  canAssignReviewer,
  canBeAssignedReviewer,
  canReadAsCouncil,
  canTickChecklist,
  canCoordinatorRead,
  canCoordinatorReadPart,
  canSeeDashboard,
  COORDINATOR_PRIVATE_PARTS,
  COORDINATOR_READABLE_STAGES,
  councilSentVersion,
  type CouncilRequest,
  DECIDED_STAGES,
  isStaff,
  REVIEWER_ASSIGNMENT_STAGES,
  STAFF_ROLES,
  type ReviewSubject,
} from './policies';
import type { WorkflowActor } from './roles';
import { STAGES } from './stages';

const official: WorkflowActor = { userId: 'u-off', roles: ['official'] };
const reviewer: WorkflowActor = { userId: 'u-rev', roles: ['reviewer'] };
const subject = (overrides: Partial<ReviewSubject> = {}): ReviewSubject => ({
  stage: 'review',
  responsibleOfficialId: 'u-off',
  assignedReviewerIds: ['u-rev'],
  ...overrides,
});
const codes = (p: { reasons: readonly { code: string }[] }) => p.reasons.map((r) => r.code);

describe('isStaff', () => {
  it('counts the municipality staff roles', () => {
    for (const role of STAFF_ROLES) expect(isStaff([role])).toBe(true);
    expect(isStaff(['youth_council_member', 'committee_chair'])).toBe(true);
  });
  it('does not count a youth council member or nobody', () => {
    expect(isStaff(['youth_council_member'])).toBe(false);
    expect(isStaff([])).toBe(false);
  });
});

describe('canAssignReviewer', () => {
  it('lets the responsible official assign in draft, consultation and review', () => {
    for (const stage of REVIEWER_ASSIGNMENT_STAGES)
      expect(canAssignReviewer(subject({ stage }), official)).toEqual({ allowed: true, reasons: [] });
  });
  it('refuses other stages: final ones as final, the rest as the wrong stage', () => {
    expect(codes(canAssignReviewer(subject({ stage: 'screening' }), official))).toEqual(['wrong_stage']);
    expect(codes(canAssignReviewer(subject({ stage: 'decision' }), official))).toEqual(['wrong_stage']);
    expect(codes(canAssignReviewer(subject({ stage: 'closed' }), official))).toEqual(['stage_is_final']);
    const refused = STAGES.filter((stage) => !canAssignReviewer(subject({ stage }), official).allowed);
    expect(refused).toEqual(['screening', 'decision', 'decided', 'follow_up', 'closed']);
  });
  it('refuses another official and anyone without the official role, actor first', () => {
    expect(codes(canAssignReviewer(subject(), { userId: 'u-other', roles: ['official'] }))).toEqual(['not_responsible_official']);
    expect(codes(canAssignReviewer(subject({ stage: 'closed' }), reviewer))).toEqual(['role_not_allowed', 'stage_is_final']);
    expect(codes({ reasons: actorRefusals(canAssignReviewer(subject({ stage: 'closed' }), reviewer).reasons) })).toEqual([
      'role_not_allowed',
    ]);
  });
});

describe('canBeAssignedReviewer', () => {
  it('allows anyone but the responsible official', () => {
    expect(canBeAssignedReviewer(subject(), 'u-rev').allowed).toBe(true);
    expect(codes(canBeAssignedReviewer(subject(), 'u-off'))).toEqual(['reviewer_is_responsible_official']);
  });
});

describe('canTickChecklist', () => {
  it('lets an assigned reviewer tick in review', () => {
    expect(canTickChecklist(subject(), reviewer)).toEqual({ allowed: true, reasons: [] });
  });
  it('refuses a reviewer who is not assigned, or who prepared the assessment', () => {
    expect(codes(canTickChecklist(subject({ assignedReviewerIds: [] }), reviewer))).toEqual(['reviewer_not_assigned']);
    const both = { userId: 'u-off', roles: ['official', 'reviewer'] } as const;
    expect(codes(canTickChecklist(subject({ assignedReviewerIds: ['u-off'] }), both))).toEqual(['reviewer_is_responsible_official']);
  });
  it('refuses someone without the reviewer role, whoever they are', () => {
    expect(codes(canTickChecklist(subject(), official))).toEqual(['role_not_allowed']);
  });
  it('refuses outside review: final stages as final, others as the wrong stage', () => {
    expect(canTickChecklist(subject({ stage: 'draft' }), reviewer).reasons).toEqual([
      expect.objectContaining({ code: 'wrong_stage', params: { stage: 'draft', expectedStage: 'review' } }),
    ]);
    expect(codes(canTickChecklist(subject({ stage: 'decided' }), reviewer))).toEqual(['stage_is_final']);
  });
});

describe('canPlanConsultation', () => {
  it('lets the responsible official plan in draft', () => {
    expect(canPlanConsultation(subject({ stage: 'draft' }), official)).toEqual({ allowed: true, reasons: [] });
  });
  it('refuses other stages and other people', () => {
    expect(codes(canPlanConsultation(subject({ stage: 'consultation' }), official))).toEqual(['wrong_stage']);
    expect(codes(canPlanConsultation(subject({ stage: 'draft' }), { userId: 'u-x', roles: ['official'] }))).toEqual([
      'not_responsible_official',
    ]);
    expect(codes(canPlanConsultation(subject({ stage: 'decided' }), reviewer))).toEqual(['role_not_allowed', 'stage_is_final']);
  });
});

describe('canAnswerPoint', () => {
  it('lets the responsible official answer in draft and consultation', () => {
    expect(canAnswerPoint(subject({ stage: 'draft' }), official).allowed).toBe(true);
    expect(canAnswerPoint(subject({ stage: 'consultation' }), official).allowed).toBe(true);
  });
  it('refuses once the review has started, and anyone else', () => {
    expect(codes(canAnswerPoint(subject({ stage: 'review' }), official))).toEqual(['wrong_stage']);
    expect(codes(canAnswerPoint(subject({ stage: 'draft' }), reviewer))).toEqual(['role_not_allowed']);
  });
});

describe('canModerate', () => {
  it('lets officials and admins moderate', () => {
    expect(canModerate(['official'])).toBe(true);
    expect(canModerate(['reviewer', 'admin'])).toBe(true);
  });
  it('does not let reviewers, chairs or council members moderate', () => {
    expect(canModerate(['reviewer', 'committee_chair', 'youth_council_member'])).toBe(false);
  });
});

describe('canCoordinatorRead', () => {
  it('reads from the consultation on, and a closed screening', () => {
    for (const stage of COORDINATOR_READABLE_STAGES) expect(canCoordinatorRead(stage).allowed).toBe(true);
    expect(canCoordinatorRead('closed').allowed).toBe(true);
  });

  it('never reads the screening or the draft', () => {
    for (const stage of STAGES.filter((s) => !(COORDINATOR_READABLE_STAGES as readonly string[]).includes(s))) {
      expect(canCoordinatorRead(stage)).toEqual({ allowed: false, reasons: [expect.objectContaining({ code: 'wrong_stage' })] });
    }
    expect(canCoordinatorRead('draft').allowed).toBe(false);
    expect(canCoordinatorRead('screening').allowed).toBe(false);
  });

  it('never reads the private parts, and reads the rest', () => {
    for (const part of COORDINATOR_PRIVATE_PARTS) expect(canCoordinatorReadPart(part)).toBe(false);
    expect(canCoordinatorReadPart('record')).toBe(true);
    expect(canCoordinatorReadPart('submitted_statements')).toBe(true);
  });
});

describe('canSeeDashboard', () => {
  it('lets officials, admins and the regional coordinator in', () => {
    expect(canSeeDashboard(['official'])).toBe(true);
    expect(canSeeDashboard(['admin'])).toBe(true);
    expect(canSeeDashboard(['regional_coordinator'])).toBe(true);
    expect(canSeeDashboard(['youth_council_member', 'regional_coordinator'])).toBe(true);
  });

  it('keeps everyone else out', () => {
    expect(canSeeDashboard([])).toBe(false);
    expect(canSeeDashboard(['reviewer', 'committee_chair', 'youth_council_member'])).toBe(false);
  });
});

describe('canReadAsCouncil', () => {
  const sent = (overrides: Partial<CouncilRequest> = {}): CouncilRequest => ({
    openedAt: '2026-11-01T08:00:00.000Z',
    status: 'drafting',
    closedAt: null,
    sentVersion: 4,
    ...overrides,
  });
  const closed = sent({ closedAt: '2026-11-20T08:00:00.000Z', status: 'submitted' });

  it('lets a consulted council read while its round is open, and after the decision', () => {
    expect(canReadAsCouncil('consultation', [sent()])).toEqual({ allowed: true, reasons: [] });
    expect(canReadAsCouncil('consultation', [closed, sent({ sentVersion: 7 })]).allowed).toBe(true);
    for (const stage of DECIDED_STAGES) expect(canReadAsCouncil(stage, [closed]).allowed).toBe(true);
  });

  it('refuses once its round closed before the decision, in the other stages, and to a council never sent a request', () => {
    expect(codes(canReadAsCouncil('consultation', [closed]))).toEqual(['consultation_already_closed']);
    for (const stage of ['draft', 'review', 'decision'] as const) {
      expect(codes(canReadAsCouncil(stage, [closed]))).toEqual(['wrong_stage']);
      expect(codes(canReadAsCouncil(stage, [sent()]))).toEqual(['wrong_stage']);
    }
    // Only planned, or withdrawn: as if never asked, even after the decision.
    for (const requests of [[], [sent({ openedAt: null })], [sent({ status: 'withdrawn' })]]) {
      expect(codes(canReadAsCouncil('consultation', requests))).toEqual(['role_not_allowed']);
      expect(codes(canReadAsCouncil('decided', requests))).toEqual(['role_not_allowed']);
    }
  });

  it('bounds the history at the newest version a council was sent, never one only planned or withdrawn', () => {
    expect(councilSentVersion([closed, sent({ sentVersion: 9 }), sent({ sentVersion: 12, status: 'withdrawn' })])).toBe(9);
    expect(councilSentVersion([sent({ openedAt: null, sentVersion: 3 })])).toBeNull();
    expect(councilSentVersion([sent({ sentVersion: null })])).toBeNull();
    expect(councilSentVersion([])).toBeNull();
  });
});

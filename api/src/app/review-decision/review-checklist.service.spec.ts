import { ConflictException, ForbiddenException } from '@nestjs/common';
import type { WorkflowRole } from '@lava/workflow';
import type { DataSource, EntityManager } from 'typeorm';
import type { AssessmentAccess } from '../assessments/assessment-access.service';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import type { ReviewRepository, RoundRow } from './review.repository';
import { ReviewChecklist } from './review-checklist.service';

/** The checklist service with fakes in place of the database, access, audit and repository. */
function setUp(options: { roles: WorkflowRole[]; assigned: string[]; stage?: string; roundVersion?: number }) {
  const updates: unknown[][] = [];
  const audits: unknown[] = [];
  const tx = { query: async (_sql: string, params: unknown[]) => (updates.push(params), []) } as unknown as EntityManager;
  const db = { transaction: async (work: (tx: EntityManager) => Promise<unknown>) => work(tx), manager: tx } as unknown as DataSource;
  const assessment = { id: 'a1', stage: options.stage ?? 'review', responsibleOfficialId: 'u-off' };
  const access = {
    readable: async () => assessment,
    actor: async (user: AuthenticatedUser) => ({ userId: user.id, roles: options.roles }),
  };
  const round: RoundRow = {
    id: 'r1',
    round: 1,
    started_at: new Date(),
    ended_at: null,
    outcome: null,
    ended_by_id: null,
    ended_by_name: null,
    return_reason: null,
    checklist: {},
    version: options.roundVersion ?? 3,
  };
  const store = {
    assignedReviewerIds: async () => options.assigned,
    openRound: async () => round,
    startRound: async () => round,
    rounds: async () => [{ id: 'r1', version: round.version }],
  };
  const audit = { record: async (_tx: EntityManager, entry: unknown) => void audits.push(entry) };
  const service = new ReviewChecklist(
    db,
    access as unknown as AssessmentAccess,
    audit as unknown as AuditService,
    store as unknown as ReviewRepository,
  );
  return { service, updates, audits };
}

const reviewer = { id: 'u-rev', displayName: 'Mikko' } as AuthenticatedUser;
const tick = { done: true, version: 3 };

describe('ReviewChecklist', () => {
  it('saves an assigned reviewer’s tick and audits it', async () => {
    const { service, updates, audits } = setUp({ roles: ['reviewer'], assigned: ['u-rev'] });
    await expect(service.updateChecklistItem(reviewer, 'a1', 'evidence_gaps_stated', tick)).resolves.toMatchObject({ id: 'r1' });
    expect(updates).toHaveLength(1);
    expect(JSON.parse(updates[0]?.[1] as string)).toMatchObject({
      evidence_gaps_stated: { done: true, comment: '', updatedById: 'u-rev' },
    });
    expect(audits).toEqual([expect.objectContaining({ action: 'review.checklist_updated' })]);
  });

  it('refuses a reviewer who is not assigned (403 with the refusal), saving nothing', async () => {
    const { service, updates } = setUp({ roles: ['reviewer'], assigned: [] });
    const error = await service.updateChecklistItem(reviewer, 'a1', 'evidence_gaps_stated', tick).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenException);
    expect((error as ForbiddenException).getResponse()).toMatchObject({
      refusals: [expect.objectContaining({ code: 'reviewer_not_assigned' })],
    });
    expect(updates).toEqual([]);
  });

  it('answers a stale version with 409 and the current round, saving nothing', async () => {
    const { service, updates } = setUp({ roles: ['reviewer'], assigned: ['u-rev'], roundVersion: 4 });
    const error = await service.updateChecklistItem(reviewer, 'a1', 'evidence_gaps_stated', tick).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictException);
    expect((error as ConflictException).getResponse()).toMatchObject({ conflict: { currentVersion: 4, changes: [], round: { id: 'r1' } } });
    expect(updates).toEqual([]);
  });
});

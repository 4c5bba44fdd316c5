import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentAudience, Language, PersonRef } from '@lava/contracts';
import { canModerate, isStaff } from '@lava/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import { Assessment } from '../assessments/assessment.entity';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { nameColumn, OrganizationsService } from '../organizations/organizations.service';

/** Staff write on staff threads while the assessment is prepared and reviewed. */
const STAFF_COMMENT_STAGES = ['draft', 'review'];

export interface CouncilAccess {
  id: string;
  name: string;
  /** Consulted in the current round, opened, not withdrawn, and the assessment is in consultation. */
  canWrite: boolean;
}

/** The caller as the comments see them, for one assessment. */
export interface CommentViewer {
  user: AuthenticatedUser;
  assessment: Assessment;
  staff: boolean;
  moderator: boolean;
  /** Youth councils the caller is a member of that have been consulted on this assessment (opened, not withdrawn). */
  councils: Map<string, CouncilAccess>;
}

export interface ThreadScope {
  audience: CommentAudience;
  councilId: string | null;
}

/**
 * Who sees and writes which comment threads. Reading the assessment goes through AssessmentAccess;
 * on top of it the comments check the caller's own standing (staff role, membership of a
 * consulted youth council) here, so they never depend on another feature's read grant.
 */
@Injectable()
export class CommentAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly organizations: OrganizationsService,
  ) {}

  /** The caller's standing on the assessment; 404 when they may not read it at all. */
  async viewer(tx: EntityManager | null, user: AuthenticatedUser, assessmentId: string, language: Language = 'fi'): Promise<CommentViewer> {
    const manager = tx ?? this.db.manager;
    const assessment = await manager.getRepository(Assessment).findOneBy({ id: assessmentId });
    if (!assessment) throw new NotFoundException('No such assessment.');
    const roles = await this.organizations.rolesForAssessment(user.id, assessment);
    const councils = await this.councilsOf(manager, user.id, assessment.id, assessment.stage, language);
    // Staff threads: staff roles held for this assessment (`isStaff` on rolesForAssessment: the
    // municipality's officials, reviewers and admins, and the deciding committee's chair only).
    const staff = isStaff(roles);
    if (!staff && councils.size === 0 && !(await this.access.canRead(manager, user, assessment)))
      throw new NotFoundException('No such assessment.');
    return { user, assessment, staff, moderator: canModerate(roles), councils };
  }

  private async councilsOf(
    manager: EntityManager,
    userId: string,
    assessmentId: string,
    stage: string,
    language: Language,
  ): Promise<Map<string, CouncilAccess>> {
    const rows: { id: string; name: string; current: boolean }[] = await manager.query(
      `SELECT c.youth_council_id AS id, o.${nameColumn(language)} AS name,
              bool_or(c.round = (SELECT max(round) FROM consultations WHERE assessment_id = $1)) AS current
         FROM consultations c
         JOIN organizations o ON o.id = c.youth_council_id
         JOIN memberships ms ON ms.organization_id = c.youth_council_id AND ms.user_id = $2 AND ms.role = 'youth_council_member'
        WHERE c.assessment_id = $1 AND c.opened_at IS NOT NULL AND c.status <> 'withdrawn'
        GROUP BY c.youth_council_id, o.${nameColumn(language)}`,
      [assessmentId, userId],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, canWrite: r.current && stage === 'consultation' }]));
  }

  canSee(viewer: CommentViewer, scope: ThreadScope): boolean {
    if (scope.audience === 'staff') return viewer.staff;
    const council = scope.councilId !== null && viewer.councils.has(scope.councilId);
    return scope.audience === 'consultation' ? viewer.staff || council : council;
  }

  /** Throws the 4xx that says why the caller may not write in this scope now. */
  requireWrite(viewer: CommentViewer, scope: ThreadScope): void {
    const stage = viewer.assessment.stage;
    if (scope.audience === 'staff') {
      if (!viewer.staff) throw new ForbiddenException('Only municipal staff write in staff comment threads.');
      if (!STAFF_COMMENT_STAGES.includes(stage))
        throw new ConflictException(`Colleagues comment during draft and review; this assessment is in ${stage}.`);
      return;
    }
    const council = scope.councilId ? viewer.councils.get(scope.councilId) : undefined;
    const staffMayWrite = scope.audience === 'consultation' && viewer.staff;
    if (!council && !staffMayWrite) throw new ForbiddenException('Only the youth council of this thread writes in it.');
    if (stage !== 'consultation')
      throw new ConflictException(`Youth council threads are written during the consultation; this assessment is in ${stage}.`);
    if (!staffMayWrite && !council?.canWrite)
      throw new ConflictException('Your youth council is not consulted in the current consultation round.');
  }

  mayWrite(viewer: CommentViewer, scope: ThreadScope): boolean {
    try {
      this.requireWrite(viewer, scope);
      return true;
    } catch {
      return false;
    }
  }

  /** The council a youth council member starts a thread for (or answers for). */
  writingCouncil(viewer: CommentViewer, councilId: string | undefined): CouncilAccess {
    const writable = [...viewer.councils.values()].filter((c) => c.canWrite);
    if (councilId) {
      const council = viewer.councils.get(councilId);
      if (!council)
        throw new ForbiddenException('You are not a member of that youth council, or it has not been consulted on this assessment.');
      if (!council.canWrite) throw new ConflictException('Your youth council is not consulted in the current consultation round.');
      return council;
    }
    if (writable.length === 1) return writable[0] as CouncilAccess;
    if (writable.length > 1)
      throw new BadRequestException({
        message: 'Please check the request. councilId: you belong to several consulted youth councils; name the one you write for',
        details: [{ field: 'councilId', messages: ['is required when you belong to several consulted youth councils'] }],
      });
    if (viewer.councils.size > 0) throw new ConflictException('Your youth council can comment only during its consultation.');
    throw new ForbiddenException('Only a consulted youth council writes in youth council threads.');
  }

  /** People who can see a thread of this scope, for the @mention picker (active accounts only). */
  async mentionable(manager: EntityManager | null, assessment: Assessment, scope: ThreadScope): Promise<PersonRef[]> {
    const includeStaff = scope.audience !== 'council';
    const councilId = scope.audience === 'staff' ? null : scope.councilId;
    const rows: { id: string; display_name: string }[] = await (manager ?? this.db.manager).query(
      `SELECT DISTINCT u.id, shown_name(u.id, u.display_name) AS display_name
         FROM users u
         JOIN memberships ms ON ms.user_id = u.id
         JOIN organizations o ON o.id = ms.organization_id
        WHERE u.active
          AND (   ($1::boolean AND ms.role IN ('official', 'reviewer', 'admin') AND o.id = $2)
               OR ($1::boolean AND ms.role = 'admin' AND o.id = (SELECT parent_id FROM organizations WHERE id = $2))
               OR ($1::boolean AND ms.role = 'committee_chair' AND o.id = $3)
               OR (ms.role = 'youth_council_member' AND o.id = $4::uuid))
        ORDER BY 2, 1`,
      [includeStaff, assessment.municipalityId, assessment.committeeId, councilId],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /** 400 unless every mentioned person can see the thread. */
  async requireMentionable(manager: EntityManager, assessment: Assessment, scope: ThreadScope, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const allowed = new Set((await this.mentionable(manager, assessment, scope)).map((p) => p.id));
    const refused = ids.filter((id) => !allowed.has(id));
    if (refused.length > 0)
      throw new BadRequestException({
        message: 'Please check the request. mentionIds: you can mention only people who can see this thread',
        details: [{ field: 'mentionIds', messages: [`${refused.length} of them cannot see this thread`] }],
      });
  }
}

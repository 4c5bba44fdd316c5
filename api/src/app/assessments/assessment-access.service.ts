import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssessmentFacts, WorkflowActor } from '@lava/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { MUNICIPAL_STAFF_ROLES, OrganizationsService } from '../organizations/organizations.service';
import { AssessmentExtensions } from './assessment-extensions';
import { assessmentFacts } from './assessment-facts';
import { Assessment } from './assessment.entity';
import { RecordContentService } from './record-content/record-content.service';

/**
 * Who may read an assessment, who they are to the workflow, and what the workflow knows about it.
 * Every feature that acts on an assessment (record, review, consultation, comments) loads it here,
 * so the read rule lives in one place: municipal staff of its municipality, plus whoever a feature
 * grants reading (a consulted youth council). Anything else answers 404, so existence does not leak.
 */
@Injectable()
export class AssessmentAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly extensions: AssessmentExtensions,
    private readonly content: RecordContentService,
  ) {}

  /** Loads the assessment (locked for update when changing it); 404 when the caller may not read it. */
  async readable(tx: EntityManager | null, user: AuthenticatedUser, id: string, lock = false): Promise<Assessment> {
    const manager = tx ?? this.db.manager;
    const query = manager.getRepository(Assessment).createQueryBuilder('a').where('a.id = :id', { id });
    const assessment = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!assessment || !(await this.canRead(manager, user.id, assessment))) throw new NotFoundException('No such assessment.');
    return assessment;
  }

  async canRead(manager: EntityManager, userId: string, assessment: Assessment): Promise<boolean> {
    const staffIn = await this.organizations.municipalityIdsWhere(userId, MUNICIPAL_STAFF_ROLES);
    return staffIn.includes(assessment.municipalityId) || (await this.extensions.grantsRead(manager, userId, assessment));
  }

  /** The caller as the workflow sees them: their roles for this assessment's municipality and committee. */
  async actor(user: AuthenticatedUser, assessment: Assessment): Promise<WorkflowActor> {
    return { userId: user.id, roles: await this.organizations.rolesForAssessment(user.id, assessment) };
  }

  /** Everything the workflow's guards look at, from the record and every feature around it. */
  async facts(tx: EntityManager | null, assessment: Assessment): Promise<AssessmentFacts> {
    const manager = tx ?? this.db.manager;
    // The record's lists tell how complete it is (recordCompleteness), which review needs.
    const lists = await this.content.lists(manager, assessment.id);
    return assessmentFacts(
      assessment,
      {
        alternatives: { items: lists.alternatives },
        impactMatrix: { rows: lists.matrix },
        evidence: { items: lists.evidence, gaps: assessment.evidenceGaps },
      },
      await this.extensions.facts(manager, assessment),
    );
  }
}

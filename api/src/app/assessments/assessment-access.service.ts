import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canCoordinatorRead, type AssessmentFacts, type WorkflowActor } from '@lava/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { OrganizationsService } from '../organizations/organizations.service';
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
    if (!assessment || !(await this.canRead(manager, user, assessment))) throw new NotFoundException('No such assessment.');
    return assessment;
  }

  async canRead(manager: EntityManager, user: AuthenticatedUser, assessment: Assessment): Promise<boolean> {
    const staffIn = await this.organizations.staffMunicipalityIds(user);
    if (staffIn.includes(assessment.municipalityId)) return true;
    // The region's coordinator: out of draft only (the workflow's rule); never its private parts, which check staff or council roles.
    if (canCoordinatorRead(assessment.stage).allowed && (await this.organizations.coordinates(user.id, assessment.municipalityId)))
      return true;
    return this.extensions.grantsRead(manager, user.id, assessment);
  }

  /**
   * How much of the version history the caller may read: null for all of it (municipal staff of the
   * assessment's municipality), otherwise the newest version a feature sent them (a consulted youth
   * council: what it was sent, never a later draft). 404 when neither, as `readable`.
   */
  async historyLimit(user: AuthenticatedUser, id: string): Promise<number | null> {
    // Staff (the common case) need only the municipality: no entity is loaded for them.
    const [row]: { municipality_id: string }[] = await this.db.query('SELECT municipality_id FROM assessments WHERE id = $1', [id]);
    if (!row) throw new NotFoundException('No such assessment.');
    if ((await this.organizations.staffMunicipalityIds(user)).includes(row.municipality_id)) return null;
    const assessment = await this.db.getRepository(Assessment).findOneBy({ id });
    const sent = assessment ? await this.extensions.sentVersion(this.db.manager, user.id, assessment) : null;
    if (sent === null) throw new NotFoundException('No such assessment.');
    return sent;
  }

  /**
   * A field's value as it was at `version`, read back from the versions' changes (the `from` of the
   * first change after it; `current` when nothing changed it since). `field` is a change key.
   */
  async valueAt<T>(manager: EntityManager, assessmentId: string, field: string, version: number, current: T): Promise<T> {
    const [later]: { value: T }[] = await manager.query(
      `SELECT changes -> $2 -> 'from' AS value FROM assessment_versions
        WHERE assessment_id = $1 AND version > $3 AND changes ? $2
        ORDER BY version LIMIT 1`,
      [assessmentId, field, version],
    );
    return later ? later.value : current;
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

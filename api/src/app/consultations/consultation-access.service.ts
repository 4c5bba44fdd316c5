import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { isCouncilOfficer, type StatementLock } from '@lava/contracts';
import { canCoordinatorRead, finnishWallTime } from '@lava/workflow';
import type { EntityManager } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import { Assessment } from '../assessments/assessment.entity';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { MUNICIPAL_STAFF_ROLES, OrganizationsService } from '../organizations/organizations.service';
import { Consultation } from './consultation.entities';
import { ConsultationRepository } from './consultation.repository';

export interface Caller {
  /** Municipal staff of the assessment's municipality. */
  staff: boolean;
  /** A member of the consulted council, and the request has been sent. */
  member: boolean;
  /** Such a member who is the council's chair or secretary: they record the adoption. */
  officer: boolean;
  /** The assessment's responsible official. */
  official: boolean;
  /**
   * The region's coordinator, neither staff nor a member: reads sent requests and submitted statements
   * (never a council's draft) and does nothing. Only when loaded for reading.
   */
  coordinator: boolean;
}

export interface Loaded {
  consultation: Consultation;
  assessment: Assessment;
  caller: Caller;
}

/**
 * Who the caller is to a consultation request (as comment-access does for comments): loading a
 * request with its assessment (row-locked in a transaction), the caller's standing (staff,
 * member, officer, responsible official) and the checks every action starts with. 404 for a
 * caller who is neither staff of the municipality nor a member of a council that was sent it.
 */
@Injectable()
export class ConsultationAccess {
  constructor(
    private readonly access: AssessmentAccess,
    private readonly organizations: OrganizationsService,
    private readonly store: ConsultationRepository,
  ) {}

  /**
   * Loads a request and who the caller is to it; 404 when the caller is neither staff of the
   * assessment's municipality nor a member of a council that was sent it. Locks the assessment's
   * row inside a transaction (every consultation change serialises on it).
   */
  async load(tx: EntityManager, user: AuthenticatedUser, consultationId: string, lock = true, reading = false): Promise<Loaded> {
    const first = await tx.getRepository(Consultation).findOneBy({ id: consultationId });
    if (!first) throw new NotFoundException('No such consultation.');
    const query = tx.getRepository(Assessment).createQueryBuilder('a').where('a.id = :id', { id: first.assessmentId });
    const assessment = await (lock ? query.setLock('pessimistic_write') : query).getOneOrFail();
    const consultation = lock ? await tx.getRepository(Consultation).findOneBy({ id: consultationId }) : first;
    if (!consultation) throw new NotFoundException('No such consultation.');
    const staff = await this.isStaff(user, assessment);
    const member = consultation.openedAt !== null && this.memberCouncils(user).includes(consultation.youthCouncilId);
    const coordinator = reading && !staff && !member && consultation.openedAt !== null && (await this.isCoordinator(user, assessment));
    if (!staff && !member && !coordinator) throw new NotFoundException('No such consultation.');
    const official = staff && assessment.responsibleOfficialId === user.id && (await this.isOfficial(user, assessment));
    const officer = member && isCouncilOfficer(user.memberships, consultation.youthCouncilId);
    return { consultation, assessment, caller: { staff, member, officer, official, coordinator } };
  }

  /** Loads a request to read it (no lock): the region's coordinator may read it too (`caller.coordinator`). */
  loadForReading(db: EntityManager, user: AuthenticatedUser, consultationId: string): Promise<Loaded> {
    return this.load(db, user, consultationId, false, true);
  }

  async editableStatement(tx: EntityManager, user: AuthenticatedUser, consultationId: string) {
    const loaded = await this.load(tx, user, consultationId);
    this.requireMemberCaller(loaded.caller);
    const reason = this.lockReason(loaded.consultation, loaded.assessment, new Date());
    if (reason) throw new ConflictException(reason);
    const statement = await this.store.statementOf(tx, consultationId);
    if (!statement) throw new ConflictException('This request has not been sent to the council yet.');
    if (statement.submittedAt) throw new ConflictException('The statement has been submitted. Withdraw it first if you want to change it.');
    return { ...loaded, statement };
  }

  /** Why the council cannot change or submit its statement now, or null when it can. */
  lockOf(consultation: Consultation, assessment: Assessment, now: Date): StatementLock | null {
    if (consultation.status === 'withdrawn') return 'withdrawn';
    if (consultation.openedAt === null) return 'not_sent';
    if (consultation.closedAt !== null || assessment.stage !== 'consultation') return 'closed';
    if (consultation.deadline.getTime() <= now.getTime()) return 'deadline_passed';
    return null;
  }

  /** The same, in words for the API's refusal. */
  lockReason(consultation: Consultation, assessment: Assessment, now: Date): string | null {
    switch (this.lockOf(consultation, assessment, now)) {
      case 'withdrawn':
        return 'The official withdrew this request, so the statement can no longer be changed.';
      case 'not_sent':
        return 'This request has not been sent to the council yet.';
      case 'closed':
        return 'The consultation has closed, so the statement can no longer be changed or submitted.';
      case 'deadline_passed':
        return `The deadline (${finnishWallTime(consultation.deadline)} Finnish time) has passed, so the statement can no longer be changed or submitted. The official can extend the deadline.`;
      default:
        return null;
    }
  }

  requireOpenRequest(consultation: Consultation, assessment: Assessment): void {
    if (consultation.status === 'withdrawn') throw new ConflictException('This request has been withdrawn.');
    if (consultation.closedAt !== null || assessment.stage !== 'consultation') throw new ConflictException('This consultation has closed.');
  }

  memberCouncils(user: AuthenticatedUser): string[] {
    return user.memberships.filter((m) => m.role === 'youth_council_member').map((m) => m.organizationId);
  }

  async isStaff(user: AuthenticatedUser, assessment: Assessment): Promise<boolean> {
    return (await this.organizations.municipalityIdsWhere(user.id, MUNICIPAL_STAFF_ROLES)).includes(assessment.municipalityId);
  }

  /** The region's coordinator, once the assessment has left draft (the workflow's rule, as for reading the assessment). */
  async isCoordinator(user: AuthenticatedUser, assessment: Assessment): Promise<boolean> {
    if (!user.memberships.some((m) => m.role === 'regional_coordinator')) return false;
    return canCoordinatorRead(assessment.stage).allowed && (await this.organizations.coordinates(user.id, assessment.municipalityId));
  }

  async isOfficial(user: AuthenticatedUser, assessment: Assessment): Promise<boolean> {
    return (await this.access.actor(user, assessment)).roles.includes('official');
  }

  async requireOfficial(user: AuthenticatedUser, assessment: Assessment): Promise<void> {
    if (assessment.responsibleOfficialId !== user.id || !(await this.isOfficial(user, assessment))) {
      throw new ForbiddenException('Only the official responsible for this assessment can do this.');
    }
  }

  requireOfficialCaller(caller: Caller): void {
    if (!caller.official) throw new ForbiddenException('Only the official responsible for this assessment can do this.');
  }

  requireMemberCaller(caller: Caller): void {
    if (!caller.member) throw new ForbiddenException('Only members of the youth council work on its statement.');
  }
}

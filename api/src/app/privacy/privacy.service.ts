import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { ErasureDone, Language, MyDataExport } from '@lava/contracts';
import { AdminScope } from '../admin/admin-scope.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { renderMyDataHtml } from './my-data-html';
import { PrivacyRepository } from './privacy.repository';
import { translatePseudonym, translatePseudonyms } from './pseudonym';

/** A person's own data, and their erasure by an admin. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly repository: PrivacyRepository,
    private readonly scope: AdminScope,
    private readonly audit: AuditService,
  ) {}

  async myData(user: AuthenticatedUser, language: Language): Promise<MyDataExport> {
    return translatePseudonyms(await this.repository.exportData(user.id, language), language);
  }

  async myDataHtml(user: AuthenticatedUser, language: Language): Promise<string> {
    return renderMyDataHtml(await this.myData(user, language), language);
  }

  /**
   * Erases a person on request (GDPR art. 17), as far as the record allows: see PrivacyRepository.erase.
   * Only when every membership of the person is within the admin's organizations (AdminScope.person).
   */
  async erase(admin: AuthenticatedUser, userId: string, reason: string, language: Language): Promise<ErasureDone> {
    if (userId === admin.id) throw new BadRequestException('You cannot erase your own account; ask another admin.');
    const adminOrganizations = await this.scope.organizationIds(admin.id);
    const token = await this.repository.transaction(async (tx) => {
      if (!(await this.repository.lockPerson(tx, userId))) throw new NotFoundException('No such user.');
      const scope = await this.scope.person(tx, userId, adminOrganizations);
      if (scope === 'not_found') throw new NotFoundException('No such user.');
      if (scope === 'out_of_scope') {
        throw new ForbiddenException('This person also belongs to organizations outside yours; an admin of all of them can erase them.');
      }
      const outcome = await this.repository.erase(tx, userId);
      await this.audit.record(tx, {
        actorUserId: admin.id,
        entityType: 'user',
        entityId: userId,
        action: 'user.erased',
        reason,
        details: {
          pseudonym: outcome.pseudonymNumber,
          councilCommentsRemoved: outcome.councilCommentsRemoved,
          notificationsRenamed: outcome.notificationsRenamed,
        },
      });
      return outcome.token;
    });
    return { userId, pseudonym: translatePseudonym(token, language) ?? token };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { personScope, type PersonScope } from './person-scope';

/** What an admin administers: the organizations where they are admin, and everything below them. */
@Injectable()
export class AdminScope {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async organizationIds(adminUserId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `WITH RECURSIVE scope AS (
         SELECT o.id FROM organizations o
           JOIN memberships ms ON ms.organization_id = o.id AND ms.user_id = $1 AND ms.role = 'admin'
         UNION
         SELECT child.id FROM organizations child JOIN scope ON child.parent_id = scope.id)
       SELECT id FROM scope`,
      [adminUserId],
    );
    return rows.map((r) => r.id);
  }

  /** Where the person stands to an admin of `adminOrganizationIds` (personScope), by their memberships read in `tx`. */
  async person(tx: EntityManager, userId: string, adminOrganizationIds: readonly string[]): Promise<PersonScope> {
    const rows: { organization_id: string }[] = await tx.query(`SELECT DISTINCT organization_id FROM memberships WHERE user_id = $1`, [
      userId,
    ]);
    return personScope(
      rows.map((r) => r.organization_id),
      adminOrganizationIds,
    );
  }
}

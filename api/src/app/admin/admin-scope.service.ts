import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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
}

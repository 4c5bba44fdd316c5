import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import type { AdminOrganizationView, Language } from '@lava/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RequestLanguage } from '../common/request-language';
import { nameColumn } from '../organizations/organizations.service';
import { AdminGuard } from './admin.guard';
import { AdminScope } from './admin-scope.service';

@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only for admins.' })
@UseGuards(AdminGuard)
@Controller('admin/organizations')
export class AdminOrganizationsController {
  constructor(
    private readonly scope: AdminScope,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The organizations the caller administers, parents before children, for choosing where a role applies. */
  @Get()
  async list(@CurrentUser() admin: AuthenticatedUser, @RequestLanguage() language: Language): Promise<AdminOrganizationView[]> {
    const ids = await this.scope.organizationIds(admin.id);
    const column = nameColumn(language);
    const rows: { id: string; name: string; kind: AdminOrganizationView['kind']; parent_id: string | null }[] = await this.db.query(
      `WITH RECURSIVE tree AS (
         SELECT o.id, o.${column} AS name, o.kind, o.parent_id, ARRAY[o.${column}] AS path
           FROM organizations o WHERE o.id = ANY($1) AND (o.parent_id IS NULL OR NOT o.parent_id = ANY($1))
         UNION ALL
         SELECT c.id, c.${column}, c.kind, c.parent_id, tree.path || c.${column}
           FROM organizations c JOIN tree ON c.parent_id = tree.id)
       SELECT id, name, kind, parent_id FROM tree ORDER BY path`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id }));
  }
}

import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Param,
  Patch,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  CHILD_ORGANIZATION_KINDS,
  SUMMARY_LANGUAGES,
  type AdminOrganizationView,
  type BodyType,
  type Language,
  type OrganizationKind,
  type SummaryLanguage,
} from '@lava/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { RequestLanguage } from '../common/request-language';
import { uuidPipe } from '../common/uuid.pipe';
import { organizationName } from '../organizations/organization.entity';
import { nameColumn } from '../organizations/organizations.service';
import { AdminGuard } from './admin.guard';
import { CreateOrganizationDto, OidcEmailDomainsDto, RenameOrganizationDto, SetOrganizationLanguagesDto } from './admin-organizations.dto';
import { AdminScope } from './admin-scope.service';

interface OrganizationRow {
  id: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  kind: OrganizationKind;
  parent_id: string | null;
  oidc_email_domains: string[];
  languages: SummaryLanguage[];
  body_type: BodyType | null;
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only for admins.' })
@UseGuards(AdminGuard)
@Controller('admin/organizations')
export class AdminOrganizationsController {
  constructor(
    private readonly scope: AdminScope,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The organizations the caller administers, parents before children. */
  @Get()
  async list(@CurrentUser() admin: AuthenticatedUser, @RequestLanguage() language: Language): Promise<AdminOrganizationView[]> {
    const ids = await this.scope.organizationIds(admin.id);
    const column = nameColumn(language);
    const rows: (OrganizationRow & { path: string[] })[] = await this.db.query(
      `WITH RECURSIVE tree AS (
         SELECT o.id, o.name_fi, o.name_sv, o.name_en, o.kind, o.parent_id, o.oidc_email_domains, o.languages, o.body_type, ARRAY[o.${column}] AS path
           FROM organizations o WHERE o.id = ANY($1) AND (o.parent_id IS NULL OR NOT o.parent_id = ANY($1))
         UNION ALL
         SELECT c.id, c.name_fi, c.name_sv, c.name_en, c.kind, c.parent_id, c.oidc_email_domains, c.languages, c.body_type, tree.path || c.${column}
           FROM organizations c JOIN tree ON c.parent_id = tree.id)
       SELECT * FROM tree ORDER BY path`,
      [ids],
    );
    return rows.map((row) => view(row, language));
  }

  /** Adds a municipality under a region, or a committee or the youth council under a municipality. */
  @Post()
  @ApiCreatedResponse({ description: 'The new organization.' })
  async create(
    @CurrentUser() admin: AuthenticatedUser,
    @Body() body: CreateOrganizationDto,
    @RequestLanguage() language: Language,
  ): Promise<AdminOrganizationView> {
    const parent = await this.inScope(admin, body.parentId);
    if (!CHILD_ORGANIZATION_KINDS[parent.kind].includes(body.kind)) {
      throw new BadRequestException({
        message: `A ${body.kind.replace('_', ' ')} cannot be added under a ${parent.kind.replace('_', ' ')}.`,
        details: [{ field: 'kind', messages: [`must be one of ${CHILD_ORGANIZATION_KINDS[parent.kind].join(', ') || '(none)'} here`] }],
      });
    }
    if ((body.kind === 'heard_body') !== (body.bodyType !== undefined)) {
      throw new BadRequestException({
        message: 'A heard body needs its type (pupil council, NGO, …); other kinds of organization have none.',
        details: [
          { field: 'bodyType', messages: [body.kind === 'heard_body' ? 'is required for a heard body' : 'is only for a heard body'] },
        ],
      });
    }
    const row = await this.db.transaction(async (tx) => {
      if (body.kind === 'youth_council') {
        const [existing] = await tx.query(`SELECT 1 FROM organizations WHERE parent_id = $1 AND kind = 'youth_council'`, [parent.id]);
        if (existing) throw new ConflictException('This municipality already has its youth council.');
      }
      const [created]: OrganizationRow[] = await tx.query(
        `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en, body_type) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [body.kind, parent.id, body.names.fi, body.names.sv, body.names.en, body.bodyType ?? null],
      );
      if (!created) throw new Error('insert returned nothing');
      await this.audit.record(tx, {
        actorUserId: admin.id,
        entityType: 'organization',
        entityId: created.id,
        action: 'organization.created',
      });
      return created;
    });
    return view(row, language);
  }

  @Patch(':id')
  async rename(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', uuidPipe('organization')) id: string,
    @Body() body: RenameOrganizationDto,
    @RequestLanguage() language: Language,
  ): Promise<AdminOrganizationView> {
    return this.update(admin, id, language, {
      set: 'name_fi = $2, name_sv = $3, name_en = $4',
      values: [body.names.fi, body.names.sv, body.names.en],
      action: 'organization.renamed',
      details: (before) => ({ from: before.name_fi, to: body.names.fi }),
    });
  }

  /**
   * The e-mail domains the organization vouches for at its identity provider (replacing the list;
   * an empty list allows none). List only domains verified in the organization's tenant: with
   * OIDC_TRUST_LISTED_DOMAINS (Entra ID) a listed domain is all that vouches for an address.
   */
  @Put(':id/oidc-email-domains')
  @ApiOkResponse({ description: 'The organization with its new list.' })
  @ApiBadRequestResponse({ description: 'Not a list of domain names, more than 20, or a youth council.' })
  @ApiNotFoundResponse({ description: 'Not one of your organizations.' })
  async setOidcEmailDomains(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', uuidPipe('organization')) id: string,
    @Body() body: OidcEmailDomainsDto,
    @RequestLanguage() language: Language,
  ): Promise<AdminOrganizationView> {
    const domains = [...body.domains].sort();
    return this.update(admin, id, language, {
      check: (before) => {
        if (before.kind === 'youth_council')
          throw new BadRequestException({
            message:
              'Youth council members never sign in through the organization’s identity provider: a youth council has no sign-in domains.',
            details: [{ field: 'domains', messages: ['cannot be set for a youth council'] }],
          });
      },
      set: 'oidc_email_domains = $2',
      values: [domains],
      action: 'organization.oidc_domains_changed',
      details: (before) => ({ from: before.oidc_email_domains.join(', '), to: domains.join(', ') }),
    });
  }

  /**
   * Sets the languages a municipality uses (Finnish, Swedish or both): the plain-language summary is
   * written in each, and a consultation of its youth council opens only when every one exists.
   */
  @Put(':id/languages')
  async setLanguages(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', uuidPipe('organization')) id: string,
    @Body() body: SetOrganizationLanguagesDto,
    @RequestLanguage() language: Language,
  ): Promise<AdminOrganizationView> {
    // Kept in one order (Finnish first) whatever order they came in.
    const languages = SUMMARY_LANGUAGES.filter((l) => body.languages.includes(l));
    return this.update(admin, id, language, {
      check: (before) => {
        if (before.kind !== 'municipality' && before.kind !== 'wellbeing_county') {
          throw new BadRequestException({
            message: 'Only a municipality or a wellbeing services county has languages; its committees and youth council use the same.',
            details: [{ field: 'id', messages: ['must be a municipality'] }],
          });
        }
      },
      set: 'languages = $2',
      values: [languages],
      action: 'organization.languages_changed',
      details: (before) => ({ from: before.languages.join(','), to: languages.join(',') }),
    });
  }

  /**
   * One change to one of the caller's organizations, always in this order: in the caller's scope
   * (404 if not) → `check` (its kind may take the change, else it throws 400) → `UPDATE … SET <set>
   * RETURNING` ($1 is the id, `values` are $2…) → the audit entry, in the same transaction → the view.
   */
  private async update(
    admin: AuthenticatedUser,
    id: string,
    language: Language,
    change: {
      check?: (before: OrganizationRow) => void;
      set: string;
      values: unknown[];
      action: string;
      details: (before: OrganizationRow) => Record<string, string>;
    },
  ): Promise<AdminOrganizationView> {
    const before = await this.inScope(admin, id);
    change.check?.(before);
    const row = await this.db.transaction(async (tx) => {
      // An UPDATE … RETURNING answers [rows, count].
      const [rows]: [OrganizationRow[], number] = await tx.query(`UPDATE organizations SET ${change.set} WHERE id = $1 RETURNING *`, [
        id,
        ...change.values,
      ]);
      const updated = rows[0];
      if (!updated) throw new NotFoundException('No such organization.');
      await this.audit.record(tx, {
        actorUserId: admin.id,
        entityType: 'organization',
        entityId: id,
        action: change.action,
        details: change.details(before),
      });
      return updated;
    });
    return view(row, language);
  }

  private async inScope(admin: AuthenticatedUser, id: string): Promise<OrganizationRow> {
    const ids = await this.scope.organizationIds(admin.id);
    const [row]: OrganizationRow[] = ids.includes(id) ? await this.db.query(`SELECT * FROM organizations WHERE id = $1`, [id]) : [];
    if (!row) throw new NotFoundException('No such organization among yours.');
    return row;
  }
}

function view(row: OrganizationRow, language: Language): AdminOrganizationView {
  const names = { fi: row.name_fi, sv: row.name_sv, en: row.name_en };
  return {
    id: row.id,
    name: organizationName({ nameFi: names.fi, nameSv: names.sv, nameEn: names.en }, language),
    names,
    kind: row.kind,
    parentId: row.parent_id,
    oidcEmailDomains: row.oidc_email_domains ?? [],
    languages: row.kind === 'municipality' || row.kind === 'wellbeing_county' ? row.languages : null,
    bodyType: row.body_type ?? null,
  };
}

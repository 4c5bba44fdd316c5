import { BadRequestException, Body, Controller, Get, NotFoundException, Param, Put, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  RECORD_LIMITS,
  WELLBEING_FRAMEWORKS,
  type OrganizationKind,
  type WellbeingFramework,
  type WellbeingSet,
  type WellbeingSetRequest,
} from '@lava/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';
import { wellbeingSet } from '../assessments/record-content/record-content.service';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { uuidPipe } from '../common/uuid.pipe';
import { AdminGuard } from './admin.guard';
import { AdminScope } from './admin-scope.service';

/** The organizations whose assessments use a wellbeing indicator set (the ones assessments belong to). */
const WELLBEING_KINDS: readonly OrganizationKind[] = ['municipality', 'wellbeing_county'];
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class WellbeingSetDto implements WellbeingSetRequest {
  @ApiProperty({ enum: WELLBEING_FRAMEWORKS, description: 'none, SHANARRI’s eight indicators, or the organization’s own list' })
  @IsIn(WELLBEING_FRAMEWORKS, { message: `must be one of ${WELLBEING_FRAMEWORKS.join(', ')}` })
  framework!: WellbeingFramework;

  @ApiPropertyOptional({
    type: [String],
    maxItems: RECORD_LIMITS.wellbeingIndicators,
    description: 'For `custom`: the indicators in order.',
  })
  @IsOptional()
  @Transform(trimAll)
  @IsArray({ message: 'must be a list of names' })
  @ArrayMaxSize(RECORD_LIMITS.wellbeingIndicators, { message: `must have at most ${RECORD_LIMITS.wellbeingIndicators} indicators` })
  @IsString({ each: true, message: 'must be text' })
  @Length(1, 200, { each: true, message: 'each name must be 1–200 characters long' })
  names?: string[];
}

/**
 * The wellbeing indicator set a municipality's (or a wellbeing services county's) assessments tag
 * impacts with: none, SHANARRI, or the organization's own list (e.g. from its children and young
 * people's welfare plan). Keys of the own list are kept for names that stay, so impacts already
 * tagged keep their indicator when the list is reordered or grows; a new name gets the next free key.
 */
@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only for admins.' })
@ApiNotFoundResponse({ description: 'Not one of the caller’s organizations.' })
@UseGuards(AdminGuard)
@Controller('admin/organizations/:id/wellbeing')
export class AdminWellbeingController {
  constructor(
    private readonly scope: AdminScope,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get()
  async get(@CurrentUser() admin: AuthenticatedUser, @Param('id', uuidPipe('organization')) id: string): Promise<WellbeingSet> {
    const row = await this.organization(admin, id);
    return wellbeingSet(row.wellbeing_framework, row.wellbeing_indicators);
  }

  @Put()
  @ApiBadRequestResponse({ description: 'Not a municipality or county, an own list without names, or a name twice.' })
  async set(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', uuidPipe('organization')) id: string,
    @Body() body: WellbeingSetDto,
  ): Promise<WellbeingSet> {
    const before = await this.organization(admin, id);
    const names = body.framework === 'custom' ? (body.names ?? []) : [];
    if (body.framework === 'custom' && names.length === 0) {
      throw new BadRequestException({
        message: 'An own indicator set needs at least one indicator.',
        details: [{ field: 'names', messages: ['must name at least one indicator'] }],
      });
    }
    const seen = new Set<string>();
    const twice = names.filter((n) => seen.size === seen.add(n.toLowerCase()).size);
    if (twice.length) {
      throw new BadRequestException({
        message: `An indicator is named twice: ${twice.join(', ')}.`,
        details: [{ field: 'names', messages: [`names twice: ${twice.join(', ')}`] }],
      });
    }
    // Names that stay keep their key; new ones take the next free `w<n>`.
    const earlier = new Map(before.wellbeing_indicators.map((i) => [i.name.toLowerCase(), i.key]));
    let next = Math.max(0, ...before.wellbeing_indicators.map((i) => Number(i.key.replace(/^w/, '')) || 0)) + 1;
    const indicators = names.map((name) => ({ key: earlier.get(name.toLowerCase()) ?? `w${next++}`, name }));
    // An own list switched off is kept, so switching back finds it.
    const stored = body.framework === 'custom' ? indicators : before.wellbeing_indicators;
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE organizations SET wellbeing_framework = $2, wellbeing_indicators = $3::jsonb WHERE id = $1`, [
        id,
        body.framework,
        JSON.stringify(stored),
      ]);
      await this.audit.record(tx, {
        actorUserId: admin.id,
        entityType: 'organization',
        entityId: id,
        action: 'organization.wellbeing_set',
        details: { from: before.wellbeing_framework, to: body.framework, indicators: String(stored.length) },
      });
    });
    return wellbeingSet(body.framework, stored);
  }

  private async organization(
    admin: AuthenticatedUser,
    id: string,
  ): Promise<{ kind: OrganizationKind; wellbeing_framework: WellbeingFramework; wellbeing_indicators: { key: string; name: string }[] }> {
    const ids = await this.scope.organizationIds(admin.id);
    const [row] = ids.includes(id)
      ? await this.db.query(`SELECT kind, wellbeing_framework, wellbeing_indicators FROM organizations WHERE id = $1`, [id])
      : [];
    if (!row) throw new NotFoundException('No such organization among yours.');
    if (!WELLBEING_KINDS.includes(row.kind)) {
      throw new BadRequestException(
        `Only a municipality or a wellbeing services county chooses a wellbeing indicator set, not a ${row.kind.replace('_', ' ')}.`,
      );
    }
    return row;
  }
}

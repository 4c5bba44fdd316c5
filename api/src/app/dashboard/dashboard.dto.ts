import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  DASHBOARD_EXPORT_FORMATS,
  DASHBOARD_YEAR_MAX,
  DASHBOARD_YEAR_MIN,
  type DashboardExportFormat,
  type DashboardQuery,
} from '@lava/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const YEAR_MESSAGE = `must be a year from ${DASHBOARD_YEAR_MIN} to ${DASHBOARD_YEAR_MAX}`;

/** The dashboard's filters; an organization or committee outside your scope answers 403 (DashboardService). */
export class DashboardQueryDto implements DashboardQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'A municipality or wellbeing services county in your scope.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of an organization' })
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A committee of an organization in your scope.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a committee' })
  committeeId?: string;

  @ApiPropertyOptional({
    minimum: DASHBOARD_YEAR_MIN,
    maximum: DASHBOARD_YEAR_MAX,
    description: 'The year assessments were started (Finnish time).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: YEAR_MESSAGE })
  @Min(DASHBOARD_YEAR_MIN, { message: YEAR_MESSAGE })
  @Max(DASHBOARD_YEAR_MAX, { message: YEAR_MESSAGE })
  year?: number;
}

/** An export of one table: the same filters, and the file format. */
export class DashboardExportQueryDto extends DashboardQueryDto {
  @ApiPropertyOptional({ enum: DASHBOARD_EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(DASHBOARD_EXPORT_FORMATS, { message: `must be one of ${DASHBOARD_EXPORT_FORMATS.join(', ')}` })
  format?: DashboardExportFormat;
}

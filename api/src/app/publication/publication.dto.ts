import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_OUTCOMES, PUBLICATION_LIMITS, type PublishRequest, type RegisterFilters, type UnpublishRequest } from '@lava/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { OrganizationFilterQueryDto } from '../common/organization-filter.query';

export class PublishDto implements PublishRequest {
  @ApiProperty({ description: 'The publication version you saw (0 before the first publication).' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  version!: number;
}

export class UnpublishDto extends PublishDto implements UnpublishRequest {
  @ApiProperty({ maxLength: PUBLICATION_LIMITS.reason })
  @IsString()
  @MaxLength(PUBLICATION_LIMITS.reason, { message: `must be at most ${PUBLICATION_LIMITS.reason} characters long` })
  reason!: string;
}

const OUTCOME_FILTERS = [...DECISION_OUTCOMES, 'screened_out'] as const;

export class RegisterQueryDto extends OrganizationFilterQueryDto implements RegisterFilters {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100, description: 'Year of the decision (or of the screening result).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year like 2027' })
  @Min(2000, { message: 'must be a year like 2027' })
  @Max(2100, { message: 'must be a year like 2027' })
  year?: number;

  @ApiPropertyOptional({ enum: OUTCOME_FILTERS })
  @IsOptional()
  @IsIn(OUTCOME_FILTERS, { message: `must be one of ${OUTCOME_FILTERS.join(', ')}` })
  outcome?: (typeof OUTCOME_FILTERS)[number];

  @ApiPropertyOptional({ description: 'Words of the title or case number (word prefixes).', maxLength: PUBLICATION_LIMITS.query })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(PUBLICATION_LIMITS.query, { message: `must be at most ${PUBLICATION_LIMITS.query} characters long` })
  q?: string;
}

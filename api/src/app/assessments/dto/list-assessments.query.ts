import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AssessmentListFilters } from '@lava/contracts';
import { STAGES, type Stage } from '@lava/workflow';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { OrganizationFilterQueryDto } from '../../common/organization-filter.query';

const DATE = { message: 'must be a date like 2027-02-15' };

export class ListAssessmentsQueryDto extends OrganizationFilterQueryDto implements AssessmentListFilters {
  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES, { message: `must be one of ${STAGES.join(', ')}` })
  stage?: Stage;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a person' })
  responsibleOfficialId?: string;

  @ApiPropertyOptional({ description: 'Words of the title (word prefixes).', maxLength: 200 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  q?: string;

  @ApiPropertyOptional({ example: '2027-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, DATE)
  @Length(10, 10, DATE)
  meetingFrom?: string;

  @ApiPropertyOptional({ example: '2027-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, DATE)
  @Length(10, 10, DATE)
  meetingTo?: string;

  @ApiPropertyOptional({ example: '2027-01-01', description: 'Youth-council deadlines from this Finnish date.' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, DATE)
  @Length(10, 10, DATE)
  deadlineFrom?: string;

  @ApiPropertyOptional({ example: '2027-01-31', description: 'Youth-council deadlines up to and including this Finnish date.' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, DATE)
  @Length(10, 10, DATE)
  deadlineTo?: string;
}

/** "koulu verkko" → `koulu:* & verkko:*`: every word as a prefix, anything but letters and digits dropped. */
export function titleSearchQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0
    ? words
        .slice(0, 10)
        .map((w) => `${w}:*`)
        .join(' & ')
    : null;
}

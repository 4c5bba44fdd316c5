import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_VERSION_PAGE_SIZE, VERSION_PAGE_SIZE } from '@lava/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const WHOLE_NUMBER = { message: 'must be a whole number' };
const AT_LEAST_1 = { message: 'must be at least 1' };
/** Versions are PostgreSQL integers: anything larger would fail in the query, not in validation. */
const MAX_VERSION = 2_147_483_647;
const AT_MOST_MAX_VERSION = { message: `must be at most ${MAX_VERSION}` };

/** One page of the history: the versions older than `before` (or the newest), newest first. */
export class VersionHistoryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_VERSION_PAGE_SIZE, default: VERSION_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt(WHOLE_NUMBER)
  @Min(1, AT_LEAST_1)
  @Max(MAX_VERSION_PAGE_SIZE, { message: `must be at most ${MAX_VERSION_PAGE_SIZE}` })
  limit: number = VERSION_PAGE_SIZE;

  @ApiPropertyOptional({ minimum: 1, description: 'The nextCursor of the previous page: only versions older than this one.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt(WHOLE_NUMBER)
  @Min(1, AT_LEAST_1)
  @Max(MAX_VERSION, AT_MOST_MAX_VERSION)
  before?: number;
}

/** Two versions of one assessment, the older first. */
export class CompareVersionsQueryDto {
  @ApiProperty({ minimum: 1, description: 'The older version.' })
  @Type(() => Number)
  @IsInt(WHOLE_NUMBER)
  @Min(1, AT_LEAST_1)
  @Max(MAX_VERSION, AT_MOST_MAX_VERSION)
  from!: number;

  @ApiProperty({ minimum: 2, description: 'The newer version (greater than `from`).' })
  @Type(() => Number)
  @IsInt(WHOLE_NUMBER)
  @Min(1, AT_LEAST_1)
  @Max(MAX_VERSION, AT_MOST_MAX_VERSION)
  to!: number;
}

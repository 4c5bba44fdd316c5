import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_GROUPS,
  AGE_RANGE_LIMITS,
  IMPACT_KINDS,
  type AgeGroup,
  type AgeRange,
  type ImpactKind,
  type UpdateAssessmentRequest,
} from '@lava/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  Max,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DecisionDto } from './transition-decision.dto';

import { RecordContentUpdateDto } from '../record-content/record-content.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { message: 'must be a date like 2027-02-15' };

const AGE = { message: `must be an age in whole years (${AGE_RANGE_LIMITS.min}–${AGE_RANGE_LIMITS.max})` };

export class AgeRangeDto implements AgeRange {
  @ApiProperty({ minimum: AGE_RANGE_LIMITS.min, maximum: AGE_RANGE_LIMITS.max })
  @IsInt(AGE)
  @Min(AGE_RANGE_LIMITS.min, AGE)
  @Max(AGE_RANGE_LIMITS.max, AGE)
  min!: number;

  @ApiProperty({ minimum: AGE_RANGE_LIMITS.min, maximum: AGE_RANGE_LIMITS.max })
  @IsInt(AGE)
  @Min(AGE_RANGE_LIMITS.min, AGE)
  @Max(AGE_RANGE_LIMITS.max, AGE)
  max!: number;
}

export class ScreeningUpdateDto {
  @ApiPropertyOptional({ nullable: true, description: 'Does the matter affect children? null: not answered yet.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsBoolean({ message: 'must be true, false or null' })
  affectsChildren?: boolean | null;

  @ApiPropertyOptional({ enum: IMPACT_KINDS, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(IMPACT_KINDS, { message: `must be one of ${IMPACT_KINDS.join(', ')}` })
  impactKind?: ImpactKind | null;

  @ApiPropertyOptional({ enum: AGE_GROUPS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique({ message: 'must not repeat an age group' })
  @IsIn(AGE_GROUPS, { each: true, message: `must be among ${AGE_GROUPS.join(', ')}` })
  ageGroups?: AgeGroup[];

  @ApiPropertyOptional({ type: AgeRangeDto, nullable: true, description: 'A free age range besides the presets; null for none.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @ValidateNested()
  @Type(() => AgeRangeDto)
  ageRange?: AgeRangeDto | null;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000, { message: 'must be at most 20000 characters long' })
  rationale?: string;
}

/** The basics, the screening, the summary and follow-up, and every content section (RecordContentUpdateDto). */
export class UpdateAssessmentDto extends RecordContentUpdateDto implements UpdateAssessmentRequest {
  @ApiProperty({ description: 'The version you started editing from.' })
  @Type(() => Number)
  @IsInt({ message: 'must be the version number you loaded' })
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ minLength: 3, maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(3, 300, { message: 'must be 3–300 characters long' })
  title?: string;

  @ApiPropertyOptional({ nullable: true, example: '2027-02-15' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true, strictSeparator: true }, DATE)
  @Length(10, 10, DATE)
  plannedMeetingDate?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 100 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(100, { message: 'must be at most 100 characters long' })
  caseNumber?: string | null;

  @ApiPropertyOptional({ type: ScreeningUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScreeningUpdateDto)
  screening?: ScreeningUpdateDto;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000, { message: 'must be at most 20000 characters long' })
  plainLanguageSummary?: string;

  @ApiPropertyOptional({ maxLength: 20000, description: 'The plain-language summary in Swedish.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000, { message: 'must be at most 20000 characters long' })
  plainLanguageSummarySv?: string;

  @ApiPropertyOptional({ nullable: true, example: '2028-03-01' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true, strictSeparator: true }, DATE)
  @Length(10, 10, DATE)
  followUpDate?: string | null;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000, { message: 'must be at most 20000 characters long' })
  exPostEvaluation?: string;

  @ApiPropertyOptional({ maxLength: 200, description: '"Save a version": ends the editing session’s version with this save and names it.' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 200, { message: 'must be 1–200 characters long' })
  versionName?: string;

  @ApiPropertyOptional({ description: 'This save resolves a conflict: it is kept as its own version.' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  resolvesConflict?: boolean;
}

export class TransitionDto {
  @ApiProperty({ example: 'start_full_assessment' })
  @IsString()
  @Length(1, 60)
  action!: string;

  @ApiProperty({ description: 'The version the action was chosen on.' })
  @Type(() => Number)
  @IsInt({ message: 'must be the version number you loaded' })
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Why (required for returns, early closing, review without consultation).' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string;

  @ApiPropertyOptional({ description: 'The actor confirms signing in their own name (screen_out, start_full_assessment).' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  signatureConfirmed?: boolean;

  @ApiPropertyOptional({ type: DecisionDto, description: 'The decision: required for record_decision, table and return_for_preparation.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DecisionDto)
  decision?: DecisionDto;
}

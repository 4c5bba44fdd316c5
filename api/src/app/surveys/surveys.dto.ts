import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LANGUAGES,
  SURVEY_LIMITS,
  SURVEY_QUESTION_KINDS,
  type Language,
  type SurveyAnswerInput,
  type SurveyInput,
  type SurveyOption,
  type SurveyQuestion,
  type SurveyQuestionKind,
  type SurveyText,
} from '@lava/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A text in fi, sv and en, each at most `max` characters ('' for a language the survey is not in). */
function textDto(max: number) {
  class Text implements SurveyText {
    @ApiProperty({ maxLength: max })
    @Transform(trim)
    @IsString()
    @MaxLength(max, { message: `must be at most ${max} characters long` })
    fi!: string;

    @ApiProperty({ maxLength: max })
    @Transform(trim)
    @IsString()
    @MaxLength(max, { message: `must be at most ${max} characters long` })
    sv!: string;

    @ApiProperty({ maxLength: max })
    @Transform(trim)
    @IsString()
    @MaxLength(max, { message: `must be at most ${max} characters long` })
    en!: string;
  }
  return Text;
}

export class SurveyTitleText extends textDto(SURVEY_LIMITS.title) {}
export class SurveyIntroText extends textDto(SURVEY_LIMITS.intro) {}
export class SurveyQuestionText extends textDto(SURVEY_LIMITS.questionText) {}
export class SurveyOptionText extends textDto(SURVEY_LIMITS.optionLabel) {}

const ID = /^[A-Za-z0-9_-]{1,40}$/;

export class SurveyOptionDto implements SurveyOption {
  @ApiProperty({ description: 'Letters, digits, - and _ (1–40).' })
  @IsString()
  @Matches(ID, { message: 'must be 1–40 letters, digits, - or _' })
  id!: string;

  @ApiProperty({ type: SurveyOptionText })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => SurveyOptionText)
  label!: SurveyOptionText;

  @ApiProperty({ maxLength: SURVEY_LIMITS.emoji, description: 'An optional emoji or picture character.' })
  @Transform(trim)
  @IsString()
  @MaxLength(SURVEY_LIMITS.emoji, { message: `must be at most ${SURVEY_LIMITS.emoji} characters long` })
  emoji!: string;
}

export class SurveyQuestionDto implements SurveyQuestion {
  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'must be 1–40 letters, digits, - or _' })
  id!: string;

  @ApiProperty({ enum: SURVEY_QUESTION_KINDS })
  @IsIn(SURVEY_QUESTION_KINDS, { message: `must be one of ${SURVEY_QUESTION_KINDS.join(', ')}` })
  kind!: SurveyQuestionKind;

  @ApiProperty({ type: SurveyQuestionText })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => SurveyQuestionText)
  text!: SurveyQuestionText;

  @ApiPropertyOptional({ enum: [3, 5], nullable: true })
  @IsOptional()
  @IsIn([3, 5], { message: 'must be 3 or 5' })
  faces!: 3 | 5 | null;

  @ApiProperty({ type: [SurveyOptionDto] })
  @IsArray()
  @ArrayMaxSize(SURVEY_LIMITS.options, { message: `must have at most ${SURVEY_LIMITS.options} options` })
  @ValidateNested({ each: true })
  @Type(() => SurveyOptionDto)
  options!: SurveyOptionDto[];
}

export class SurveyDto implements SurveyInput {
  @ApiProperty({ enum: LANGUAGES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one language' })
  @ArrayMaxSize(3, { message: 'must name at most 3 languages' })
  @IsIn(LANGUAGES, { each: true, message: 'must be fi, sv or en' })
  languages!: Language[];

  @ApiProperty({ type: SurveyTitleText })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => SurveyTitleText)
  title!: SurveyTitleText;

  @ApiProperty({ type: SurveyIntroText })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => SurveyIntroText)
  intro!: SurveyIntroText;

  @ApiProperty({ type: [SurveyQuestionDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must have at least one question' })
  @ArrayMaxSize(SURVEY_LIMITS.questions, { message: `must have at most ${SURVEY_LIMITS.questions} questions` })
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions!: SurveyQuestionDto[];

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'must be a date and time' })
  opensAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'must be a date and time' })
  closesAt!: string;

  @ApiProperty({ type: [String], description: 'Optional class codes (one per class); empty: no code asked.' })
  @IsArray()
  @ArrayMaxSize(SURVEY_LIMITS.classCodes, { message: `must have at most ${SURVEY_LIMITS.classCodes} codes` })
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : value,
  )
  @Matches(/^[A-Z0-9-]{2,20}$/, { each: true, message: 'must be 2–20 letters A–Z, digits or -' })
  classCodes!: string[];
}

export class UpdateSurveyDto extends SurveyDto {
  @ApiProperty({ description: 'The version you saw.' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  version!: number;
}

export class SurveyAnswerDto implements SurveyAnswerInput {
  @ApiProperty({ format: 'uuid', description: 'Made by the device; a retry with the same id is not counted twice.' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: 'must be fi, sv or en' })
  language!: Language;

  @ApiPropertyOptional({ maxLength: SURVEY_LIMITS.classCode })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @MaxLength(SURVEY_LIMITS.classCode, { message: `must be at most ${SURVEY_LIMITS.classCode} characters long` })
  classCode?: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'questionId → answer.' })
  @IsObject({ message: 'must be an object' })
  answers!: Record<string, number | string | string[]>;
}

export class ModerateFreeTextDto {
  @ApiProperty({ enum: ['kept', 'hidden'] })
  @IsIn(['kept', 'hidden'], { message: 'must be kept or hidden' })
  status!: 'kept' | 'hidden';
}

export class FreeTextQueryDto extends PageQueryDto {}

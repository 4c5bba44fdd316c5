// Over 400 lines because it holds the validation classes of every record section, one small class per row type,
// in the order of the record; each is a few decorated fields and they share the helpers at the top.
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import {
  DEFAULT_ALTERNATIVES,
  IMPACT_DIRECTIONS,
  IMPACT_DIRECTNESS,
  IMPACT_TERMS,
  RECORD_LIMITS as LIMIT,
  UNCRC_ARTICLE_MAX,
  UNCRC_ARTICLE_MIN,
  VIEW_METHODS,
  VULNERABLE_GROUPS,
  normalizeEvidenceDate,
  type DefaultAlternative,
  type EvidenceItem,
  type FollowUpIndicator,
  type ImpactDirection,
  type ImpactDirectness,
  type ImpactMatrixRow,
  type ImpactTerm,
  type RecordAlternative,
  type RecordContentUpdate,
  type ViewMethod,
  type VulnerableGroupNote,
} from '@lava/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUrl,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

/*
 * A draft always saves: these refuse only wrong types and hard limits, never what is merely
 * unfinished (an empty name, a row without direction, one alternative). What is unfinished is
 * computed by `recordCompleteness` (libs/workflow) and checked at the transition that needs it.
 *
 * The content sections of a PATCH. Every field is optional; lists are replaced whole and must
 * carry every item (with the UUID the editor gave it). Limits are in RECORD_LIMITS and documented
 * in the OpenAPI document. Cross-field rules (matrix rows naming an alternative, repeated ids)
 * are checked by RecordContentService, which answers 400 naming the field the same way.
 */

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { message: 'must be a date like 2027-02-15' };
const ARTICLE = { message: `must be a UNCRC article number (${UNCRC_ARTICLE_MIN}–${UNCRC_ARTICLE_MAX})` };
const max = (n: number) => ({ message: `must be at most ${n} characters long` });
const TEXT = { maxLength: LIMIT.text };

@ValidatorConstraint({ name: 'evidenceDate' })
class EvidenceDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return value === null || (typeof value === 'string' && normalizeEvidenceDate(value) !== null);
  }
  defaultMessage(): string {
    return 'must be a year (2021), a range of years (2020–21), a month (2021-03) or a date (2021-03-15)';
  }
}

function LongText(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional(TEXT)(target, key);
    IsOptional()(target, key);
    IsString({ message: 'must be text' })(target, key);
    MaxLength(LIMIT.text, max(LIMIT.text))(target, key);
  };
}

function ItemId(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ format: 'uuid', description: 'Made by the editor; unique within the list.' })(target, key);
    IsUUID('all', { message: 'must be a UUID made by the editor' })(target, key);
  };
}

function OptionalDate(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ nullable: true, example: '2026-05-31' })(target, key);
    IsOptional()(target, key);
    ValidateIf((_, value) => value !== null)(target, key);
    IsISO8601({ strict: true, strictSeparator: true }, DATE)(target, key);
    Length(10, 10, DATE)(target, key);
  };
}

/** How many items a list takes, and the whole sentences saying it has too few or too many (each is catalogued). */
interface ListSize {
  readonly min: number;
  readonly max: number;
  readonly tooFew?: { message: string };
  readonly tooMany: { message: string };
}

function List(type: () => new () => object, size: ListSize): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ type, isArray: true, minItems: size.min, maxItems: size.max })(target, key);
    IsOptional()(target, key);
    IsArray({ message: 'must be a list' })(target, key);
    if (size.min > 0) ArrayMinSize(size.min, size.tooFew)(target, key);
    ArrayMaxSize(size.max, size.tooMany)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(type)(target, key);
  };
}

export class VulnerableGroupNoteDto implements VulnerableGroupNote {
  @ApiProperty({ description: `One of ${VULNERABLE_GROUPS.join(', ')}, or a group the official names.`, maxLength: LIMIT.short })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, LIMIT.short, { message: `must be 1–${LIMIT.short} characters long` })
  group!: string;

  @ApiProperty({ maxLength: LIMIT.note })
  @IsString({ message: 'must be text' })
  @MaxLength(LIMIT.note, max(LIMIT.note))
  note!: string;
}

export class ScopeUpdateDto {
  @LongText()
  childrenAffected?: string;

  @List(() => VulnerableGroupNoteDto, {
    min: 0,
    max: LIMIT.vulnerableGroups,
    tooMany: { message: `must have at most ${LIMIT.vulnerableGroups} groups` },
  })
  vulnerableGroups?: VulnerableGroupNoteDto[];
}

export class LegalBasisUpdateDto {
  @ApiPropertyOptional({ type: Number, isArray: true, minimum: UNCRC_ARTICLE_MIN, maximum: UNCRC_ARTICLE_MAX })
  @IsOptional()
  @IsArray({ message: 'must be a list of article numbers' })
  @ArrayMaxSize(LIMIT.articles, { message: `must have at most ${LIMIT.articles} articles` })
  @ArrayUnique({ message: 'must not repeat an article' })
  @IsInt({ each: true, ...ARTICLE })
  @Min(UNCRC_ARTICLE_MIN, { each: true, ...ARTICLE })
  @Max(UNCRC_ARTICLE_MAX, { each: true, ...ARTICLE })
  uncrcArticles?: number[];

  @LongText()
  nationalLaw?: string;

  @LongText()
  welfarePlan?: string;
}

export class AlternativeDto implements RecordAlternative {
  @ItemId()
  id!: string;

  @ApiProperty({ maxLength: LIMIT.short })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(LIMIT.short, max(LIMIT.short))
  title!: string;

  @ApiProperty(TEXT)
  @IsString({ message: 'must be text' })
  @MaxLength(LIMIT.text, max(LIMIT.text))
  description!: string;

  @ApiProperty({
    enum: DEFAULT_ALTERNATIVES,
    nullable: true,
    description: 'Kept as the API gave it; null for alternatives the official adds.',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(DEFAULT_ALTERNATIVES, { message: `must be one of ${DEFAULT_ALTERNATIVES.join(', ')} or null` })
  defaultName!: DefaultAlternative | null;
}

export class AlternativesUpdateDto {
  @List(() => AlternativeDto, {
    min: 0,
    max: LIMIT.alternatives,
    tooMany: { message: `must have at most ${LIMIT.alternatives} alternatives` },
  })
  items?: AlternativeDto[];
}

export class EvidenceItemDto implements EvidenceItem {
  @ItemId()
  id!: string;

  @ApiProperty({ maxLength: LIMIT.short, example: 'Kouluterveyskysely 2025, THL' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(LIMIT.short, max(LIMIT.short))
  source!: string;

  @ApiProperty({ maxLength: LIMIT.url, example: 'https://thl.fi/kouluterveyskysely' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(LIMIT.url, max(LIMIT.url))
  @ValidateIf((_, value) => value !== '')
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be a web address starting with https:// or http://' })
  url!: string;

  @ApiPropertyOptional({ nullable: true, example: '2020–21', description: 'A year, a range of years, a month or a date.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value))
  @Validate(EvidenceDateConstraint)
  date!: string | null;

  @ApiProperty({ maxLength: LIMIT.note })
  @IsString({ message: 'must be text' })
  @MaxLength(LIMIT.note, max(LIMIT.note))
  finding!: string;
}

export class EvidenceUpdateDto {
  @List(() => EvidenceItemDto, { min: 0, max: LIMIT.evidence, tooMany: { message: `must have at most ${LIMIT.evidence} evidence items` } })
  items?: EvidenceItemDto[];

  @LongText()
  gaps?: string;
}

export class ChildrensViewsUpdateDto {
  @ApiPropertyOptional({ enum: VIEW_METHODS, isArray: true })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  @ArrayUnique({ message: 'must not repeat a method' })
  @IsIn(VIEW_METHODS, { each: true, message: `must be among ${VIEW_METHODS.join(', ')}` })
  methods?: ViewMethod[];

  @LongText()
  howGathered?: string;

  @LongText()
  whatTheySaid?: string;

  @LongText()
  notHeardReason?: string;
}

export class ImpactMatrixRowDto implements ImpactMatrixRow {
  @ItemId()
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The id of one of the alternatives (saved, or sent in the same request).' })
  @IsUUID('all', { message: 'must be the id of one of the alternatives' })
  alternativeId!: string;

  @ApiProperty({ type: Number, isArray: true, minimum: UNCRC_ARTICLE_MIN, maximum: UNCRC_ARTICLE_MAX, description: 'May be empty.' })
  @IsArray({ message: 'must be a list of article numbers' })
  @ArrayMaxSize(LIMIT.articles, { message: `must have at most ${LIMIT.articles} articles` })
  @ArrayUnique({ message: 'must not repeat an article' })
  @IsInt({ each: true, ...ARTICLE })
  @Min(UNCRC_ARTICLE_MIN, { each: true, ...ARTICLE })
  @Max(UNCRC_ARTICLE_MAX, { each: true, ...ARTICLE })
  articles!: number[];

  @ApiProperty({
    type: String,
    isArray: true,
    description: 'MATRIX_GROUPS keys (all, 0-6…, disabled_children…) or free text; may be empty while not stated.',
  })
  @IsArray({ message: 'must be a list of groups' })
  @ArrayMaxSize(LIMIT.impactGroups, { message: `must have at most ${LIMIT.impactGroups} groups` })
  @ArrayUnique({ message: 'must not repeat a group' })
  @IsString({ each: true, message: 'must be text' })
  @Length(1, LIMIT.short, { each: true, message: `must be 1–${LIMIT.short} characters long` })
  groups!: string[];

  @ApiProperty({ type: String, isArray: true, description: 'Keys of the organization’s wellbeing indicators.' })
  @IsOptional()
  @IsArray({ message: 'must be a list of wellbeing indicators' })
  @ArrayMaxSize(LIMIT.wellbeingIndicators, { message: `must have at most ${LIMIT.wellbeingIndicators} indicators` })
  @ArrayUnique({ message: 'must not repeat an indicator' })
  @IsString({ each: true, message: 'must be text' })
  @MaxLength(LIMIT.short, { each: true, ...max(LIMIT.short) })
  wellbeing!: string[];

  @ApiProperty({ enum: IMPACT_DIRECTIONS, nullable: true, description: 'null: not stated.' })
  @ValidateIf((_, value) => value !== null)
  @IsIn(IMPACT_DIRECTIONS, { message: `must be one of ${IMPACT_DIRECTIONS.join(', ')} or null (not stated)` })
  direction!: ImpactDirection | null;

  @ApiProperty({ enum: IMPACT_DIRECTNESS, nullable: true, description: 'null: not stated.' })
  @ValidateIf((_, value) => value !== null)
  @IsIn(IMPACT_DIRECTNESS, { message: `must be one of ${IMPACT_DIRECTNESS.join(', ')} or null (not stated)` })
  directness!: ImpactDirectness | null;

  @ApiProperty({ enum: IMPACT_TERMS, nullable: true, description: 'null: not stated.' })
  @ValidateIf((_, value) => value !== null)
  @IsIn(IMPACT_TERMS, { message: `must be one of ${IMPACT_TERMS.join(', ')} or null (not stated)` })
  term!: ImpactTerm | null;

  @ApiProperty({ maxLength: LIMIT.note })
  @IsString({ message: 'must be text' })
  @MaxLength(LIMIT.note, max(LIMIT.note))
  note!: string;
}

export class ImpactMatrixUpdateDto {
  @List(() => ImpactMatrixRowDto, { min: 0, max: LIMIT.matrixRows, tooMany: { message: `must have at most ${LIMIT.matrixRows} rows` } })
  rows?: ImpactMatrixRowDto[];
}

export class TextSectionUpdateDto {
  @LongText()
  text?: string;
}

export class RecommendationUpdateDto {
  @LongText()
  text?: string;

  @LongText()
  bestInterests?: string;
}

export class FollowUpIndicatorDto implements FollowUpIndicator {
  @ItemId()
  id!: string;

  @ApiProperty({ maxLength: LIMIT.short })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(LIMIT.short, max(LIMIT.short))
  indicator!: string;

  @ApiProperty({ maxLength: LIMIT.short })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(LIMIT.short, max(LIMIT.short))
  owner!: string;

  @OptionalDate()
  dueDate!: string | null;
}

export class FollowUpUpdateDto {
  @List(() => FollowUpIndicatorDto, {
    min: 0,
    max: LIMIT.indicators,
    tooMany: { message: `must have at most ${LIMIT.indicators} indicators` },
  })
  indicators?: FollowUpIndicatorDto[];
}

/** The content sections, as UpdateAssessmentDto extends them. */
export class RecordContentUpdateDto implements RecordContentUpdate {
  @ApiPropertyOptional({ type: ScopeUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScopeUpdateDto)
  scope?: ScopeUpdateDto;

  @ApiPropertyOptional({ type: LegalBasisUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LegalBasisUpdateDto)
  legalBasis?: LegalBasisUpdateDto;

  @ApiPropertyOptional({ type: AlternativesUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AlternativesUpdateDto)
  alternatives?: AlternativesUpdateDto;

  @ApiPropertyOptional({ type: EvidenceUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceUpdateDto)
  evidence?: EvidenceUpdateDto;

  @ApiPropertyOptional({ type: ChildrensViewsUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChildrensViewsUpdateDto)
  childrensViews?: ChildrensViewsUpdateDto;

  @ApiPropertyOptional({ type: ImpactMatrixUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImpactMatrixUpdateDto)
  impactMatrix?: ImpactMatrixUpdateDto;

  @ApiPropertyOptional({ type: TextSectionUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TextSectionUpdateDto)
  mitigation?: TextSectionUpdateDto;

  @ApiPropertyOptional({ type: TextSectionUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TextSectionUpdateDto)
  changesMade?: TextSectionUpdateDto;

  @ApiPropertyOptional({ type: RecommendationUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecommendationUpdateDto)
  recommendation?: RecommendationUpdateDto;

  @ApiPropertyOptional({ type: TextSectionUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TextSectionUpdateDto)
  communication?: TextSectionUpdateDto;

  @ApiPropertyOptional({ type: FollowUpUpdateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpUpdateDto)
  followUp?: FollowUpUpdateDto;
}

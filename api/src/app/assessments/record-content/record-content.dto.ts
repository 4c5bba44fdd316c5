import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import {
  IMPACT_DIRECTIONS,
  IMPACT_DIRECTNESS,
  IMPACT_TERMS,
  RECORD_LIMITS as LIMIT,
  UNCRC_ARTICLE_MAX,
  UNCRC_ARTICLE_MIN,
  VIEW_METHODS,
  VULNERABLE_GROUPS,
  type EvidenceItem,
  type FollowUpIndicator,
  type ImpactDirection,
  type ImpactDirectness,
  type ImpactMatrixRow,
  type ImpactTerm,
  type RecordAlternative,
  type RecordContentUpdate,
  type ViewMethod,
  type VulnerableGroup,
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
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/*
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
  @ApiProperty({ enum: VULNERABLE_GROUPS })
  @IsIn(VULNERABLE_GROUPS, { message: `must be one of ${VULNERABLE_GROUPS.join(', ')}` })
  group!: VulnerableGroup;

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
    max: VULNERABLE_GROUPS.length,
    tooMany: { message: `must have at most ${VULNERABLE_GROUPS.length} groups` },
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
}

export class AlternativesUpdateDto {
  @List(() => AlternativeDto, {
    min: 2,
    max: LIMIT.alternatives,
    tooFew: { message: 'must have at least 2 alternatives (the proposal and "no change" at least)' },
    tooMany: { message: `must have at most ${LIMIT.alternatives} alternatives (the proposal and "no change" at least)` },
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

  @OptionalDate()
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
}

export class ImpactMatrixRowDto implements ImpactMatrixRow {
  @ItemId()
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The id of one of the alternatives (saved, or sent in the same request).' })
  @IsUUID('all', { message: 'must be the id of one of the alternatives' })
  alternativeId!: string;

  @ApiProperty({ minimum: UNCRC_ARTICLE_MIN, maximum: UNCRC_ARTICLE_MAX })
  @IsInt(ARTICLE)
  @Min(UNCRC_ARTICLE_MIN, ARTICLE)
  @Max(UNCRC_ARTICLE_MAX, ARTICLE)
  article!: number;

  @ApiProperty({ maxLength: LIMIT.short, description: 'A MATRIX_GROUPS key (all, 0-6…, disabled_children…) or free text.' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, LIMIT.short, { message: `must be 1–${LIMIT.short} characters long` })
  group!: string;

  @ApiProperty({ enum: IMPACT_DIRECTIONS })
  @IsIn(IMPACT_DIRECTIONS, { message: `must be one of ${IMPACT_DIRECTIONS.join(', ')}` })
  direction!: ImpactDirection;

  @ApiProperty({ enum: IMPACT_DIRECTNESS })
  @IsIn(IMPACT_DIRECTNESS, { message: `must be one of ${IMPACT_DIRECTNESS.join(', ')}` })
  directness!: ImpactDirectness;

  @ApiProperty({ enum: IMPACT_TERMS })
  @IsIn(IMPACT_TERMS, { message: `must be one of ${IMPACT_TERMS.join(', ')}` })
  term!: ImpactTerm;

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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMENT_AUDIENCES,
  COMMENT_MAX_LENGTH,
  COMMENT_MAX_MENTIONS,
  COMMENT_PAGE_SIZE,
  COMMENT_QUOTE_MAX_LENGTH,
  COMMENT_REASON_MAX_LENGTH,
  COMMENT_SECTIONS,
  STATEMENT_STANDING_ANSWERS,
  type CommentAudience,
  type CommentSection,
  type CreateCommentRequest,
  type CreateCommentThreadRequest,
  type EditCommentRequest,
  type FlagCommentRequest,
  type HideCommentRequest,
  type StatementStandingAnswer,
  type StatementStandingRequest,
  type ThreadStateRequest,
} from '@lava/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const TEXT = { message: `must be 1–${COMMENT_MAX_LENGTH} characters long` };

class MentionsDto {
  @ApiPropertyOptional({ type: [String], maxItems: COMMENT_MAX_MENTIONS, description: 'User ids of people @mentioned.' })
  @IsOptional()
  @IsArray({ message: 'must be a list of user ids' })
  @ArrayMaxSize(COMMENT_MAX_MENTIONS, { message: `must name at most ${COMMENT_MAX_MENTIONS} people` })
  @ArrayUnique({ message: 'must not name a person twice' })
  @IsUUID('all', { each: true, message: 'must be user ids' })
  mentionIds?: string[];
}

export class QuoteDto {
  @ApiProperty({ description: 'The field the passage is from, as the version history names it (`screening.rationale`).', maxLength: 100 })
  @IsString({ message: 'must be a field name' })
  @Length(1, 100, { message: 'must be a field name of at most 100 characters' })
  field!: string;

  @ApiProperty({ maxLength: COMMENT_QUOTE_MAX_LENGTH })
  @IsString({ message: 'must be text' })
  @Length(1, COMMENT_QUOTE_MAX_LENGTH, { message: `must be 1–${COMMENT_QUOTE_MAX_LENGTH} characters long` })
  text!: string;

  @ApiProperty({ minimum: 0 })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be 0 or more' })
  start!: number;

  @ApiProperty({ minimum: 1 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  end!: number;
}

export class CreateThreadDto extends MentionsDto implements CreateCommentThreadRequest {
  @ApiProperty({ enum: COMMENT_SECTIONS })
  @IsIn(COMMENT_SECTIONS, { message: `must be a section of the assessment (${COMMENT_SECTIONS.join(', ')})` })
  section!: CommentSection;

  @ApiProperty({ enum: COMMENT_AUDIENCES })
  @IsIn(COMMENT_AUDIENCES, { message: `must be one of ${COMMENT_AUDIENCES.join(', ')}` })
  audience!: CommentAudience;

  @ApiPropertyOptional({ description: 'The youth council you write for, when you belong to several.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a youth council id' })
  councilId?: string;

  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX_LENGTH })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, COMMENT_MAX_LENGTH, TEXT)
  text!: string;

  @ApiPropertyOptional({ type: QuoteDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuoteDto)
  quote?: QuoteDto;
}

export class CreateCommentDto extends MentionsDto implements CreateCommentRequest {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX_LENGTH })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, COMMENT_MAX_LENGTH, TEXT)
  text!: string;

  @ApiPropertyOptional({ description: 'The comment of the thread this one answers.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a comment id' })
  replyToId?: string;
}

export class EditCommentDto extends MentionsDto implements EditCommentRequest {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX_LENGTH })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, COMMENT_MAX_LENGTH, TEXT)
  text!: string;

  @ApiProperty({ description: 'The version of the comment you edited.' })
  @Type(() => Number)
  @IsInt({ message: 'must be the version number you loaded' })
  @Min(1, { message: 'must be the version number you loaded' })
  version!: number;
}

export class ThreadStateDto implements ThreadStateRequest {
  @ApiProperty({ description: 'The version of the thread you saw.' })
  @Type(() => Number)
  @IsInt({ message: 'must be the version number you loaded' })
  @Min(1, { message: 'must be the version number you loaded' })
  version!: number;
}

export class FlagCommentDto implements FlagCommentRequest {
  @ApiPropertyOptional({ maxLength: COMMENT_REASON_MAX_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(COMMENT_REASON_MAX_LENGTH, { message: `must be at most ${COMMENT_REASON_MAX_LENGTH} characters long` })
  reason?: string;
}

export class HideCommentDto implements HideCommentRequest {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_REASON_MAX_LENGTH })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, COMMENT_REASON_MAX_LENGTH, { message: `must be 1–${COMMENT_REASON_MAX_LENGTH} characters long` })
  reason!: string;
}

export class StatementStandingDto implements StatementStandingRequest {
  @ApiPropertyOptional({ description: 'The youth council you answer for, when you belong to several.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a youth council id' })
  councilId?: string;

  @ApiProperty({ enum: STATEMENT_STANDING_ANSWERS })
  @IsIn(STATEMENT_STANDING_ANSWERS, { message: `must be one of ${STATEMENT_STANDING_ANSWERS.join(', ')}` })
  answer!: StatementStandingAnswer;

  @ApiProperty({ description: 'The assessment version you looked at.' })
  @Type(() => Number)
  @IsInt({ message: 'must be the assessment version you loaded' })
  @Min(1, { message: 'must be the assessment version you loaded' })
  assessmentVersion!: number;
}

export class ListThreadsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMMENT_SECTIONS })
  @IsOptional()
  @IsIn(COMMENT_SECTIONS, { message: `must be a section of the assessment (${COMMENT_SECTIONS.join(', ')})` })
  section?: CommentSection;

  @ApiPropertyOptional({ enum: COMMENT_AUDIENCES })
  @IsOptional()
  @IsIn(COMMENT_AUDIENCES, { message: `must be one of ${COMMENT_AUDIENCES.join(', ')}` })
  audience?: CommentAudience;
}

export class EarlierCommentsQueryDto {
  @ApiProperty({ description: 'The `earlier.cursor` of the thread view or of the previous page.' })
  @IsString({ message: 'must be text' })
  @MaxLength(500)
  before!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: COMMENT_PAGE_SIZE, default: COMMENT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(COMMENT_PAGE_SIZE, { message: `must be at most ${COMMENT_PAGE_SIZE}` })
  limit: number = COMMENT_PAGE_SIZE;
}

export class MentionablesQueryDto {
  @ApiProperty({ enum: COMMENT_AUDIENCES })
  @IsIn(COMMENT_AUDIENCES, { message: `must be one of ${COMMENT_AUDIENCES.join(', ')}` })
  audience!: CommentAudience;

  @ApiPropertyOptional({ description: 'The youth council of a consultation or council thread.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a youth council id' })
  councilId?: string;
}

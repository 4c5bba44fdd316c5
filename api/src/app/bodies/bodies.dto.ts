import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LANGUAGES,
  STATEMENT_LINK_LIMITS,
  type CreateBodyContactRequest,
  type Language,
  type StatementLinkPointsRequest,
  type StatementLinkRequest,
} from '@lava/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateBodyContactDto implements CreateBodyContactRequest {
  @ApiProperty({ example: 'Maija Mäkinen' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 200, { message: 'must be 1–200 characters long' })
  name!: string;

  @ApiProperty({ example: 'maija@mll.example' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320, { message: 'must be at most 320 characters long' })
  email!: string;

  @ApiProperty({ enum: LANGUAGES, description: 'The language of the e-mails and of the answer page.' })
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;
}

export class StatementLinkDto implements StatementLinkRequest {
  @ApiProperty({ description: 'The token from the link’s fragment (#token=…).' })
  @IsString({ message: 'must be the token from the link' })
  @Length(10, 200, { message: 'must be the token from the link' })
  token!: string;
}

export class StatementLinkPointsDto extends StatementLinkDto implements StatementLinkPointsRequest {
  @ApiProperty({ type: [String], maxItems: STATEMENT_LINK_LIMITS.points })
  @IsArray({ message: 'must be a list of points' })
  @ArrayMaxSize(STATEMENT_LINK_LIMITS.points, { message: `must have at most ${STATEMENT_LINK_LIMITS.points} points` })
  @IsString({ each: true, message: 'each point must be text' })
  @MaxLength(STATEMENT_LINK_LIMITS.pointLength, {
    each: true,
    message: `each point must be at most ${STATEMENT_LINK_LIMITS.pointLength} characters long`,
  })
  points!: string[];

  @ApiPropertyOptional({ description: 'The draft’s version the page last saw (from the view); a newer saved draft answers 409.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be 0 or more' })
  version?: number;
}

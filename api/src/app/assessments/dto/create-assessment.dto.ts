import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateAssessmentRequest } from '@lava/contracts';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateAssessmentDto implements CreateAssessmentRequest {
  @ApiProperty({ example: 'School network plan 2027–2030', minLength: 3, maxLength: 300 })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(3, 300, { message: 'must be 3–300 characters long' })
  title!: string;

  @ApiProperty({ format: 'uuid', description: 'The committee whose decision this assessment belongs to.' })
  @IsUUID('all', { message: 'must be the id of a committee' })
  committeeId!: string;

  @ApiPropertyOptional({ example: '2027-02-15', description: 'Planned meeting date (YYYY-MM-DD).' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be a date like 2027-02-15' })
  @Length(10, 10, { message: 'must be a date like 2027-02-15' })
  plannedMeetingDate?: string;

  @ApiPropertyOptional({ example: 'KOT/1234/2026', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(100, { message: 'must be at most 100 characters long' })
  caseNumber?: string;
}

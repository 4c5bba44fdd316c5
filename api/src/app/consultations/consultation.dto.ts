import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONSULTATION_LIMITS,
  DISPOSITIONS,
  RECORD_SECTIONS,
  type AddStatementPointRequest,
  type AdoptStatementRequest,
  type Disposition,
  type DispositionRequest,
  type PlanConsultationRequest,
  type RecordSection,
  type UpdateConsultationRequest,
  type UpdateStatementPointRequest,
  type VersionedRequest,
} from '@lava/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateIf } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const VERSION = { message: 'must be the version number you loaded' };
const DATE_TIME = { message: 'must be a date and time like 2027-02-15T16:00:00+02:00' };
const DATE = { message: 'must be a date like 2027-02-15' };

export class VersionDto implements VersionedRequest {
  @ApiProperty({ description: 'The version you loaded (optimistic locking).' })
  @Type(() => Number)
  @IsInt(VERSION)
  @Min(1, VERSION)
  version!: number;
}

export class PlanConsultationDto implements PlanConsultationRequest {
  @ApiProperty({ format: 'uuid', description: 'A youth council: the municipality’s own or another in the same region.' })
  @IsUUID('all', { message: 'must be the id of a youth council' })
  youthCouncilId!: string;

  @ApiProperty({ example: '2027-03-01T16:00:00+02:00', description: 'When the statement is due; must be in the future.' })
  @IsISO8601({ strict: true }, DATE_TIME)
  deadline!: string;

  @ApiPropertyOptional({ maxLength: CONSULTATION_LIMITS.message, description: 'A message to the council (optional).' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(CONSULTATION_LIMITS.message, { message: `must be at most ${CONSULTATION_LIMITS.message} characters long` })
  message?: string;
}

export class UpdateConsultationDto extends VersionDto implements UpdateConsultationRequest {
  @ApiPropertyOptional({ example: '2027-03-08T16:00:00+02:00', description: 'A new deadline (once open: a later one).' })
  @IsOptional()
  @IsISO8601({ strict: true }, DATE_TIME)
  deadline?: string;

  @ApiPropertyOptional({ maxLength: CONSULTATION_LIMITS.message, description: 'Only while the request is planned (in draft).' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(CONSULTATION_LIMITS.message, { message: `must be at most ${CONSULTATION_LIMITS.message} characters long` })
  message?: string;
}

export class AddPointDto implements AddStatementPointRequest {
  @ApiProperty({ minLength: 1, maxLength: CONSULTATION_LIMITS.pointText, description: 'Stored as written (also HTML), shown as text.' })
  @IsString({ message: 'must be text' })
  @Transform(trimmed)
  @Length(1, CONSULTATION_LIMITS.pointText, { message: `must be 1–${CONSULTATION_LIMITS.pointText} characters long` })
  text!: string;
}

export class UpdatePointDto extends VersionDto implements UpdateStatementPointRequest {
  @ApiProperty({ minLength: 1, maxLength: CONSULTATION_LIMITS.pointText })
  @IsString({ message: 'must be text' })
  @Transform(trimmed)
  @Length(1, CONSULTATION_LIMITS.pointText, { message: `must be 1–${CONSULTATION_LIMITS.pointText} characters long` })
  text!: string;
}

export class AdoptStatementDto extends VersionDto implements AdoptStatementRequest {
  @ApiProperty({ example: '2027-02-20', description: 'The date of the council meeting that adopted the statement; not in the future.' })
  @IsISO8601({ strict: true, strictSeparator: true }, DATE)
  @Length(10, 10, DATE)
  meetingDate!: string;
}

export class DispositionDto extends VersionDto implements DispositionRequest {
  @ApiProperty({ enum: DISPOSITIONS })
  @IsIn(DISPOSITIONS, { message: `must be one of ${DISPOSITIONS.join(', ')}` })
  disposition!: Disposition;

  @ApiProperty({ minLength: 1, maxLength: CONSULTATION_LIMITS.dispositionReason, description: 'Why, in words the council understands.' })
  @IsString({ message: 'must be text' })
  @Transform(trimmed)
  @Length(1, CONSULTATION_LIMITS.dispositionReason, {
    message: `must be 1–${CONSULTATION_LIMITS.dispositionReason} characters long`,
  })
  reason!: string;

  @ApiPropertyOptional({ enum: RECORD_SECTIONS, nullable: true, description: 'The section of the assessment the response refers to.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(RECORD_SECTIONS, { message: `must be one of ${RECORD_SECTIONS.join(', ')}` })
  linkedSection?: RecordSection | null;
}

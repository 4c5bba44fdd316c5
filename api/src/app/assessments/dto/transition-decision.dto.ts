import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_OUTCOMES, REVIEW_LIMITS, type DecisionOutcome, type DecisionRequest } from '@lava/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { message: 'must be a date like 2027-02-15' };

/**
 * The decision payload of a transition out of decision (`TransitionDto.decision`). The formats are
 * checked here; what each action requires (an outcome and a text for `record_decision`, a follow-up
 * date unless rejected…) is checked by the decision feature before the stage changes.
 */
export class DecisionDto implements DecisionRequest {
  @ApiPropertyOptional({ enum: DECISION_OUTCOMES, description: 'Required for record_decision (approved, approved_as_modified, rejected).' })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES, { message: `must be one of ${DECISION_OUTCOMES.join(', ')}` })
  outcome?: DecisionOutcome;

  @ApiProperty({ example: '2027-02-17', description: 'The committee meeting’s date; not in the future.' })
  @IsISO8601({ strict: true, strictSeparator: true }, DATE)
  @Length(10, 10, DATE)
  meetingDate!: string;

  @ApiProperty({ example: '§ 42', maxLength: REVIEW_LIMITS.minutesSection, description: 'The minutes section (pykälä).' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, REVIEW_LIMITS.minutesSection, { message: `must be 1–${REVIEW_LIMITS.minutesSection} characters long, e.g. § 42` })
  minutesSection!: string;

  @ApiPropertyOptional({
    maxLength: REVIEW_LIMITS.decisionText,
    description: 'The decision as written in the minutes; required for record_decision.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(REVIEW_LIMITS.decisionText, { message: `must be at most ${REVIEW_LIMITS.decisionText} characters long` })
  decisionText?: string;

  @ApiPropertyOptional({
    nullable: true,
    example: '2028-03-01',
    description:
      'After the meeting date. Required when approved or approved as modified; optional when rejected; not for tabled or returned.',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true, strictSeparator: true }, DATE)
  @Length(10, 10, DATE)
  followUpDate?: string | null;
}

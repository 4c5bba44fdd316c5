import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REVIEW_LIMITS, type AssignReviewerRequest, type UpdateChecklistItemRequest } from '@lava/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AssignReviewerDto implements AssignReviewerRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'A person with the reviewer role in the assessment’s municipality (see reviewer-candidates).',
  })
  @IsUUID('all', { message: 'must be the id of a person' })
  userId!: string;
}

export class UpdateChecklistItemDto implements UpdateChecklistItemRequest {
  @ApiProperty({ description: 'Is the item done?' })
  @IsBoolean({ message: 'must be true or false' })
  done!: boolean;

  @ApiPropertyOptional({
    maxLength: REVIEW_LIMITS.checklistComment,
    description: 'The reviewer’s note on the item; left out keeps the note as it is.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(REVIEW_LIMITS.checklistComment, { message: `must be at most ${REVIEW_LIMITS.checklistComment} characters long` })
  comment?: string;

  @ApiProperty({ description: 'The review round’s version you saw (optimistic locking).' })
  @Type(() => Number)
  @IsInt({ message: 'must be the version number you loaded' })
  @Min(1)
  version!: number;
}

// DecisionDto (the transition's decision payload) lives with the transition request in
// assessments/dto/transition-decision.dto.ts: the record depends on none of its features.
export { DecisionDto } from '../assessments/dto/transition-decision.dto';

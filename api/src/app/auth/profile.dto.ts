import { ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, type Language, type UpdateProfileRequest } from '@lava/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    description: 'How others see you. Youth council members may use a first name only.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'must be text' })
  @Length(1, 100, { message: 'must be 1–100 characters long' })
  displayName?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;
}

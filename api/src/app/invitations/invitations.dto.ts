import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type AcceptInvitationRequest, type CreateInvitationRequest, LANGUAGES, type Language, PASSWORD_MIN_LENGTH } from '@lava/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MembershipDto } from '../admin/admin-users.dto';
import { LinkTokenDto } from '../auth/link-token.dto';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty({ example: 'new.person@kotka.example' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'How others see them; the person may change it. Youth council members: a first name is enough.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'must be text' })
  @Length(1, 100, { message: 'must be 1–100 characters long' })
  displayName?: string;

  @ApiProperty({ enum: LANGUAGES, description: 'The language of the e-mail and of Lava for them.' })
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;

  @ApiProperty({ type: [MembershipDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must give at least one role' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MembershipDto)
  memberships!: MembershipDto[];
}

/** Passwords are checked by length (and not being the e-mail address) in the service, with a readable message. */
export class AcceptInvitationDto extends LinkTokenDto implements AcceptInvitationRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString({ message: 'must be text' })
  @MaxLength(1000)
  password!: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'How others see you. A first name is enough.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'must be text' })
  @Length(1, 100, { message: 'must be 1–100 characters long' })
  displayName?: string;
}

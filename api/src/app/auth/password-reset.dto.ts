import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MIN_LENGTH, type PasswordResetRequest, type SetNewPasswordRequest } from '@lava/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { LinkTokenDto } from './link-token.dto';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty({ example: 'official@kotka.example' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;
}

export class SetNewPasswordDto extends LinkTokenDto implements SetNewPasswordRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString({ message: 'must be text' })
  @MaxLength(1000)
  password!: string;
}

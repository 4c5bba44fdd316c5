import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@lava/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'official@kotka.example' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320, { message: 'must be at most 320 characters long' })
  email!: string;

  @ApiProperty({ example: 'lava-demo' })
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(1000, { message: 'must be at most 1000 characters long' })
  password!: string;
}

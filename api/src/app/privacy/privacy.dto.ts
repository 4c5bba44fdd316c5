import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type ErasePersonRequest, MY_DATA_FORMATS, type MyDataFormat } from '@lava/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class EraseUserDto implements ErasePersonRequest {
  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Why (e.g. "the person asked on 2026-12-01"); kept in the audit trail.' })
  @IsString({ message: 'must be text' })
  @Length(1, 500, { message: 'must be 1–500 characters long' })
  reason!: string;
}

export class MyDataQueryDto {
  @ApiPropertyOptional({ enum: MY_DATA_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(MY_DATA_FORMATS, { message: `must be one of ${MY_DATA_FORMATS.join(', ')}` })
  format?: MyDataFormat;
}

import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role, type UpdateMembershipsRequest } from '@lava/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsUUID, ValidateNested } from 'class-validator';

export class MembershipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be the id of an organization' })
  organizationId!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role!: Role;
}

export class UpdateMembershipsDto implements UpdateMembershipsRequest {
  @ApiProperty({ type: [MembershipDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MembershipDto)
  memberships!: MembershipDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COUNCIL_OFFICES,
  type CouncilOffice,
  type MembershipRequest,
  ROLES,
  type Role,
  type UpdateMembershipsRequest,
} from '@lava/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';

export class MembershipDto implements MembershipRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be the id of an organization' })
  organizationId!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({
    enum: COUNCIL_OFFICES,
    nullable: true,
    description:
      'Only for youth_council_member: the council’s chair or secretary, who record the adoption of its statements. Absent or null: a plain member. ' +
      'A council has one of each; giving an office here makes its current holder a plain member.',
  })
  @IsOptional()
  @IsIn(COUNCIL_OFFICES, { message: `must be one of ${COUNCIL_OFFICES.join(', ')}, or null for a plain member` })
  councilOffice?: CouncilOffice | null;
}

export class UpdateMembershipsDto implements UpdateMembershipsRequest {
  @ApiProperty({ type: [MembershipDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MembershipDto)
  memberships!: MembershipDto[];
}

import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AdminDeactivation, AdminUserView, Language, MembershipsSaved, Page } from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { PageQueryDto } from '../common/page-query.dto';
import { RequestLanguage } from '../common/request-language';
import { uuidPipe } from '../common/uuid.pipe';
import { AdminGuard } from './admin.guard';
import { UpdateMembershipsDto } from './admin-users.dto';
import { AdminUsersService } from './admin-users.service';

@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only for admins.' })
@UseGuards(AdminGuard)
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  list(
    @CurrentUser() admin: AuthenticatedUser,
    @Query() query: PageQueryDto,
    @RequestLanguage() language: Language,
  ): Promise<Page<AdminUserView>> {
    return this.users.list(admin, query.limit, query.cursor, language);
  }

  @Put(':id/memberships')
  @ApiOkResponse({
    description:
      'The person as now, and `replacedOfficeHolders`: whom a youth council office given here passed from (they are now plain members).',
  })
  @ApiBadRequestResponse({
    description: 'A role outside your organizations or its kind, or a council office on a role other than youth_council_member.',
  })
  @ApiNotFoundResponse({ description: 'No such user in your organizations.' })
  setMemberships(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', uuidPipe('user')) id: string,
    @Body() body: UpdateMembershipsDto,
    @RequestLanguage() language: Language,
  ): Promise<MembershipsSaved> {
    return this.users.setMemberships(admin, id, body, language);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      '`deactivated`: every role of the person was in your organizations; the account is closed and its sessions end at once. ' +
      '`roles_removed`: the person also has roles elsewhere; only the roles in your organizations were removed.',
  })
  @ApiNotFoundResponse({ description: 'No such user in your organizations.' })
  deactivate(@CurrentUser() admin: AuthenticatedUser, @Param('id', uuidPipe('user')) id: string): Promise<AdminDeactivation> {
    return this.users.deactivate(admin, id);
  }

  @Post(':id/reactivate')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The account works again.' })
  @ApiConflictResponse({ description: 'The person also has roles in organizations you do not administer.' })
  @ApiNotFoundResponse({ description: 'No such user in your organizations.' })
  reactivate(@CurrentUser() admin: AuthenticatedUser, @Param('id', uuidPipe('user')) id: string): Promise<void> {
    return this.users.reactivate(admin, id);
  }
}

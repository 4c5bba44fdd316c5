import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommitteeOption } from '@lava/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { RequestLanguage } from '../common/request-language';
import { OrganizationsService } from './organizations.service';
import type { Language } from '@lava/contracts';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('committees')
export class CommitteesController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** Committees the caller may start an assessment for (those of municipalities where they are an official). */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @RequestLanguage() language: Language): Promise<CommitteeOption[]> {
    return this.organizations.committeesForOfficial(user.id, language);
  }
}

import { Body, Controller, Get, HttpCode, Inject, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { InvitationDetails, InvitationResult, Language, LoginResponse, PendingInvitationView } from '@lava/contracts';
import type { Response } from 'express';
import { AdminGuard } from '../admin/admin.guard';
import { LinkTokenDto } from '../auth/link-token.dto';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { Public } from '../common/public.decorator';
import { REFRESH_COOKIE, refreshCookieOptions } from '../auth/refresh-cookie';
import { RequestLanguage } from '../common/request-language';
import { LavaConfig } from '../config/lava-config';
import { AcceptInvitationDto, CreateInvitationDto } from './invitations.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only for admins.' })
@UseGuards(AdminGuard)
@Controller('admin/invitations')
export class AdminInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /**
   * Gives a person roles in the admin's organizations and e-mails them (queued). A new address gets
   * an account without a password and a link to set one (valid INVITATION_TTL_DAYS from sending);
   * inviting again replaces the earlier link. Someone with a password only hears they got access.
   */
  @Post()
  @ApiCreatedResponse({ description: 'The person has the roles; the e-mail is on its way.' })
  @ApiBadRequestResponse({ description: 'A role outside your organizations, or not possible in that kind of organization.' })
  invite(@CurrentUser() admin: AuthenticatedUser, @Body() body: CreateInvitationDto): Promise<InvitationResult> {
    return this.invitations.invite(admin, body);
  }

  /** Invitations not yet accepted (nor replaced or expired) in the admin's organizations, newest first. */
  @Get()
  pending(@CurrentUser() admin: AuthenticatedUser): Promise<PendingInvitationView[]> {
    return this.invitations.pending(admin);
  }
}

/**
 * The invited person's side: public, the token in the link is the proof. The token comes in the
 * POST body (the e-mailed link has it in the URL fragment), never in a URL the server logs.
 */
@ApiTags('auth')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  @Public()
  @Post('lookup')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Who is invited, and to which organizations.' })
  @ApiNotFoundResponse({ description: 'No such invitation.' })
  @ApiGoneResponse({ description: 'The invitation has expired, was used, or was replaced by a newer one.' })
  details(@Body() body: LinkTokenDto, @RequestLanguage() language: Language): Promise<InvitationDetails> {
    return this.invitations.details(body.token, language);
  }

  @Public()
  @Post('accept')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Password set and signed in: as POST /api/auth/login (an access token, and the refresh cookie).' })
  @ApiBadRequestResponse({ description: 'The password is too short or is the e-mail address.' })
  @ApiNotFoundResponse({ description: 'No such invitation.' })
  @ApiGoneResponse({ description: 'The invitation has expired, was used, or was replaced by a newer one.' })
  async accept(@Body() body: AcceptInvitationDto, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const { login, session } = await this.invitations.accept(body.token, body);
    response.cookie(REFRESH_COOKIE, session.token, refreshCookieOptions(this.config, session.expiresAt));
    return login;
  }
}

import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { CurrentUser as CurrentUserView, LoginResponse } from '@lava/contracts';
import type { Request, Response } from 'express';
import { LavaConfig } from '../config/lava-config';
import { AuthService } from './auth.service';
import { type AuthenticatedUser, CurrentUser } from '../common/authenticated-user';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginDto } from './login.dto';
import { Public } from '../common/public.decorator';
import { REFRESH_COOKIE, refreshCookieOptions } from './refresh-cookie';
import { SameSiteGuard } from './same-site.guard';
import { type IssuedRefreshToken, SessionsService } from './sessions.service';

/**
 * Sessions: a short-lived access token in the response body (the web keeps it in memory) and a
 * refresh token in an httpOnly cookie scoped to /api/auth, rotated on every refresh.
 * Sign-in, refresh and sign-out refuse a request another website's page made (SameSiteGuard; the
 * cookie is SameSite=Strict as well), so no other site can use or end a person's session, or sign
 * a browser in to an account of its choosing.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  @Public()
  @UseGuards(SameSiteGuard, LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in: an access token and who you are; the refresh token is set as a cookie.' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is deactivated.' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this account or from this address; see Retry-After.' })
  async login(
    @Body() _credentials: LoginDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    this.setCookie(response, await this.sessions.start(user.id, 'password'));
    return this.auth.issueToken(user);
  }

  @Public()
  @UseGuards(SameSiteGuard)
  @Post('refresh')
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiForbiddenResponse({ description: 'The request came from another website.' })
  @ApiOkResponse({ description: 'A new access token (and a new refresh cookie); the presented refresh token stops working.' })
  @ApiUnauthorizedResponse({ description: 'No valid refresh cookie: sign in again.' })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const rotated = await this.sessions.rotate(readCookie(request));
    const user = 'refused' in rotated ? null : await this.auth.loadActiveUser(rotated.userId);
    if ('refused' in rotated || !user) {
      this.clearCookie(response);
      throw new UnauthorizedException('Please sign in again.');
    }
    this.setCookie(response, rotated);
    return this.auth.issueToken(user);
  }

  /** Public, so signing out works also after the access token has expired. */
  @Public()
  @UseGuards(SameSiteGuard)
  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiForbiddenResponse({ description: 'The request came from another website.' })
  @ApiNoContentResponse({ description: 'Signed out: the session’s refresh tokens are revoked and the cookie cleared.' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.revoke(readCookie(request));
    this.clearCookie(response);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): Promise<CurrentUserView> {
    return this.auth.describe(user);
  }

  private setCookie(response: Response, issued: IssuedRefreshToken): void {
    response.cookie(REFRESH_COOKIE, issued.token, refreshCookieOptions(this.config, issued.expiresAt));
  }

  private clearCookie(response: Response): void {
    response.clearCookie(REFRESH_COOKIE, refreshCookieOptions(this.config));
  }
}

function readCookie(request: Request): string | undefined {
  const value: unknown = (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthProviders } from '@lava/contracts';
import type { Request, Response } from 'express';
import { LavaConfig } from '../../config/lava-config';
import { refreshCookieOptions, REFRESH_COOKIE } from '../refresh-cookie';
import { Public } from '../../common/public.decorator';
import { SessionsService } from '../sessions.service';
import { OIDC_COOKIE, OidcService } from './oidc.service';

@ApiTags('auth')
@Controller('auth')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly sessions: SessionsService,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  /** What the login page offers besides e-mail and password. */
  @Public()
  @Get('providers')
  @ApiOkResponse({ description: 'Whether "Sign in with your organization" is available.' })
  providers(): AuthProviders {
    return { oidc: { enabled: this.oidc.enabled, label: this.config.OIDC_LABEL ?? null, loginUrl: '/api/auth/oidc' } };
  }

  /** Sends the browser to the organization's identity provider. */
  @Public()
  @Get('oidc')
  @ApiFoundResponse({ description: 'Redirect to the identity provider.' })
  @ApiNotFoundResponse({ description: 'Organization sign-in is not configured.' })
  async start(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException('Organization sign-in is not configured.');
    // A browser signed in with the password (its refresh cookie is sent to /api/auth/…) may link the provider's account.
    const refresh: unknown = (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
    const { url, cookie } = await this.oidc.start(await this.sessions.holder(typeof refresh === 'string' ? refresh : undefined));
    // Lax, not Strict: the cookie must come back on the provider's top-level redirect to us.
    response.cookie(OIDC_COOKIE, cookie, this.pendingCookie());
    response.redirect(302, url);
  }

  /** The identity provider's answer: signs the person in (refresh cookie) and returns to the web app. */
  @Public()
  @Get('oidc/callback')
  @ApiFoundResponse({
    description: 'Back to the web app: signed in, or to the login page with ?error=oidc_failed | oidc_no_account | oidc_link_needed.',
  })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException('Organization sign-in is not configured.');
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    const cookie: unknown = (request.cookies as Record<string, unknown> | undefined)?.[OIDC_COOKIE];
    const result = await this.oidc.finish(query, typeof cookie === 'string' ? cookie : undefined);
    response.clearCookie(OIDC_COOKIE, this.pendingCookie());
    const web = this.config.WEB_ORIGIN.replace(/\/$/, '');
    if ('error' in result) {
      response.redirect(302, `${web}/login?error=${result.error}`);
      return;
    }
    const issued = await this.sessions.start(result.userId, 'organization');
    response.cookie(REFRESH_COOKIE, issued.token, refreshCookieOptions(this.config, issued.expiresAt));
    response.redirect(302, `${web}/assessments`);
  }

  private pendingCookie() {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.NODE_ENV === 'production',
      path: '/api/auth/oidc',
      maxAge: 600_000,
    };
  }
}

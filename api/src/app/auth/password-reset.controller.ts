import { Body, Controller, HttpCode, HttpException, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LavaConfig } from '../config/lava-config';
import { LoginThrottle } from './login-throttle';
import { PasswordResetDto, SetNewPasswordDto } from './password-reset.dto';
import { PasswordResetService } from './password-reset.service';
import { Public } from '../common/public.decorator';

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly throttle: LoginThrottle,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  /**
   * Asks for a reset link by e-mail. The answer is the same whether or not the address has an
   * account, so accounts cannot be discovered. Throttled like sign-in per client address (429);
   * per e-mail address at most PASSWORD_RESET_MAX_PER_ACCOUNT e-mails per window (more get the same answer).
   */
  @Public()
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'If the address has an account, a link is on its way.' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address; see Retry-After.' })
  async request(
    @Body() body: PasswordResetDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ message: string }> {
    const { blocked, send } = await this.throttle.checkReset(body.email, request.ip ?? 'unknown');
    if (blocked) {
      response.setHeader('Retry-After', String(blocked.retryAfterSeconds));
      throw new HttpException(blocked.message, HttpStatus.TOO_MANY_REQUESTS);
    }
    if (send) await this.resets.request(body.email);
    const minutes = this.config.PASSWORD_RESET_TTL_MINUTES;
    return { message: `If this address has an account in Lava, we sent a link to it. The link works for ${minutes} minutes.` };
  }

  /** Sets the new password. The link's token comes in the body (the e-mailed link has it in the URL fragment). */
  @Public()
  @Post('complete')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'The password is changed, every session of the person has ended, and sign-in failures on the account are forgotten.',
  })
  @ApiBadRequestResponse({ description: 'The password is too short or is the e-mail address.' })
  @ApiNotFoundResponse({ description: 'No such link.' })
  @ApiGoneResponse({ description: 'The link has expired or was used.' })
  async reset(@Body() body: SetNewPasswordDto): Promise<void> {
    // The owner locked out by someone else's guesses gets in at once with the new password.
    await this.throttle.forgetAccount(await this.resets.reset(body.token, body.password));
  }
}

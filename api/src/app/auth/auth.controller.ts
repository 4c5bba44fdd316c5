import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { CurrentUser as CurrentUserView, LoginResponse } from '@lava/contracts';
import { AuthService } from './auth.service';
import { type AuthenticatedUser, CurrentUser } from './authenticated-user';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginDto } from './login.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in: an access token and who you are.' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is deactivated.' })
  login(@Body() _credentials: LoginDto, @CurrentUser() user: AuthenticatedUser): Promise<LoginResponse> {
    return this.auth.issueToken(user);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): Promise<CurrentUserView> {
    return this.auth.describe(user);
  }
}

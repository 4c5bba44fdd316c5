import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { LoginThrottle } from './login-throttle';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: Request, email: string, password: string): Promise<AuthenticatedUser> {
    // request.ip is the client's address also behind our nginx (see 'trust proxy' in configure-app.ts).
    const address = request.ip ?? 'unknown';
    // The attempt is counted before the password is checked, so parallel guesses cannot all slip past the limit.
    const blocked = await this.throttle.take(email, address);
    if (blocked) {
      request.res?.setHeader('Retry-After', String(blocked.retryAfterSeconds));
      throw new HttpException(blocked.message, HttpStatus.TOO_MANY_REQUESTS);
    }
    const user = await this.auth.verifyPassword(email, password);
    if (!user) {
      // One message for unknown e-mail and wrong password, so accounts cannot be discovered.
      throw new UnauthorizedException('The e-mail address or password is wrong.');
    }
    await this.throttle.succeeded(email, address);
    return user;
  }
}

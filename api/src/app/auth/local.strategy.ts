import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<AuthenticatedUser> {
    const user = await this.auth.verifyPassword(email, password);
    // One message for unknown e-mail and wrong password, so accounts cannot be discovered.
    if (!user) throw new UnauthorizedException('The e-mail address or password is wrong.');
    return user;
  }
}

import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { LavaConfig } from '../config/lava-config';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';

interface AccessTokenClaims {
  sub: string;
}

/** Verifies the bearer token and reloads the user, so a deactivated account stops at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(LavaConfig) config: LavaConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    const user = await this.auth.loadActiveUser(claims.sub);
    if (!user) throw new UnauthorizedException('Please sign in again.');
    return user;
  }
}

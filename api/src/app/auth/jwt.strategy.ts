import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { LavaConfig } from '../config/lava-config';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_TYPE, AuthService } from './auth.service';
import type { AuthenticatedUser } from '../common/authenticated-user';

interface AccessTokenClaims {
  sub?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Verifies the bearer token and reloads the user, so a deactivated account stops at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(LavaConfig) config: LavaConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every request, which cost ~1.5 ms per verify against ~35 µs on this machine.
      // passport-jwt hands the key to jsonwebtoken untouched; its typings only name string | Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as Buffer,
      algorithms: ['HS256'],
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
      jsonWebTokenOptions: { complete: true },
    });
  }

  /** With `complete`, passport-jwt hands over header and payload: the type and a UUID subject are checked here. */
  async validate(token: { header?: { typ?: unknown }; payload?: AccessTokenClaims } | AccessTokenClaims): Promise<AuthenticatedUser> {
    const header = 'header' in token ? token.header : undefined;
    const claims = 'payload' in token ? token.payload : (token as AccessTokenClaims);
    if (header?.typ !== ACCESS_TOKEN_TYPE || typeof claims?.sub !== 'string' || !UUID.test(claims.sub))
      throw new UnauthorizedException('Please sign in again.');
    const user = await this.auth.loadActiveUser(claims.sub);
    if (!user) throw new UnauthorizedException('Please sign in again.');
    return user;
  }
}

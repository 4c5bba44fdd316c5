import { createSecretKey } from 'node:crypto';
import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LavaConfig } from '../config/lava-config';
import { NotificationsModule } from '../notifications/notifications.module';
import { Membership } from '../organizations/membership.entity';
import { RedisClient } from '../queue/redis-client';
import { User } from '../users/user.entity';
import { AuthController } from './auth.controller';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { createLoginThrottle, LoginThrottle } from './login-throttle';
import { LocalStrategy } from './local.strategy';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetService } from './password-reset.service';
import { ProfileController } from './profile.controller';
import { RefreshToken } from './refresh-token.entity';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    PassportModule,
    NotificationsModule,
    TypeOrmModule.forFeature([User, Membership, RefreshToken]),
    JwtModule.registerAsync({
      inject: [LavaConfig],
      // A KeyObject, not the string: jsonwebtoken would otherwise try to parse the string as a PEM key per call.
      useFactory: (config: LavaConfig) => ({
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, OidcController, PasswordResetController, ProfileController],
  providers: [
    OidcService,
    AuthService,
    SessionsService,
    PasswordResetService,
    LocalStrategy,
    JwtStrategy,
    {
      provide: LoginThrottle,
      inject: [LavaConfig, RedisClient],
      useFactory: (config: LavaConfig, redisClient: RedisClient) => {
        const logger = new Logger('LoginThrottle');
        return createLoginThrottle(config, (message) => logger.warn(message), redisClient);
      },
    },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [AuthService, SessionsService],
})
export class AuthModule {}

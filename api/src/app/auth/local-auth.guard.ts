import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/** passport-local, with a 400 (not a 401) when the body lacks e-mail or password. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<T>(error: unknown, user: T | false, info: { message?: string } | undefined): T {
    if (error) throw error;
    if (!user && info?.message === 'Missing credentials') {
      throw new BadRequestException({
        message: 'Please give your e-mail address and password.',
        details: [
          { field: 'email', messages: ['is required'] },
          { field: 'password', messages: ['is required'] },
        ],
      });
    }
    if (!user) throw new UnauthorizedException('The e-mail address or password is wrong.');
    return user;
  }
}

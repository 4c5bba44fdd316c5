import { BadRequestException, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { createValidationPipe } from '../common/validation';
import { LoginDto } from './login.dto';

/** passport-local, with a 400 (not a 401, nor a 500) when the body lacks e-mail or password or they are not text. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // A guard runs before the route's pipes: the body is checked here, so that `{"email": 123}` is a
    // 400 naming the field rather than a crash inside passport. Missing fields are passport's
    // "Missing credentials" (below), with the message people see on the sign-in page.
    const request = context.switchToHttp().getRequest<Request>();
    const body: unknown = request.body;
    if (body && typeof body === 'object' && 'email' in body && 'password' in body && body.email != null && body.password != null) {
      request.body = await createValidationPipe().transform(body, { type: 'body', metatype: LoginDto });
    }
    return (await super.canActivate(context)) as boolean;
  }

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

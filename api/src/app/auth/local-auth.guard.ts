import { BadRequestException, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { createValidationPipe, requestProblems } from '../common/validation';
import { LoginDto } from './login.dto';

/**
 * passport-local, with a 400 (not a 401, nor a 500) when the body lacks e-mail or password or gives
 * them as something other than text (this guard runs before the validation pipe; NUL characters and
 * the like were refused before it, see common/input-safety.ts).
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const body: unknown = request.body;
    const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const notText = (['email', 'password'] as const).filter((f) => fields[f] !== undefined && typeof fields[f] !== 'string');
    if (notText.length > 0) throw requestProblems(notText.map((field) => ({ field, messages: ['must be text'] })));
    // Missing fields are passport's "Missing credentials" (below), with the message people see on the sign-in page.
    if (typeof fields['email'] === 'string' && typeof fields['password'] === 'string') {
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

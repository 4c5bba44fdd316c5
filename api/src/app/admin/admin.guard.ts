import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../common/authenticated-user';

/**
 * Admin routes: the caller must be an admin somewhere. Which records they may touch is decided
 * per record (AdminScope); the routes themselves are no secret, so others get 403, not 404.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (user?.memberships.some((m) => m.role === 'admin')) return true;
    throw new ForbiddenException('This is for administrators.');
  }
}

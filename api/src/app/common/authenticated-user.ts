import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { CouncilOffice, Language, Role } from '@lava/contracts';

/** Who is calling, as loaded by the JWT strategy on every request. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  memberships: { organizationId: string; role: Role; councilOffice: CouncilOffice | null }[];
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest().user,
);

import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { CouncilOffice, Language, Role } from '@lava/contracts';

/** Who is calling, as loaded by the JWT strategy on every request. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  memberships: { organizationId: string; role: Role; councilOffice: CouncilOffice | null }[];
  /**
   * Municipalities where they are municipal staff (see OrganizationsService.staffMunicipalityIds),
   * read in the same statement as the rest; absent on a caller not loaded by loadActiveUser.
   */
  staffMunicipalityIds?: readonly string[];
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest().user,
);

import type { Language, OrganizationKind, Role } from './roles';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface MembershipView {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: Role;
}

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  memberships: MembershipView[];
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: CurrentUser;
}

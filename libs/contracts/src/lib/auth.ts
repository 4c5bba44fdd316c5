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

/**
 * The session routes. `login` and `refresh` answer a LoginResponse and set the refresh token as an
 * httpOnly cookie (path /api/auth) that no script can read; `refresh` rotates it; `logout` revokes
 * it (204). The access token is short-lived: keep it in memory, never in storage.
 */
export const AUTH_ROUTES = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
} as const;

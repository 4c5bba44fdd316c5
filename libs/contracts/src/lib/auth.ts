import type { CouncilOffice, Language, OrganizationKind, Role } from './roles';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface MembershipView {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: Role;
  /** The youth council's chair or secretary; null for every other membership. */
  councilOffice: CouncilOffice | null;
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

/** Ways to sign in besides e-mail and password, for the login page. */
export interface AuthProviders {
  oidc: { enabled: boolean; label: string | null; loginUrl: string };
}

/**
 * Why an organization sign-in came back to the login page (`/login?error=…`). `oidc_link_needed`:
 * the provider's account is not linked to a Lava account yet; signing in once with the password and
 * then with the organization links them.
 */
export const OIDC_LOGIN_ERRORS = ['oidc_failed', 'oidc_no_account', 'oidc_link_needed'] as const;
export type OidcLoginError = (typeof OIDC_LOGIN_ERRORS)[number];

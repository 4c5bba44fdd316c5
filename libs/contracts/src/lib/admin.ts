import type { Language, OrganizationKind, Role } from './roles';

/** A person as an admin sees them: only the memberships within the admin's organizations. */
export interface AdminUserView {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  active: boolean;
  memberships: { organizationId: string; organizationName: string; organizationKind: OrganizationKind; role: Role }[];
}

/** An organization an admin administers (a region and everything below it, or one municipality and its units). */
export interface AdminOrganizationView {
  id: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
}

/** Replaces the user's memberships within the admin's organizations (others stay as they are). */
export interface UpdateMembershipsRequest {
  memberships: { organizationId: string; role: Role }[];
}

export interface UpdateProfileRequest {
  displayName?: string;
  language?: Language;
}

/** Which organization kinds each role belongs to. */
export const ROLE_ORGANIZATION_KINDS: Record<Role, readonly OrganizationKind[]> = {
  official: ['municipality', 'wellbeing_county'],
  reviewer: ['municipality', 'wellbeing_county'],
  admin: ['region', 'municipality', 'wellbeing_county'],
  committee_chair: ['committee'],
  youth_council_member: ['youth_council'],
};

import type { CouncilOffice, Language, OrganizationKind, Role } from './roles';
import type { SummaryLanguage } from './assessments';
import type { BodyType } from './bodies';

/** A person as an admin sees them: only the memberships within the admin's organizations. */
export interface AdminUserView {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  active: boolean;
  memberships: {
    organizationId: string;
    organizationName: string;
    organizationKind: OrganizationKind;
    role: Role;
    /** The youth council's chair or secretary; null for every other membership. */
    councilOffice: CouncilOffice | null;
  }[];
}

/** A role to give in one organization; a youth council member may also hold one of the council's offices. */
export interface MembershipRequest {
  organizationId: string;
  role: Role;
  /** Only for `youth_council_member`. Absent or null: a plain member. Taking an office passes it on from its current holder. */
  councilOffice?: CouncilOffice | null;
}

/** Someone whose council office passed to another person in the same save: they are now a plain member. */
export interface ReplacedOfficeHolder {
  userId: string;
  displayName: string;
  organizationId: string;
  organizationName: string;
  office: CouncilOffice;
}

/** `PUT /api/admin/users/:id/memberships` answers the person as now, and whom they took a council office from. */
export interface MembershipsSaved extends AdminUserView {
  replacedOfficeHolders: ReplacedOfficeHolder[];
}

/** An organization an admin administers (a region and everything below it, or one municipality and its units). */
export interface AdminOrganizationView {
  id: string;
  /** In the language asked for. */
  name: string;
  names: OrganizationNames;
  kind: OrganizationKind;
  parentId: string | null;
  /**
   * E-mail domains whose addresses the organization vouches for at its identity provider: a staff
   * member's first organization sign-in links only for an address in a domain of theirs (or of an
   * organization above). Empty for a youth council (its members never sign in that way).
   */
  oidcEmailDomains: string[];
  /**
   * A municipality's languages (Finnish, Swedish or both): its youth council reads the plain-language
   * summary in each of them, and a consultation opens only once the summary exists in each. Null for
   * the other kinds of organization.
   */
  languages: SummaryLanguage[] | null;
  /** A heard body's type (pupil council, NGO, …); null (or absent, in older clients' fixtures) for every other kind. */
  bodyType?: BodyType | null;
}

/** `PUT /api/admin/organizations/:id/languages`: the municipality's languages, at least one. */
export interface SetOrganizationLanguagesRequest {
  languages: SummaryLanguage[];
}

/** `PUT /api/admin/organizations/{id}/oidc-email-domains`. */
export interface OidcEmailDomainsRequest {
  domains: string[];
}
export const OIDC_EMAIL_DOMAINS_MAX = 20;

export interface OrganizationNames {
  fi: string;
  sv: string;
  en: string;
}

export interface CreateOrganizationRequest {
  parentId: string;
  kind: OrganizationKind;
  names: OrganizationNames;
  /** Required for a `heard_body`, absent otherwise. */
  bodyType?: BodyType;
}

export interface RenameOrganizationRequest {
  names: OrganizationNames;
}

/** Which kinds of organization may sit under which (a region holds municipalities; a municipality its committees and one youth council). */
export const CHILD_ORGANIZATION_KINDS: Record<OrganizationKind, readonly OrganizationKind[]> = {
  region: ['municipality', 'wellbeing_county'],
  municipality: ['committee', 'youth_council', 'heard_body'],
  wellbeing_county: ['committee', 'youth_council', 'heard_body'],
  committee: [],
  youth_council: [],
  heard_body: [],
};

/** Replaces the user's memberships within the admin's organizations (others stay as they are). */
export interface UpdateMembershipsRequest {
  memberships: MembershipRequest[];
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
  // Members of any consulted body (a youth council or another heard body): see CONSULTED_KINDS.
  youth_council_member: ['youth_council', 'heard_body'],
  regional_coordinator: ['region'],
};

/**
 * `POST /api/admin/users/:id/deactivate`. `deactivated`: every role of the person was in the admin's
 * organizations, so the account is closed. `roles_removed`: the person also has roles elsewhere, so
 * only the roles in the admin's organizations were removed (the person leaves the admin's list).
 */
export interface AdminDeactivation {
  outcome: 'deactivated' | 'roles_removed';
}

/** `POST /api/admin/invitations`: creates the person if the address is new, adds the roles, and e-mails them. */
export interface CreateInvitationRequest {
  email: string;
  displayName?: string;
  language: Language;
  memberships: MembershipRequest[];
}

/**
 * `invited`: a new person (or one who never set a password) gets a link to set a password.
 * `access_granted`: the person already had an account; they got the roles and an e-mail saying so.
 * Someone who had no role in the admin's organizations before is always answered `invited` (they get
 * whichever e-mail fits them): the answer never tells whether an address has an account elsewhere.
 */
export interface InvitationResult {
  userId: string;
  outcome: 'invited' | 'access_granted';
}

/** A pending invitation as an admin sees it. */
export interface PendingInvitationView {
  id: string;
  userId: string;
  email: string;
  displayName: string;
  createdAt: string;
  /** Null until the e-mail with the link has been sent. */
  sentAt: string | null;
  expiresAt: string;
}

/** `POST /api/invitations/lookup`: what the invited person sees before setting a password. */
export interface InvitationDetails {
  email: string;
  displayName: string;
  organizationNames: string[];
  expiresAt: string;
}

/**
 * The secret of an e-mailed link (invitation, password reset). The link carries it in the URL's
 * fragment (`/invitation#token=…`), which browsers never send to a server; the page sends it in a
 * POST body, so it never stands in a URL that a proxy or server logs.
 */
export interface LinkTokenRequest {
  token: string;
}

export interface AcceptInvitationRequest extends LinkTokenRequest {
  password: string;
  displayName?: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface SetNewPasswordRequest extends LinkTokenRequest {
  password: string;
}

/** Passwords set through an invitation or a reset link. */
export const PASSWORD_MIN_LENGTH = 12;

/** A user's role within one organization (see docs/domain.md, "Who uses it"). */
export const ROLES = ['official', 'reviewer', 'committee_chair', 'youth_council_member', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['region', 'municipality', 'wellbeing_county', 'committee', 'youth_council'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

import { WORKFLOW_ROLES, type WorkflowRole } from '@lava/workflow';

/** A user's role within one organization (see docs/domain.md, "Who uses it"). The workflow owns the list. */
export const ROLES = WORKFLOW_ROLES;
export type Role = WorkflowRole;

export const ORGANIZATION_KINDS = ['region', 'municipality', 'wellbeing_county', 'committee', 'youth_council', 'heard_body'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Offices within a youth council: its chair and secretary record the meeting where the council
 * adopted a statement. A council has at most one of each; other members hold none (null).
 */
export const COUNCIL_OFFICES = ['chair', 'secretary'] as const;
export type CouncilOffice = (typeof COUNCIL_OFFICES)[number];

/** Whether these memberships make their holder the chair or secretary of the youth council `councilId`. */
export function isCouncilOfficer(
  memberships: readonly { organizationId: string; role: Role; councilOffice?: CouncilOffice | null }[],
  councilId: string,
): boolean {
  return memberships.some((m) => m.organizationId === councilId && m.role === 'youth_council_member' && m.councilOffice != null);
}

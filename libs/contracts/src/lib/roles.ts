import { WORKFLOW_ROLES, type WorkflowRole } from '@lava/workflow';

/** A user's role within one organization (see docs/domain.md, "Who uses it"). The workflow owns the list. */
export const ROLES = WORKFLOW_ROLES;
export type Role = WorkflowRole;

export const ORGANIZATION_KINDS = ['region', 'municipality', 'wellbeing_county', 'committee', 'youth_council'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

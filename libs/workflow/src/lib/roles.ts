/**
 * The roles the workflow knows. The same strings as `ROLES` in `@lava/contracts`; they are
 * spelled out again here so that the workflow depends on nothing (contracts may re-export these).
 */
/**
 * `regional_coordinator` (LAPE coordinator) is held on a region: it reads the region's assessments once
 * they have left draft and its dashboard, and takes no workflow action (see `canCoordinatorRead`).
 */
export const WORKFLOW_ROLES = ['official', 'reviewer', 'committee_chair', 'youth_council_member', 'admin', 'regional_coordinator'] as const;

export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

/**
 * Who is acting. `roles` are the roles the user holds in the organization the assessment belongs
 * to (for a committee chair: the deciding committee). The API works out membership; the workflow
 * only looks at the roles and the user id.
 */
export interface WorkflowActor {
  readonly userId: string;
  readonly roles: readonly WorkflowRole[];
}

export function isWorkflowRole(value: unknown): value is WorkflowRole {
  return typeof value === 'string' && (WORKFLOW_ROLES as readonly string[]).includes(value);
}

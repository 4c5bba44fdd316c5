import type { AssessmentDetail, CurrentUser } from '@lava/contracts';
import { isWorkflowRole, recordFacts, type AssessmentFacts, type WorkflowActor } from '@lava/workflow';

/** What the workflow needs to decide whether the record's own parts are editable (the rest does not matter for that). */
export function contentFacts(detail: AssessmentDetail): AssessmentFacts {
  return recordFacts({ ...detail, responsibleOfficialId: detail.responsibleOfficial.id });
}

/** The signed-in user as the workflow policies see them for one assessment: the roles held in its municipality. */
export function municipalActor(user: CurrentUser, detail: Pick<AssessmentDetail, 'municipalityId'>): WorkflowActor {
  const roles = user.memberships
    .filter((m) => m.organizationId === detail.municipalityId)
    .map((m) => m.role)
    .filter(isWorkflowRole);
  return { userId: user.id, roles };
}

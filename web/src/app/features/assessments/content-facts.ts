import type { AssessmentDetail } from '@lava/contracts';
import { recordFacts, type AssessmentFacts } from '@lava/workflow';

/** What the workflow needs to decide whether the record's own parts are editable (the rest does not matter for that). */
export function contentFacts(detail: AssessmentDetail): AssessmentFacts {
  return recordFacts({ ...detail, responsibleOfficialId: detail.responsibleOfficial.id });
}

import type { AssessmentFacts } from '@lava/workflow';
import type { Assessment } from './assessment.entity';

/**
 * What the workflow needs to know about an assessment, from what is stored so far.
 * Consultations, statements and the review checklist arrive with their own features; until then
 * there are none, so the guards that need them refuse (no consultation can open without a youth
 * council, no review can be approved without an assigned reviewer and a complete checklist).
 */
export function assessmentFacts(assessment: Assessment): AssessmentFacts {
  return {
    stage: assessment.stage,
    responsibleOfficialId: assessment.responsibleOfficialId,
    assignedReviewerIds: [],
    screening: { affectsChildren: assessment.screeningAffectsChildren, rationale: assessment.screeningRationale },
    hasPlainLanguageSummary: assessment.plainLanguageSummary.trim().length > 0,
    consultations: [],
    // Vacuously true: no statement has been submitted, so no point waits for an answer.
    allStatementPointsAnswered: true,
    reviewChecklist: [],
    followUpDate: assessment.followUpDate,
    hasExPostEvaluation: assessment.exPostEvaluation.trim().length > 0,
  };
}

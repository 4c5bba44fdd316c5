import { recordFacts, type AssessmentFacts, type RecordFactsSource } from '@lava/workflow';
import type { Assessment } from './assessment.entity';

/**
 * What the workflow needs to know about an assessment: the record's own facts (shared with the web
 * through `recordFacts`) and what the features around it (review, consultation) add through
 * `AssessmentExtensions.facts`. Where no feature says otherwise there are no consultations, no
 * reviewers and an empty checklist, so the guards that need them refuse.
 */
export function assessmentFacts(
  assessment: Assessment,
  lists: Pick<RecordFactsSource, 'alternatives' | 'impactMatrix' | 'evidence'>,
  contributed: Partial<AssessmentFacts> = {},
): AssessmentFacts {
  return {
    ...recordFacts({
      stage: assessment.stage,
      responsibleOfficialId: assessment.responsibleOfficialId,
      screening: { affectsChildren: assessment.screeningAffectsChildren, rationale: assessment.screeningRationale },
      plainLanguageSummary: assessment.plainLanguageSummary,
      plainLanguageSummarySv: assessment.plainLanguageSummarySv,
      followUpDate: assessment.followUpDate,
      exPostEvaluation: assessment.exPostEvaluation,
      ...lists,
      childrensViews: { whatTheySaid: assessment.viewsWhatTheySaid, notHeardReason: assessment.viewsNotHeardReason },
    }),
    ...contributed,
  };
}

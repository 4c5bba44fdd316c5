import { emptyRecordContent, type AssessmentDetail, type AssessmentSummary } from '@lava/contracts';

export function assessment(n: number, overrides: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return {
    id: `a${n}`,
    title: `Assessment ${n}`,
    stage: 'screening',
    municipalityId: 'm1',
    municipalityName: 'Kotka',
    committeeId: 'c1',
    committeeName: 'Education committee',
    plannedMeetingDate: '2026-12-15',
    caseNumber: null,
    responsibleOfficial: { id: 'u1', displayName: 'Olli Official' },
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    version: 1,
    nextDeadline: { kind: 'meeting', at: '2026-12-15', overdue: false },
    ...overrides,
  };
}

export function detail(overrides: Partial<AssessmentDetail> = {}): AssessmentDetail {
  return {
    ...assessment(1),
    screening: { affectsChildren: null, impactKind: null, ageGroups: [], ageRange: null, rationale: '', signedBy: null, signedAt: null },
    plainLanguageSummary: '',
    plainLanguageSummarySv: '',
    followUpDate: null,
    exPostEvaluation: '',
    wellbeing: { framework: 'none', indicators: [] },
    ...emptyRecordContent(),
    ...overrides,
  };
}

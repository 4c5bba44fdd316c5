import type { Stage } from '@lava/workflow';

export interface CreateAssessmentRequest {
  title: string;
  /** The committee (lautakunta / nämnd) whose decision this assessment belongs to. */
  committeeId: string;
  /** ISO date (YYYY-MM-DD) of the meeting where the decision is planned. */
  plannedMeetingDate?: string;
  /** The case number in the municipality's case management (diaarinumero), free form. */
  caseNumber?: string;
}

export interface AssessmentSummary {
  id: string;
  title: string;
  stage: Stage;
  municipalityId: string;
  municipalityName: string;
  committeeId: string;
  committeeName: string;
  plannedMeetingDate: string | null;
  caseNumber: string | null;
  responsibleOfficial: { id: string; displayName: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A committee the current user may start an assessment for. */
export interface CommitteeOption {
  id: string;
  name: string;
  municipalityId: string;
  municipalityName: string;
}

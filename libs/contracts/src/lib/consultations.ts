import type { BodyType } from './bodies';
import type { ConsultationStatus, Stage } from '@lava/workflow';
import type { RecordSection } from './assessments';

/** Limits of the consultation texts (the API refuses longer ones with 400). */
export const CONSULTATION_LIMITS = {
  /** One statement point. */
  pointText: 5000,
  /** Points in one statement. */
  points: 50,
  /** The official's message to the council. */
  message: 5000,
  /** The reason given with a disposition (vastine). */
  dispositionReason: 5000,
} as const;

/** How long a removed statement point can be brought back (the council's undo), in hours. */
export const STATEMENT_POINT_UNDO_HOURS = 24;

/** What the official answers to one statement point (vastine / bemötande). */
export const DISPOSITIONS = ['accepted', 'partly_accepted', 'not_accepted', 'out_of_scope'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * Where a council's request stands on the official's status board. `planned`: asked in draft, not
 * sent yet; `late`: opened, the deadline has passed and nothing was submitted; `withdrawn`: the
 * official withdrew the request; `closed`: the round ended before the council submitted.
 */
export const BOARD_STATUSES = ['planned', 'not_started', 'drafting', 'submitted', 'late', 'withdrawn'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

/** A youth council the official may ask (the municipality's own first, then the others of the region). */
export interface YouthCouncilOption {
  id: string;
  name: string;
  municipalityName: string;
  /** The youth council of the assessment's own municipality. */
  own: boolean;
  /** A youth council, or another body heard (then its type). */
  kind: 'youth_council' | 'heard_body';
  bodyType: BodyType | null;
  /** How many e-mail-only contacts the body has (they answer through a one-time link). */
  emailContacts: number;
}

/** One council's request in one round, as the official's board and the council's own list show it. */
export interface ConsultationView {
  id: string;
  assessmentId: string;
  assessmentTitle: string;
  assessmentStage: Stage;
  youthCouncil: { id: string; name: string };
  round: number;
  /** ISO date-time. */
  deadline: string;
  message: string;
  status: ConsultationStatus;
  boardStatus: BoardStatus;
  openedAt: string | null;
  closedAt: string | null;
  adoptedAt: string | null;
  submittedAt: string | null;
  /** Points in the statement (0 until the council has written some). */
  pointCount: number;
  /** Points with a disposition (only counted once submitted). */
  answeredCount: number;
  version: number;
}

export interface StatementPointView {
  id: string;
  position: number;
  text: string;
  /** First name of who last changed the text (youth members: first name only). */
  updatedBy: string | null;
  /** First name of who wrote the point first. */
  writtenBy: string | null;
  /** The caller wrote it: removing someone else's point asks first. */
  mine: boolean;
  updatedAt: string;
  disposition: Disposition | null;
  dispositionReason: string;
  linkedSection: RecordSection | null;
  version: number;
}

/** A point a member removed: the council can bring it back until `undoUntil`. */
export interface RemovedStatementPointView {
  id: string;
  /** Where it stood when it was removed. */
  position: number;
  text: string;
  /** First name of who removed it. */
  removedBy: string | null;
  removedAt: string;
  undoUntil: string;
  version: number;
}

export interface StatementView {
  id: string;
  /** YYYY-MM-DD, the meeting where the council adopted the statement. */
  adoptedAt: string | null;
  submittedAt: string | null;
  points: StatementPointView[];
  /** Points removed within STATEMENT_POINT_UNDO_HOURS, newest first (only the council sees them; empty once submitted). */
  removedPoints: RemovedStatementPointView[];
  version: number;
}

/** What became of the matter, for the council's feedback view. */
export interface ConsultationFeedback {
  stage: Stage;
  /** From the decision, when one is recorded. */
  outcome: string | null;
  meetingDate: string | null;
  minutesSection: string | null;
  decisionText: string | null;
}

/** Why a statement is locked: the official withdrew the request, the consultation closed, or the deadline passed. */
export type StatementLock = 'withdrawn' | 'closed' | 'deadline_passed' | 'not_sent';

/** One request with the statement, as the council (or the official, once submitted) sees it. */
export interface ConsultationDetail extends ConsultationView {
  /** The plain-language summary: the council reads this first. */
  plainLanguageSummary: string;
  /** Null for the official while the council is still drafting (the draft is the council's). */
  statement: StatementView | null;
  /** What the caller may do now, and why not (a refusal message) when not. */
  can: {
    edit: boolean;
    adopt: boolean;
    submit: boolean;
    withdrawStatement: boolean;
    answer: boolean;
  };
  /** Who is looking: a member of the council, or municipal staff (the official's view). */
  viewer: 'council' | 'staff';
  /**
   * For the council: the first names of its chair and secretary, who record the adoption (null
   * where the office is empty). Null for staff.
   */
  councilOfficers: { chair: string | null; secretary: string | null } | null;
  /** Why the council cannot change or submit its statement now (for the council; null when it can). */
  locked: StatementLock | null;
  /** Present once the matter is decided. */
  feedback: ConsultationFeedback | null;
}

export interface PlanConsultationRequest {
  youthCouncilId: string;
  /** ISO date-time in the future. */
  deadline: string;
  message?: string;
}

/** In draft: change the plan. Once open: extend the deadline (the council is told). */
export interface UpdateConsultationRequest {
  version: number;
  deadline?: string;
  message?: string;
}

export interface VersionedRequest {
  version: number;
}

export interface AddStatementPointRequest {
  text: string;
}

export interface UpdateStatementPointRequest {
  version: number;
  text: string;
}

export interface AdoptStatementRequest {
  version: number;
  /** YYYY-MM-DD, not in the future. */
  meetingDate: string;
}

export interface DispositionRequest {
  version: number;
  disposition: Disposition;
  reason: string;
  linkedSection?: RecordSection | null;
}

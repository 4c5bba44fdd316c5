import { BadRequestException } from '@nestjs/common';
import type { BoardStatus, ConsultationView, Language } from '@lava/contracts';
import {
  CONSULTATION_PLANNING_STAGES,
  DECIDED_STAGES as WORKFLOW_DECIDED_STAGES,
  POINT_ANSWERING_STAGES,
  type Stage,
} from '@lava/workflow';
import type { EntityManager } from 'typeorm';
import { staleVersion } from '../common/stale-version';
import { organizationName } from '../organizations/organization.entity';
import { Consultation, Statement, StatementPoint } from './consultation.entities';

// The consultations' plain rules and values, shared by the board, the official's requests, the
// council's statement and the workflow extension: stage lists, the board status, the request's
// checks (deadline, versions) and the shapes of what is answered.

/** Stages in which the official answers statement points: before the review starts. */
export const ANSWERING_STAGES: readonly Stage[] = POINT_ANSWERING_STAGES;

/** Requests are planned, changed and removed while the assessment is in draft (`canPlanConsultation`). */
export const inPlanningStage = (stage: Stage): boolean => (CONSULTATION_PLANNING_STAGES as readonly Stage[]).includes(stage);

/** Stages after the decision: the council gets its feedback (the workflow's list, also in `canReadAsCouncil`). */
export const DECIDED_STAGES: readonly Stage[] = WORKFLOW_DECIDED_STAGES;

export interface ViewRow {
  id: string;
  assessment_id: string;
  title: string;
  stage: Stage;
  youth_council_id: string;
  council_name: string;
  round: number;
  deadline: Date;
  message: string;
  status: Consultation['status'];
  opened_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  adopted_at: string | null;
  submitted_at: Date | null;
  point_count: number;
  answered_count: number;
  version: number;
}

/** The start of a point's text, for the notice to its author. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

export function toView(r: ViewRow, now: Date): ConsultationView {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    assessmentTitle: r.title,
    assessmentStage: r.stage,
    youthCouncil: { id: r.youth_council_id, name: r.council_name },
    round: r.round,
    deadline: r.deadline.toISOString(),
    message: r.message,
    status: r.status,
    boardStatus: boardStatus(r, now),
    openedAt: r.opened_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    adoptedAt: r.adopted_at,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    pointCount: r.point_count,
    answeredCount: r.answered_count,
    version: r.version,
  };
}

export function boardStatus(r: Pick<ViewRow, 'opened_at' | 'status' | 'deadline'>, now: Date): BoardStatus {
  if (r.opened_at === null) return 'planned';
  if (r.status === 'withdrawn' || r.status === 'submitted') return r.status;
  return r.deadline.getTime() <= now.getTime() ? 'late' : r.status;
}

export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message: `Please check the request. ${field}: ${message}.`, details: [{ field, messages: [message] }] });
}

export function futureDeadline(value: string): Date {
  const deadline = new Date(value);
  if (Number.isNaN(deadline.getTime())) throw fieldError('deadline', 'is not a date and time');
  if (deadline.getTime() <= Date.now()) throw fieldError('deadline', 'must be in the future');
  return deadline;
}

export function requireRequestVersion(current: number, expected: number): void {
  if (current === expected) return;
  throw staleVersion(`Someone changed this request (now version ${current}) after you loaded version ${expected}. Reload and try again.`, {
    currentVersion: current,
    changes: [],
  });
}

export function requireStatementVersion(statement: Statement, expected: number): void {
  if (statement.version === expected) return;
  throw staleVersion(
    `The statement changed after you loaded it (someone added, changed or removed a point, or recorded the adoption). Check it and try again.`,
    { currentVersion: statement.version, changes: [] },
  );
}

export function requirePointVersion(point: StatementPoint, expected: number, by: string | null): void {
  if (point.version === expected) return;
  throw staleVersion(
    `${by ?? 'Someone'} changed this point while you were editing it. Your text was not saved: compare the two and save again.`,
    {
      currentVersion: point.version,
      changes: [
        { version: point.version, changedAt: point.updatedAt.toISOString(), changedBy: by, kind: 'statement_point', fields: ['text'] },
      ],
    },
  );
}

/** Saves the given columns as a new version (always: the version is what the other editors compare against). */
export async function bump<T extends Consultation | Statement | StatementPoint>(
  tx: EntityManager,
  entity: new () => T,
  id: string,
  set: Partial<Omit<T, 'id' | 'version' | 'createdAt' | 'updatedAt'>>,
): Promise<void> {
  await tx
    .createQueryBuilder()
    .update(entity)
    .set({ ...set, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id', { id })
    .execute();
}

/**
 * The council's name in the recipient's language (`council`, for the e-mail), and in each language
 * (`council_fi`, `council_sv`, `council_en`) so Lava shows it in the language on screen.
 */
export function councilParams(
  council: { nameFi: string; nameSv: string; nameEn: string },
  language: Language,
): { council: string; council_fi: string; council_sv: string; council_en: string } {
  return {
    council: organizationName(council, language),
    council_fi: council.nameFi,
    council_sv: council.nameSv,
    council_en: council.nameEn,
  };
}

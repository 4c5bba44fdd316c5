import { NotFoundException } from '@nestjs/common';
import type {
  DecisionOutcome,
  Disposition,
  Language,
  PublicAssessment,
  PublicDecision,
  PublicReview,
  PublicStatement,
  ReviewChecklistItem,
} from '@lava/contracts';
import { REVIEW_CHECKLIST_ITEMS } from '@lava/contracts';
import type { EntityManager } from 'typeorm';
import { Assessment } from '../assessments/assessment.entity';
import { RecordContentService } from '../assessments/record-content/record-content.service';
import { nameColumn } from '../organizations/organizations.service';
import { viewsEntries } from '../surveys/survey-views';

/**
 * Reads an assessment as it leaves Lava (the agenda PDF, the public register, the signed snapshot).
 * What it selects is the whole of what may be public: the record, the submitted statements with the
 * official's answers (councils by name, no member's name), the review's outcome without the
 * reviewer's notes, and the latest decision. Comments, draft statements and who typed a point are
 * never read here, so no public route can leak them.
 */
export async function loadPublicAssessment(db: EntityManager, id: string, language: Language): Promise<PublicAssessment> {
  const assessment = await db.getRepository(Assessment).findOneBy({ id });
  if (!assessment) throw new NotFoundException('The assessment was not found.');
  const column = nameColumn(language);
  const [head]: {
    municipality_name: string;
    committee_name: string;
    official_name: string;
    screening_signer: string | null;
  }[] = await db.query(
    `SELECT m.${column} AS municipality_name, c.${column} AS committee_name, o.display_name AS official_name, s.display_name AS screening_signer
       FROM assessments a
       JOIN organizations m ON m.id = a.municipality_id
       JOIN organizations c ON c.id = a.committee_id
       JOIN users o ON o.id = a.responsible_official_id
       LEFT JOIN users s ON s.id = a.screening_signed_by_id
      WHERE a.id = $1`,
    [id],
  );
  if (!head) throw new NotFoundException('The assessment was not found.');
  // One after another: callers pass a transaction (one connection, one snapshot).
  const record = await new RecordContentService().content(db, assessment);
  const statements = await publicStatements(db, id, column);
  const review = await latestReview(db, id);
  const decision = await latestDecision(db, id);
  const surveyViews = await viewsEntries(db, id);
  return {
    id,
    title: assessment.title,
    caseNumber: assessment.caseNumber,
    stage: assessment.stage,
    municipality: { id: assessment.municipalityId, name: head.municipality_name },
    committee: { id: assessment.committeeId, name: head.committee_name },
    plannedMeetingDate: assessment.plannedMeetingDate,
    responsibleOfficial: head.official_name,
    plainLanguageSummary: assessment.plainLanguageSummary,
    screening: {
      affectsChildren: assessment.screeningAffectsChildren,
      impactKind: assessment.screeningImpactKind,
      ageGroups: assessment.screeningAgeGroups,
      rationale: assessment.screeningRationale,
      signedBy: head.screening_signer,
      signedAt: assessment.screeningSignedAt?.toISOString() ?? null,
    },
    record,
    statements,
    review,
    decision,
    surveyViews,
  };
}

async function publicStatements(db: EntityManager, assessmentId: string, column: string): Promise<PublicStatement[]> {
  const rows: {
    council_id: string;
    council_name: string;
    round: number;
    adopted_at: string | null;
    submitted_at: Date | null;
    position: number | null;
    text: string | null;
    disposition: Disposition | null;
    disposition_reason: string | null;
  }[] = await db.query(
    `SELECT c.youth_council_id AS council_id, o.${column} AS council_name, c.round, to_char(s.adopted_at, 'YYYY-MM-DD') AS adopted_at,
            s.submitted_at, p.position, p.text, p.disposition, p.disposition_reason
       FROM consultations c
       JOIN organizations o ON o.id = c.youth_council_id
       JOIN statements s ON s.consultation_id = c.id AND s.submitted_at IS NOT NULL
       LEFT JOIN statement_points p ON p.statement_id = s.id AND p.deleted_at IS NULL
      WHERE c.assessment_id = $1
      ORDER BY c.round, s.submitted_at, c.id, p.position`,
    [assessmentId],
  );
  const statements: PublicStatement[] = [];
  let current: PublicStatement | undefined;
  let key = '';
  for (const r of rows) {
    const rowKey = `${r.council_id}:${r.round}`;
    if (!current || rowKey !== key) {
      current = {
        council: { id: r.council_id, name: r.council_name },
        round: r.round,
        adoptedAt: r.adopted_at,
        submittedAt: r.submitted_at?.toISOString() ?? null,
        points: [],
      };
      key = rowKey;
      statements.push(current);
    }
    if (r.position !== null && r.text !== null)
      current.points.push({
        position: r.position,
        text: r.text,
        disposition: r.disposition,
        dispositionReason: r.disposition_reason ?? '',
      });
  }
  return statements;
}

async function latestReview(db: EntityManager, assessmentId: string): Promise<PublicReview | null> {
  const [row]: { round: number; outcome: 'approved' | 'returned'; ended_at: Date; checklist: Record<string, { done?: boolean }> }[] =
    await db.query(
      `SELECT round, outcome, ended_at, checklist FROM review_rounds
        WHERE assessment_id = $1 AND ended_at IS NOT NULL ORDER BY round DESC LIMIT 1`,
      [assessmentId],
    );
  if (!row) return null;
  const itemsDone = REVIEW_CHECKLIST_ITEMS.filter((item: ReviewChecklistItem) => row.checklist[item]?.done === true);
  return { round: row.round, outcome: row.outcome, endedAt: row.ended_at.toISOString(), itemsDone };
}

async function latestDecision(db: EntityManager, assessmentId: string): Promise<PublicDecision | null> {
  const [row]: {
    outcome: DecisionOutcome;
    meeting_date: string;
    minutes_section: string;
    decision_text: string;
    follow_up_date: string | null;
    signer: string;
    signed_at: Date;
  }[] = await db.query(
    `SELECT d.outcome, to_char(d.meeting_date, 'YYYY-MM-DD') AS meeting_date, d.minutes_section, d.decision_text,
            to_char(d.follow_up_date, 'YYYY-MM-DD') AS follow_up_date, u.display_name AS signer, d.signed_at
       FROM decisions d JOIN users u ON u.id = d.signed_by_id
      WHERE d.assessment_id = $1
      ORDER BY d.signed_at DESC, d.id DESC LIMIT 1`,
    [assessmentId],
  );
  if (!row) return null;
  return {
    outcome: row.outcome,
    meetingDate: row.meeting_date,
    minutesSection: row.minutes_section,
    decisionText: row.decision_text,
    followUpDate: row.follow_up_date,
    signedBy: row.signer,
    signedAt: row.signed_at.toISOString(),
  };
}

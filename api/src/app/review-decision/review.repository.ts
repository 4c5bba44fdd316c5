import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  REVIEW_CHECKLIST_ITEMS,
  type AssignedReviewer,
  type ReviewChecklistEntry,
  type ReviewChecklistItem,
  type ReviewRoundOutcome,
  type ReviewRoundView,
} from '@lava/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** How a checklist item is stored in `review_rounds.checklist` (keyed by item). */
export interface StoredEntry {
  done: boolean;
  comment: string;
  updatedById: string;
  updatedAt: string;
}

export interface RoundRow {
  id: string;
  round: number;
  started_at: Date;
  ended_at: Date | null;
  outcome: ReviewRoundOutcome | null;
  ended_by_id: string | null;
  ended_by_name: string | null;
  return_reason: string | null;
  checklist: Partial<Record<ReviewChecklistItem, StoredEntry>>;
  version: number;
}

/** Where the review's SQL stays: assigned reviewers, and the review rounds with their checklists. */
@Injectable()
export class ReviewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async assignedReviewerIds(db: EntityManager, assessmentId: string): Promise<string[]> {
    const rows: { reviewer_id: string }[] = await db.query(
      `SELECT reviewer_id FROM assessment_reviewers WHERE assessment_id = $1 ORDER BY assigned_at, reviewer_id`,
      [assessmentId],
    );
    return rows.map((r) => r.reviewer_id);
  }

  async reviewers(db: EntityManager, assessmentId: string): Promise<AssignedReviewer[]> {
    const rows: { id: string; display_name: string; assigned_at: Date; by_id: string | null; by_name: string | null }[] = await db.query(
      `SELECT u.id, u.display_name, r.assigned_at, b.id AS by_id, b.display_name AS by_name
         FROM assessment_reviewers r
         JOIN users u ON u.id = r.reviewer_id
         LEFT JOIN users b ON b.id = r.assigned_by_id
        WHERE r.assessment_id = $1
        ORDER BY r.assigned_at, u.id`,
      [assessmentId],
    );
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      assignedAt: r.assigned_at.toISOString(),
      assignedBy: r.by_id ? { id: r.by_id, displayName: r.by_name ?? '' } : null,
    }));
  }

  /** Rounds newest first (or the one round `roundId`), with people's names resolved. */
  async rounds(db: EntityManager, assessmentId: string, roundId?: string): Promise<ReviewRoundView[]> {
    const rows: RoundRow[] = await db.query(
      `SELECT r.id, r.round, r.started_at, r.ended_at, r.outcome, r.ended_by_id, e.display_name AS ended_by_name,
              r.return_reason, r.checklist, r.version
         FROM review_rounds r LEFT JOIN users e ON e.id = r.ended_by_id
        WHERE r.assessment_id = $1 AND ($2::uuid IS NULL OR r.id = $2)
        ORDER BY r.round DESC`,
      [assessmentId, roundId ?? null],
    );
    const peopleIds = [...new Set(rows.flatMap((r) => Object.values(r.checklist).map((e) => e?.updatedById ?? '')))].filter(Boolean);
    const people: { id: string; display_name: string }[] = peopleIds.length
      ? await db.query(`SELECT id, display_name FROM users WHERE id = ANY($1)`, [peopleIds])
      : [];
    const name = new Map(people.map((p) => [p.id, p.display_name]));
    return rows.map((r) => ({
      id: r.id,
      round: r.round,
      startedAt: r.started_at.toISOString(),
      endedAt: r.ended_at?.toISOString() ?? null,
      outcome: r.outcome,
      endedBy: r.ended_by_id ? { id: r.ended_by_id, displayName: r.ended_by_name ?? '' } : null,
      returnReason: r.return_reason,
      checklist: REVIEW_CHECKLIST_ITEMS.map((item): ReviewChecklistEntry => {
        const stored = r.checklist[item];
        return {
          item,
          done: stored?.done === true,
          comment: stored?.comment ?? '',
          updatedBy: stored ? { id: stored.updatedById, displayName: name.get(stored.updatedById) ?? '' } : null,
          updatedAt: stored?.updatedAt ?? null,
        };
      }),
      version: r.version,
    }));
  }

  async openRound(tx: EntityManager, assessmentId: string, lock: boolean): Promise<RoundRow | null> {
    const [row]: RoundRow[] = await tx.query(
      `SELECT id, round, started_at, ended_at, outcome, ended_by_id, NULL AS ended_by_name, return_reason, checklist, version
         FROM review_rounds WHERE assessment_id = $1 AND ended_at IS NULL ORDER BY round DESC LIMIT 1 ${lock ? 'FOR UPDATE' : ''}`,
      [assessmentId],
    );
    return row ?? null;
  }

  async startRound(tx: EntityManager, assessmentId: string): Promise<RoundRow> {
    // A round left open (it should not be) is closed as returned, so only one is ever open.
    await tx.query(`UPDATE review_rounds SET ended_at = now(), outcome = 'returned' WHERE assessment_id = $1 AND ended_at IS NULL`, [
      assessmentId,
    ]);
    const [row]: RoundRow[] = await tx.query(
      `INSERT INTO review_rounds (assessment_id, round)
       SELECT $1, COALESCE(MAX(round), 0) + 1 FROM review_rounds WHERE assessment_id = $1
       RETURNING id, round, started_at, ended_at, outcome, ended_by_id, NULL AS ended_by_name, return_reason, checklist, version`,
      [assessmentId],
    );
    if (!row) throw new Error('review round not created');
    return row;
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review and decision: the reviewers asked to review an assessment, its review rounds (one per
 * entry into review, with the quality checklist and, for a return, the reason), and every decision
 * event of the committee (recorded, tabled, returned for more preparation), signed by the chair.
 */
export class ReviewAndDecision1764710000000 implements MigrationInterface {
  name = 'ReviewAndDecision1764710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE assessment_reviewers (
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES users (id),
        assigned_by_id uuid REFERENCES users (id),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assessment_id, reviewer_id)
      )`);
    // "What am I asked to review?"
    await db.query(`CREATE INDEX assessment_reviewers_reviewer_idx ON assessment_reviewers (reviewer_id)`);

    await db.query(`
      CREATE TABLE review_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        round integer NOT NULL CHECK (round >= 1),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        outcome text CHECK (outcome IN ('approved', 'returned')),
        ended_by_id uuid REFERENCES users (id),
        return_reason text,
        checklist jsonb NOT NULL DEFAULT '{}'::jsonb,
        version integer NOT NULL DEFAULT 1,
        CHECK ((ended_at IS NULL) = (outcome IS NULL)),
        UNIQUE (assessment_id, round)
      )`);

    await db.query(`
      CREATE TABLE decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        committee_id uuid NOT NULL REFERENCES organizations (id),
        outcome text NOT NULL
          CHECK (outcome IN ('approved', 'approved_as_modified', 'returned_for_preparation', 'tabled', 'rejected')),
        meeting_date date NOT NULL,
        minutes_section text NOT NULL CHECK (length(minutes_section) BETWEEN 1 AND 20),
        decision_text text NOT NULL DEFAULT '',
        follow_up_date date,
        signed_by_id uuid NOT NULL REFERENCES users (id),
        signed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX decisions_assessment_idx ON decisions (assessment_id, signed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE decisions`);
    await db.query(`DROP TABLE review_rounds`);
    await db.query(`DROP TABLE assessment_reviewers`);
  }
}

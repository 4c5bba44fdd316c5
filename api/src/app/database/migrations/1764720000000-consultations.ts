import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Youth council consultations: one request per council per consultation round of an assessment,
 * the council's statement (one per request) and its points with the official's response (vastine).
 * Limits (documented in the API): a point at most 5,000 characters, at most 50 points, a message
 * and a disposition reason at most 5,000 characters.
 */
export class Consultations1764720000000 implements MigrationInterface {
  name = 'Consultations1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        youth_council_id uuid NOT NULL REFERENCES organizations (id),
        round integer NOT NULL CHECK (round >= 1),
        deadline timestamptz NOT NULL,
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 5000),
        status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'drafting', 'submitted', 'withdrawn')),
        requested_by_id uuid REFERENCES users (id),
        opened_at timestamptz,
        closed_at timestamptz,
        withdrawn_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT consultations_council_round_unique UNIQUE (assessment_id, youth_council_id, round)
      )`);
    // The council's list of its consultations, newest first.
    await db.query(`CREATE INDEX consultations_council_idx ON consultations (youth_council_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL UNIQUE REFERENCES consultations (id) ON DELETE CASCADE,
        adopted_at date,
        adopted_by_id uuid REFERENCES users (id),
        submitted_at timestamptz,
        submitted_by_id uuid REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);

    await db.query(`
      CREATE TABLE statement_points (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
        position integer NOT NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
        updated_by_id uuid REFERENCES users (id),
        disposition text CHECK (disposition IN ('accepted', 'partly_accepted', 'not_accepted', 'out_of_scope')),
        disposition_reason text NOT NULL DEFAULT '' CHECK (length(disposition_reason) <= 5000),
        linked_section text,
        disposition_by_id uuid REFERENCES users (id),
        disposition_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX statement_points_statement_idx ON statement_points (statement_id, position)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE statement_points`);
    await db.query(`DROP TABLE statements`);
    await db.query(`DROP TABLE consultations`);
  }
}

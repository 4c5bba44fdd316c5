import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The screening part of the record, the summary and follow-up fields, and the version history. */
export class ScreeningAndVersions1764200000000 implements MigrationInterface {
  name = 'ScreeningAndVersions1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE assessments
        ADD COLUMN screening_affects_children boolean,
        ADD COLUMN screening_impact_kind text CHECK (screening_impact_kind IN ('direct', 'indirect', 'both')),
        ADD COLUMN screening_age_groups text[] NOT NULL DEFAULT '{}'
          CHECK (screening_age_groups <@ ARRAY['0-6', '7-12', '13-17', '18-20']::text[]),
        ADD COLUMN screening_rationale text NOT NULL DEFAULT '',
        ADD COLUMN screening_signed_by_id uuid REFERENCES users (id),
        ADD COLUMN screening_signed_at timestamptz,
        ADD COLUMN plain_language_summary text NOT NULL DEFAULT '',
        ADD COLUMN follow_up_date date,
        ADD COLUMN ex_post_evaluation text NOT NULL DEFAULT ''`);
    // Follow-up reminders look for assessments whose date has come.
    await db.query(`CREATE INDEX assessments_follow_up_date_idx ON assessments (follow_up_date) WHERE follow_up_date IS NOT NULL`);

    await db.query(`
      CREATE TABLE assessment_versions (
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        version integer NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_by_id uuid REFERENCES users (id),
        kind text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        reason text,
        PRIMARY KEY (assessment_id, version)
      )`);
    // Existing assessments start their history at their current version.
    await db.query(`
      INSERT INTO assessment_versions (assessment_id, version, changed_at, changed_by_id, kind)
      SELECT id, version, updated_at, created_by_id, 'created' FROM assessments`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE assessment_versions`);
    await db.query(`DROP INDEX assessments_follow_up_date_idx`);
    await db.query(`
      ALTER TABLE assessments
        DROP COLUMN screening_affects_children, DROP COLUMN screening_impact_kind, DROP COLUMN screening_age_groups,
        DROP COLUMN screening_rationale, DROP COLUMN screening_signed_by_id, DROP COLUMN screening_signed_at,
        DROP COLUMN plain_language_summary, DROP COLUMN follow_up_date, DROP COLUMN ex_post_evaluation`);
  }
}

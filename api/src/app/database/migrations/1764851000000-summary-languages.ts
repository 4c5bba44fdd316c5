import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plain-language summary is written in each language the municipality uses: a municipality (and
 * so its youth council) is Finnish-, Swedish-speaking or bilingual, and the assessment keeps a
 * Swedish summary beside the Finnish one. A consultation opens only when the summary exists in the
 * language of every council asked.
 */
export class SummaryLanguages1764851000000 implements MigrationInterface {
  name = 'SummaryLanguages1764851000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organizations
        ADD COLUMN languages text[] NOT NULL DEFAULT '{fi}'
          CHECK (cardinality(languages) BETWEEN 1 AND 2 AND languages <@ ARRAY['fi', 'sv']::text[])`);
    await db.query(`
      ALTER TABLE assessments
        ADD COLUMN plain_language_summary_sv text NOT NULL DEFAULT '' CHECK (length(plain_language_summary_sv) <= 20000)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE assessments DROP COLUMN plain_language_summary_sv`);
    await db.query(`ALTER TABLE organizations DROP COLUMN languages`);
  }
}

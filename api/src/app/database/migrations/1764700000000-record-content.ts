import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full assessment record: the running-text sections as columns of `assessments`, and the lists
 * (vulnerable groups, alternatives, evidence, impact matrix, follow-up indicators) as tables keyed by
 * (assessment_id, id), where the id is the UUID the editor made, so matrix rows can name an
 * alternative saved in the same request. Lists are replaced whole on save.
 */
export class RecordContent1764700000000 implements MigrationInterface {
  name = 'RecordContent1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE assessments
        ADD COLUMN scope_children_affected text NOT NULL DEFAULT '',
        ADD COLUMN legal_uncrc_articles integer[] NOT NULL DEFAULT '{}'
          CHECK (1 <= ALL (legal_uncrc_articles) AND 54 >= ALL (legal_uncrc_articles)),
        ADD COLUMN legal_national_law text NOT NULL DEFAULT '',
        ADD COLUMN legal_welfare_plan text NOT NULL DEFAULT '',
        ADD COLUMN evidence_gaps text NOT NULL DEFAULT '',
        ADD COLUMN views_methods text[] NOT NULL DEFAULT '{}'
          CHECK (views_methods <@ ARRAY['youth_council_statement', 'school_survey', 'workshop', 'other']::text[]),
        ADD COLUMN views_how_gathered text NOT NULL DEFAULT '',
        ADD COLUMN views_what_they_said text NOT NULL DEFAULT '',
        ADD COLUMN mitigation text NOT NULL DEFAULT '',
        ADD COLUMN changes_made text NOT NULL DEFAULT '',
        ADD COLUMN recommendation text NOT NULL DEFAULT '',
        ADD COLUMN best_interests text NOT NULL DEFAULT '',
        ADD COLUMN communication text NOT NULL DEFAULT ''`);
    // "Which assessments cite article 31?"
    await db.query(`CREATE INDEX assessments_legal_uncrc_articles_idx ON assessments USING gin (legal_uncrc_articles)`);

    await db.query(`
      CREATE TABLE assessment_vulnerable_groups (
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        group_key text NOT NULL CHECK (group_key IN ('disabled_children', 'children_in_care', 'low_income_families',
                                                     'migrant_background', 'minority_languages', 'rural_areas')),
        note text NOT NULL DEFAULT '',
        PRIMARY KEY (assessment_id, group_key)
      )`);
    await db.query(`CREATE INDEX assessment_vulnerable_groups_group_idx ON assessment_vulnerable_groups (group_key)`);

    await db.query(`
      CREATE TABLE assessment_alternatives (
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        position integer NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        PRIMARY KEY (assessment_id, id),
        UNIQUE (assessment_id, position)
      )`);

    await db.query(`
      CREATE TABLE assessment_evidence_items (
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        position integer NOT NULL,
        source text NOT NULL,
        item_date date,
        finding text NOT NULL DEFAULT '',
        PRIMARY KEY (assessment_id, id),
        UNIQUE (assessment_id, position)
      )`);

    await db.query(`
      CREATE TABLE impact_matrix_rows (
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        alternative_id uuid NOT NULL,
        position integer NOT NULL,
        uncrc_article integer NOT NULL CHECK (uncrc_article BETWEEN 1 AND 54),
        group_key text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('positive', 'negative', 'neutral', 'unknown')),
        directness text NOT NULL CHECK (directness IN ('direct', 'indirect')),
        term text NOT NULL CHECK (term IN ('short', 'long')),
        note text NOT NULL DEFAULT '',
        PRIMARY KEY (assessment_id, id),
        UNIQUE (assessment_id, position),
        FOREIGN KEY (assessment_id, alternative_id) REFERENCES assessment_alternatives (assessment_id, id) ON DELETE CASCADE
      )`);
    // Reports across assessments: negative impacts on an article or a group.
    await db.query(`CREATE INDEX impact_matrix_rows_article_idx ON impact_matrix_rows (uncrc_article, direction)`);
    await db.query(`CREATE INDEX impact_matrix_rows_group_idx ON impact_matrix_rows (group_key)`);

    await db.query(`
      CREATE TABLE follow_up_indicators (
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        position integer NOT NULL,
        indicator text NOT NULL,
        owner text NOT NULL DEFAULT '',
        due_date date,
        PRIMARY KEY (assessment_id, id),
        UNIQUE (assessment_id, position)
      )`);
    await db.query(`CREATE INDEX follow_up_indicators_due_date_idx ON follow_up_indicators (due_date) WHERE due_date IS NOT NULL`);

    // Assessments already past the screening get the two alternatives every full assessment starts with,
    // and a matrix row for each general principle (2, 3, 6, 12) under each.
    await db.query(`
      INSERT INTO assessment_alternatives (assessment_id, id, position, title)
      SELECT a.id, gen_random_uuid(), alt.position, alt.title
        FROM assessments a
       CROSS JOIN (VALUES (0, 'Päätösehdotus'), (1, 'Ei muutosta')) AS alt (position, title)
       WHERE a.stage NOT IN ('screening') AND a.screening_affects_children IS DISTINCT FROM false`);
    await db.query(`
      INSERT INTO impact_matrix_rows (assessment_id, id, alternative_id, position, uncrc_article, group_key, direction, directness, term)
      SELECT alt.assessment_id, gen_random_uuid(), alt.id, alt.position * 4 + p.i, p.article, 'all', 'unknown', 'direct', 'short'
        FROM assessment_alternatives alt
       CROSS JOIN (VALUES (0, 2), (1, 3), (2, 6), (3, 12)) AS p (i, article)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE follow_up_indicators`);
    await db.query(`DROP TABLE impact_matrix_rows`);
    await db.query(`DROP TABLE assessment_evidence_items`);
    await db.query(`DROP TABLE assessment_alternatives`);
    await db.query(`DROP TABLE assessment_vulnerable_groups`);
    await db.query(`DROP INDEX assessments_legal_uncrc_articles_idx`);
    await db.query(`
      ALTER TABLE assessments
        DROP COLUMN scope_children_affected, DROP COLUMN legal_uncrc_articles, DROP COLUMN legal_national_law,
        DROP COLUMN legal_welfare_plan, DROP COLUMN evidence_gaps, DROP COLUMN views_methods, DROP COLUMN views_how_gathered,
        DROP COLUMN views_what_they_said, DROP COLUMN mitigation, DROP COLUMN changes_made, DROP COLUMN recommendation,
        DROP COLUMN best_interests, DROP COLUMN communication`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record holds real assessments (issue 10):
 * - an impact names zero or more UNCRC articles and one or more groups (the single article and group
 *   of each existing row become one-element lists: nothing lost), and wellbeing indicators;
 * - direction, directness and term may be "not stated" (NULL); existing rows keep their values;
 * - evidence has a URL and a date that may be a year, a range of years or a month (the old full dates
 *   are kept as they were, as text);
 * - the screening has a free age range; vulnerable groups may be named by the official;
 * - "the proposal" and "no change" are marked as the defaults and shown in the reader's language
 *   (their titles, stored in Finnish, Swedish or English by earlier versions, are cleared when they
 *   are exactly a default name; a title the official wrote stays);
 * - children's views may say why none were heard;
 * - a municipality chooses a wellbeing indicator set;
 * - versions: one editing session's autosaves form one version (started_at, saves, open), and a
 *   version may be named.
 */
/** Articles 1–54, as a PostgreSQL array literal. */
const ALL_ARTICLES = `{${Array.from({ length: 54 }, (_, i) => i + 1).join(',')}}`;

export class RealAssessments1764830000000 implements MigrationInterface {
  name = 'RealAssessments1764830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE impact_matrix_rows
        ADD COLUMN uncrc_articles integer[] NOT NULL DEFAULT '{}'
          CHECK (uncrc_articles <@ '${ALL_ARTICLES}'::integer[]),
        ADD COLUMN group_keys text[] NOT NULL DEFAULT '{}',
        ADD COLUMN wellbeing text[] NOT NULL DEFAULT '{}'`);
    await db.query(`UPDATE impact_matrix_rows SET uncrc_articles = ARRAY[uncrc_article], group_keys = ARRAY[group_key]`);
    await db.query(`DROP INDEX impact_matrix_rows_article_idx`);
    await db.query(`DROP INDEX impact_matrix_rows_group_idx`);
    await db.query(`
      ALTER TABLE impact_matrix_rows
        DROP COLUMN uncrc_article, DROP COLUMN group_key,
        ALTER COLUMN direction DROP NOT NULL, ALTER COLUMN directness DROP NOT NULL, ALTER COLUMN term DROP NOT NULL`);
    // Reports across assessments: impacts on an article or a group.
    await db.query(`CREATE INDEX impact_matrix_rows_articles_idx ON impact_matrix_rows USING gin (uncrc_articles)`);
    await db.query(`CREATE INDEX impact_matrix_rows_groups_idx ON impact_matrix_rows USING gin (group_keys)`);

    await db.query(`
      ALTER TABLE assessment_evidence_items
        ADD COLUMN url text NOT NULL DEFAULT '',
        ALTER COLUMN item_date TYPE text USING to_char(item_date, 'YYYY-MM-DD')`);

    await db.query(`
      ALTER TABLE assessment_vulnerable_groups
        DROP CONSTRAINT assessment_vulnerable_groups_group_key_check,
        ADD CONSTRAINT assessment_vulnerable_groups_group_key_check CHECK (length(group_key) BETWEEN 1 AND 300)`);

    await db.query(`
      ALTER TABLE assessment_alternatives
        ADD COLUMN default_name text CHECK (default_name IN ('proposal', 'no_change'))`);
    await db.query(`
      UPDATE assessment_alternatives SET default_name = 'proposal', title = ''
       WHERE title IN ('Päätösehdotus', 'Beslutsförslaget', 'The proposal')`);
    await db.query(`
      UPDATE assessment_alternatives SET default_name = 'no_change', title = ''
       WHERE title IN ('Ei muutosta', 'Ei muutosta (nykytila jatkuu)', 'Ingen förändring (nuläget fortsätter)',
                       'No change (things stay as they are)')`);

    await db.query(`
      ALTER TABLE assessments
        ADD COLUMN screening_age_min integer CHECK (screening_age_min BETWEEN 0 AND 29),
        ADD COLUMN screening_age_max integer CHECK (screening_age_max BETWEEN 0 AND 29),
        ADD CONSTRAINT assessments_screening_age_range CHECK (
          (screening_age_min IS NULL) = (screening_age_max IS NULL) AND (screening_age_min IS NULL OR screening_age_min <= screening_age_max)),
        ADD COLUMN views_not_heard_reason text NOT NULL DEFAULT ''`);

    await db.query(`
      ALTER TABLE organizations
        ADD COLUMN wellbeing_framework text NOT NULL DEFAULT 'none' CHECK (wellbeing_framework IN ('none', 'shanarri', 'custom')),
        ADD COLUMN wellbeing_indicators jsonb NOT NULL DEFAULT '[]'::jsonb`);

    // Existing versions are each one save, closed.
    await db.query(`
      ALTER TABLE assessment_versions
        ADD COLUMN started_at timestamptz,
        ADD COLUMN saves integer NOT NULL DEFAULT 1,
        ADD COLUMN open boolean NOT NULL DEFAULT false,
        ADD COLUMN name text`);
    await db.query(`UPDATE assessment_versions SET started_at = changed_at`);
    await db.query(`ALTER TABLE assessment_versions ALTER COLUMN started_at SET NOT NULL, ALTER COLUMN started_at SET DEFAULT now()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE assessment_versions DROP COLUMN started_at, DROP COLUMN saves, DROP COLUMN open, DROP COLUMN name`);
    await db.query(`ALTER TABLE organizations DROP COLUMN wellbeing_framework, DROP COLUMN wellbeing_indicators`);
    await db.query(`
      ALTER TABLE assessments DROP CONSTRAINT assessments_screening_age_range,
        DROP COLUMN screening_age_min, DROP COLUMN screening_age_max, DROP COLUMN views_not_heard_reason`);
    await db.query(`
      UPDATE assessment_alternatives SET title = CASE default_name WHEN 'proposal' THEN 'Päätösehdotus' ELSE 'Ei muutosta' END
       WHERE default_name IS NOT NULL AND title = ''`);
    await db.query(`ALTER TABLE assessment_alternatives DROP COLUMN default_name`);
    await db.query(`DELETE FROM assessment_vulnerable_groups WHERE group_key NOT IN
      ('disabled_children', 'children_in_care', 'low_income_families', 'migrant_background', 'minority_languages', 'rural_areas')`);
    await db.query(`
      ALTER TABLE assessment_vulnerable_groups DROP CONSTRAINT assessment_vulnerable_groups_group_key_check,
        ADD CONSTRAINT assessment_vulnerable_groups_group_key_check CHECK (group_key IN ('disabled_children', 'children_in_care',
          'low_income_families', 'migrant_background', 'minority_languages', 'rural_areas'))`);
    await db.query(`
      ALTER TABLE assessment_evidence_items DROP COLUMN url,
        ALTER COLUMN item_date TYPE date USING CASE WHEN item_date ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN item_date::date END`);
    // One row per article: the first article and group of each impact (impacts without one get article 3, group 'all').
    await db.query(`DROP INDEX impact_matrix_rows_articles_idx`);
    await db.query(`DROP INDEX impact_matrix_rows_groups_idx`);
    await db.query(`
      ALTER TABLE impact_matrix_rows
        ADD COLUMN uncrc_article integer CHECK (uncrc_article BETWEEN 1 AND 54), ADD COLUMN group_key text`);
    await db.query(`
      UPDATE impact_matrix_rows SET uncrc_article = coalesce(uncrc_articles[1], 3), group_key = coalesce(group_keys[1], 'all'),
             direction = coalesce(direction, 'unknown'), directness = coalesce(directness, 'direct'), term = coalesce(term, 'short')`);
    await db.query(`
      ALTER TABLE impact_matrix_rows
        ALTER COLUMN uncrc_article SET NOT NULL, ALTER COLUMN group_key SET NOT NULL,
        ALTER COLUMN direction SET NOT NULL, ALTER COLUMN directness SET NOT NULL, ALTER COLUMN term SET NOT NULL,
        DROP COLUMN uncrc_articles, DROP COLUMN group_keys, DROP COLUMN wellbeing`);
    await db.query(`CREATE INDEX impact_matrix_rows_article_idx ON impact_matrix_rows (uncrc_article, direction)`);
    await db.query(`CREATE INDEX impact_matrix_rows_group_idx ON impact_matrix_rows (group_key)`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Children's anonymous surveys linked to an assessment (issue 14). `survey_answers` holds no
 * personal data: no name, e-mail, address or user agent; the id is made by the child's device so
 * that a retry is not counted twice (primary key). Free texts are their own rows so that the
 * official can moderate them; a hidden text's words are erased at once. The closing is a
 * scheduled event (kind survey_close) like the consultation deadlines.
 */
export class Surveys1764950000000 implements MigrationInterface {
  name = 'Surveys1764950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        created_by_id uuid NOT NULL REFERENCES users (id),
        languages text[] NOT NULL CHECK (cardinality(languages) BETWEEN 1 AND 3 AND languages <@ ARRAY['fi', 'sv', 'en']::text[]),
        title jsonb NOT NULL,
        intro jsonb NOT NULL,
        questions jsonb NOT NULL CHECK (jsonb_typeof(questions) = 'array' AND jsonb_array_length(questions) BETWEEN 1 AND 10),
        class_codes text[] NOT NULL DEFAULT '{}',
        opens_at timestamptz(3) NOT NULL,
        closes_at timestamptz(3) NOT NULL,
        closed_at timestamptz(3),
        views_added_at timestamptz(3),
        views_entry jsonb,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (closes_at > opens_at)
      )`);
    await db.query(`CREATE INDEX surveys_assessment_idx ON surveys (assessment_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE survey_answers (
        id uuid PRIMARY KEY,
        survey_id uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
        age_band text CHECK (age_band IN ('under_10', '10_12', '13_15', '16_17')),
        class_code text,
        choices jsonb NOT NULL DEFAULT '{}',
        answered_on date NOT NULL DEFAULT current_date
      )`);
    await db.query(`CREATE INDEX survey_answers_survey_idx ON survey_answers (survey_id)`);

    await db.query(`
      CREATE TABLE survey_free_texts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
        answer_id uuid NOT NULL REFERENCES survey_answers (id) ON DELETE CASCADE,
        question_id text NOT NULL,
        text text CHECK (char_length(text) <= 500),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'kept', 'hidden')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'hidden') = (text IS NULL))
      )`);
    await db.query(
      `CREATE INDEX survey_free_texts_survey_idx ON survey_free_texts (survey_id, created_at DESC, id DESC) WHERE status <> 'hidden'`,
    );

    await db.query(`ALTER TABLE scheduled_events DROP CONSTRAINT IF EXISTS scheduled_events_kind_check`);
    await db.query(`
      ALTER TABLE scheduled_events ADD CONSTRAINT scheduled_events_kind_check
        CHECK (kind IN ('consultation_deadline_reminder', 'consultation_overdue', 'follow_up_due', 'survey_close'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM scheduled_events WHERE kind = 'survey_close'`);
    await db.query(`ALTER TABLE scheduled_events DROP CONSTRAINT IF EXISTS scheduled_events_kind_check`);
    await db.query(`
      ALTER TABLE scheduled_events ADD CONSTRAINT scheduled_events_kind_check
        CHECK (kind IN ('consultation_deadline_reminder', 'consultation_overdue', 'follow_up_due'))`);
    await db.query(`DROP TABLE survey_free_texts`);
    await db.query(`DROP TABLE survey_answers`);
    await db.query(`DROP TABLE surveys`);
  }
}

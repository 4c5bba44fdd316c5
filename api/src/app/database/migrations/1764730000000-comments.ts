import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comment threads on an assessment's sections, their comments (with earlier texts, mentions and
 * flags), and youth councils' answers to "does your statement still stand" after sections changed.
 * Limits: a comment 1–5,000 characters, a quoted passage at most 1,000, a reason at most 500.
 */
export class Comments1764730000000 implements MigrationInterface {
  name = 'Comments1764730000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE comment_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        section text NOT NULL CHECK (length(section) BETWEEN 1 AND 50),
        audience text NOT NULL CHECK (audience IN ('staff', 'consultation', 'council')),
        council_id uuid REFERENCES organizations (id),
        quote_field text CHECK (length(quote_field) <= 100),
        quote_text text CHECK (length(quote_text) BETWEEN 1 AND 1000),
        quote_start integer CHECK (quote_start >= 0),
        quote_end integer,
        anchored_version integer NOT NULL,
        created_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        resolved_at timestamptz(3),
        resolved_by_id uuid REFERENCES users (id),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT comment_threads_council_check CHECK ((audience = 'staff') = (council_id IS NULL)),
        CONSTRAINT comment_threads_quote_check CHECK (
          (quote_text IS NULL AND quote_field IS NULL AND quote_start IS NULL AND quote_end IS NULL)
          OR (quote_text IS NOT NULL AND quote_field IS NOT NULL AND quote_start IS NOT NULL AND quote_end > quote_start))
      )`);
    // A section's threads, newest first (the list's keyset order).
    await db.query(`CREATE INDEX comment_threads_section_idx ON comment_threads (assessment_id, section, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        reply_to_id uuid REFERENCES comments (id),
        author_id uuid NOT NULL REFERENCES users (id),
        -- The youth council the author wrote for (null: municipal staff).
        council_id uuid REFERENCES organizations (id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz(3),
        hidden_at timestamptz(3),
        hidden_by_id uuid REFERENCES users (id),
        hidden_reason text CHECK (length(hidden_reason) <= 500),
        deleted_at timestamptz(3),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX comments_thread_idx ON comments (thread_id, created_at, id)`);
    // "The council's latest comment on a section" (changed sections).
    await db.query(`CREATE INDEX comments_council_idx ON comments (council_id, created_at) WHERE council_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE comment_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        body text NOT NULL,
        written_at timestamptz(3) NOT NULL,
        replaced_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX comment_revisions_comment_idx ON comment_revisions (comment_id, written_at)`);

    await db.query(`
      CREATE TABLE comment_mentions (
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        PRIMARY KEY (comment_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE comment_flags (
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (comment_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE statement_standings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        council_id uuid NOT NULL REFERENCES organizations (id),
        assessment_version integer NOT NULL,
        answer text NOT NULL CHECK (answer IN ('stands', 'will_revise')),
        answered_by_id uuid NOT NULL REFERENCES users (id),
        answered_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT statement_standings_unique UNIQUE (assessment_id, council_id, assessment_version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE statement_standings`);
    await db.query(`DROP TABLE comment_flags`);
    await db.query(`DROP TABLE comment_mentions`);
    await db.query(`DROP TABLE comment_revisions`);
    await db.query(`DROP TABLE comments`);
    await db.query(`DROP TABLE comment_threads`);
  }
}

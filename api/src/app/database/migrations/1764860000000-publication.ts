import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Out of Lava: the agenda PDFs (one current document per assessment and language, with its
 * SHA-256), the hash-chained signatures (one chain per organization), and the public register
 * (one row per published assessment, with the columns its filters and keyset pages need).
 */
export class Publication1764860000000 implements MigrationInterface {
  name = 'Publication1764860000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agenda_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ready', 'failed')),
        requested_at timestamptz(3) NOT NULL DEFAULT now(),
        stage text,
        assessment_version integer,
        draft boolean,
        sha256 text,
        byte_size integer,
        content bytea,
        rendered_at timestamptz,
        failure text,
        UNIQUE (assessment_id, language)
      )`);
    // The worker's relay looks for requests not yet rendered.
    await db.query(`CREATE INDEX agenda_documents_pending_idx ON agenda_documents (requested_at) WHERE status = 'pending'`);

    await db.query(`
      CREATE TABLE signatures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        sequence integer NOT NULL CHECK (sequence >= 1),
        kind text NOT NULL CHECK (kind IN ('screening_signed', 'statement_adopted', 'statement_submitted', 'review_approved', 'decision_signed', 'publication')),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        subject_id uuid NOT NULL,
        signed_by_id uuid REFERENCES users (id),
        signer_role text NOT NULL,
        signed_at timestamptz(3) NOT NULL,
        snapshot jsonb NOT NULL,
        snapshot_hash text NOT NULL,
        previous_hash text,
        hash text NOT NULL UNIQUE,
        UNIQUE (organization_id, sequence)
      )`);
    await db.query(`CREATE INDEX signatures_assessment_idx ON signatures (assessment_id, signed_at DESC)`);

    await db.query(`
      CREATE TABLE publications (
        assessment_id uuid PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('assessment', 'screening')),
        published boolean NOT NULL,
        municipality_id uuid NOT NULL REFERENCES organizations (id),
        committee_id uuid NOT NULL REFERENCES organizations (id),
        title text NOT NULL,
        case_number text,
        summary text NOT NULL DEFAULT '',
        outcome text,
        decided_on date NOT NULL,
        published_at timestamptz(3) NOT NULL,
        published_by_id uuid REFERENCES users (id),
        unpublished_at timestamptz(3),
        unpublished_by_id uuid REFERENCES users (id),
        unpublish_reason text,
        version integer NOT NULL DEFAULT 1
      )`);
    // Keyset pages, newest publication first: the whole register, one municipality, one committee.
    await db.query(`CREATE INDEX publications_published_idx ON publications (published_at DESC, assessment_id DESC) WHERE published`);
    await db.query(
      `CREATE INDEX publications_municipality_idx ON publications (municipality_id, published_at DESC, assessment_id DESC) WHERE published`,
    );
    await db.query(
      `CREATE INDEX publications_committee_idx ON publications (committee_id, published_at DESC, assessment_id DESC) WHERE published`,
    );
    await db.query(`CREATE INDEX publications_decided_on_idx ON publications (municipality_id, decided_on) WHERE published`);
    await db.query(
      `CREATE INDEX publications_search_idx ON publications USING gin (to_tsvector('simple', title || ' ' || coalesce(case_number, ''))) WHERE published`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE publications`);
    await db.query(`DROP TABLE signatures`);
    await db.query(`DROP TABLE agenda_documents`);
  }
}

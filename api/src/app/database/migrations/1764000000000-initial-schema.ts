import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('region', 'municipality', 'wellbeing_county', 'committee', 'youth_council')),
        parent_id uuid REFERENCES organizations (id) ON DELETE RESTRICT,
        name_fi text NOT NULL,
        name_sv text NOT NULL,
        name_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX organizations_parent_id_idx ON organizations (parent_id)`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text,
        language text NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT users_email_lower CHECK (email = lower(email))
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await db.query(`
      CREATE TABLE memberships (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('official', 'reviewer', 'committee_chair', 'youth_council_member', 'admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, organization_id, role)
      )`);
    await db.query(`CREATE INDEX memberships_organization_role_idx ON memberships (organization_id, role)`);

    await db.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        stage text NOT NULL CHECK (stage IN ('screening', 'draft', 'consultation', 'review', 'decision', 'decided', 'follow_up', 'closed')),
        municipality_id uuid NOT NULL REFERENCES organizations (id),
        committee_id uuid NOT NULL REFERENCES organizations (id),
        planned_meeting_date date,
        case_number text,
        responsible_official_id uuid NOT NULL REFERENCES users (id),
        created_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // Keyset pagination: newest first, within the municipalities a user may see.
    await db.query(`CREATE INDEX assessments_municipality_created_idx ON assessments (municipality_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX assessments_stage_idx ON assessments (stage)`);
    await db.query(`CREATE INDEX assessments_committee_idx ON assessments (committee_id)`);
    await db.query(`CREATE INDEX assessments_responsible_official_idx ON assessments (responsible_official_id)`);

    await db.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES users (id),
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        action text NOT NULL,
        from_stage text,
        to_stage text,
        reason text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at)`);
    await db.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_events_no_update_or_delete
      BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        assessment_id uuid REFERENCES assessments (id) ON DELETE CASCADE,
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        enqueued_at timestamptz,
        delivered_at timestamptz,
        read_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The recipient's list (only delivered ones are shown) and unread count.
    await db.query(
      `CREATE INDEX notifications_recipient_created_idx ON notifications (recipient_user_id, created_at DESC, id DESC) WHERE delivered_at IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX notifications_recipient_unread_idx ON notifications (recipient_user_id) WHERE delivered_at IS NOT NULL AND read_at IS NULL`,
    );
    // The outbox relay's scan for rows not yet handed to the queue.
    await db.query(`CREATE INDEX notifications_not_enqueued_idx ON notifications (created_at) WHERE enqueued_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION audit_events_append_only`);
    await db.query(`DROP TABLE assessments`);
    await db.query(`DROP TABLE memberships`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE organizations`);
  }
}

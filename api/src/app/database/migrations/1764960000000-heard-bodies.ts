import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bodies heard besides youth councils (issue 13): an organization of kind `heard_body` with its
 * `body_type` (pupil council, NGO, parish, …) under a municipality or a wellbeing services county;
 * its e-mail-only contacts; the one-time links those contacts answer through (only the hash kept);
 * and notifications addressed to such a contact instead of a user.
 */
export class HeardBodies1764960000000 implements MigrationInterface {
  name = 'HeardBodies1764960000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_kind_check`);
    await db.query(`ALTER TABLE organizations ADD CONSTRAINT organizations_kind_check
      CHECK (kind IN ('region', 'municipality', 'wellbeing_county', 'committee', 'youth_council', 'heard_body'))`);
    await db.query(`ALTER TABLE organizations ADD COLUMN body_type text
      CHECK (body_type IN ('pupil_council', 'youth_group', 'ngo', 'parish', 'disability_council', 'childrens_ombudsman',
                           'parents_association', 'other'))`);
    await db.query(`ALTER TABLE organizations ADD CONSTRAINT organizations_body_type_only_bodies
      CHECK ((kind = 'heard_body') = (body_type IS NOT NULL))`);
    await db.query(`
      CREATE TABLE body_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
        language text NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX body_contacts_email_idx ON body_contacts (organization_id, lower(email))`);
    await db.query(`
      CREATE TABLE consultation_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES body_contacts (id) ON DELETE CASCADE,
        token_hash text UNIQUE,
        expires_at timestamptz(3),
        used_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT consultation_links_one_per_contact UNIQUE (consultation_id, contact_id)
      )`);
    await db.query(`ALTER TABLE statements ADD COLUMN submitted_by_contact_id uuid REFERENCES body_contacts (id) ON DELETE SET NULL`);
    await db.query(`ALTER TABLE notifications ALTER COLUMN recipient_user_id DROP NOT NULL`);
    await db.query(`ALTER TABLE notifications ADD COLUMN recipient_contact_id uuid REFERENCES body_contacts (id) ON DELETE CASCADE`);
    await db.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_one_recipient
      CHECK (num_nonnulls(recipient_user_id, recipient_contact_id) = 1)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE recipient_contact_id IS NOT NULL`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_one_recipient`);
    await db.query(`ALTER TABLE notifications DROP COLUMN recipient_contact_id`);
    await db.query(`ALTER TABLE notifications ALTER COLUMN recipient_user_id SET NOT NULL`);
    await db.query(`ALTER TABLE statements DROP COLUMN submitted_by_contact_id`);
    await db.query(`DROP TABLE consultation_links`);
    await db.query(`DROP TABLE body_contacts`);
    await db.query(`DELETE FROM organizations WHERE kind = 'heard_body'`);
    await db.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_body_type_only_bodies`);
    await db.query(`ALTER TABLE organizations DROP COLUMN body_type`);
    await db.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_kind_check`);
    await db.query(`ALTER TABLE organizations ADD CONSTRAINT organizations_kind_check
      CHECK (kind IN ('region', 'municipality', 'wellbeing_county', 'committee', 'youth_council'))`);
  }
}

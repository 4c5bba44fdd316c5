import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organization sign-in binds the identity provider's (issuer, subject) to one Lava account on the
 * first link, made from a session signed in with the password; later sign-ins go by that pair alone,
 * never by an e-mail claim. The link needs a verified e-mail address of a domain that one of the
 * person's organizations (or one above it) allows: `organizations.oidc_email_domains`.
 */
export class OidcIdentities1764800000002 implements MigrationInterface {
  name = 'OidcIdentities1764800000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE oidc_identities (
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        email_at_link text NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (issuer, subject),
        CONSTRAINT oidc_identities_one_per_issuer UNIQUE (user_id, issuer)
      )`);
    await db.query(`ALTER TABLE organizations ADD COLUMN oidc_email_domains text[] NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organizations DROP COLUMN oidc_email_domains`);
    await db.query(`DROP TABLE oidc_identities`);
  }
}

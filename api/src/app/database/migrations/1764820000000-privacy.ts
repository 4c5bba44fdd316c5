import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy: erasure and retention (see docs/privacy.md).
 * - `users.erased_at` and `users.pseudonym`: an erased person keeps their row (the record refers to
 *   it) with a pseudonym instead of name and e-mail; the number comes from `user_pseudonym_seq`.
 * - `users.deactivated_at`: when the account was last deactivated (kept by a trigger, so every
 *   code path that deactivates is counted), for the retention of former youth council members.
 * - `membership_endings`: every removed membership (kept by a trigger on `memberships`), so the
 *   retention job knows when a youth council membership ended and the person's data export lists it.
 */
export class Privacy1764820000000 implements MigrationInterface {
  name = 'Privacy1764820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE user_pseudonym_seq`);
    await db.query(`
      ALTER TABLE users
        ADD COLUMN erased_at timestamptz,
        ADD COLUMN pseudonym integer UNIQUE,
        ADD COLUMN deactivated_at timestamptz,
        ADD CONSTRAINT users_erased_has_pseudonym CHECK ((erased_at IS NULL) = (pseudonym IS NULL))`);
    await db.query(`UPDATE users SET deactivated_at = updated_at WHERE NOT active`);
    await db.query(`
      CREATE FUNCTION users_track_deactivation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.active IS DISTINCT FROM OLD.active THEN
          NEW.deactivated_at := CASE WHEN NEW.active THEN NULL ELSE now() END;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER users_deactivated_at BEFORE UPDATE OF active ON users
      FOR EACH ROW EXECUTE FUNCTION users_track_deactivation()`);

    await db.query(`
      CREATE TABLE membership_endings (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        role text NOT NULL,
        council_office text,
        started_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX membership_endings_user_idx ON membership_endings (user_id, ended_at)`);
    await db.query(`
      CREATE FUNCTION memberships_record_ending() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO membership_endings (user_id, organization_id, role, council_office, started_at)
        VALUES (OLD.user_id, OLD.organization_id, OLD.role, OLD.council_office, OLD.created_at);
        RETURN OLD;
      END $$`);
    // Not for a user or organization being deleted as a whole (their endings would cascade away anyway).
    await db.query(`
      CREATE TRIGGER memberships_ending AFTER DELETE ON memberships
      FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION memberships_record_ending()`);

    // The retention job's scan of delivered notifications.
    await db.query(`CREATE INDEX notifications_delivered_idx ON notifications (delivered_at) WHERE delivered_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications_delivered_idx`);
    await db.query(`DROP TRIGGER memberships_ending ON memberships`);
    await db.query(`DROP FUNCTION memberships_record_ending`);
    await db.query(`DROP TABLE membership_endings`);
    await db.query(`DROP TRIGGER users_deactivated_at ON users`);
    await db.query(`DROP FUNCTION users_track_deactivation`);
    await db.query(`
      ALTER TABLE users DROP CONSTRAINT users_erased_has_pseudonym,
        DROP COLUMN deactivated_at, DROP COLUMN pseudonym, DROP COLUMN erased_at`);
    await db.query(`DROP SEQUENCE user_pseudonym_seq`);
  }
}

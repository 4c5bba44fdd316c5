import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person may hold open invitations from several municipalities at once: one municipality's admin
 * re-inviting no longer revokes another's link (the inviting transaction locks the user row, so two
 * invitations from one admin's organizations still take turns and the later one replaces the earlier).
 * Accepting any one of them revokes the rest.
 */
export class InvitationsPerScope1764800000000 implements MigrationInterface {
  name = 'InvitationsPerScope1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX invitations_open_key`);
    await db.query(`CREATE INDEX invitations_open_idx ON invitations (user_id) WHERE accepted_at IS NULL AND revoked_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX invitations_open_idx`);
    // Keeps the newest open invitation of each person, as the unique index demands.
    await db.query(
      `UPDATE invitations i SET revoked_at = now()
        WHERE accepted_at IS NULL AND revoked_at IS NULL
          AND EXISTS (SELECT 1 FROM invitations n WHERE n.user_id = i.user_id AND n.accepted_at IS NULL AND n.revoked_at IS NULL
                       AND (n.created_at, n.id) > (i.created_at, i.id))`,
    );
    await db.query(`CREATE UNIQUE INDEX invitations_open_key ON invitations (user_id) WHERE accepted_at IS NULL AND revoked_at IS NULL`);
  }
}

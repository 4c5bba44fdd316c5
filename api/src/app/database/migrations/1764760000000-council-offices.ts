import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A youth council's chair and secretary record the meeting where the council adopted its
 * statement. The office sits on the youth-council membership; a council has at most one of each.
 */
export class CouncilOffices1764760000000 implements MigrationInterface {
  name = 'CouncilOffices1764760000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE memberships
        ADD COLUMN council_office text CHECK (council_office IN ('chair', 'secretary')),
        ADD CONSTRAINT memberships_council_office_youth_only CHECK (council_office IS NULL OR role = 'youth_council_member')`);
    await db.query(
      `CREATE UNIQUE INDEX memberships_one_council_office_idx ON memberships (organization_id, council_office) WHERE council_office IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX memberships_one_council_office_idx`);
    await db.query(`ALTER TABLE memberships DROP CONSTRAINT memberships_council_office_youth_only, DROP COLUMN council_office`);
  }
}

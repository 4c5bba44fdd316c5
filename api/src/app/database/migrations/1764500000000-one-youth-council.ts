import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A municipality has one youth council (Local Government Act 410/2015, section 26). */
export class OneYouthCouncil1764500000000 implements MigrationInterface {
  name = 'OneYouthCouncil1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE UNIQUE INDEX organizations_one_youth_council_idx ON organizations (parent_id) WHERE kind = 'youth_council'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX organizations_one_youth_council_idx`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A removed statement point can be brought back for a while (undo), and its author is told who
 * removed it: points keep who wrote them first, and a removal only marks the row.
 */
export class StatementPointRemoval1764850000000 implements MigrationInterface {
  name = 'StatementPointRemoval1764850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE statement_points
        ADD COLUMN created_by_id uuid REFERENCES users (id),
        ADD COLUMN deleted_at timestamptz(3),
        ADD COLUMN deleted_by_id uuid REFERENCES users (id)`);
    // Points written before this migration: whoever last changed them is the best guess of the author.
    await db.query(`UPDATE statement_points SET created_by_id = updated_by_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM statement_points WHERE deleted_at IS NOT NULL`);
    await db.query(`ALTER TABLE statement_points DROP COLUMN deleted_by_id, DROP COLUMN deleted_at, DROP COLUMN created_by_id`);
  }
}

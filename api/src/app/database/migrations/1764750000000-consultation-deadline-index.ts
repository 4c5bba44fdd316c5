import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The assessment list's deadline-range filter finds the councils' deadlines by this index. */
export class ConsultationDeadlineIndex1764750000000 implements MigrationInterface {
  name = 'ConsultationDeadlineIndex1764750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX consultations_deadline_idx ON consultations (deadline, assessment_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX consultations_deadline_idx`);
  }
}

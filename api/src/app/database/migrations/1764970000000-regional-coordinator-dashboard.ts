import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, second half: the regional coordinator role (held on a region), and the indexes the
 * dashboard's aggregates read (see api/src/app/dashboard/dashboard.repository.ts):
 * - an assessment's stage history (created and transitions) in time order, with the stage entered;
 * - the statement points still shown, with their disposition, per statement;
 * - the open requests whose deadline has passed (overdue now).
 */
export class RegionalCoordinatorDashboard1764970000000 implements MigrationInterface {
  name = 'RegionalCoordinatorDashboard1764970000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE memberships DROP CONSTRAINT memberships_role_check`);
    await db.query(`
      ALTER TABLE memberships ADD CONSTRAINT memberships_role_check
        CHECK (role IN ('official', 'reviewer', 'committee_chair', 'youth_council_member', 'admin', 'regional_coordinator'))`);
    await db.query(`
      CREATE INDEX audit_events_assessment_stages_idx ON audit_events (entity_id, occurred_at, id) INCLUDE (to_stage)
       WHERE entity_type = 'assessment' AND action IN ('assessment.created', 'assessment.transition')`);
    await db.query(`
      CREATE INDEX statement_points_disposition_idx ON statement_points (statement_id) INCLUDE (disposition)
       WHERE deleted_at IS NULL`);
    await db.query(`
      CREATE INDEX consultations_open_deadline_idx ON consultations (deadline) INCLUDE (assessment_id)
       WHERE closed_at IS NULL AND opened_at IS NOT NULL AND status IN ('not_started', 'drafting')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX consultations_open_deadline_idx`);
    await db.query(`DROP INDEX statement_points_disposition_idx`);
    await db.query(`DROP INDEX audit_events_assessment_stages_idx`);
    await db.query(`DELETE FROM memberships WHERE role = 'regional_coordinator'`);
    await db.query(`ALTER TABLE memberships DROP CONSTRAINT memberships_role_check`);
    await db.query(`
      ALTER TABLE memberships ADD CONSTRAINT memberships_role_check
        CHECK (role IN ('official', 'reviewer', 'committee_chair', 'youth_council_member', 'admin'))`);
  }
}

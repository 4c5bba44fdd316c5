import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the assessment list's filters: stage within a municipality, word-prefix search on titles, meeting dates, committee and official. */
export class AssessmentListFilters1764600000000 implements MigrationInterface {
  name = 'AssessmentListFilters1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX assessments_municipality_stage_created_idx ON assessments (municipality_id, stage, created_at DESC, id DESC)`,
    );
    // 'simple': no stemming, so Finnish, Swedish and English titles are searched alike.
    await db.query(`CREATE INDEX assessments_title_search_idx ON assessments USING gin (to_tsvector('simple', title))`);
    await db.query(`CREATE INDEX assessments_planned_meeting_date_idx ON assessments (planned_meeting_date)`);
    // Newest-first scans within one committee or one official's work (replacing the single-column ones).
    await db.query(`CREATE INDEX assessments_committee_created_idx ON assessments (committee_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX assessments_official_created_idx ON assessments (responsible_official_id, created_at DESC, id DESC)`);
    await db.query(`DROP INDEX assessments_committee_idx`);
    await db.query(`DROP INDEX assessments_responsible_official_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX assessments_responsible_official_idx ON assessments (responsible_official_id)`);
    await db.query(`CREATE INDEX assessments_committee_idx ON assessments (committee_id)`);
    await db.query(`DROP INDEX assessments_official_created_idx`);
    await db.query(`DROP INDEX assessments_committee_created_idx`);
    await db.query(`DROP INDEX assessments_planned_meeting_date_idx`);
    await db.query(`DROP INDEX assessments_title_search_idx`);
    await db.query(`DROP INDEX assessments_municipality_stage_created_idx`);
  }
}

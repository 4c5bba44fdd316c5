import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assessment version a youth council was sent when its consultation opened. Once the council's
 * round is over, that version (and the history up to it) is what its members may still read.
 * Consultations opened before this column existed get the version of the transition that opened them.
 */
export class ConsultationSentVersion1764800000001 implements MigrationInterface {
  name = 'ConsultationSentVersion1764800000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE consultations ADD COLUMN sent_version integer`);
    await db.query(
      `UPDATE consultations c SET sent_version = (
         SELECT max(v.version) FROM assessment_versions v
          WHERE v.assessment_id = c.assessment_id AND v.kind = 'transition:open_consultation' AND v.changed_at <= c.opened_at)
        WHERE c.opened_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE consultations DROP COLUMN sent_version`);
  }
}

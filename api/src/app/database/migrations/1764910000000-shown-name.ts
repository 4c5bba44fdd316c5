import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One rule for how a person's name is shown to others (issue 17): a youth council member may be
 * under 18, and Lava stores no ages (data minimisation), so every youth council member is shown by
 * first name only wherever other people see them: comments, mentions, statements, the public page,
 * PDFs, notifications. The first name is the first word of the display name; dots and underscores
 * count as spaces, so a name defaulted from an e-mail address (`veera.virtanen`) shows `veera`.
 * A former member stays so on what they wrote then. Everyone else is shown by their display name. Only the person and the admins managing accounts see
 * the whole display name. Queries use `shown_name(u.id, u.display_name)`.
 */
export class ShownName1764910000000 implements MigrationInterface {
  name = 'ShownName1764910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION shown_name(person uuid, display_name text) RETURNS text
        LANGUAGE sql STABLE PARALLEL SAFE AS $$
          SELECT CASE
            WHEN EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = person AND m.role = 'youth_council_member')
              OR EXISTS (SELECT 1 FROM membership_endings e WHERE e.user_id = person AND e.role = 'youth_council_member')
              THEN split_part(btrim(regexp_replace(display_name, '[[:space:]._]+', ' ', 'g')), ' ', 1)
            ELSE display_name
          END
        $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION shown_name(uuid, text)`);
  }
}

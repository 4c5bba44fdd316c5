import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../src/app/database/data-source';
import { MIGRATIONS } from '../src/app/database/migrations';
import { RealAssessments1764830000000 } from '../src/app/database/migrations/1764830000000-real-assessments';
import { adminQuery, databaseUrl } from './support/databases';

/**
 * The migration of issue 10 on a database seeded before it: single-article rows become one-article
 * impacts, values chosen (or accepted) before stay as they were, evidence dates stay, default
 * alternatives are named in the reader's language, versions stay readable. Nothing is lost.
 */
describe('migrating existing records to real assessments (RealAssessments1764830000000)', () => {
  const name = `lava_test_mig_${randomBytes(5).toString('hex')}`;
  const url = databaseUrl(name);
  let db: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${name}`);
    const before = MIGRATIONS.filter((m) => m !== RealAssessments1764830000000);
    const source = new DataSource({ ...dataSourceOptions(url), migrations: before });
    await source.initialize();
    try {
      await source.runMigrations({ transaction: 'each' });
    } finally {
      await source.destroy();
    }
    db = new Client({ connectionString: url });
    await db.connect();
    const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].id as string;
    ids.municipality = await one(
      `INSERT INTO organizations (kind, name_fi, name_sv, name_en) VALUES ('municipality', 'Kotka', 'Kotka', 'Kotka') RETURNING id`,
    );
    ids.committee = await one(
      `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en) VALUES ('committee', $1, 'Sivistyslautakunta', 'Bildningsnämnden', 'Education committee') RETURNING id`,
      [ids.municipality],
    );
    ids.user = await one(`INSERT INTO users (email, display_name) VALUES ('anna@test.example', 'Anna Virtanen') RETURNING id`);
    ids.assessment = await one(
      `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, screening_affects_children, version)
       VALUES ('Kouluverkkoselvitys', 'draft', $1, $2, $3, $3, true, 3) RETURNING id`,
      [ids.municipality, ids.committee, ids.user],
    );
    const alternatives = [
      ['a0000000-0000-4000-8000-000000000001', 0, 'Päätösehdotus'],
      ['a0000000-0000-4000-8000-000000000002', 1, 'Ingen förändring (nuläget fortsätter)'],
      ['a0000000-0000-4000-8000-000000000003', 2, 'Porrastettu siirtymä'],
    ];
    for (const [id, position, title] of alternatives) {
      await db.query(`INSERT INTO assessment_alternatives (assessment_id, id, position, title) VALUES ($1, $2, $3, $4)`, [
        ids.assessment,
        id,
        position,
        title,
      ]);
    }
    // Rows as the old editor made them: one article and one group each, every value filled (defaults included).
    const rows = [
      ['b0000000-0000-4000-8000-000000000001', alternatives[0][0], 0, 3, 'all', 'positive', 'direct', 'long', 'Terveet tilat.'],
      ['b0000000-0000-4000-8000-000000000002', alternatives[0][0], 1, 28, '7-12', 'unknown', 'direct', 'short', ''],
      ['b0000000-0000-4000-8000-000000000003', alternatives[2][0], 2, 6, 'Sisarukset', 'negative', 'indirect', 'long', 'Eri kouluihin.'],
    ];
    for (const [id, alternativeId, position, article, group, direction, directness, term, note] of rows) {
      await db.query(
        `INSERT INTO impact_matrix_rows (assessment_id, id, alternative_id, position, uncrc_article, group_key, direction, directness, term, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [ids.assessment, id, alternativeId, position, article, group, direction, directness, term, note],
      );
    }
    await db.query(
      `INSERT INTO assessment_evidence_items (assessment_id, id, position, source, item_date, finding)
       VALUES ($1, 'c0000000-0000-4000-8000-000000000001', 0, 'Kouluterveyskysely 2025', '2025-09-15', '82 % turvallinen.'),
              ($1, 'c0000000-0000-4000-8000-000000000002', 1, 'Oppilasmääräennuste', NULL, '')`,
      [ids.assessment],
    );
    await db.query(`INSERT INTO assessment_vulnerable_groups (assessment_id, group_key, note) VALUES ($1, 'rural_areas', 'Saaristo.')`, [
      ids.assessment,
    ]);
    await db.query(
      `INSERT INTO assessment_versions (assessment_id, version, changed_at, changed_by_id, kind, changes)
       VALUES ($1, 1, now() - interval '2 days', $2, 'created', '{}'),
              ($1, 2, now() - interval '1 day', $2, 'edited', '{"mitigation.text": {"from": "", "to": "Kuljetus."}}'),
              ($1, 3, now() - interval '1 hour', $2, 'edited', $3::jsonb)`,
      [
        ids.assessment,
        ids.user,
        JSON.stringify({
          'impactMatrix.rows': {
            from: [],
            to: [
              {
                id: rows[0][0],
                alternativeId: rows[0][1],
                article: 3,
                group: 'all',
                direction: 'positive',
                directness: 'direct',
                term: 'long',
                note: '',
              },
            ],
          },
        }),
      ],
    );

    // The migration under test, then everything after it.
    expect(await runMigrations(url)).toContain('RealAssessments1764830000000');
  });
  afterAll(async () => {
    await db?.end();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('turns each single-article row into a one-article impact, keeping every value that was chosen or accepted', async () => {
    const { rows } = await db.query(
      `SELECT id, alternative_id, position, uncrc_articles, group_keys, wellbeing, direction, directness, term, note
         FROM impact_matrix_rows WHERE assessment_id = $1 ORDER BY position`,
      [ids.assessment],
    );
    expect(rows.map((r) => [r.position, r.uncrc_articles, r.group_keys, r.wellbeing, r.direction, r.directness, r.term, r.note])).toEqual([
      [0, [3], ['all'], [], 'positive', 'direct', 'long', 'Terveet tilat.'],
      [1, [28], ['7-12'], [], 'unknown', 'direct', 'short', ''],
      [2, [6], ['Sisarukset'], [], 'negative', 'indirect', 'long', 'Eri kouluihin.'],
    ]);
    // New rows may now leave the judgements not stated.
    await db.query(
      `INSERT INTO impact_matrix_rows (assessment_id, id, alternative_id, position) VALUES ($1, gen_random_uuid(), 'a0000000-0000-4000-8000-000000000001', 9)`,
      [ids.assessment],
    );
    const [fresh] = (await db.query(`SELECT direction, directness, term, uncrc_articles FROM impact_matrix_rows WHERE position = 9`)).rows;
    expect(fresh).toEqual({ direction: null, directness: null, term: null, uncrc_articles: [] });
    await expect(
      db.query(`UPDATE impact_matrix_rows SET uncrc_articles = '{3, 55}' WHERE assessment_id = $1 AND position = 9`, [ids.assessment]),
    ).rejects.toThrow(/check constraint/);
  });

  it('marks default alternatives stored in any language as defaults without a stored name, and keeps titles the official wrote', async () => {
    const { rows } = await db.query(`SELECT title, default_name FROM assessment_alternatives WHERE assessment_id = $1 ORDER BY position`, [
      ids.assessment,
    ]);
    expect(rows).toEqual([
      { title: '', default_name: 'proposal' },
      { title: '', default_name: 'no_change' },
      { title: 'Porrastettu siirtymä', default_name: null },
    ]);
  });

  it('keeps evidence dates and groups, and the versions with their times as closed one-save versions', async () => {
    const evidence = await db.query(`SELECT item_date, url FROM assessment_evidence_items WHERE assessment_id = $1 ORDER BY position`, [
      ids.assessment,
    ]);
    expect(evidence.rows).toEqual([
      { item_date: '2025-09-15', url: '' },
      { item_date: null, url: '' },
    ]);
    const groups = await db.query(`SELECT group_key, note FROM assessment_vulnerable_groups WHERE assessment_id = $1`, [ids.assessment]);
    expect(groups.rows).toEqual([{ group_key: 'rural_areas', note: 'Saaristo.' }]);
    const versions = await db.query(
      `SELECT version, open, saves, name, started_at = changed_at AS same_time, changes FROM assessment_versions WHERE assessment_id = $1 ORDER BY version`,
      [ids.assessment],
    );
    expect(versions.rows.map((v) => [v.version, v.open, v.saves, v.name, v.same_time])).toEqual([
      [1, false, 1, null, true],
      [2, false, 1, null, true],
      [3, false, 1, null, true],
    ]);
    expect(versions.rows[1].changes).toEqual({ 'mitigation.text': { from: '', to: 'Kuljetus.' } });
    const organization = await db.query(`SELECT wellbeing_framework, wellbeing_indicators FROM organizations WHERE id = $1`, [
      ids.municipality,
    ]);
    expect(organization.rows).toEqual([{ wellbeing_framework: 'none', wellbeing_indicators: [] }]);
  });
});

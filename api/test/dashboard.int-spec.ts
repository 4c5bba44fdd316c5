import { inflateRawSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import type { Organization } from '../src/app/organizations/organization.entity';
import type { User } from '../src/app/users/user.entity';
import { createMunicipality, createUser, type TestMunicipality } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * The dashboard (issue 13) against a data set whose every figure the test knows: Kotka (A) and
 * Hamina (B) in one region, Kouvola (C) in another. The clock is the real one: the past dates are
 * well past, the pending deadline is in 2099.
 */

interface Seeded {
  a: TestMunicipality & { technical: Organization };
  b: TestMunicipality;
  c: TestMunicipality;
  ids: Record<string, string>;
}

/** One assessment row, its stage history (days after creation of each transition) and nothing else. */
async function assessment(
  db: DataSource,
  official: User,
  committee: Organization,
  row: {
    stage: string;
    created: string;
    affects?: boolean | null;
    plannedMeeting?: string;
    followUp?: string;
    history?: [string, number][];
  },
): Promise<string> {
  const signed = row.affects === undefined || row.affects === null ? null : row.created;
  const [{ id }] = await db.query(
    `INSERT INTO assessments (title, stage, municipality_id, committee_id, responsible_official_id, created_by_id, created_at,
                              screening_affects_children, screening_signed_at, screening_signed_by_id, planned_meeting_date, follow_up_date)
     VALUES ('Dashboard seed', $1, $2, $3, $4, $4, $5, $6, $7, CASE WHEN $7::timestamptz IS NULL THEN NULL ELSE $4::uuid END, $8, $9) RETURNING id`,
    [
      row.stage,
      committee.parentId,
      committee.id,
      official.id,
      row.created,
      row.affects ?? null,
      signed,
      row.plannedMeeting ?? null,
      row.followUp ?? null,
    ],
  );
  await db.query(`INSERT INTO assessment_versions (assessment_id, version, kind) VALUES ($1, 1, 'created')`, [id]);
  await db.query(
    `INSERT INTO audit_events (occurred_at, actor_user_id, entity_type, entity_id, action, to_stage) VALUES ($1, $2, 'assessment', $3, 'assessment.created', 'screening')`,
    [row.created, official.id, id],
  );
  let from = 'screening';
  for (const [to, days] of row.history ?? []) {
    await db.query(
      `INSERT INTO audit_events (occurred_at, actor_user_id, entity_type, entity_id, action, from_stage, to_stage)
       VALUES ($1::timestamptz + make_interval(days => $2), $3, 'assessment', $4, 'assessment.transition', $5, $6)`,
      [row.created, days, official.id, id, from, to],
    );
    from = to;
  }
  return id;
}

async function consultation(
  db: DataSource,
  assessmentId: string,
  council: Organization,
  row: {
    status: string;
    deadline: string;
    submitted?: string;
    closed?: string;
    opened?: boolean;
    points?: [string | null, string, boolean?][];
  },
): Promise<void> {
  const [{ id }] = await db.query(
    `INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, status, opened_at, closed_at, sent_version)
     VALUES ($1, $2, 1, $3, $4, CASE WHEN $5 THEN $3::timestamptz - interval '20 days' END, $6, 1) RETURNING id`,
    [assessmentId, council.id, row.deadline, row.status, row.opened ?? true, row.closed ?? null],
  );
  const [{ id: statementId }] = await db.query(`INSERT INTO statements (consultation_id, submitted_at) VALUES ($1, $2) RETURNING id`, [
    id,
    row.submitted ?? null,
  ]);
  let position = 0;
  for (const [disposition, reason, deleted] of row.points ?? [])
    await db.query(
      `INSERT INTO statement_points (statement_id, position, text, disposition, disposition_reason, deleted_at)
       VALUES ($1, $2, 'A point', $3, $4, CASE WHEN $5 THEN now() END)`,
      [statementId, position++, disposition, reason, deleted ?? false],
    );
}

async function seed(db: DataSource, official: Record<'a' | 'b' | 'c', User>, m: Omit<Seeded, 'ids'>): Promise<Record<string, string>> {
  const { a, b, c } = m;
  const ids: Record<string, string> = {};
  ids['a1'] = await assessment(db, official.a, a.education, {
    stage: 'closed',
    created: '2025-03-01T10:00:00Z',
    affects: false,
    history: [['closed', 10]],
  });
  ids['a2'] = await assessment(db, official.a, a.education, {
    stage: 'decided',
    created: '2026-01-10T10:00:00Z',
    affects: true,
    followUp: '2026-06-01',
    history: [
      ['draft', 2],
      ['consultation', 10],
      ['review', 24],
      ['decision', 31],
      ['decided', 41],
    ],
  });
  await db.query(
    `INSERT INTO decisions (assessment_id, committee_id, outcome, meeting_date, minutes_section, signed_by_id)
     VALUES ($1, $2, 'approved', '2026-02-20', '§ 1', $3)`,
    [ids['a2'], a.education.id, official.a.id],
  );
  await consultation(db, ids['a2'], a.youthCouncil, {
    status: 'submitted',
    deadline: '2026-02-01T10:00:00Z',
    submitted: '2026-01-25T10:00:00Z',
    closed: '2026-02-01T10:00:00Z',
    points: [
      ['accepted', 'Done as asked.'],
      ['partly_accepted', 'In part.'],
      ['not_accepted', ''],
      ['accepted', 'Removed later', true],
    ],
  });
  await consultation(db, ids['a2'], b.youthCouncil, { status: 'withdrawn', deadline: '2026-02-01T10:00:00Z' });
  ids['a3'] = await assessment(db, official.a, a.technical, {
    stage: 'consultation',
    created: '2026-05-01T10:00:00Z',
    affects: true,
    plannedMeeting: '2026-11-20',
    history: [
      ['draft', 2],
      ['consultation', 12],
    ],
  });
  await consultation(db, ids['a3'], a.youthCouncil, { status: 'drafting', deadline: '2026-11-01T10:00:00Z' });
  await consultation(db, ids['a3'], b.youthCouncil, {
    status: 'submitted',
    deadline: '2026-11-01T10:00:00Z',
    submitted: '2026-11-05T10:00:00Z',
    points: [[null, '']],
  });
  await consultation(db, ids['a3'], c.youthCouncil, { status: 'not_started', deadline: '2099-01-01T10:00:00Z' });
  ids['a4'] = await assessment(db, official.a, a.education, {
    stage: 'draft',
    created: '2026-07-01T10:00:00Z',
    affects: true,
    history: [['draft', 4]],
  });
  // Planned, never sent: not a consultation asked.
  await consultation(db, ids['a4'], b.youthCouncil, { status: 'not_started', deadline: '2026-08-01T10:00:00Z', opened: false });
  ids['a5'] = await assessment(db, official.a, a.education, { stage: 'screening', created: '2026-09-01T10:00:00Z' });
  ids['b1'] = await assessment(db, official.b, b.education, {
    stage: 'review',
    created: '2026-02-01T10:00:00Z',
    affects: true,
    history: [['draft', 5]],
  });
  ids['c1'] = await assessment(db, official.c, c.education, { stage: 'decided', created: '2026-03-01T10:00:00Z', affects: true });
  await db.query(
    `INSERT INTO decisions (assessment_id, committee_id, outcome, meeting_date, minutes_section, signed_by_id)
     VALUES ($1, $2, 'approved', '2026-04-01', '§ 2', $3)`,
    [ids['c1'], c.education.id, official.c.id],
  );
  return ids;
}

/** The rows of the first sheet of an XLSX file: a tiny reader of the ZIP's central directory and the sheet's XML. */
function readXlsx(file: Buffer): string[][] {
  const entries = new Map<string, Buffer>();
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = file.readUInt32LE(end + 16);
  for (let i = 0; i < file.readUInt16LE(end + 10); i++) {
    const method = file.readUInt16LE(offset + 10);
    const size = file.readUInt32LE(offset + 20);
    const nameLength = file.readUInt16LE(offset + 28);
    const extra = file.readUInt16LE(offset + 30) + file.readUInt16LE(offset + 32);
    const name = file.toString('utf8', offset + 46, offset + 46 + nameLength);
    const local = file.readUInt32LE(offset + 42);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    offset += 46 + nameLength + extra;
  }
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const shared = [...(entries.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>(?:<t[^>]*>([\s\S]*?)<\/t>)?<\/si>/g)].map(
    (m) => unescape(m[1] ?? ''),
  );
  const sheet = entries.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
  return [...sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((cell) => {
      const attributes = cell[1] ?? '';
      const inner = cell[2] ?? '';
      if (/t="s"/.test(attributes)) return shared[Number(/<v>([^<]*)<\/v>/.exec(inner)?.[1])] ?? '';
      if (/t="inlineStr"/.test(attributes)) return unescape(/<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1] ?? '');
      return /<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? '';
    }),
  );
}

/** RFC 4180 rows (quoted fields with doubled quotes), without the byte order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  return rows;
}

describe('dashboard', () => {
  let env: TestEnvironment;
  let seeded: Seeded;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    env = await startTestEnvironment();
    const a = await createMunicipality(env.db, 'Kotka');
    const b = await createMunicipality(env.db, 'Hamina');
    const c = await createMunicipality(env.db, 'Kouvola');
    // Hamina joins Kotka's region; Kouvola stays in its own.
    await env.db.query(`UPDATE organizations SET parent_id = $1 WHERE id = $2`, [a.municipality.parentId, b.municipality.id]);
    const [technical] = await env.db.query(
      `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en)
       VALUES ('committee', $1, 'Tekninen lautakunta', 'Tekniska nämnden', 'Technical Committee') RETURNING id, parent_id AS "parentId"`,
      [a.municipality.id],
    );
    const region = (await env.db.query(`SELECT * FROM organizations WHERE id = $1`, [a.municipality.parentId]))[0];
    const users = {
      officialA: await createUser(env.db, 'official', a.municipality),
      officialB: await createUser(env.db, 'official', b.municipality),
      officialC: await createUser(env.db, 'official', c.municipality),
      coordinator: await createUser(env.db, 'regional_coordinator', region, { language: 'sv' }),
      youth: await createUser(env.db, 'youth_council_member', a.youthCouncil),
      reviewer: await createUser(env.db, 'reviewer', a.municipality),
      admin: await createUser(env.db, 'admin', region),
    };
    seeded = { a: { ...a, technical }, b, c, ids: {} };
    seeded.ids = await seed(env.db, { a: users.officialA, b: users.officialB, c: users.officialC }, seeded);
    for (const [name, user] of Object.entries(users)) tokens[name] = await env.login(user.email);
    personToGrant = users.reviewer.id;
  });

  let personToGrant = '';

  afterAll(() => env?.close());

  const get = (who: string, path: string, language = 'en') =>
    env.http().get(path).set('Authorization', `Bearer ${tokens[who]}`).set('Accept-Language', language);

  it("shows an official every figure of their own municipality's seeded data set", async () => {
    const view = (await get('officialA', '/api/dashboard').expect(200)).body;
    expect(view.scope.role).toBe('official');
    expect(view.scope.organizations.map((o: { name: string }) => o.name)).toEqual(['Kotka en']);
    expect(view.scope.committees.map((o: { name: string }) => o.name).sort()).toEqual(['Education Committee', 'Technical Committee']);
    expect(view.stages).toEqual([
      { year: 2025, stage: 'closed', count: 1 },
      { year: 2026, stage: 'screening', count: 1 },
      { year: 2026, stage: 'draft', count: 1 },
      { year: 2026, stage: 'consultation', count: 1 },
      { year: 2026, stage: 'decided', count: 1 },
    ]);
    expect(Object.fromEntries(view.screening.map((r: { outcome: string; count: number }) => [r.outcome, r.count]))).toEqual({
      affects_children: 3,
      no_impact: 1,
      not_screened: 1,
    });
    expect(view.decisions).toEqual([
      { measure: 'full_assessment', count: 1 },
      { measure: 'children_heard', count: 1 },
      { measure: 'awaiting_decision', count: 2 },
      { measure: 'screened_out', count: 1 },
    ]);
    expect(view.consultations).toEqual(
      [
        {
          bodyId: seeded.b.youthCouncil.id,
          bodyName: 'Youth Council',
          bodyKind: 'youth_council',
          asked: 1,
          onTime: 0,
          late: 1,
          unanswered: 0,
          pending: 0,
        },
        {
          bodyId: seeded.a.youthCouncil.id,
          bodyName: 'Youth Council',
          bodyKind: 'youth_council',
          asked: 2,
          onTime: 1,
          late: 0,
          unanswered: 1,
          pending: 0,
        },
        {
          bodyId: seeded.c.youthCouncil.id,
          bodyName: 'Youth Council',
          bodyKind: 'youth_council',
          asked: 1,
          onTime: 0,
          late: 0,
          unanswered: 0,
          pending: 1,
        },
      ].sort((x, y) => (x.bodyId < y.bodyId ? -1 : 1)),
    );
    expect(view.dispositions).toEqual([
      { disposition: 'accepted', points: 1, withReason: 1 },
      { disposition: 'partly_accepted', points: 1, withReason: 1 },
      { disposition: 'not_accepted', points: 1, withReason: 0 },
      { disposition: 'unanswered', points: 1, withReason: 0 },
    ]);
    expect(view.durations).toEqual([
      { stage: 'screening', medianDays: 3, stays: 4 },
      { stage: 'draft', medianDays: 9, stays: 2 },
      { stage: 'consultation', medianDays: 14, stays: 1 },
      { stage: 'review', medianDays: 7, stays: 1 },
      { stage: 'decision', medianDays: 10, stays: 1 },
    ]);
    expect(view.overdue).toEqual([
      { item: 'consultation', count: 1 },
      { item: 'meeting', count: 1 },
      { item: 'follow_up', count: 1 },
    ]);
  });

  it('filters by year and by committee', async () => {
    const year = (await get('officialA', '/api/dashboard?year=2025').expect(200)).body;
    expect(year.filters.year).toBe(2025);
    expect(year.stages).toEqual([{ year: 2025, stage: 'closed', count: 1 }]);
    expect(year.decisions.find((r: { measure: string }) => r.measure === 'screened_out').count).toBe(1);
    expect(year.consultations).toEqual([]);
    expect(year.durations).toEqual([{ stage: 'screening', medianDays: 10, stays: 1 }]);
    const technical = (await get('officialA', `/api/dashboard?committeeId=${seeded.a.technical.id}`).expect(200)).body;
    expect(technical.stages).toEqual([{ year: 2026, stage: 'consultation', count: 1 }]);
    expect(technical.dispositions).toEqual([{ disposition: 'unanswered', points: 1, withReason: 0 }]);
    expect(technical.overdue.map((r: { count: number }) => r.count)).toEqual([1, 1, 0]);
  });

  it("never shows an official another municipality's numbers", async () => {
    const viewB = (await get('officialB', '/api/dashboard').expect(200)).body;
    expect(viewB.stages).toEqual([{ year: 2026, stage: 'review', count: 1 }]);
    expect(viewB.consultations).toEqual([]);
    const viewC = (await get('officialC', '/api/dashboard').expect(200)).body;
    expect(viewC.stages).toEqual([{ year: 2026, stage: 'decided', count: 1 }]);
    expect(viewC.decisions[0]).toEqual({ measure: 'full_assessment', count: 1 });
    // Asking for B's or C's figures by filter: 403, in the caller's language.
    const refused = await get('officialA', `/api/dashboard?organizationId=${seeded.b.municipality.id}`, 'fi').expect(403);
    expect(refused.body.message).toBe('Tämä organisaatio ei kuulu koontinäkymäsi piiriin.');
    await get('officialA', `/api/dashboard?committeeId=${seeded.c.education.id}`).expect(403);
    await get('officialA', `/api/dashboard/tables/stages?organizationId=${seeded.c.municipality.id}`).expect(403);
  });

  it('shows the regional coordinator the whole region, and nobody else outside it', async () => {
    const view = (await get('coordinator', '/api/dashboard').expect(200)).body;
    expect(view.scope.role).toBe('regional_coordinator');
    expect(view.scope.organizations.map((o: { id: string }) => o.id).sort()).toEqual(
      [seeded.a.municipality.id, seeded.b.municipality.id].sort(),
    );
    expect(view.stages).toEqual([
      { year: 2025, stage: 'closed', count: 1 },
      { year: 2026, stage: 'screening', count: 1 },
      { year: 2026, stage: 'draft', count: 1 },
      { year: 2026, stage: 'consultation', count: 1 },
      { year: 2026, stage: 'review', count: 1 },
      { year: 2026, stage: 'decided', count: 1 },
    ]);
    expect(view.durations[0]).toEqual({ stage: 'screening', medianDays: 4, stays: 5 });
    expect(view.decisions.find((r: { measure: string }) => r.measure === 'awaiting_decision').count).toBe(3);
    const onlyB = (await get('coordinator', `/api/dashboard?organizationId=${seeded.b.municipality.id}`).expect(200)).body;
    expect(onlyB.stages).toEqual([{ year: 2026, stage: 'review', count: 1 }]);
    await get('coordinator', `/api/dashboard?organizationId=${seeded.c.municipality.id}`).expect(403);
  });

  it('answers 400 to a filter that names nothing and 403 to those without a dashboard role', async () => {
    for (const query of [
      'year=1999',
      'year=abc',
      'organizationId=nope',
      `organizationId=${seeded.a.education.id}`,
      `committeeId=${seeded.a.municipality.id}`,
    ]) {
      const response = await get('officialA', `/api/dashboard?${query}`, 'sv').expect(400);
      expect(typeof response.body.message).toBe('string');
    }
    await get('officialA', '/api/dashboard/tables/stages?format=pdf').expect(400);
    await get('officialA', '/api/dashboard/tables/nothing').expect(404);
    await get('youth', '/api/dashboard').expect(403);
    await get('reviewer', '/api/dashboard').expect(403);
    await env.http().get('/api/dashboard').expect(401);
  });

  it('exports every table as CSV and XLSX that read back to the same figures, headed in the caller’s language', async () => {
    const csv = await get('officialA', '/api/dashboard/tables/consultations?format=csv', 'fi').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="lava-koontinakyma-lausuntopyynnot.csv"');
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual([
      'Kuultu taho',
      'Tahon laji',
      'Pyydetty',
      'Vastattu ajoissa',
      'Vastattu myöhässä',
      'Vastaamatta',
      'Määräaika kesken',
    ]);
    expect(
      rows
        .slice(1)
        .map((r) => r.slice(1).join('|'))
        .sort(),
    ).toEqual(['Nuorisovaltuusto|1|0|1|0|0', 'Nuorisovaltuusto|2|1|0|1|0', 'Nuorisovaltuusto|1|0|0|0|1'].sort());
    const xlsx = await get('coordinator', '/api/dashboard/tables/stages?format=xlsx&year=2026')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="lava-dashboard-stages-2026.xlsx"');
    expect(readXlsx(xlsx.body as Buffer)).toEqual([
      ['Year', 'Stage', 'Count'],
      ['2026', 'Screening', '1'],
      ['2026', 'Draft', '1'],
      ['2026', 'Consultation', '1'],
      ['2026', 'Review', '1'],
      ['2026', 'Decided', '1'],
    ]);
    // The coordinator's own language when the request names none.
    const sv = await env.http().get('/api/dashboard/tables/overdue').set('Authorization', `Bearer ${tokens['coordinator']}`).expect(200);
    expect(parseCsv(sv.text)[0]).toEqual(['Objekt', 'Antal']);
    for (const table of ['stages', 'screening', 'decisions', 'consultations', 'dispositions', 'durations', 'overdue'])
      for (const format of ['csv', 'xlsx']) await get('coordinator', `/api/dashboard/tables/${table}?format=${format}`).expect(200);
  });

  it('lets the regional admin grant the coordinator role on a region, and on nothing else', async () => {
    const put = (organizationId: string) =>
      env
        .http()
        .put(`/api/admin/users/${personToGrant}/memberships`)
        .set('Authorization', `Bearer ${tokens['admin']}`)
        .send({ memberships: [{ organizationId, role: 'regional_coordinator' }] });
    expect((await put(seeded.a.municipality.id)).status).toBe(400);
    const granted = await put(seeded.a.municipality.parentId as string).expect(200);
    expect(granted.body.memberships).toEqual([expect.objectContaining({ role: 'regional_coordinator', organizationKind: 'region' })]);
    // The reviewer held no dashboard role; now, as the coordinator, they see the region.
    const token = await env.login((await env.db.query(`SELECT email FROM users WHERE id = $1`, [personToGrant]))[0].email);
    const view = await env.http().get('/api/dashboard').set('Authorization', `Bearer ${token}`).expect(200);
    expect(view.body.scope.role).toBe('regional_coordinator');
  });

  it('lets the coordinator read the region’s assessments out of draft, and nothing private', async () => {
    const { ids } = seeded;
    await get('coordinator', `/api/assessments/${ids['a3']}`).expect(200);
    await get('coordinator', `/api/assessments/${ids['b1']}`).expect(200);
    await get('coordinator', `/api/assessments/${ids['a2']}`).expect(200);
    // Screening and draft: not yet; another region: never.
    await get('coordinator', `/api/assessments/${ids['a4']}`).expect(404);
    await get('coordinator', `/api/assessments/${ids['a5']}`).expect(404);
    await get('coordinator', `/api/assessments/${ids['c1']}`).expect(404);
    // The version history (drafts) is private.
    await get('coordinator', `/api/assessments/${ids['a3']}/versions`).expect(404);
    // Every sent request shows, and a submitted statement; no council's statement draft; no staff comment thread.
    const requests = (await get('coordinator', `/api/assessments/${ids['a3']}/consultations`).expect(200)).body as {
      id: string;
      status: string;
    }[];
    expect(requests.map((r) => r.status).sort()).toEqual(['drafting', 'not_started', 'submitted']);
    const byStatus = Object.fromEntries(requests.map((r) => [r.status, r.id]));
    const submitted = (await get('coordinator', `/api/consultations/${byStatus['submitted']}`).expect(200)).body;
    expect(submitted.statement.points).toHaveLength(1);
    expect(Object.values(submitted.can).some(Boolean)).toBe(false);
    expect((await get('coordinator', `/api/consultations/${byStatus['drafting']}`).expect(200)).body.statement).toBeNull();
    // An official of another region's municipality still gets 404.
    await get('officialC', `/api/consultations/${byStatus['submitted']}`).expect(404);
    const threads = await get('coordinator', `/api/assessments/${ids['a3']}/comment-threads`);
    expect(threads.status === 404 || JSON.stringify(threads.body).includes('"staff"') === false).toBe(true);
    // No action is offered, and an edit is refused.
    const actions = (await get('coordinator', `/api/assessments/${ids['a3']}/actions`).expect(200)).body as { allowed: boolean }[];
    expect(actions.filter((a) => a.allowed)).toEqual([]);
  });

  it('lists the region’s assessments out of draft for the coordinator, newest first, and filters them', async () => {
    const { ids } = seeded;
    const list = (await get('coordinator', '/api/assessments?limit=2').expect(200)).body as {
      items: { id: string }[];
      nextCursor: string | null;
    };
    expect(list.items.map((i) => i.id)).toEqual([ids['a3'], ids['b1']]);
    const rest = (await get('coordinator', `/api/assessments?limit=2&cursor=${encodeURIComponent(list.nextCursor ?? '')}`).expect(200))
      .body;
    expect((rest.items as { id: string }[]).map((i) => i.id)).toEqual([ids['a2'], ids['a1']]);
    expect(rest.nextCursor).toBeNull();
    // A word filter takes the other (selective) plan: still no screening or draft, nothing of the other region.
    const byB = (await get('coordinator', `/api/assessments?municipalityId=${seeded.b.municipality.id}`).expect(200)).body;
    expect((byB.items as { id: string }[]).map((i) => i.id)).toEqual([ids['b1']]);
    const byStage = (await get('coordinator', '/api/assessments?stage=draft').expect(200)).body;
    expect(byStage.items).toEqual([]);
    const titles = (await env.db.query(`SELECT id, title FROM assessments WHERE id = ANY($1)`, [[ids['a4'], ids['a5']]])) as {
      title: string;
    }[];
    for (const { title } of titles) {
      const found = (await get('coordinator', `/api/assessments?q=${encodeURIComponent(title.split(' ')[0] ?? '')}`).expect(200)).body;
      expect((found.items as { id: string }[]).map((i) => i.id)).not.toEqual(expect.arrayContaining([ids['a4']]));
      expect((found.items as { id: string }[]).map((i) => i.id)).not.toEqual(expect.arrayContaining([ids['a5']]));
    }
    // The official of A still lists all of A's, drafts included.
    const official = (await get('officialA', '/api/assessments?limit=50').expect(200)).body;
    expect((official.items as { id: string }[]).map((i) => i.id)).toEqual(expect.arrayContaining([ids['a4'], ids['a5']]));
  });
});

import type {
  AgendaDocumentView,
  AssessmentDetail,
  Page,
  PublicAssessmentPage,
  PublicationStatus,
  RegisterEntry,
  SignatureVerification,
} from '@lava/contracts';
import { finnishDate } from '@lava/workflow';
import type { INestApplicationContext } from '@nestjs/common';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/app/demo/demo-data';
import { seedDemoData } from '../src/app/demo/seed-demo-data';
import { DocumentsWorker } from '../src/worker/pdf/documents-worker';
import { readPdf, squash } from '../src/worker/pdf/pdf-tools';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

const DECIDED = 'Koulukuljetusten hankinta 2027–2031';
const SCREENED = 'Puheterapiakokeilu varhaiskasvatuksessa';

/**
 * Out of Lava, with the demo data: the chair decides, the worker makes the agenda PDFs, the official
 * publishes, anyone reads and verifies; tampering in SQL is caught by verify and the nightly check;
 * and no public route ever shows a young person's name, a comment or a draft statement.
 */
describe('publication: agenda PDF, signatures, the public register', () => {
  let env: TestEnvironment;
  let worker: INestApplicationContext;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const idOf = (title: string): string => ids[title] ?? '';
  const must = <T>(value: T | null | undefined): T => {
    if (value === null || value === undefined) throw new Error('expected a value');
    return value;
  };

  beforeAll(async () => {
    env = await startTestEnvironment({ PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' });
    expect(await seedDemoData(env.db)).toBe(true);
    worker = await env.startWorker();
    for (const email of ['official@kotka.example', 'chair@kotka.example', 'youth@kotka.example', 'official@kouvola.example'])
      tokens[email] = await env.login(email, DEMO_PASSWORD);
    for (const title of [DECIDED, SCREENED])
      ids[title] = must(((await env.db.query(`SELECT id FROM assessments WHERE title = $1`, [title])) as { id: string }[])[0]).id;
  }, 120_000);
  afterAll(() => env?.close());

  const as = (email: string) => ({ Authorization: `Bearer ${tokens[email]}` });
  const detail = async (id: string) =>
    (await env.http().get(`/api/assessments/${id}`).set(as('official@kotka.example')).expect(200)).body as AssessmentDetail;
  const documentsReady = async (email: string, id: string, stage: string): Promise<AgendaDocumentView[]> => {
    for (let i = 0; i < 960; i++) {
      const list = (await env.http().get(`/api/assessments/${id}/documents`).set(as(email)).expect(200)).body as AgendaDocumentView[];
      if (list.length === 3 && list.every((d) => d.status === 'ready' && d.stage === stage)) return list;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('The agenda PDFs were not made in time');
  };
  const verify = async (hash: string) => (await env.http().get(`/api/public/verify/${hash}`).expect(200)).body as SignatureVerification;

  it('the decision signs, the worker makes the PDFs, the official publishes, and anyone reads and verifies it', async () => {
    const id = idOf(DECIDED);
    const yesterday = finnishDate(new Date(Date.now() - 86_400_000));
    await env
      .http()
      .post(`/api/assessments/${id}/transitions`)
      .set(as('chair@kotka.example'))
      .send({
        action: 'record_decision',
        version: (await detail(id)).version,
        decision: {
          outcome: 'approved_as_modified',
          meetingDate: yesterday,
          minutesSection: '§ 118',
          decisionText: 'Lautakunta hyväksyi hankinnan sillä muutoksella, että odotusaika on enintään 20 minuuttia.',
          followUpDate: '2029-06-01',
        },
      })
      .expect(200);

    // The stage change asked for the PDFs; the worker's relay queued them and the worker made them.
    const documents = await documentsReady('official@kotka.example', id, 'decided');
    expect(documents.map((d) => [d.language, d.draft])).toEqual([
      ['fi', false],
      ['sv', false],
      ['en', false],
    ]);
    const download = await env.http().get(`/api/assessments/${id}/documents/sv.pdf`).set(as('official@kotka.example')).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const pdf = readPdf(download.body as Buffer);
    const text = squash(pdf.text);
    for (const expected of [
      DECIDED,
      'KOT/301/02.08.00/2026',
      '§ 118',
      'odotusaika on enintään 20 minuuttia',
      'Godkänt med ändringar',
      'Beslutad',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('UTKAST');
    expect(pdf.info['Tagged']).toBe('yes');
    expect(pdf.raw).toContain('/Lang (sv-FI)');
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);

    // The decision's signature is printed with its verification address.
    const [decisionSignature] = (await env.db.query(
      `SELECT hash, previous_hash FROM signatures WHERE assessment_id = $1 AND kind = 'decision_signed'`,
      [id],
    )) as { hash: string; previous_hash: string | null }[];
    expect(text).toContain(must(decisionSignature).hash);
    expect(text.replace(/\s/g, '')).toContain(`/public/verify/${must(decisionSignature).hash}`);

    // Not public until someone publishes it; a youth member may not.
    await env.http().get(`/api/public/assessments/${id}`).expect(404);
    await env.http().post(`/api/assessments/${id}/publication`).set(as('youth@kotka.example')).send({ version: 0 }).expect(404);
    const status = (await env.http().get(`/api/assessments/${id}/publication`).set(as('official@kotka.example')).expect(200))
      .body as PublicationStatus;
    expect(status).toMatchObject({ published: false, publishable: true, version: 0 });
    const published = (
      await env.http().post(`/api/assessments/${id}/publication`).set(as('official@kotka.example')).send({ version: 0 }).expect(200)
    ).body as PublicationStatus;
    expect(published).toMatchObject({ published: true, version: 1 });
    await env.http().post(`/api/assessments/${id}/publication`).set(as('official@kotka.example')).send({ version: 0 }).expect(409);
    expect(
      (await env.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'assessment.%published'`, [id])).map(
        (r: { action: string }) => r.action,
      ),
    ).toEqual(['assessment.published']);

    // Anyone finds it in the register (filters, search) and reads its page.
    const list = (
      await env
        .http()
        .get('/api/public/assessments')
        .query({ q: 'koulukulj', year: Number(yesterday.slice(0, 4)) })
        .expect(200)
    ).body as Page<RegisterEntry>;
    expect(list.items.map((e) => [e.title, e.outcome, e.kind])).toEqual([[DECIDED, 'approved_as_modified', 'assessment']]);
    // The same in the 6Aika open decisions API's words: the case, the committee's action with its §, the organizations.
    expect(list.items[0]?.openDecisions.action).toMatchObject({ resolution: 'approved_as_modified', article_number: '§ 118' });
    expect(list.items[0]?.openDecisions.organizations.map((o) => o.classification)).toEqual(['committee', 'municipality']);
    expect((await env.http().get('/api/public/assessments').query({ outcome: 'rejected' }).expect(200)).body.items).toEqual([]);
    const page = (await env.http().get(`/api/public/assessments/${id}`).set('Accept-Language', 'en').expect(200))
      .body as PublicAssessmentPage;
    expect(page.assessment.decision).toMatchObject({ minutesSection: '§ 118', outcome: 'approved_as_modified' });
    expect(page.signatures.map((s) => s.kind).slice(0, 2)).toEqual(['publication', 'decision_signed']);

    // The publication re-made the PDFs, now carrying the publication's signature; the public may download them.
    const publication = must(page.signatures[0]);
    await documentsReady('official@kotka.example', id, 'decided');
    for (let i = 0; i < 480; i++) {
      const publicPdf = await env.http().get(`/api/public/assessments/${id}/pdf/fi`).expect(200);
      if (squash(readPdf(publicPdf.body as Buffer).text).includes(publication.hash)) break;
      if (i === 479) throw new Error('The public PDF does not carry the publication signature');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    // Verify: matches; the publication links to the decision in Kotka's chain.
    const verified = await verify(publication.hash);
    expect(verified).toMatchObject({ matches: true, snapshotIntact: true, chainIntact: true, differences: [] });
    expect(publication.previousHash).toBe(must(decisionSignature).hash);
    expect((await verify(must(decisionSignature).hash)).matches).toBe(true);
  }, 300_000);

  it('publishes a signed screening result (no impact on children)', async () => {
    const id = idOf(SCREENED);
    const kouvola = as('official@kouvola.example');
    const version = (await env.http().get(`/api/assessments/${id}`).set(kouvola).expect(200)).body.version as number;
    const edited = await env
      .http()
      .patch(`/api/assessments/${id}`)
      .set(kouvola)
      .send({ version, screening: { affectsChildren: false, rationale: 'Kokeilu koskee vain henkilöstön koulutusta.' } })
      .expect(200);
    await env
      .http()
      .post(`/api/assessments/${id}/transitions`)
      .set(kouvola)
      .send({ action: 'screen_out', signatureConfirmed: true, version: edited.body.version })
      .expect(200);
    await env.http().post(`/api/assessments/${id}/publication`).set(kouvola).send({ version: 0 }).expect(200);
    const list = (await env.http().get('/api/public/assessments').query({ outcome: 'screened_out' }).expect(200))
      .body as Page<RegisterEntry>;
    expect(list.items.map((e) => [e.title, e.kind, e.summary])).toEqual([
      [SCREENED, 'screening', 'Kokeilu koskee vain henkilöstön koulutusta.'],
    ]);
    // In the 6Aika open decisions API's words: a screening result is an action without a meeting or §.
    expect(list.items[0]?.openDecisions).toMatchObject({
      case: { id: id, title: SCREENED, category: 'child_impact_screening', public: true },
      action: { id: `${id}#screening`, case: id, resolution: 'screened_out', article_number: null, event: null },
    });
    expect(list.items[0]?.openDecisions.organizations.map((o) => [o.classification, o.parent_id === null])).toEqual([
      ['committee', false],
      ['municipality', true],
    ]);
    const page = (await env.http().get(`/api/public/assessments/${id}`).expect(200)).body as PublicAssessmentPage;
    expect(page.signatures.map((s) => s.kind)).toEqual(['publication', 'screening_signed']);
    expect((await verify(must(page.signatures[1]).hash)).matches).toBe(true);
  }, 120_000);

  it('never shows a young person’s name, a comment, a reviewer’s note or a draft statement on a public route', async () => {
    const everyAssessment = (await env.db.query(`SELECT id FROM assessments`)) as { id: string }[];
    const hashes = (await env.db.query(`SELECT hash FROM signatures`)) as { hash: string }[];
    const municipalities = (await env.db.query(`SELECT id FROM organizations WHERE kind = 'municipality'`)) as { id: string }[];
    const routes = [
      '/api/public/assessments',
      '/api/public/assessments?limit=100',
      '/api/public/municipalities',
      '/api/public/feed.atom',
      ...municipalities.flatMap((m) => [`/api/public/assessments?municipalityId=${m.id}`, `/api/public/municipalities/${m.id}/committees`]),
      ...everyAssessment.map((a) => `/api/public/assessments/${a.id}`),
      ...hashes.map((h) => `/api/public/verify/${h.hash}`),
    ];
    const youthNames = DEMO_USERS.filter((u) => u.role === 'youth_council_member').map((u) => u.displayName);
    const secrets = [
      ...((await env.db.query(`SELECT body FROM comments WHERE length(body) > 12`)) as { body: string }[]).map((r) => r.body),
      ...(
        (await env.db.query(
          `SELECT value->>'comment' AS c FROM review_rounds, jsonb_each(checklist) WHERE length(value->>'comment') > 12`,
        )) as {
          c: string;
        }[]
      ).map((r) => r.c),
      ...(
        (await env.db.query(
          `SELECT p.text FROM statement_points p JOIN statements s ON s.id = p.statement_id WHERE s.submitted_at IS NULL AND length(p.text) > 12`,
        )) as { text: string }[]
      ).map((r) => r.text),
    ];
    expect(secrets.length).toBeGreaterThan(3);
    for (const language of ['fi', 'sv', 'en']) {
      for (const route of routes) {
        const response = await env.http().get(route).set('Accept-Language', language);
        expect([route, response.status < 500]).toEqual([route, true]);
        const body = response.text;
        for (const name of youthNames) expect([route, new RegExp(`\\b${name}\\b`).test(body)]).toEqual([route, false]);
        for (const secret of secrets) expect([route, body.includes(secret)]).toEqual([route, false]);
      }
    }
  }, 180_000);

  it('answers bad input on public routes with 4xx, JSON with ETag and open CORS', async () => {
    for (const [route, code] of [
      ['/api/public/assessments?year=abc', 400],
      ['/api/public/assessments?year=1999', 400],
      ['/api/public/assessments?limit=1000', 400],
      ['/api/public/assessments?outcome=maybe', 400],
      ['/api/public/assessments?cursor=nonsense', 400],
      ['/api/public/assessments?q=' + 'x'.repeat(201), 400],
      ['/api/public/assessments?unknown=1', 400],
      ['/api/public/assessments/not-a-uuid', 400],
      ['/api/public/assessments/00000000-0000-4000-8000-000000000000', 404],
      ['/api/public/assessments/00000000-0000-4000-8000-000000000000/pdf/de', 400],
      ['/api/public/verify/xyz', 400],
      [`/api/public/verify/${'0'.repeat(64)}`, 404],
      ['/api/public/feed.atom?municipalityId=nope', 400],
    ] as const) {
      const response = await env.http().get(route);
      expect([route, response.status]).toEqual([route, code]);
    }
    const first = await env.http().get('/api/public/assessments').set('Origin', 'https://decisions.example').expect(200);
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['etag']).toBeTruthy();
    await env
      .http()
      .get('/api/public/assessments')
      .set('If-None-Match', first.headers['etag'] as string)
      .expect(304);
    const feed = await env.http().get('/api/public/feed.atom').expect(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.text).toContain(`<title>${DECIDED}</title>`);
  });

  it('tampering with a signed row in SQL makes verify fail and the nightly check tell the admins', async () => {
    const id = idOf(DECIDED);
    const [decision] = (await env.db.query(`SELECT hash FROM signatures WHERE assessment_id = $1 AND kind = 'decision_signed'`, [id])) as {
      hash: string;
    }[];
    const documents = worker.get(DocumentsWorker);
    expect(await documents.checkChains()).toBe(0);

    await env.db.query(`UPDATE decisions SET decision_text = 'Lautakunta hylkäsi hankinnan.' WHERE assessment_id = $1`, [id]);
    const tampered = await verify(must(decision).hash);
    expect(tampered).toMatchObject({ matches: false, snapshotIntact: true, chainIntact: true });
    expect(tampered.differences).toEqual([
      {
        path: 'decision.decisionText',
        signed: 'Lautakunta hyväksyi hankinnan sillä muutoksella, että odotusaika on enintään 20 minuuttia.',
        now: 'Lautakunta hylkäsi hankinnan.',
      },
    ]);

    expect(await documents.checkChains()).toBeGreaterThanOrEqual(1);
    const notified = (await env.db.query(
      `SELECT u.email FROM notifications n JOIN users u ON u.id = n.recipient_user_id WHERE n.kind = 'signature_mismatch' AND n.assessment_id = $1`,
      [id],
    )) as { email: string }[];
    expect(notified.map((n) => n.email)).toContain('admin@kymenlaakso.example');

    // A changed signature row breaks its own hash; a deleted one breaks the chain after it.
    await env.db.query(`UPDATE signatures SET snapshot = jsonb_set(snapshot, '{decision,minutesSection}', '"§ 1"') WHERE hash = $1`, [
      must(decision).hash,
    ]);
    expect(await verify(must(decision).hash)).toMatchObject({ matches: false, snapshotIntact: false });
  });

  it('unpublishing with a reason takes it off the register and says why', async () => {
    const id = idOf(DECIDED);
    await env
      .http()
      .post(`/api/assessments/${id}/publication/unpublish`)
      .set(as('chair@kotka.example'))
      .send({ version: 1, reason: '' })
      .expect(400);
    await env
      .http()
      .post(`/api/assessments/${id}/publication/unpublish`)
      .set(as('chair@kotka.example'))
      .send({ version: 1, reason: 'Liitteessä oli virhe.' })
      .expect(200);
    const gone = await env.http().get(`/api/public/assessments/${id}`).set('Accept-Language', 'fi').expect(410);
    expect(gone.body.message).toBe('Tämän arvioinnin julkaisu on peruttu. Syy: Liitteessä oli virhe.');
    const list = (await env.http().get('/api/public/assessments').expect(200)).body as Page<RegisterEntry>;
    expect(list.items.map((e) => e.id)).not.toContain(id);
  });
});

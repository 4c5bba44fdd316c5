import { expect, type APIRequestContext, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, expectNoAxeViolations, finnishDate, signIn, useLanguage } from './support';

const TITLE = 'Kirjaston aukioloajat 2027 (julkaisu)';
const API = `http://127.0.0.1:${Number(process.env['E2E_API_PORT'] ?? 3100)}`;
const CHECKLIST = [
  'childrens_views_gathered',
  'vulnerable_groups_covered',
  'evidence_gaps_stated',
  'plain_language_summary_clear',
  'every_statement_point_answered',
];

/**
 * Kouvola's official prepares an assessment to the decision through the API (the other specs show
 * those pages), so that this spec stands alone and leaves Kotka's demo records to them.
 */
async function decidedAssessment(request: APIRequestContext): Promise<string> {
  const token = async (email: string) =>
    ((await (await request.post(`${API}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } })).json()) as { accessToken: string })
      .accessToken;
  const official = { Authorization: `Bearer ${await token('official@kouvola.example')}` };
  const reviewer = { Authorization: `Bearer ${await token('reviewer@kouvola.example')}` };
  const chair = { Authorization: `Bearer ${await token('chair@kouvola.example')}` };
  type Answer = { id: string; version: number; rounds: { version: number }[] };
  const ok = async <T = Answer>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> => {
    expect(response.ok(), await response.text()).toBe(true);
    return (await response.json()) as T;
  };
  const committees = await ok<{ id: string; name: string }[]>(await request.get(`${API}/api/committees`, { headers: official }));
  const committeeId = committees[0]?.id ?? '';
  const created = await ok(
    await request.post(`${API}/api/assessments`, { headers: official, data: { title: TITLE, committeeId, caseNumber: 'KVL/77/2027' } }),
  );
  const id = created.id;
  const version = async () => (await ok(await request.get(`${API}/api/assessments/${id}`, { headers: official }))).version;
  const move = async (headers: Record<string, string>, body: object) =>
    ok(await request.post(`${API}/api/assessments/${id}/transitions`, { headers, data: { version: await version(), ...body } }));
  await ok(
    await request.patch(`${API}/api/assessments/${id}`, {
      headers: official,
      data: {
        version: await version(),
        screening: { affectsChildren: true, impactKind: 'direct', ageGroups: ['7-12'], rationale: 'Aukioloajat muuttuvat.' },
      },
    }),
  );
  await move(official, { action: 'start_full_assessment', signatureConfirmed: true });
  await ok(
    await request.patch(`${API}/api/assessments/${id}`, {
      headers: official,
      data: { version: await version(), plainLanguageSummary: 'Kirjasto on auki iltaisin pidempään. Kerro, mitä mieltä olet.' },
    }),
  );
  // What review needs: every impact judged (the general principles start as "not stated"), an evidence gap, children's views.
  const drafted = (await ok(await request.get(`${API}/api/assessments/${id}`, { headers: official }))) as {
    version: number;
    impactMatrix: { rows: ({ direction: string | null } & Record<string, unknown>)[] };
    evidence: Record<string, unknown>;
    childrensViews: Record<string, unknown>;
  };
  await ok(
    await request.patch(`${API}/api/assessments/${id}`, {
      headers: official,
      data: {
        version: drafted.version,
        impactMatrix: { rows: drafted.impactMatrix.rows.map((row) => ({ ...row, direction: row.direction ?? 'unknown' })) },
        evidence: { ...drafted.evidence, gaps: 'Kävijämääriä ei ole tilastoitu iltaisin.' },
        childrensViews: { ...drafted.childrensViews, whatTheySaid: 'Nuoret toivovat kirjastoon iltoja.' },
      },
    }),
  );
  const candidates = (await ok(await request.get(`${API}/api/assessments/${id}/reviewer-candidates`, { headers: official }))) as {
    id: string;
  }[];
  await ok(await request.post(`${API}/api/assessments/${id}/reviewers`, { headers: official, data: { userId: candidates[0]?.id } }));
  await move(official, { action: 'send_to_review_without_consultation', reason: 'Nuoria kuultiin kirjaston kyselyssä.' });
  for (const item of CHECKLIST) {
    const rounds = (await ok(await request.get(`${API}/api/assessments/${id}/review`, { headers: reviewer }))).rounds as {
      version: number;
    }[];
    await ok(
      await request.put(`${API}/api/assessments/${id}/review/checklist/${item}`, {
        headers: reviewer,
        data: { done: true, version: rounds[0]?.version },
      }),
    );
  }
  await move(reviewer, { action: 'approve_review' });
  await move(chair, {
    action: 'record_decision',
    decision: {
      outcome: 'approved',
      meetingDate: finnishDate(-1),
      minutesSection: '§ 77',
      decisionText: 'Lautakunta hyväksyi pidemmät aukioloajat.',
      followUpDate: finnishDate(365),
    },
  });
  return id;
}

test.describe('the public register', () => {
  test('an official publishes a decided assessment; a visitor finds it, opens it, downloads the PDF and verifies it', async ({
    page,
    request,
    browser,
  }) => {
    // Generous: the worker makes three PDFs after the decision and three again after the publication.
    test.setTimeout(600_000);
    const id = await decidedAssessment(request);

    // The official publishes from the assessment page.
    await signIn(page, 'official@kouvola.example');
    await useLanguage(page, 'en');
    await page.goto(`/assessments/${id}`);
    const panel = page.getByRole('region', { name: 'Agenda attachment and publication' });
    await expect(panel.getByRole('button', { name: 'Download the PDF in English' })).toBeVisible({ timeout: 120_000 });
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(panel.getByRole('link', { name: 'Open the public page' })).toBeVisible();
    await expectNoAxeViolations(page, 'the assessment page with its publication panel');

    // An anonymous visitor, in another browser context.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto('/public');
    await useLanguage(visitor, 'en');
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Published child impact assessments');
    await visitor.getByLabel('Search the title or case number').fill('kirjaston aukiolo');
    await visitor.getByRole('button', { name: 'Search', exact: true }).click();
    for (const width of [1280, 360]) {
      await visitor.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(visitor, `the register at ${width} px`);
    }
    await visitor.getByRole('link', { name: TITLE }).click();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(visitor.getByRole('heading', { level: 2 }).first()).toHaveText('Plain-language summary');
    await expect(visitor.getByText('Lautakunta hyväksyi pidemmät aukioloajat.')).toBeVisible();
    for (const width of [1280, 360]) {
      await visitor.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(visitor, `a published assessment at ${width} px`);
    }

    // The visitor downloads the agenda PDF; it carries the signature to check.
    const pdfLink = visitor.getByRole('link', { name: 'PDF in English' });
    await expect(pdfLink).toBeVisible();
    const download = visitor.waitForEvent('download');
    await pdfLink.click();
    const file = join(mkdtempSync(join(tmpdir(), 'lava-e2e-pdf-')), 'agenda.pdf');
    await (await download).saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(TITLE);
    const hash = /[0-9a-f]{64}/.exec(text)?.[0] ?? '';

    // …and checks the signature printed on it.
    await visitor.goto(`/public/verify/${hash}`);
    await expect(visitor.getByRole('status').filter({ hasText: 'Matches what was signed' })).toBeVisible();
    for (const width of [1280, 360]) {
      await visitor.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(visitor, `the verification page at ${width} px`);
    }
  });
});

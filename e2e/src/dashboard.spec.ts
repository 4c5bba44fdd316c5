import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoHorizontalScroll, signIn, useLanguage } from './support';

/**
 * Issue 13: the LAPE coordinator of Kymenlaakso signs in, sees the region's dashboard, filters it,
 * opens a chart's table and downloads it; Kotka's youth council then submits its statement (through
 * the API, with its own session) and the dashboard shows the change. axe finds nothing; screenshots
 * at 1280 and 360 px.
 */
const COORDINATOR = 'coordinator@kymenlaakso.example';
const SHOTS = process.env['E2E_OUTPUT_DIR'] ?? 'test-results';

/** The council's row in the "statement requests per body heard" table: [asked, on time, late, unanswered, pending]. */
async function councilRow(page: Page): Promise<number[]> {
  const section = page.getByRole('region', { name: 'Statement requests per body heard' });
  const details = section.locator('details');
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await section.getByText('Show the table').click();
  const row = section.getByRole('row').filter({ hasText: 'Kotka' }).first();
  const cells = await row.getByRole('cell').allTextContents();
  return cells.slice(2).map(Number);
}

/** Kotka's youth council chair adopts and submits the drafted statement, through the API. */
async function submitStatement(request: APIRequestContext): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { email: 'youth@kotka.example', password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const list = await (await request.get('/api/consultations', { headers })).json();
  const consultation = list.items.find((c: { assessmentTitle?: string; title?: string }) =>
    JSON.stringify(c).includes('Hovinsaaren nuorisotalon aukioloajat'),
  );
  expect(consultation).toBeTruthy();
  const detail = async () => (await request.get(`/api/consultations/${consultation.id}`, { headers })).json();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
  const adopted = await request.post(`/api/consultations/${consultation.id}/statement/adopt`, {
    headers,
    data: { version: (await detail()).statement.version, meetingDate: today },
  });
  expect(adopted.status(), await adopted.text()).toBe(200);
  const submitted = await request.post(`/api/consultations/${consultation.id}/statement/submit`, {
    headers,
    data: { version: (await detail()).statement.version },
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
}

test('the regional coordinator follows the region on the dashboard', async ({ page, request }) => {
  // Two axe runs, two screenshots, a download and an API round trip: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, COORDINATOR);
  await expect(page).toHaveURL(/\/dashboard$/);
  // Riikka's own language is Finnish; the walk reads English.
  await useLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(/Figures on the assessments of your region’s organizations/)).toBeVisible();
  await expectNoAxeViolations(page, 'the dashboard with a table open');
  await page.screenshot({ path: `${SHOTS}/dashboard-1280.png`, fullPage: true });

  // Filters: Kotka only, by keyboard-reachable labelled controls.
  await page.getByLabel('Organization', { exact: true }).selectOption({ label: 'Kotka' });
  await page.getByLabel('Year', { exact: true }).fill(String(new Date().getFullYear()));
  await page.getByRole('button', { name: 'Show figures' }).click();
  await expect(page.getByText('The figures now follow your filters.')).toBeVisible();
  // Counted under the same filter as after the statement (the county's request to Kotka's council is the county's, not Kotka's).
  const before = await councilRow(page);
  const chart = page.getByRole('img', { name: /Assessments in all/ }).first();
  await expect(chart).toBeVisible();

  // Export: the file the API names, in the UI's language.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download CSV\s*:\s*Statement requests per body heard$/ }).click();
  expect((await download).suggestedFilename()).toBe(`lava-dashboard-consultations-${new Date().getFullYear()}.csv`);

  // The council submits: the dashboard shows one more answer on time and one fewer pending.
  await submitStatement(request);
  await page.getByRole('button', { name: 'Show figures' }).click();
  const [asked, onTime = 0, late, unanswered, pending = 0] = before;
  await expect.poll(() => councilRow(page)).toEqual([asked, onTime + 1, late, unanswered, pending - 1]);
  await expect(page.getByRole('region', { name: 'Statement points and their dispositions' }).locator('.summary')).toContainText(
    'Statement points:',
  );

  // 360 px: still one column, nothing to scroll sideways, axe clean.
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(page, 'the dashboard at 360 px');
  await expectNoAxeViolations(page, 'the dashboard at 360 px');
  await page.screenshot({ path: `${SHOTS}/dashboard-360.png`, fullPage: true });

  // The region's assessments, out of draft only: the county's family centres are in consultation.
  await page.getByRole('link', { name: 'Assessments', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Perhekeskusten aukioloajat 2027' })).toBeVisible();
  await expect(page.locator('td .stage').first()).toBeVisible();
  const stages = await page.locator('td .stage').allInnerTexts();
  expect(stages.filter((stage) => stage === 'Screening' || stage === 'Draft')).toEqual([]);
  await expect(page.getByRole('link', { name: 'New assessment' })).toHaveCount(0);
  await expectNoHorizontalScroll(page, 'the coordinator’s assessment list at 360 px');
  await expectNoAxeViolations(page, 'the coordinator’s assessment list');
});

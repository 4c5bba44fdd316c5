import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn, useLanguage } from './support';

// The sign-in page loads the core texts only; the features' texts come with the first page that needs
// them (web/src/app/core/i18n/feature-texts.ts). A language chosen on the sign-in page therefore has the
// core texts only until then, and must have every text once a signed-in page shows.

const I18N = join(__dirname, '..', '..', 'web', 'public', 'i18n');
/** The top-level keys of the features' texts: a page showing "review.title" and the like shows a raw key. */
const FEATURE_KEYS = readdirSync(I18N, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => Object.keys(JSON.parse(readFileSync(join(I18N, entry.name, 'sv.json'), 'utf8')) as object));
const RAW_KEY = new RegExp(`\\b(${FEATURE_KEYS.join('|')})\\.[A-Za-z]\\w*`);

test('the sign-in page loads the core texts only; the pages after it have every text in the language chosen there', async ({ page }) => {
  const featureRequests: string[] = [];
  const coreRequests: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/i18n\/(\w\w\.features\.json|[\w-]+\/\w\w\.json)$/.test(path)) featureRequests.push(path);
    if (/^\/i18n\/\w\w\.json$/.test(path)) coreRequests.push(path);
  });

  await page.goto('/login');
  await useLanguage(page, 'sv');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Dataskyddsbeskrivning' })).toBeVisible();
  expect(featureRequests, 'texts fetched by the sign-in page').toEqual([]);
  // Finnish, the fallback, is fetched once, not again with Swedish.
  expect(coreRequests).toEqual(['/i18n/fi.json', '/i18n/sv.json']);

  await signIn(page, 'official@kotka.example');
  await useLanguage(page, 'sv'); // the person's profile may hold another language
  expect(featureRequests.length, 'the features’ texts, fetched after signing in').toBeGreaterThan(0);
  const first = page.locator('main a[href^="/assessments/"]:not([href="/assessments/new"])').first();
  await first.click();
  await expect(page.getByRole('link', { name: 'Gå till bedömningens delar' })).toBeVisible();
  expect((await page.locator('body').innerText()).match(RAW_KEY)).toBeNull();

  // Straight to a signed-in page on a new load, in Swedish: the features' texts come with the first render.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Gå till bedömningens delar' })).toBeVisible();
  expect((await page.locator('body').innerText()).match(RAW_KEY)).toBeNull();
});

import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations, signIn, useLanguage } from './support';

test.describe('an official starts an assessment (browser → API → PostgreSQL → Redis → worker → browser)', () => {
  test('signs in, creates an assessment, sees it listed and gets the worker’s notification', async ({ page, request }) => {
    // Five axe runs and a wait for the worker: 52 s of the 60 s default at a load of 30 on 2 cores.
    test.setTimeout(180_000);
    const title = `Nuorisotilan aukioloajat ${Date.now()}`;

    await page.goto('/login');
    await expectNoAxeViolations(page, 'the login page');
    await expect(page.getByText('official@kotka.example')).toBeVisible(); // demo accounts are listed

    // The official reads Finnish (set in the profile here: the language chosen in an earlier test is
    // kept in the profile too): the app follows the profile's language after login. Through `request`,
    // not `page.request`: that one shares the browser's cookies, and its sign-in would leave the refresh
    // cookie there, so the browser would already be signed in and /login would (rightly) send it home.
    const login = await request.post('/api/auth/login', { data: { email: 'official@kotka.example', password: DEMO_PASSWORD } });
    const profile = await request.patch('/api/me', {
      data: { language: 'fi' },
      headers: { Authorization: `Bearer ${(await login.json()).accessToken}` },
    });
    expect(profile.ok()).toBeTruthy();
    await signIn(page, 'official@kotka.example');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lapsivaikutusten arvioinnit');
    await expect(page.getByRole('cell', { name: 'Kouluverkkoselvitys 2027–2030' })).toBeVisible();

    await useLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Child impact assessments');
    await expectNoAxeViolations(page, 'the assessment list');

    const unreadBefore = await unreadCount(page);
    await page.getByRole('link', { name: 'New assessment' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expectNoAxeViolations(page, 'the new assessment form');

    // Submitting empty shows what is missing, next to the fields, and saves nothing.
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, 'the form with errors');

    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Committee').selectOption({ label: 'Education Committee — Kotka' });
    await page.getByLabel('Planned meeting date').fill('2027-03-18');
    await page.getByLabel('Case number').fill('KOT/999/2026');
    await page.getByRole('button', { name: 'Create assessment' }).click();

    // Create opens the new assessment; the list has it too.
    await expect(page.getByRole('status').filter({ hasText: 'Assessment created' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Screening');
    await expect(row).toContainText('Anna Virtanen');

    // The worker delivers the in-app notification; the bell updates without a reload.
    await expect.poll(() => unreadCount(page), { timeout: 20_000 }).toBeGreaterThan(unreadBefore);
    await page.getByRole('link', { name: /^Notifications \(\d+ unread\)$/ }).click();
    const notification = page.getByRole('listitem').filter({ hasText: title });
    await expect(notification).toContainText(`New assessment started: ${title} (Kotka)`);
    await expectNoAxeViolations(page, 'the notifications page');

    await notification.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(
      page.getByRole('list', { name: 'Stages of the assessment' }).getByRole('listitem').filter({ hasText: 'Screening' }),
    ).toHaveAttribute('aria-current', 'step');
    await expectNoAxeViolations(page, 'the assessment page');
  });

  test('finds assessments by a word of the title and by stage', async ({ page }) => {
    await signIn(page, 'official@kotka.example');
    await useLanguage(page, 'en');
    await page.getByLabel('Title contains').fill('kouluverkko');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(page.getByRole('cell', { name: 'Kouluverkkoselvitys 2027–2030' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Hovinsaaren nuorisotalon aukioloajat' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Stage').selectOption('consultation');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(page.getByRole('cell', { name: 'Hovinsaaren nuorisotalon aukioloajat' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Kouluverkkoselvitys 2027–2030' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'the filtered list');

    // The date fields are made when the dates are first unfolded; a date filter applied keeps them in sight.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByLabel('Meeting from')).toHaveCount(0);
    await page.getByText('Dates', { exact: true }).click();
    await page.getByLabel('Meeting from').fill('2099-01-01');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(page.getByText('No assessments match these filters.')).toBeVisible();
    await expect(page.getByLabel('Meeting from')).toHaveValue('2099-01-01');
    await expect(page.getByLabel('Meeting from')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByRole('cell', { name: 'Kouluverkkoselvitys 2027–2030' })).toBeVisible();
  });

  test('keeps another municipality’s work out of sight', async ({ page }) => {
    await signIn(page, 'reviewer@kouvola.example');
    await useLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Child impact assessments');
    await expect(page.getByRole('cell', { name: 'Puheterapiakokeilu varhaiskasvatuksessa' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Kouluverkkoselvitys 2027–2030' })).toHaveCount(0);
    // A reviewer does not start assessments.
    await expect(page.getByRole('link', { name: 'New assessment' })).toHaveCount(0);
  });

  test('tells a person who mistypes the password, without losing the e-mail address', async ({ page }) => {
    await page.goto('/login');
    await useLanguage(page, 'sv');
    await page.getByLabel(/^E-post/).fill('official@kotka.example');
    await page.getByLabel(/^Lösenord/).fill('wrong password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByLabel(/^E-post/)).toHaveValue('official@kotka.example');
    await expectNoAxeViolations(page, 'the login page with an error');
  });
});

/** The unread count from the notifications link's accessible name, e.g. "Notifications (2 unread)" or "Ilmoitukset (lukemattomia: 2)". */
async function unreadCount(page: Page): Promise<number> {
  const text = await page.getByRole('link', { name: /\((\d+ unread|lukemattomia: \d+|olästa: \d+)\)/ }).textContent();
  return Number(/(\d+)/.exec(text ?? '')?.[1] ?? 0);
}

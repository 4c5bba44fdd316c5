import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations, signIn, useLanguage } from './support';

/** Checks the page with axe at a desktop width and at a phone's. */
async function axeAtBothWidths(page: Page, context: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeViolations(page, `${context} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('privacy', () => {
  test('every page links to the privacy notice and the accessibility statement, signed in or not', async ({ page }) => {
    test.setTimeout(180_000); // axe at two widths on two pages
    await page.goto('/login');
    await useLanguage(page, 'fi');
    const footer = page.getByRole('contentinfo');
    await footer.getByRole('link', { name: 'Saavutettavuusseloste' }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saavutettavuusseloste');
    await expect(page.getByRole('heading', { name: 'Valvontaviranomainen' })).toBeVisible();
    await expect(page.getByText(/Traficom/).first()).toBeVisible();
    await axeAtBothWidths(page, 'the accessibility statement');

    await useLanguage(page, 'sv');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tillgänglighetsutlåtande');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Dataskyddsbeskrivning' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dataskyddsbeskrivning');
    await expect(page.getByRole('heading', { name: 'Hur länge uppgifterna sparas' })).toBeVisible();
    await axeAtBothWidths(page, 'the privacy notice');

    await signIn(page, 'official@kotka.example');
    // The language comes from the person's profile (another test may have left it in English).
    await useLanguage(page, 'fi');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Tietosuojaseloste' })).toBeVisible();
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Saavutettavuusseloste' })).toBeVisible();
  });

  test('a person downloads their data; an admin erases them after confirming; their session ends', async ({ browser }) => {
    test.setTimeout(300_000); // two browsers and axe on a machine that may be busy
    const eetuContext = await browser.newContext({ acceptDownloads: true });
    const eetu = await eetuContext.newPage();
    await signIn(eetu, 'youth@kouvola.example');
    await useLanguage(eetu, 'en');
    await eetu.getByRole('link', { name: 'Profile' }).click();
    const section = eetu.getByRole('region', { name: 'Your data' });
    await expect(section).toBeVisible();
    await axeAtBothWidths(eetu, 'the profile page');

    const [htmlDownload] = await Promise.all([
      eetu.waitForEvent('download'),
      section.getByRole('button', { name: 'Download as a readable page (HTML)' }).click(),
    ]);
    expect(htmlDownload.suggestedFilename()).toMatch(/^lava-my-data-\d{4}-\d{2}-\d{2}\.html$/);
    const html = await readFile(await htmlDownload.path(), 'utf8');
    expect(html).toContain('<h1>Your data in Lava</h1>');
    expect(html).toContain('youth@kouvola.example');
    expect(html).not.toContain('official@kotka.example');
    await expect(eetu.getByRole('status')).toHaveText('Your data has been downloaded.');

    const [jsonDownload] = await Promise.all([
      eetu.waitForEvent('download'),
      section.getByRole('button', { name: 'Download machine-readable (JSON)' }).click(),
    ]);
    const data = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
    expect(data.profile).toMatchObject({ email: 'youth@kouvola.example', displayName: 'Eetu' });
    expect(data.memberships).toEqual([expect.objectContaining({ role: 'youth_council_member', councilOffice: 'secretary' })]);

    // The admin erases Eetu on request: a dialog says what happens and wants a reason.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin@kymenlaakso.example');
    await useLanguage(admin, 'en');
    await admin.getByRole('link', { name: 'Administration' }).click();
    const card = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: 'Eetu', exact: true }) });
    await card.getByRole('button', { name: 'Erase this person’s data: Eetu' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Erase the data of Eetu?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('cannot be undone');
    await expect(dialog.getByLabel('Reason (kept in the audit trail)')).toBeFocused();
    // The people page itself is checked in admin.spec.ts; here only the dialog.
    const results = await new AxeBuilder({ page: admin })
      .include('dialog[open]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      results.violations.map((v) => v.id),
      'axe violations in the erasure dialog',
    ).toEqual([]);
    await dialog.getByRole('button', { name: 'Erase permanently' }).click();
    await expect(dialog.getByText('Please write a reason.')).toBeVisible();
    // Escape cancels: nothing happens.
    await admin.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(card).toBeVisible();

    await card.getByRole('button', { name: 'Erase this person’s data: Eetu' }).click();
    await dialog.getByLabel('Reason (kept in the audit trail)').fill('Eetu asked for it on 1 December 2026');
    await dialog.getByRole('button', { name: 'Erase permanently' }).click();
    await expect(admin.getByRole('status')).toHaveText(
      /^The person’s data was erased\. They are now shown as Former council member \d+\.$/,
    );
    await expect(admin.getByRole('heading', { name: 'Eetu', exact: true })).toHaveCount(0);
    await expect(admin.getByRole('heading', { level: 1 })).toBeFocused();

    // Eetu's open session has ended (the bell's next poll may already have sent him to sign in; a reload
    // cannot renew it either), and he cannot sign in again.
    await eetu.reload();
    await expect(eetu).toHaveURL(/\/login/);
    await eetu.getByLabel(/^(Sähköposti|E-post|Email)/).fill('youth@kouvola.example');
    await eetu.getByLabel(/^(Salasana|Lösenord|Password)/).fill(DEMO_PASSWORD);
    await eetu.getByRole('button', { name: /^(Kirjaudu sisään|Logga in|Sign in)$/ }).click();
    await expect(eetu.getByRole('alert')).not.toBeEmpty();
    await adminContext.close();
    await eetuContext.close();
  });
});

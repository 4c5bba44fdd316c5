import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, useLanguage } from './support';

const CONSULTED = 'Hovinsaaren nuorisotalon aukioloajat';

test.describe('notifications and the queues', () => {
  test('a youth council member sees the request for a statement in plain words, with a link to it, and only the settings for them', async ({
    page,
  }) => {
    await signIn(page, 'youth@kotka.example');
    await useLanguage(page, 'fi'); // another test may have changed this person's language
    await page.getByRole('link', { name: /^Ilmoitukset/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ilmoitukset');
    const request = page.getByRole('listitem').filter({ hasText: CONSULTED });
    await expect(request).toContainText(`teiltä pyydetään lausuntoa asiasta ”${CONSULTED}”`);
    await expect(request).toContainText('Kotkan nuorisovaltuusto: teiltä pyydetään');
    // The deadline is written out in Finnish time, not as an ISO timestamp.
    await expect(request).toContainText(/viimeistään \d{1,2}\. \p{L}+ \d{4} klo \d{1,2}\.\d{2}\./u);
    const link = request.getByRole('link', { name: 'Avaa lausuntopyyntö' });
    // It opens the council's own page for the request, not the assessment.
    await expect(link).toHaveAttribute('href', /\/consultations\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page, 'the notifications page with a request for a statement');

    await useLanguage(page, 'sv');
    await expect(request).toContainText('Ungdomsfullmäktige i Kotka: ni ombeds ge ett utlåtande');
    await useLanguage(page, 'fi');

    // The link lands on the council's workspace for the request, its next step first.
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CONSULTED);
    await expect(page.getByRole('heading', { level: 2, name: 'Mitä seuraavaksi?' })).toBeVisible();

    await page.getByRole('link', { name: 'Omat tiedot' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Nuorisovaltuustojen lausunnot' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Muistutus lausunnon määräajasta (7 ja 2 päivää ennen)' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Joku mainitsee sinut kommentissa' })).toBeVisible();
    // Staff matters are not offered to a youth council member.
    await expect(page.getByRole('group', { name: 'Arviointi lähetetään sinulle tarkastettavaksi' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 3, name: 'Arvioinnin vaiheet' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'the grouped notification settings');
  });

  test('an official’s settings are grouped, and an admin opens the read-only queue dashboard', async ({ page, context }) => {
    await signIn(page, 'official@kotka.example');
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: /^(Your profile|Profile)/ }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Stages of an assessment' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'A youth council’s statement is overdue (to the official)' })).toBeVisible();
    await page
      .getByRole('group', { name: 'A new comment in a discussion you take part in' })
      .getByRole('radio', { name: 'Also by e-mail at once' })
      .check();
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await expect(page.getByRole('status')).toContainText('Notification settings saved.');

    await page.getByRole('button', { name: /^(Sign out|Log out)$/ }).click();
    await signIn(page, 'admin@kymenlaakso.example');
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('button', { name: 'Open the queue dashboard' }).click();
    await expect(page.getByRole('status')).toContainText('The queue dashboard is ready to open.');
    const boardLink = page.getByRole('link', { name: 'Queue dashboard (opens in a new tab)' });
    await expectNoAxeViolations(page, 'the admin page with the queue dashboard link');
    const [board] = await Promise.all([context.waitForEvent('page'), boardLink.click()]);
    await expect(board).toHaveURL(/\/api\/admin\/queues\/board\/$/);
    await expect(board.getByText('notifications', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
  });
});

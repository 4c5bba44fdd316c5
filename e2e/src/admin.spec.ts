import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations, signIn, useLanguage } from './support';

test.describe('people and access', () => {
  test('an admin deactivates a person, whose open session ends at once, then lets them back in', async ({ browser }) => {
    const chair = await browser.newContext();
    const chairPage = await chair.newPage();
    await signIn(chairPage, 'chair@kouvola.example');

    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin@kymenlaakso.example');
    await useLanguage(adminPage, 'en');
    await adminPage.getByRole('link', { name: 'Administration' }).click();
    await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText('People and roles');
    const person = adminPage.getByRole('listitem').filter({ has: adminPage.getByRole('heading', { name: 'Pekka Heikkinen' }) });
    await expect(person).toContainText('Committee chair – Education Committee');
    await expect(adminPage.getByRole('heading', { name: 'E-mail deliveries' })).toBeVisible();
    await expect(adminPage.getByText(/^Queue: \d+ waiting/)).toBeVisible();
    await expectNoAxeViolations(adminPage, 'the admin page');

    await person.getByRole('button', { name: 'Deactivate Pekka Heikkinen' }).click();
    await expect(person).toContainText('Deactivated: cannot sign in');

    // The chair's next request is refused and the app sends them to sign in; signing in fails too.
    await chairPage.getByRole('link', { name: /Ilmoitukset|Notifications/ }).click();
    await expect(chairPage).toHaveURL(/\/login/);
    await chairPage.getByLabel(/^(Sähköposti|E-post|Email)/).fill('chair@kouvola.example');
    await chairPage.getByLabel(/^(Salasana|Lösenord|Password)/).fill(DEMO_PASSWORD);
    await chairPage.getByRole('button', { name: /^(Kirjaudu sisään|Logga in|Sign in)$/ }).click();
    await expect(chairPage.getByRole('alert')).not.toBeEmpty();

    await person.getByRole('button', { name: 'Reactivate Pekka Heikkinen' }).click();
    await expect(person).toContainText('Active');
    await signIn(chairPage, 'chair@kouvola.example');
    await admin.close();
    await chair.close();
  });

  test('an admin names a new chair of a youth council; the previous chair becomes a plain member', async ({ page }) => {
    await signIn(page, 'admin@kymenlaakso.example');
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'Administration' }).click();
    const card = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
    await expect(card('Aino')).toContainText('Youth council member, chair');

    // Onni becomes the chair: the form says beforehand what happens to Aino.
    await card('Onni').getByRole('button', { name: 'Edit roles Onni' }).click();
    const office = card('Onni').getByLabel('Office in the council');
    await office.selectOption({ label: 'Chair' });
    await expect(card('Onni')).toContainText(
      'Aino is the council’s chair now. When you save, Onni becomes the chair and Aino a plain member.',
    );
    await expectNoAxeViolations(page, 'the admin page with a youth council office being changed');
    await card('Onni').getByRole('button', { name: 'Save roles' }).click();
    await expect(card('Onni')).toContainText('Youth council member, chair');
    await expect(card('Aino')).not.toContainText('chair');

    // And back, so the consultation that follows has Aino as its chair again.
    await card('Aino').getByRole('button', { name: 'Edit roles Aino' }).click();
    await card('Aino').getByLabel('Office in the council').selectOption({ label: 'Chair' });
    await card('Aino').getByRole('button', { name: 'Save roles' }).click();
    await expect(card('Aino')).toContainText('Youth council member, chair');
    await expect(card('Onni')).not.toContainText('chair');
  });

  test('an admin adds a committee to a municipality in three languages', async ({ page }) => {
    await signIn(page, 'admin@kymenlaakso.example');
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('button', { name: 'Add committee – Hamina' }).click();
    await page.getByLabel('Name in Finnish').fill('Ympäristölautakunta');
    await page.getByLabel('Name in Swedish').fill('Miljönämnden');
    await page.getByLabel('Name in English').fill('Environment Committee');
    await expectNoAxeViolations(page, 'the admin page with the organization form open');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Added: Environment Committee.');
    await expect(page.getByRole('listitem').filter({ hasText: 'Environment Committee' })).toBeVisible();
  });

  test('a youth council member sets their name and language; the service follows', async ({ page }) => {
    await signIn(page, 'youth@kotka.example');
    await page.getByRole('link', { name: 'Omat tiedot' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Omat tiedot');
    await page
      .getByRole('group', { name: 'Nuorisovaltuustoltasi pyydetään lausuntoa' })
      .getByRole('radio', { name: 'Päivittäisessä koosteviestissä' })
      .check();
    await page.getByRole('button', { name: 'Tallenna ilmoitusasetukset' }).click();
    await expect(page.getByRole('status')).toContainText('Ilmoitusasetukset tallennettu.');
    await expectNoAxeViolations(page, 'the profile page');
    await page.getByLabel('Muille näkyvä nimi').fill('Aino K');
    await page.getByLabel('Palvelun ja viestien kieli').selectOption('sv');
    await page.getByRole('button', { name: 'Tallenna tiedot' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din profil');
    // A youth council member has no admin area.
    await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  });
});

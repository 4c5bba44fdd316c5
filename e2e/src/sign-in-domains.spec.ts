import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, useLanguage } from './support';

test.describe('organization sign-in domains', () => {
  test('an admin sets the e-mail domains Kotka vouches for, is told what is wrong with an address, and keyboard works throughout', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000); // axe at two widths on a machine that may be busy
    await signIn(page, 'admin@kymenlaakso.example');
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'Administration' }).click();
    const organizations = page.getByRole('region', { name: 'Organizations' });
    await organizations.getByRole('button', { name: 'Sign-in domains of Kotka', exact: true }).click();
    const field = organizations.getByLabel('Domains, one per line');
    await expect(field).toBeFocused();
    await expect(organizations.getByRole('button', { name: /Sign-in domains of .*Youth Council/ })).toHaveCount(0);

    await field.fill('kotka.example\nolli@kotka.example');
    await organizations.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(organizations.getByRole('alert')).toContainText('must hold only domain names such as kotka.fi');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, 'the sign-in domains form with an error');
    await page.screenshot({ path: testInfo.outputPath('sign-in-domains-1280.png'), fullPage: false });

    await field.fill('kotka.example, edu.kotka.example');
    await field.press('Tab');
    await page.keyboard.press('Enter');
    await expect(organizations.getByText('Organization sign-in for addresses in: edu.kotka.example, kotka.example')).toBeVisible();
    await expect(page.getByText('Sign-in domains saved: Kotka.')).toBeAttached();

    await page.setViewportSize({ width: 360, height: 800 });
    await organizations.getByRole('button', { name: 'Sign-in domains of Kotka', exact: true }).click();
    await expect(organizations.getByLabel('Domains, one per line')).toHaveValue('edu.kotka.example\nkotka.example');
    await expectNoAxeViolations(page, 'the sign-in domains form at 360 px');
    await organizations.getByLabel('Domains, one per line').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('sign-in-domains-360.png'), fullPage: false });
  });
});

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, useLanguage } from './support';

/** npm start's mail sink: its inbox lists every message as JSON (see scripts/lib/mail-sink.mjs). */
const mailSinkPort = Number(process.env['E2E_MAIL_SINK_PORT'] ?? Number(process.env['E2E_WEB_PORT'] ?? 4300) + 1);

interface SinkMessage {
  to: string[];
  subject: string;
  text: string;
}

test.describe('invitations', () => {
  test('an admin invites a youth council member, who accepts in another browser and sees only what their council may see', async ({
    browser,
  }) => {
    test.setTimeout(240_000); // three browsers, axe three times, and a mail through the worker, on a machine that may be busy
    const email = `veera-${Date.now()}@kotka.example`;

    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin@kymenlaakso.example');
    await useLanguage(adminPage, 'en');
    await adminPage.getByRole('link', { name: 'Administration' }).click();
    const form = adminPage.getByRole('region', { name: 'Invite a person' });
    await form.getByLabel('E-mail address').fill(email);
    await form.getByLabel('Name (optional)').fill('Veera');
    await form.getByLabel('Language of the e-mail').selectOption('en');
    const organization = form.getByLabel('Organization');
    const youthCouncil = await organization.locator('option', { hasText: 'Kotka Youth Council' }).getAttribute('value');
    await organization.selectOption(youthCouncil ?? '');
    await form.getByLabel('Role').selectOption({ label: 'Youth council member' });
    await expectNoAxeViolations(adminPage, 'the admin page with the invitation form filled in');
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(adminPage.getByRole('status')).toHaveText(`Invitation sent to ${email}.`);
    await admin.close();

    // The worker sends the e-mail; the sink's inbox has it.
    let message: SinkMessage | undefined;
    await expect
      .poll(
        async () => {
          const response = await fetch(`http://127.0.0.1:${mailSinkPort}/messages.json?to=${encodeURIComponent(email)}`);
          const messages = (await response.json()) as SinkMessage[];
          message = messages[0];
          return messages.length;
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    expect(message?.subject).toBe('Invitation to Lava');
    // The token stands in the link's fragment, which the browser never sends to a server.
    const path = message?.text.match(/\/invitation#token=[A-Za-z0-9_-]+/)?.[0];
    expect(path).toBeDefined();
    const token = path?.split('#token=')[1] ?? 'missing';

    // The invited person, in a browser of their own.
    const invitee = await browser.newContext();
    const page = await invitee.newPage();
    const requested: string[] = [];
    // What reaches a server: the address without its fragment.
    page.on('request', (request) => requested.push(request.url().split('#')[0] ?? ''));
    await page.goto('/login');
    await useLanguage(page, 'en');
    await page.goto(path ?? '/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Lava');
    await expect(page.getByRole('listitem').filter({ hasText: 'Kotka Youth Council' })).toBeVisible();
    await expect(page.getByText(`Your e-mail address: ${email}`)).toBeVisible();
    await expectNoAxeViolations(page, 'the invitation page');

    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('different');
    await page.getByRole('button', { name: 'Save the password and sign in' }).click();
    await expect(page.getByText('The password is too short. Use at least 12 characters.')).toBeVisible();
    await expect(page.getByText('The passwords are not the same.')).toBeVisible();
    await expectNoAxeViolations(page, 'the invitation page with errors');

    await page.getByLabel('New password', { exact: true }).fill('three little words 2026');
    await page.getByLabel('New password again').fill('three little words 2026');
    await page.getByRole('button', { name: 'Save the password and sign in' }).click();
    await page.waitForURL('**/consultations');
    // The token went to the API only in POST bodies: no address the browser asked for holds it.
    expect(requested.filter((url) => url.includes(token))).toEqual([]);

    // Signed in as a member of Kotka's youth council, at the council's requests for statements (the demo has
    // one about the youth centre), and no administration.
    await expect(page.getByRole('link', { name: 'Hovinsaaren nuorisotalon aukioloajat' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);

    // The link works once.
    await page.goto(path ?? '/');
    await expect(page).toHaveURL(/\/consultations/); // signed in: the guest-only page sends them on
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto('/login');
    await useLanguage(otherPage, 'en');
    // A link in the form sent before the fragment (/invitation/<token>) still reaches the page.
    await otherPage.goto(`/invitation/${token}`);
    await expect(otherPage).toHaveURL(/\/invitation#token=/);
    await expect(otherPage.getByRole('alert')).toContainText('This invitation link no longer works.');
    await other.close();
    await invitee.close();
  });
});

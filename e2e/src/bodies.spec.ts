import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll, finnishDate, PHONE, session } from './support';

/**
 * Issue 13: a wellbeing services county's official asks a pupil council (members with accounts) and
 * an NGO (an e-mail-only contact, answering through the one-time link read from the mail sink) for
 * statements; both answer; the official sees both answers.
 */
const TITLE = 'Nuorten mielenterveyspalvelujen porrastus';
const PUPIL_COUNCIL = 'Langinkoski School Pupil Council';
const NGO = 'MLL Kymenlaakso District';
const NGO_EMAIL = 'ngo@mll-kymenlaakso.example';
const mailSinkPort = Number(process.env['E2E_MAIL_SINK_PORT'] ?? Number(process.env['E2E_WEB_PORT'] ?? 4300) + 1);
const shots = process.env['E2E_OUTPUT_DIR'] ?? '../test-results/e2e';

interface SinkMessage {
  to: string[];
  subject: string;
  text: string;
}

/** A full-page screenshot at 1280 px and at 360 px (looked at by hand; kept with the test output). */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${shots}/bodies-${name}-1280.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page, name);
  await page.screenshot({ path: `${shots}/bodies-${name}-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('bodies heard besides youth councils', () => {
  test('a county official asks a pupil council and an NGO contact; both answer; the official sees both', async ({ browser }) => {
    test.setTimeout(420_000);

    // --- The county's official plans both requests in draft and opens the consultation.
    const official = await session(browser, 'official@kymenhva.example');
    await official.getByRole('link', { name: TITLE }).click();
    await expect(official.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    const panel = official.locator('lava-consultation-panel');
    const council = panel.getByLabel('Youth council or other body', { exact: true });
    // The county's own bodies are grouped apart from the region's youth councils, each with its type.
    await expect(council.locator('optgroup[label="Other bodies heard"] option')).toHaveText([
      `${PUPIL_COUNCIL} – pupil council`,
      `${NGO} – NGO – answers by e-mail link`,
    ]);
    await expect(council.locator('optgroup[label="Youth councils"] option').first()).toContainText('Youth Council');
    for (const label of [`${PUPIL_COUNCIL} – pupil council`, `${NGO} – NGO – answers by e-mail link`]) {
      await council.selectOption({ label });
      await panel.getByLabel('Deadline date', { exact: true }).fill(finnishDate(14));
      await panel.getByLabel('Time', { exact: true }).fill('16:00');
      await panel.getByRole('button', { name: 'Add the request' }).click();
      await expect(panel.getByRole('listitem').filter({ hasText: label.split(' – ')[0] })).toContainText('Planned, not sent yet');
    }
    await expectNoAxeViolations(official, 'the county official’s consultation planner');
    await official.getByRole('button', { name: 'Open consultation', exact: true }).click();
    await official.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(panel.getByRole('listitem').filter({ hasText: PUPIL_COUNCIL })).toContainText('Not started');
    await expect(panel.getByRole('listitem').filter({ hasText: NGO })).toContainText('Not started');

    // --- The pupil council's chair (an account) writes, records the adoption and sends, on a phone.
    const pupil = await session(browser, 'pupil@langinkoski.example', PHONE);
    await pupil.getByRole('link', { name: 'Our council' }).click();
    await pupil.getByRole('link', { name: TITLE }).click();
    await expect(pupil.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await pupil.getByLabel('New point').fill('Koulukuraattori pitää tavata ilman jonoa.');
    await pupil.getByRole('button', { name: 'Add point' }).click();
    await expect(pupil.getByRole('heading', { name: 'Point 1' })).toBeVisible();
    await pupil.reload();
    await pupil.getByLabel('Meeting date').fill(finnishDate(0));
    await pupil.getByRole('button', { name: 'Record as adopted' }).click();
    await pupil.getByRole('button', { name: 'Send the statement to the official' }).click();
    await expect(pupil.getByText('Your statement is sent!')).toBeVisible();
    await expectNoAxeViolations(pupil, 'the pupil council’s statement');
    await expectNoHorizontalScroll(pupil, 'the pupil council’s statement');

    // --- The NGO's contact has no account: the e-mail in the sink carries the one-time link.
    let message: SinkMessage | undefined;
    await expect
      .poll(
        async () => {
          const response = await fetch(`http://127.0.0.1:${mailSinkPort}/messages.json?to=${encodeURIComponent(NGO_EMAIL)}`);
          const messages = (await response.json()) as SinkMessage[];
          message = messages.find((m) => m.text.includes('/statement-link'));
          return message !== undefined;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    const path = message?.text.match(/\/statement-link\?lang=fi#token=[A-Za-z0-9_-]+/)?.[0];
    expect(path, message?.text).toBeDefined();

    const contactContext = await browser.newContext();
    const contact = await contactContext.newPage();
    const requested: string[] = [];
    contact.on('request', (r) => requested.push(r.url()));
    await contact.goto(path ?? '/');
    // In the contact's language (Finnish), without signing in.
    await expect(contact.getByRole('heading', { level: 1 })).toHaveText('Lausuntopyyntö');
    await expect(contact.getByText('Hei Maija Mäkinen!', { exact: false })).toBeVisible();
    await expect(contact.getByText(TITLE)).toBeVisible();
    await contact.getByLabel('Kohta 1').fill('Perheille tarvitaan iltavastaanotto.');
    await expect(contact.getByText('Luonnos tallennettu.')).toBeVisible();
    // The draft is kept on the server: opening the link again finds it.
    await contact.reload();
    await expect(contact.getByLabel('Kohta 1')).toHaveValue('Perheille tarvitaan iltavastaanotto.');
    await contact.getByLabel('Kohta 2').fill('Chat-palvelu myös viikonloppuisin.');
    await expectNoAxeViolations(contact, 'the statement link page');
    await screenshots(contact, 'statement-link');
    await contact.getByRole('button', { name: 'Lähetä lausunto' }).click();
    await expect(contact.getByRole('status').filter({ hasText: 'Kiitos!' })).toBeVisible();
    await expectNoAxeViolations(contact, 'the statement link page after sending');
    // The token never went to a server in an address.
    expect(requested.filter((url) => url.includes('token='))).toEqual([]);
    // Used up: the link now says so, in Finnish.
    await contact.reload();
    await expect(contact.getByRole('alert')).toHaveText('Linkki on jo käytetty: lausunto on lähetetty.');
    await screenshots(contact, 'statement-link-used');
    await contactContext.close();

    // --- The official sees both answers.
    await official.reload();
    for (const name of [PUPIL_COUNCIL, NGO]) {
      await expect(panel.getByRole('listitem').filter({ hasText: name })).toContainText('Submitted');
    }
    await screenshots(official, 'official-panel');
    await panel
      .getByRole('listitem')
      .filter({ hasText: NGO })
      .getByRole('link', { name: `Answer the statement: ${NGO}` })
      .click();
    await expect(official.getByText('Perheille tarvitaan iltavastaanotto.')).toBeVisible();
    await expect(official.getByText('Chat-palvelu myös viikonloppuisin.')).toBeVisible();
    await expectNoAxeViolations(official, 'the NGO’s statement as the official sees it');
    await screenshots(official, 'official-ngo-statement');
  });
});

import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, useLanguage } from './support';

/** Kouvola's official and a demo assessment in draft that no other spec touches. */
const OFFICIAL = 'official@kouvola.example';
const DRAFT_TITLE = 'Kevyen liikenteen väylä Myllykoskelle';

const SECTIONS: [key: string, name: string][] = [
  ['basics', 'Basic information'],
  ['screening', 'Screening'],
  ['scope', 'Children and young people affected'],
  ['legalBasis', 'Legal and policy basis'],
  ['alternatives', 'Alternatives'],
  ['evidence', 'Evidence'],
  ['childrensViews', 'Children’s views'],
  ['impactMatrix', 'Impact matrix'],
  ['mitigation', 'Mitigating negative impacts'],
  ['changesMade', 'What changed because of the evidence and views'],
  ['recommendation', 'Recommendation and the child’s best interests'],
  ['plainLanguageSummary', 'Plain-language summary'],
  ['communication', 'Telling children about the result'],
  ['followUp', 'Follow-up'],
];

const jumpButton = (page: Page) => page.getByRole('button', { name: /^Go to part/ });
const jumpNav = (page: Page) => page.getByRole('navigation', { name: 'Go to a part of the assessment' });
const toc = (page: Page) => page.getByRole('navigation', { name: 'Sections of the assessment' });
const heading = (page: Page, key: string) => page.locator(`#section-${key}`).getByRole('heading', { level: 2 }).first();

/** Presses Tab (or Shift+Tab) at most `max` times until `target` has the focus: it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, max = 250, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

async function openDraft(page: Page): Promise<string> {
  await signIn(page, OFFICIAL);
  await useLanguage(page, 'en');
  await page.getByRole('link', { name: DRAFT_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DRAFT_TITLE);
  await expect(toc(page)).toBeVisible();
  return page.url();
}

/** Goes to every part of the record with the sticky "Go to part" control, by keyboard only. */
async function jumpThroughEveryPart(page: Page, width: number): Promise<void> {
  await tabTo(page, jumpButton(page));
  for (const [key, name] of SECTIONS) {
    await page.keyboard.press('Enter');
    await expect(jumpButton(page)).toHaveAttribute('aria-expanded', 'true');
    const link = jumpNav(page).getByRole('link', { name, exact: true });
    // The list opens at the part being read; Tab and Shift+Tab move through it.
    for (let i = 0; i < SECTIONS.length && !(await link.evaluate((el) => el === document.activeElement)); i++) {
      const focusedIndex = await jumpNav(page)
        .getByRole('link')
        .evaluateAll((links) => links.indexOf(document.activeElement as HTMLAnchorElement));
      const targetIndex = SECTIONS.findIndex(([k]) => k === key);
      await page.keyboard.press(focusedIndex < targetIndex ? 'Tab' : 'Shift+Tab');
    }
    await page.keyboard.press('Enter');
    // The section's heading takes the focus, in view below the sticky bar; the address keeps the part.
    await expect(heading(page, key)).toBeFocused();
    await expect(heading(page, key)).toBeInViewport();
    await expect(page).toHaveURL(new RegExp(`#section-${key}$`));
    await expect(jumpButton(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(jumpButton(page)).toContainText(name);
    await expect(toc(page).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'location');
    // Back to the control for the next part: it stays in view at the top of the window. A keyboard
    // user gets there with Shift+Tab (done here from the first part; from the later ones the many
    // fields in between would make this test slow, so it moves the focus there directly).
    await expect(jumpButton(page)).toBeInViewport();
    if (key === 'basics') await tabTo(page, jumpButton(page), 60, 'Shift+Tab');
    else await jumpButton(page).focus();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(
    width,
  );
}

test.describe('moving around the record by its parts', () => {
  for (const width of [1280, 360]) {
    test(`at ${width} px: every part by keyboard with the "Go to part" control and the table of contents; a reload comes back to the part`, async ({
      page,
    }) => {
      // Fourteen parts by keyboard, each with its checks, and axe three times: longer than most tests
      // (4–5 minutes were seen on a shared machine under heavy load).
      test.setTimeout(480_000);
      await page.setViewportSize({ width, height: width < 500 ? 760 : 900 });
      const url = await openDraft(page);

      // The table of contents links stay on this assessment's page (not back to the list).
      for (const [key, name] of SECTIONS) {
        await expect(toc(page).getByRole('link', { name, exact: true })).toHaveAttribute('href', `${new URL(url).pathname}#section-${key}`);
      }
      // From the top of the page (above the consultation, review and decision panels) to the parts.
      await tabTo(page, page.getByRole('link', { name: 'Go to the parts of the assessment' }), 40);
      await page.keyboard.press('Enter');
      await expect(toc(page).getByRole('heading', { name: 'Sections of the assessment' })).toBeFocused();
      await expect(toc(page).getByRole('heading', { name: 'Sections of the assessment' })).toBeInViewport();
      await expect(page).toHaveURL(/#toc-heading$/);

      await jumpButton(page).click();
      await expectNoAxeViolations(page, `the record with the "Go to part" list open at ${width} px`);
      await page.keyboard.press('Escape');
      await expect(jumpButton(page)).toBeFocused();
      await expect(jumpButton(page)).toHaveAttribute('aria-expanded', 'false');

      await jumpThroughEveryPart(page, width);

      // The table of contents by keyboard: back to the evidence.
      await tabTo(page, toc(page).getByRole('link', { name: 'Evidence', exact: true }), 400);
      await page.keyboard.press('Enter');
      await expect(heading(page, 'evidence')).toBeFocused();
      await expect(page).toHaveURL(/#section-evidence$/);
      await expectNoAxeViolations(page, `the record after going to a part at ${width} px`);

      // A reload comes back to the same part, its heading focused.
      await page.reload();
      await expect(heading(page, 'evidence')).toBeFocused();
      await expect(heading(page, 'evidence')).toBeInViewport();
      await expect(jumpButton(page)).toContainText('Evidence');

      // Scrolling on by hand moves the address along, so a reload keeps that place too.
      await page.locator('#section-recommendation').scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 10);
      await expect(page).toHaveURL(/#section-(changesMade|recommendation|plainLanguageSummary)$/);
      const scrolledTo = new URL(page.url()).hash.slice('#section-'.length);
      await page.reload();
      await expect(heading(page, scrolledTo)).toBeFocused();
    });
  }
});

test.describe('never leaving work behind unasked', () => {
  test('a new assessment opens after Create; leaving a failed save asks (route change and reload), a working save goes through before leaving', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const title = `Koulupihan liikennejärjestelyt ${Date.now()}`;
    await signIn(page, OFFICIAL);
    await useLanguage(page, 'en');
    const dialogs: string[] = [];
    let answer: 'accept' | 'dismiss' = 'dismiss';
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
    });
    const asked = 'confirm: Some of your changes are not saved. If you leave now, they are lost. Leave anyway?';

    // A form filled in but not created: leaving asks, and staying keeps what was typed.
    await page.getByRole('link', { name: 'New assessment' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New assessment');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Committee').selectOption({ label: 'Education Committee — Kouvola' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
    await expect.poll(() => dialogs).toEqual([asked]);
    await expect(page).toHaveURL(/\/assessments\/new$/);
    await expect(page.getByLabel('Title')).toHaveValue(title);

    // Create opens the new assessment, not the list.
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('status').filter({ hasText: 'Assessment created' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Screening', level: 2 })).toBeVisible();
    const url = page.url();
    expect(dialogs).toHaveLength(1);

    // The service cannot be reached: the change is not saved, and leaving asks.
    await page.route(/\/api\/assessments\/[0-9a-f-]{36}$/, (route) =>
      route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.fallback(),
    );
    const caseNumber = page.getByLabel('Case number');
    await caseNumber.fill('KVL/77/2026');
    await caseNumber.blur();
    await expect(page.locator('lava-record-form .save-status')).toHaveText('Not saved: the service cannot be reached.');
    await expectNoAxeViolations(page, 'the record with a failed save');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
    await expect.poll(() => dialogs).toEqual([asked, asked]);
    await expect(page).toHaveURL(url);
    await expect(caseNumber).toHaveValue('KVL/77/2026');

    // Reloading asks too (the browser's own dialog); staying keeps the text.
    void page.reload().catch(() => undefined);
    await expect.poll(() => dialogs.length).toBe(3);
    expect(dialogs[2]).toMatch(/^beforeunload/);
    await expect(caseNumber).toHaveValue('KVL/77/2026');

    // The service is back: leaving saves first and does not ask.
    await page.unroute(/\/api\/assessments\/[0-9a-f-]{36}$/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
    await expect(page).toHaveURL(/\/assessments$/);
    expect(dialogs).toHaveLength(3);
    await page.goto(url);
    await expect(page.getByLabel('Case number')).toHaveValue('KVL/77/2026');

    // A comment typed but not sent (on a draft: comments open there) is work too: the same question;
    // this time the person leaves.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
    await page.getByRole('link', { name: DRAFT_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DRAFT_TITLE);
    const comments = page.locator('lava-comments-panel');
    await comments.getByRole('button', { name: 'Show comments: Screening' }).click();
    await comments.locator('lava-comment-threads').getByLabel('Comment', { exact: true }).fill('Kysytään rehtorilta.');
    answer = 'accept';
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
    await expect(page).toHaveURL(/\/assessments$/);
    expect(dialogs).toEqual([asked, asked, dialogs[2], asked]);
  });

  test('the language chosen is kept in the profile: after signing out and in (storage cleared) the page speaks it', async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, OFFICIAL);
    await useLanguage(page, 'fi');
    await useLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Child impact assessments');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    // Another browser knows nothing of this one: only the profile remembers.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
    await signIn(page, OFFICIAL);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Child impact assessments');
    await page.getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByLabel('Language of the service and messages')).toHaveValue('en');
    await expectNoAxeViolations(page, 'the profile after signing in again');
    // Back to the demo's Swedish for this person (with the header's selector: the profile has one too).
    await page.locator('#language-select').selectOption('sv');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  });
});

import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, useLanguage } from './support';

const SAVED = /Saved \d{1,2}[:.]\d{2}/;
const saveStatus = (page: Page) => page.locator('lava-record-form .save-status');
const grid = (page: Page) => page.getByRole('grid', { name: 'Impact matrix' });
/** A grid cell by its screen-reader label ("The proposal, articles 2, Direction: Not stated"). */
const cell = (page: Page, label: string | RegExp) => grid(page).getByRole('gridcell', { name: label });
/** The mitigation text (the conflict panel's buttons name the same field). */
const mitigation = (page: Page) => page.getByRole('textbox', { name: 'How negative impacts are mitigated' });

/** Presses ArrowRight (at most 12 times) until the grid cell named `label` has the focus. */
async function rightTo(page: Page, label: string | RegExp) {
  const target = cell(page, label);
  for (let i = 0; i < 12 && !(await target.evaluate((el) => el === document.activeElement).catch(() => false)); i++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(target).toBeFocused();
}

/** Presses Tab (at most `max` times) until `target` has the focus: it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

async function openAsOfficial(page: Page, url: string) {
  await signIn(page, 'official@kotka.example');
  await useLanguage(page, 'en');
  await page.goto(url);
  await expect(page.locator('#section-impactMatrix')).toBeVisible();
}

test.describe('drafting the full assessment record', () => {
  test('an official drafts a whole assessment: multi-article impacts by keyboard at 1280 px, a named version, a conflict kept both ways, the matrix as cards at 360 px', async ({
    page,
    browser,
  }) => {
    test.setTimeout(480_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    const title = `Nuorisotalon aukioloajat ${Date.now()}`;
    await signIn(page, 'official@kotka.example');
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'New assessment' }).click();
    // The list has a "Title contains" filter: fill the form's title only once the form is there.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New assessment');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Committee').selectOption({ label: 'Education Committee — Kotka' });
    // Create opens the new assessment.
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const url = page.url();

    // Before the screening says "yes", only the basics and the screening are there.
    await expect(page.locator('#section-basics')).toBeVisible();
    await expect(page.locator('#section-screening')).toBeVisible();
    await expect(page.locator('#section-scope')).toHaveCount(0);
    await page.getByRole('group', { name: 'Does the matter affect children?' }).getByLabel('Yes', { exact: true }).check();
    await page.getByRole('group', { name: 'How does it affect children?' }).getByLabel('Directly', { exact: true }).check();
    await page.getByLabel('13–17 years').check();
    await page.getByLabel('Rationale', { exact: true }).fill('Fewer evenings at the youth centre for 13–17-year-olds.');
    await expect(saveStatus(page)).toHaveText(SAVED);
    for (const key of ['scope', 'legalBasis', 'evidence', 'childrensViews', 'followUp']) {
      await expect(page.locator(`#section-${key}`)).toBeVisible();
    }
    // Alternatives and the matrix come with the full assessment, not in screening.
    await expect(page.locator('#section-alternatives')).toHaveCount(0);

    // Signing the screening is an explicit act naming the signer.
    await page.getByRole('button', { name: 'Start full assessment', exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText('Anna Virtanen');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The assessment moved to the stage: Draft' })).toBeVisible();

    // The full assessment starts with the proposal and "no change", named in the reader's language (no name stored).
    await expect(page.getByLabel('Name of alternative 1')).toHaveValue('');
    await expect(page.locator('#section-alternatives legend').first()).toContainText('The proposal');
    await expect(page.locator('#section-alternatives legend').nth(1)).toContainText('No change (things stay as they are)');
    await page.getByLabel('Description of alternative 1').fill('Open Tuesday to Thursday; Monday and Friday evenings end.');

    // Scope, with a prompt for each vulnerable group.
    await page
      .getByLabel('Which children and young people does the matter affect, and how many?')
      .fill('About 120 young people a week, aged 13–20.');
    const lowIncome = page.getByRole('checkbox', { name: 'Low-income families' });
    await expect(lowIncome).toHaveAccessibleDescription(
      'Does it bring costs (fees, travel, equipment) or remove something free of charge?',
    );
    await lowIncome.check();
    await page.getByLabel('How does it affect them? (Low-income families)').fill('The only free place to spend evenings for many.');

    // Legal basis: a wrong article number is reported beside the field, and the other sections still save.
    const articles = page.getByLabel('UNCRC articles');
    await articles.fill('31, 3, 99');
    await articles.blur();
    await expect(page.getByText('Not an article number (1–54): 99')).toBeVisible();
    await mitigation(page).fill('To be written after the workshop.');
    await mitigation(page).blur();
    await expect(saveStatus(page)).toHaveText(SAVED);
    await articles.fill('31, 3, 12');
    await articles.blur();
    await expect(articles).toHaveValue('3, 12, 31');

    // Evidence: a source with a web address and a range of years, and children's views.
    await page.getByRole('button', { name: 'Add an evidence item' }).click();
    await expect(page.getByLabel('Source of item 1')).toBeFocused();
    await page.getByLabel('Source of item 1').fill('Youth services visitor statistics');
    // A date the record cannot read is said beside the field; the rest still saves.
    await page.getByLabel('Date of item 1').fill('spring 2024');
    await page.getByLabel('Web address of item 1').focus();
    await expect(page.getByLabel('Date of item 1')).toHaveAccessibleDescription(/Write a year \(2021\), a range of years/);
    await page.getByLabel('Date of item 1').fill('2024-25');
    await page.getByLabel('Web address of item 1').fill('https://www.kotka.fi/nuoriso/kavijatilastot');
    await page.getByLabel('Finding of item 1').fill('Friday is the busiest evening (46 visitors on average).');
    await page.getByRole('checkbox', { name: 'Workshop' }).check();
    await page.getByLabel('What did they say?').fill('Friday evenings matter most.');
    await expect(saveStatus(page)).toHaveText(SAVED);
    // The range of years is kept as sources write it, in full.
    await expect(page.getByLabel('Date of item 1')).toHaveValue('2024–2025');

    // The impact matrix, by keyboard only: the general principles of both alternatives are there, nothing stated.
    await expect(grid(page).getByRole('row')).toHaveCount(1 + 8);
    await expect(grid(page).getByRole('columnheader', { name: 'Wellbeing' })).toBeVisible();
    await expectNoAxeViolations(page, 'the drafting page in draft');
    await cell(page, 'The proposal, articles 2, Alternative: The proposal').focus();
    await page.keyboard.press('ArrowDown'); // article 3
    await rightTo(page, 'The proposal, articles 3, Direction: Not stated');
    await page.keyboard.press('Enter');
    const editor = grid(page).getByRole('combobox', { name: 'The proposal, articles 3, Direction: Not stated' });
    await expect(editor).toBeFocused();
    await editor.press('Escape');
    await expect(cell(page, 'The proposal, articles 3, Direction: Not stated')).toBeFocused();
    await page.keyboard.press('F2');
    await expect(editor).toBeFocused();
    await editor.selectOption('positive');
    await page.keyboard.press('Enter');
    await expect(cell(page, 'The proposal, articles 3, Direction: Positive')).toBeFocused();

    // A new impact under the proposal (Tab leaves the grid for "Add a row"): several articles and several groups in one impact.
    await tabTo(page, page.getByRole('button', { name: 'Add a row' }), 3);
    await page.keyboard.press('Enter');
    // The open cell's editor (a text field; for groups and wellbeing one with suggestions, a combobox).
    const typed = grid(page).locator('#matrix-editor');
    await expect(typed).toBeFocused();
    await page.keyboard.type('31, 15 34');
    await page.keyboard.press('Enter');
    const impact = 'The proposal, articles 15, 31, 34';
    await expect(cell(page, `${impact}, Articles: 15, 31, 34`)).toBeFocused();
    await rightTo(page, new RegExp(`^${impact}, Groups: `));
    await page.keyboard.press('Enter');
    await expect(typed).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Low-income families, 13–17 years');
    await page.keyboard.press('Enter');
    await rightTo(page, `${impact}, Wellbeing: (empty)`);
    await page.keyboard.press('Enter');
    await expect(typed).toBeFocused();
    await page.keyboard.type('included, Active');
    await page.keyboard.press('Enter');
    await expect(cell(page, `${impact}, Wellbeing: Active, Included`)).toBeFocused();
    for (const [column, value, label] of [
      ['Direction', 'negative', 'Negative'],
      ['Direct or indirect', 'direct', 'Direct'],
      ['Term', 'long', 'Long term'],
    ]) {
      await rightTo(page, `${impact}, ${column}: Not stated`);
      await page.keyboard.press('Enter');
      await typed.selectOption(value);
      await page.keyboard.press('Enter');
      await expect(cell(page, `${impact}, ${column}: ${label}`)).toBeFocused();
    }
    await page.keyboard.press('ArrowRight'); // note
    await page.keyboard.press('F2');
    // Type only once the note's editor has the focus: a key pressed earlier would go to the cell.
    await expect(typed).toBeFocused();
    await page.keyboard.type('The busiest evening goes.');
    await page.keyboard.press('Enter');
    await expect(cell(page, `${impact}, Note: The busiest evening goes.`)).toBeFocused();

    // Copy the impact to "no change" in one action: its judgements are left for the official.
    await page.keyboard.press('ArrowRight');
    await expect(
      page.getByRole('button', { name: /^Copy to “No change \(things stay as they are\)”: The proposal, article 15, 31, 34/ }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    const copied = 'No change (things stay as they are), articles 15, 31, 34';
    await expect(cell(page, `${copied}, Direction: Not stated`)).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Impact copied under “No change (things stay as they are)”.' })).toBeAttached();
    await page.keyboard.press('Enter');
    await typed.selectOption('neutral');
    await page.keyboard.press('Enter');
    await expect(cell(page, `${copied}, Direction: Neutral`)).toBeFocused();
    await expect(cell(page, `${copied}, Wellbeing: Active, Included`)).toBeVisible();
    await expect(cell(page, `${copied}, Groups: Low-income families, 13–17 years`)).toBeVisible();
    await expect(grid(page).getByRole('row')).toHaveCount(1 + 10);
    await expect(saveStatus(page)).toHaveText(SAVED);
    await expectNoAxeViolations(page, 'the drafting page with the impact matrix filled in');

    // "Save a version" names the editing session's version.
    await page.getByRole('button', { name: 'Save a version' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Name of the version')).toBeFocused();
    await page.keyboard.type('Before the workshop');
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^Version \d+ saved as “Before the workshop”\.$/)).toBeVisible();
    const history = page.getByRole('region', { name: 'Version history' });
    await expect(history.getByText('Named version: Before the workshop')).toBeVisible();

    // The rest of the record.
    await mitigation(page).fill('Friday stays open; Monday closes instead.');
    await mitigation(page).blur();
    await expect(saveStatus(page)).toHaveText(SAVED);

    // Meanwhile a second session of the same official changes the mitigation and the recommendation.
    const other = await browser.newContext();
    const second = await other.newPage();
    await openAsOfficial(second, url);
    await expect(mitigation(second)).toHaveValue('Friday stays open; Monday closes instead.');
    await mitigation(second).fill('A youth worker keeps the Friday evening open in the school.');
    await second.getByLabel('Recommendation', { exact: true }).fill('Alternative 1 with the Friday kept.');
    await second.getByLabel('Recommendation', { exact: true }).blur();
    await expect(saveStatus(second)).toHaveText(SAVED);
    await other.close();

    // The first session, still on the older version, writes its own mitigation: a conflict.
    await mitigation(page).fill('Friday stays open; Monday closes instead. Free bus tickets for the island.');
    await expect(saveStatus(page)).toHaveText('Not saved: conflict');
    const panel = page.getByRole('region', { name: 'Someone else saved changes meanwhile' });
    await expect(panel).toContainText('How negative impacts are mitigated');
    await expect(panel).toContainText('A youth worker keeps the Friday evening open in the school.');
    await expect(panel).toContainText('Free bus tickets for the island.');
    // What only they changed arrives; what only I changed stays.
    await expect(page.getByLabel('Recommendation', { exact: true })).toHaveValue('Alternative 1 with the Friday kept.');
    await expect(cell(page, `${impact}, Direction: Negative`)).toBeVisible();
    await expectNoAxeViolations(page, 'the drafting page with the conflict panel');

    // The official merges both texts and keeps the merged one: the API takes it as the conflict's resolution.
    const merged =
      'Friday stays open; Monday closes instead. Free bus tickets for the island. A youth worker keeps the Friday evening open in the school.';
    await mitigation(page).fill(merged);
    const resolution = page.waitForRequest(
      (r) => r.method() === 'PATCH' && (r.postDataJSON() as { resolvesConflict?: boolean }).resolvesConflict === true,
    );
    await panel.getByRole('button', { name: 'Keep mine: How negative impacts are mitigated' }).click();
    await resolution;
    await expect(saveStatus(page)).toHaveText(SAVED);
    await expect(panel).toHaveCount(0);

    await page.reload();
    await expect(mitigation(page)).toHaveValue(merged);
    await expect(page.getByLabel('Recommendation', { exact: true })).toHaveValue('Alternative 1 with the Friday kept.');
    await expect(page.getByLabel('UNCRC articles')).toHaveValue('3, 12, 31');
    await expect(page.getByLabel('Date of item 1')).toHaveValue('2024–2025');
    await expect(page.getByLabel('Web address of item 1')).toHaveValue('https://www.kotka.fi/nuoriso/kavijatilastot');
    await expect(cell(page, `${impact}, Note: The busiest evening goes.`)).toBeVisible();
    await expect(cell(page, `${impact}, Term: Long term`)).toBeVisible();
    await expect(cell(page, `${copied}, Direction: Neutral`)).toBeVisible();

    // The history tells the new fields in words, the resolution as a version of its own.
    await expect(history.getByText('Impact matrix').first()).toBeVisible();
    await expect(history.locator('ins').filter({ hasText: 'Free bus tickets for the island.' }).first()).toBeVisible();
    await expect(history.getByText('Named version: Before the workshop')).toBeVisible();

    // Phone width: the matrix is a card per impact, a form filled by keyboard; the page does not scroll sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect(grid(page)).toHaveCount(0);
    const cards = page.locator('#section-impactMatrix .impact-card');
    await expect(cards).toHaveCount(10);
    const card = page.getByRole('group', { name: /^Impact \d+: No change \(things stay as they are\), article 15, 31, 34/ });
    await expect(card.getByLabel('Direction')).toHaveValue('neutral');
    await expect(card.getByLabel('Articles')).toHaveValue('15, 31, 34');
    await expect(card.getByRole('checkbox', { name: 'Included' })).toBeChecked();
    await card.getByLabel('Direction').focus();
    await page.keyboard.press('Tab');
    await expect(card.getByLabel('Direct or indirect')).toBeFocused();
    await card.getByLabel('Direct or indirect').selectOption('indirect');
    await page.keyboard.press('Tab');
    await card.getByLabel('Term').selectOption('short');
    await expect(saveStatus(page)).toHaveText(SAVED);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('matrix-cards-360.png'), fullPage: false });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'the drafting page at 360 px with the matrix as cards');

    await page.reload();
    await expect(card.getByLabel('Direct or indirect')).toHaveValue('indirect');
    await expect(card.getByLabel('Term')).toHaveValue('short');
  });
});

import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, finnishDate, signIn, useLanguage } from './support';

/** The review panel's own save status (the app shell has another polite live region). */
const reviewStatus = (page: Page) => page.locator('lava-review-panel .save-status');
const stageBar = (page: Page) => page.getByRole('list', { name: 'Stages of the assessment' });

async function open(page: Page, email: string, title: string) {
  await signIn(page, email);
  await useLanguage(page, 'en');
  // The assessment list's table (a chair also sees the same title in "Waiting for your decision" above it).
  await page.getByRole('table').getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

test.describe('review and decision', () => {
  test('the assigned reviewer completes the quality checklist and approves the assessment', async ({ page }) => {
    await open(page, 'reviewer@kotka.example', 'Lasten ja nuorten harrastusseteli 2027');
    await expect(page.getByRole('heading', { name: 'Review', level: 2 })).toBeVisible();
    await expect(page.getByText('2 of 5 items done.')).toBeVisible();
    // The return reason dialog and the checklist work with the keyboard; approving waits for the checklist.
    const approve = page.getByRole('button', { name: 'Approve review', exact: true });
    await expect(approve).toHaveAttribute('aria-disabled', 'true');
    await expectNoAxeViolations(page, 'the review checklist');

    const gaps = page.getByRole('checkbox', { name: 'Gaps in the evidence are stated' });
    await expect(page.getByRole('textbox', { name: 'Comment (optional) – Gaps in the evidence are stated' })).toHaveValue(
      'Vammaisten lasten harrastusmahdollisuuksista ei ole tietoa – lisää tämä puutteisiin.',
    );
    await gaps.focus();
    await page.keyboard.press('Space');
    await expect(reviewStatus(page)).toHaveText('Saved: Gaps in the evidence are stated. 3 of 5 items done.');
    await expect(gaps).toBeChecked();

    const comment = page.getByRole('textbox', { name: 'Comment (optional) – The plain-language summary is clear' });
    await comment.fill('Selkeä ja lyhyt – hyvä.');
    await page.getByRole('checkbox', { name: 'The plain-language summary is clear' }).check();
    await expect(reviewStatus(page)).toHaveText('Saved: The plain-language summary is clear. 4 of 5 items done.');
    await page.getByRole('checkbox', { name: 'Every statement point has been answered' }).check();
    await expect(reviewStatus(page)).toHaveText('Saved: Every statement point has been answered. 5 of 5 items done.');

    await expect(approve).not.toHaveAttribute('aria-disabled', 'true');
    await approve.click();
    await expect(stageBar(page).getByRole('listitem').filter({ hasText: 'Decision' })).toHaveAttribute('aria-current', 'step');
    const earlier = page.getByRole('group').filter({ hasText: 'Round 1: approved' });
    await expect(earlier).toBeVisible();
    await earlier.locator('summary').click();
    await expect(earlier).toContainText('Selkeä ja lyhyt – hyvä.');
    await expectNoAxeViolations(page, 'the assessment after the review was approved');
  });

  test('the committee chair records the decision and signs it off', async ({ page }) => {
    await open(page, 'chair@kotka.example', 'Koulukuljetusten hankinta 2027–2031');
    await expect(page.getByRole('heading', { name: 'Decision', level: 2 })).toBeVisible();
    // Recording needs the decision's details, so it is on the decision form rather than the action bar.
    await expect(page.getByRole('button', { name: 'Record decision', exact: true })).toHaveCount(0);
    const form = page.getByRole('form', { name: 'Record the decision and sign it' });
    await expect(form.getByRole('radio')).toHaveCount(5);
    await expectNoAxeViolations(page, 'the decision form');

    await form.getByRole('button', { name: 'Sign the decision' }).click();
    await expect(form.getByRole('alert')).toContainText('Choose the outcome.');
    await expect(form.getByRole('radio', { name: 'Approved', exact: true })).toBeFocused();
    await expectNoAxeViolations(page, 'the decision form with errors');

    await form.getByRole('radio', { name: 'Approved as modified' }).check();
    await form.getByLabel('Meeting date').fill(finnishDate(-1));
    await form.getByLabel('Minutes section').fill('§ 118');
    await form
      .getByLabel('Decision', { exact: true })
      .fill('Lautakunta hyväksyi hankinnan muutettuna: odotusaika enintään 30 minuuttia ja avustaja erityisen tuen oppilaille.');
    await form.getByLabel('Follow-up date').fill(finnishDate(365));
    await form.getByRole('checkbox', { name: /I, Leena Mäkinen, confirm/ }).check();
    await form.getByRole('button', { name: 'Sign the decision' }).click();

    await expect(page.locator('lava-decision-panel .save-status')).toHaveText('The decision was signed: Approved as modified.');
    await expect(stageBar(page).getByRole('listitem').filter({ hasText: 'Decided' })).toHaveAttribute('aria-current', 'step');
    const signed = page.getByRole('article', { name: 'Approved as modified' });
    await expect(signed).toContainText('§ 118');
    await expect(signed).toContainText('Leena Mäkinen');
    await expect(form).toHaveCount(0);
    await expectNoAxeViolations(page, 'the decided assessment with its signed decision');
  });
});

import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, useLanguage } from './support';

const TITLE = 'Kouluverkkoselvitys 2027–2030';

async function openDraft(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await useLanguage(page, 'en');
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByRole('heading', { name: 'Comments', level: 2 })).toBeVisible();
}

/** The comments panel's part for one section (opened with its "Show comments" button). */
async function showSection(page: Page, section: string) {
  const panel = page.locator('lava-comments-panel');
  await panel.getByRole('button', { name: `Show comments: ${section}` }).click();
  const body = panel.locator('lava-comment-threads');
  await expect(body.getByText('Loading comments…')).toHaveCount(0);
  return body;
}

test.describe('comments on a draft', () => {
  test('an official and a reviewer comment and reply, the official flags, hides and resolves; axe-clean, also at 360 px', async ({
    page,
    browser,
  }) => {
    const question = `Which school survey figures are these? ${Date.now()}`;
    await openDraft(page, 'official@kotka.example');

    // The seeded threads show as open counts, e.g. two staff threads on the screening and scope.
    const panel = page.locator('lava-comments-panel');
    await expect(panel.locator('li#comments-screening')).toContainText('Open: 1');

    const evidence = await showSection(page, 'Evidence');
    await expect(evidence.getByText('No comments on this section yet.')).toBeVisible();
    await evidence.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(evidence.getByText('Write the comment first.')).toBeVisible();
    await evidence.getByLabel('Comment', { exact: true }).fill(question);
    await evidence.getByRole('button', { name: 'Comment', exact: true }).click();
    const thread = evidence.locator('lava-comment-thread').filter({ hasText: question });
    await expect(thread.getByRole('heading', { name: /Thread by Anna Virtanen/ })).toBeVisible();
    await expectNoAxeViolations(page, 'the record page with a section’s comments open');

    // The reviewer, in another session, answers the thread.
    const other = await browser.newContext();
    const reviewer = await other.newPage();
    await openDraft(reviewer, 'reviewer@kotka.example');
    const seen = (await showSection(reviewer, 'Evidence')).locator('lava-comment-thread').filter({ hasText: question });
    await seen.getByRole('button', { name: 'Reply to the thread' }).click();
    await seen.getByLabel('Your reply').fill('From the school health survey 2025, table 4. <b>Not bold</b>');
    await seen.getByRole('button', { name: 'Send reply' }).click();
    await expect(seen.getByText('From the school health survey 2025, table 4. <b>Not bold</b>')).toBeVisible();

    // The official sees the reply, flags it for moderation, hides it with a reason, and resolves the thread.
    await page.reload();
    const again = (await showSection(page, 'Evidence')).locator('lava-comment-thread').filter({ hasText: question });
    await expect(again.getByText('From the school health survey 2025, table 4.')).toBeVisible();
    await again.getByRole('button', { name: 'Flag the comment by Mikko Korhonen' }).click();
    await again.getByLabel('Why should a moderator look at it? (optional)').fill('Contains markup');
    await again.locator('form').getByRole('button', { name: 'Flag', exact: true }).click();
    await expect(again.getByText('Flagged: 1')).toBeVisible();
    await again.getByRole('button', { name: 'Hide the comment by Mikko Korhonen' }).click();
    await again.getByLabel('Reason for hiding (shown to everyone)').fill('Markup instead of a source');
    await again.locator('form').getByRole('button', { name: 'Hide', exact: true }).click();
    await expect(again.getByText('Hidden by a moderator. Reason: Markup instead of a source')).toBeVisible();
    await again.getByRole('button', { name: 'Resolve' }).click();
    await expect(again.getByText('Resolved by Anna Virtanen')).toBeVisible();
    await expect(again.getByRole('button', { name: 'Reopen' })).toBeVisible();

    // The reviewer no longer receives the hidden text.
    await reviewer.reload();
    const after = (await showSection(reviewer, 'Evidence')).locator('lava-comment-thread').filter({ hasText: question });
    await expect(after.getByText('Hidden by a moderator. Reason: Markup instead of a source')).toBeVisible();
    await expect(after.getByText('From the school health survey')).toHaveCount(0);
    await other.close();

    // Keyboard: the section toggle is a real button that says whether it is open.
    const toggle = panel.getByRole('button', { name: 'Hide comments: Evidence' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('button', { name: 'Show comments: Evidence' })).toHaveAttribute('aria-expanded', 'false');

    // A passage selected in a section's text box: "Comment on this passage" opens that section's comments with the quote.
    await page.getByLabel('Rationale', { exact: true }).evaluate((box: HTMLTextAreaElement) => {
      box.focus();
      box.setSelectionRange(0, 15);
      box.dispatchEvent(new Event('select', { bubbles: true }));
    });
    const bar = page.getByRole('region', { name: 'Selected passage' });
    await expect(bar).toContainText('You selected text in Screening.');
    await bar.getByRole('button', { name: 'Comment on this passage' }).click();
    const screening = panel.locator('li#comments-screening lava-comment-threads');
    await expect(screening.locator('form.new-thread blockquote')).toHaveText('Selvitys koskee');
    await expect(screening.getByLabel('Comment', { exact: true })).toBeFocused();
    await screening.getByLabel('Comment', { exact: true }).fill('Is this the whole scope?');
    await screening.getByRole('button', { name: 'Comment', exact: true }).click();
    const quoted = screening.locator('lava-comment-thread').filter({ hasText: 'Is this the whole scope?' });
    await expect(quoted.locator('blockquote')).toHaveText('Selvitys koskee');
    await expect(quoted.getByText('Passage changed since this comment.')).toHaveCount(0);
    await panel.getByRole('button', { name: 'Hide comments: Screening' }).click();

    // A phone: the panel fits 360 px and stays axe-clean.
    await page.setViewportSize({ width: 360, height: 800 });
    await showSection(page, 'Screening');
    const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(panel.getByText('noin 240 oppilaan koulumatkaan')).toBeVisible();
    await expectNoAxeViolations(page, 'the comments panel at 360 px');
  });
  test('a consulted youth council member reads its own threads, never the staff ones, and writes to the municipality or only to the council', async ({
    page,
  }) => {
    await signIn(page, 'youth@kotka.example');
    await useLanguage(page, 'en');
    const [request] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/consultations\/[^/]+$/.test(new URL(r.url()).pathname)),
      page.getByRole('link', { name: 'Hovinsaaren nuorisotalon aukioloajat' }).click(),
    ]);
    const { assessmentId } = (await request.json()) as { assessmentId: string };
    // Young people are led to their own read view (youth.spec.ts); the assessment page with its comments
    // panel stays open to a consulted council by its address, and its rules are the same.
    await page.goto(`/assessments/${assessmentId}`);
    const panel = page.locator('lava-comments-panel');
    await expect(panel.getByRole('heading', { name: 'Comments', level: 2 })).toBeVisible();

    const summary = await showSection(page, 'Plain-language summary');
    await expect(summary.getByText('Mitä "vähemmän iltoja" tarkoittaa?', { exact: false })).toBeVisible();
    await expect(summary.getByText('Vaihtoehdoissa talo olisi auki kolme tai neljä iltaa.', { exact: false })).toBeVisible();
    await panel.getByRole('button', { name: 'Hide comments: Plain-language summary' }).click();

    const statement = await showSection(page, 'Drafting our statement');
    await expect(statement.getByText('bussit kulkevat harvoin iltaisin', { exact: false })).toBeVisible();
    await panel.getByRole('button', { name: 'Hide comments: Drafting our statement' }).click();

    const scope = await showSection(page, 'Children and young people affected');
    const audience = scope.getByLabel('Who sees the comment');
    await expect(audience.locator('option')).toHaveText([
      'To the municipality: seen by the official and other staff',
      'Only for our youth council',
    ]);
    await audience.selectOption({ label: 'Only for our youth council' });
    await scope.getByLabel('Comment', { exact: true }).fill('Muistakaa myös Karhulan nuoret.');
    await scope.getByRole('button', { name: 'Comment', exact: true }).click();
    const mine = scope.locator('lava-comment-thread').filter({ hasText: 'Muistakaa myös Karhulan nuoret.' });
    await expect(mine.locator('.badge').first()).toContainText('only');
    await expect(panel.getByText('Staff only')).toHaveCount(0);
    await expectNoAxeViolations(page, 'the comments panel of a youth council member');
  });
});

import { expect, type APIRequestContext, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoHorizontalScroll, finnishDate, PHONE, session } from './support';

const TITLE = 'Kouluverkkoselvitys 2027–2030';

/** The API as one person (for the steps other features own: the summary text, review and decision). */
async function api(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.ok()).toBeTruthy();
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  return {
    get: async (url: string) => (await request.get(url, { headers })).json(),
    send: async (method: 'post' | 'patch' | 'put', url: string, data: object) => {
      const response = await request[method](url, { headers, data });
      expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBeTruthy();
      return response.json();
    },
  };
}

test.describe('youth council consultation', () => {
  test('official asks the council, two members draft together, the official answers every point, the council sees its feedback', async ({
    browser,
    request,
  }) => {
    test.setTimeout(420_000);

    // --- The official plans the request in draft.
    const official = await session(browser, 'official@kotka.example');
    await official.getByRole('link', { name: TITLE }).click();
    await expect(official.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    const assessmentId = official.url().split('/').pop() ?? '';
    const panel = official.locator('lava-consultation-panel');
    await expect(panel.getByRole('heading', { name: 'Hearing youth councils and other bodies' })).toBeVisible();
    await panel.getByLabel('Youth council or other body', { exact: true }).selectOption({ label: 'Kotka Youth Council' });
    await panel.getByLabel('Deadline date', { exact: true }).fill(finnishDate(14));
    await panel.getByLabel('Time', { exact: true }).fill('16:00');
    await panel.getByLabel('Message to the council (optional)').fill('Kertokaa, miten kouluverkon muutos vaikuttaa koulumatkoihinne.');
    await panel.getByRole('button', { name: 'Add the request' }).click();
    await expect(panel.getByRole('listitem').filter({ hasText: 'Kotka Youth Council' })).toContainText('Planned, not sent yet');
    await expectNoAxeViolations(official, 'the consultation planner');

    // The workflow asks for the plain-language summary first.
    const asOfficial = await api(request, 'official@kotka.example');
    const detail = await asOfficial.get(`/api/assessments/${assessmentId}`);
    if (!detail.plainLanguageSummary) {
      const openButton = official.getByRole('button', { name: 'Open consultation', exact: true });
      await expect(openButton).toHaveAttribute('aria-disabled', 'true');
      await asOfficial.send('patch', `/api/assessments/${assessmentId}`, {
        version: detail.version,
        plainLanguageSummary: 'Kaupunki miettii, mitkä koulut jatkavat. Koulumatka voi pidentyä joillakin.',
      });
      await official.reload();
    }
    await official.getByRole('button', { name: 'Open consultation', exact: true }).click();
    // It e-mails the councils: the page asks first.
    await official.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(panel.getByRole('listitem').filter({ hasText: 'Kotka Youth Council' })).toContainText('Not started');
    await expect(panel.getByText(/close the consultation before the deadline/)).toBeVisible();
    // The status board fits a phone.
    await official.setViewportSize(PHONE);
    const board = await panel.boundingBox();
    expect(board?.width ?? 999).toBeLessThanOrEqual(PHONE.width);
    await official.setViewportSize({ width: 1280, height: 720 });

    // --- Two members of Kotka's youth council, on phones.
    const aino = await session(browser, 'youth@kotka.example', PHONE);
    const onni = await session(browser, 'youth2@kotka.example', PHONE);
    for (const member of [aino, onni]) {
      await member.getByRole('link', { name: 'Our council' }).click();
      await member.getByRole('link', { name: TITLE }).click();
      await expect(member.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    }
    // The plain-language summary comes first, then the one next step.
    const headings = await aino.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.slice(0, 2)).toEqual(['What next?', 'In short, in plain words']);
    await expect(aino.getByText('Write your council’s first point below.', { exact: false })).toBeVisible();
    await expectNoAxeViolations(aino, 'the council workspace');
    await expectNoHorizontalScroll(aino, 'the council workspace');

    await aino.getByLabel('New point').fill('Koulumatka ei saa pidentyä yli puoleen tuntiin.');
    await aino.getByRole('button', { name: 'Add point' }).click();
    await expect(aino.getByRole('heading', { name: 'Point 1' })).toBeVisible();
    await onni.getByLabel('New point').fill('<b>Pyöräteitä</b> tarvitaan uusille koulureiteille.');
    await onni.getByRole('button', { name: 'Add point' }).click();
    await expect(onni.getByRole('heading', { name: 'Point 2' })).toBeVisible();
    // HTML is text: shown as typed, never rendered.
    await expect(onni.getByRole('textbox', { name: 'Point 2' })).toHaveValue('<b>Pyöräteitä</b> tarvitaan uusille koulureiteille.');

    // Both edit point 1 from the same version (points save themselves; leaving the field saves at once):
    // the second keeps both texts on screen.
    await onni.reload();
    await expect(onni.getByRole('textbox', { name: 'Point 1' })).toBeVisible(); // loaded at the version before Aino's save
    await aino.getByRole('textbox', { name: 'Point 1' }).fill('Koulumatka ei saa pidentyä yli 30 minuuttiin kenelläkään.');
    await aino.getByRole('textbox', { name: 'Point 1' }).blur();
    await expect(aino.getByText('Saved.')).toBeVisible();
    await onni.getByRole('textbox', { name: 'Point 1' }).fill('Koulumatka enintään 30 minuuttia.');
    await onni.getByRole('textbox', { name: 'Point 1' }).blur();
    await expect(onni.getByRole('alert').filter({ hasText: 'Someone else saved the same point' })).toBeVisible();
    const conflict = onni.getByRole('group', { name: /Aino changed this point at the same time/ });
    await expect(conflict).toContainText('Koulumatka ei saa pidentyä yli 30 minuuttiin kenelläkään.');
    await expect(conflict).toContainText('Koulumatka enintään 30 minuuttia.');
    await expectNoAxeViolations(onni, 'the conflict between two members');
    await expectNoHorizontalScroll(onni, 'the conflict between two members');
    await conflict.getByRole('button', { name: 'Use the saved text' }).click();
    await expect(onni.getByRole('textbox', { name: 'Point 1' })).toHaveValue('Koulumatka ei saa pidentyä yli 30 minuuttiin kenelläkään.');

    // Aino opens the official's page of the draft and comments on a section, to the municipality
    // (the read view for young people has the council's own comment boxes: youth.spec.ts).
    const requestUrl = aino.url();
    await aino.goto(`/assessments/${assessmentId}`);
    const comments = aino.locator('lava-comments-panel');
    await comments.getByRole('button', { name: 'Show comments: Mitigating negative impacts' }).click();
    const mitigationThreads = comments.locator('lava-comment-threads');
    await expect(mitigationThreads.getByText('Loading comments…')).toHaveCount(0);
    await mitigationThreads
      .getByLabel('Who sees the comment')
      .selectOption({ label: 'To the municipality: seen by the official and other staff' });
    await mitigationThreads.getByLabel('Comment', { exact: true }).fill('Miten pitkiä koulumatkoja lyhennetään talvella?');
    await mitigationThreads.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(mitigationThreads.locator('lava-comment-thread').filter({ hasText: 'Miten pitkiä koulumatkoja' })).toBeVisible();
    await expectNoAxeViolations(aino, 'the draft with the council’s comment');
    await aino.goto(requestUrl);

    // The official does not see the draft.
    await official.goto(`/consultations/${(await asOfficial.get(`/api/assessments/${assessmentId}/consultations`))[0].id}`);
    await expect(official.getByText('The council is still writing its statement.')).toBeVisible();

    // Only the council's chair or secretary records the adoption: Onni, a plain member, is told who does.
    await onni.reload();
    await expect(onni.getByText('your chair or secretary records the meeting date')).toBeVisible();
    await expect(onni.getByText('Your council’s chair (Aino) records the meeting where you adopted the statement.')).toBeVisible();
    await expect(onni.getByLabel('Meeting date')).toHaveCount(0);
    await expectNoAxeViolations(onni, 'the statement as a member who does not record the adoption');
    await expectNoHorizontalScroll(onni, 'the statement as a member who does not record the adoption');

    // Aino, the chair, records the meeting and submits.
    await aino.reload();
    await expect(aino.getByText('When the council has agreed on the points at its meeting')).toBeVisible();
    await aino.getByLabel('Meeting date').fill(finnishDate(0));
    await aino.getByRole('button', { name: 'Record as adopted' }).click();
    await expect(aino.getByText('The statement is adopted. Send it to the official.')).toBeVisible();
    await aino.getByRole('button', { name: 'Send the statement to the official' }).click();
    await expect(aino.getByText('Your statement is sent!')).toBeVisible();
    await expect(aino.getByRole('button', { name: 'Take the statement back to change it' })).toBeVisible();
    await expect(aino.getByRole('textbox', { name: 'Point 1' })).toHaveCount(0);

    // --- The official answers every point.
    await official.goto(`/assessments/${assessmentId}`);
    const kotka = panel.getByRole('listitem').filter({ hasText: 'Kotka Youth Council' });
    await expect(kotka).toContainText('Submitted');
    await expect(official.getByRole('button', { name: 'Close consultation', exact: true })).toHaveAttribute('aria-disabled', 'true');
    await kotka.getByRole('link', { name: 'Answer the statement: Kotka Youth Council' }).click();
    const response1 = official.getByRole('group', { name: 'Response to point 1' });
    await response1.getByLabel('Partly accepted').check();
    await official.getByLabel('Reason for point 1').fill('Tavoite on 30 minuuttia; kahdella alueella se ylittyy talvella.');
    await official.getByLabel('Part of the assessment it concerns (optional)').first().selectOption('mitigation');
    await official.getByRole('button', { name: 'Save the response to point 1' }).click();
    await expect(official.locator('.saved').first()).toHaveText('Answered');
    await official.getByRole('group', { name: 'Response to point 2' }).getByLabel('Accepted', { exact: true }).check();
    await official.getByLabel('Reason for point 2').fill('Pyörätiet lisätään suunnitelmaan.');
    await official.getByRole('button', { name: 'Save the response to point 2' }).click();
    await expect(official.locator('.saved')).toHaveCount(2);
    await expectNoAxeViolations(official, 'the disposition editor');
    await official.setViewportSize(PHONE);
    await expectNoHorizontalScroll(official, 'the disposition editor');
    await official.setViewportSize({ width: 1280, height: 720 });

    await official.goto(`/assessments/${assessmentId}`);
    await expect(kotka).toContainText('2 of 2');

    // --- The mitigation section changes after the council commented on it: back to draft, changed,
    // and the council asked again (round 2); the council sees the change and answers whether its statement stands.
    const inConsultation = await asOfficial.get(`/api/assessments/${assessmentId}`);
    await asOfficial.send('post', `/api/assessments/${assessmentId}/transitions`, {
      action: 'return_from_consultation',
      version: inConsultation.version,
      reason: 'Lievennyskeinoja täydennetään nuorisovaltuuston kommentin perusteella.',
    });
    const inDraft = await asOfficial.get(`/api/assessments/${assessmentId}`);
    // While it is in draft the official also judges the impacts the demo record leaves unjudged (the third
    // alternative's general principles 2, 3 and 12): closing the consultation goes into review, which needs
    // every general principle considered for every alternative compared (the completeness guard).
    const rows: { direction: string | null }[] = inDraft.impactMatrix.rows;
    await asOfficial.send('patch', `/api/assessments/${assessmentId}`, {
      version: inDraft.version,
      mitigation: { text: 'Talvella koulukuljetus ajaa pidemmät reitit lyhyempinä osuuksina.' },
      impactMatrix: { rows: rows.map((row) => ({ ...row, direction: row.direction ?? 'unknown' })) },
    });
    const councils = await asOfficial.get(`/api/assessments/${assessmentId}/youth-councils`);
    const kotkaCouncil = councils.find((c: { own: boolean }) => c.own);
    await asOfficial.send('post', `/api/assessments/${assessmentId}/consultations`, {
      youthCouncilId: kotkaCouncil.id,
      deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
    });
    const again = await asOfficial.get(`/api/assessments/${assessmentId}`);
    await asOfficial.send('post', `/api/assessments/${assessmentId}/transitions`, { action: 'open_consultation', version: again.version });

    await aino.goto(`/assessments/${assessmentId}`);
    const changes = aino.getByRole('region', { name: 'Changed since your comments' });
    await expect(changes).toContainText('Mitigating negative impacts');
    await expect(changes).toContainText('Talvella koulukuljetus ajaa pidemmät reitit lyhyempinä osuuksina.');
    await expectNoAxeViolations(aino, 'the changes since the council’s comments');
    await expectNoHorizontalScroll(aino, 'the changes since the council’s comments');
    await changes.getByRole('button', { name: 'Our statement still stands' }).click();
    await expect(changes).toContainText('Our statement still stands');

    // The statement of round 1 stands and every point is answered: the official closes round 2 early.
    await official.reload();
    // A refused action stays focusable (aria-disabled), and a click on it would wait out the whole test:
    // check it is allowed first, so a refusal fails here with its reason in the page.
    const closeEarlyButton = official.getByRole('button', { name: 'Close consultation early', exact: true });
    await expect(closeEarlyButton).not.toHaveAttribute('aria-disabled', 'true');
    await closeEarlyButton.click();
    const closeEarly = official.getByRole('dialog', { name: 'Close consultation early' });
    await closeEarly.getByLabel('Reason').fill('Nuorisovaltuusto vahvisti, että lausunto on edelleen voimassa.');
    await closeEarly.getByRole('button', { name: 'Confirm' }).click();
    await expect(
      official.getByRole('list', { name: 'Stages of the assessment' }).getByRole('listitem').filter({ hasText: 'Review' }),
    ).toHaveAttribute('aria-current', 'step');

    // --- Review and decision (the review-and-decision feature's routes).
    const candidates = await asOfficial.get(`/api/assessments/${assessmentId}/reviewer-candidates`);
    await asOfficial.send('post', `/api/assessments/${assessmentId}/reviewers`, { userId: candidates[0].id });
    const asReviewer = await api(request, 'reviewer@kotka.example');
    const review = await asReviewer.get(`/api/assessments/${assessmentId}/review`);
    for (const entry of review.rounds[0].checklist) {
      const round = (await asReviewer.get(`/api/assessments/${assessmentId}/review`)).rounds[0];
      await asReviewer.send('put', `/api/assessments/${assessmentId}/review/checklist/${entry.item}`, {
        done: true,
        version: round.version,
      });
    }
    const inReview = await asReviewer.get(`/api/assessments/${assessmentId}`);
    await asReviewer.send('post', `/api/assessments/${assessmentId}/transitions`, { action: 'approve_review', version: inReview.version });
    const asChair = await api(request, 'chair@kotka.example');
    const inDecision = await asChair.get(`/api/assessments/${assessmentId}`);
    await asChair.send('post', `/api/assessments/${assessmentId}/transitions`, {
      action: 'record_decision',
      version: inDecision.version,
      decision: {
        outcome: 'approved_as_modified',
        meetingDate: finnishDate(0),
        minutesSection: '§ 12',
        decisionText: 'Kouluverkko muutetaan niin, että koulumatkat pysyvät kohtuullisina.',
        followUpDate: finnishDate(365),
      },
    });

    // --- The council sees, point by point, what became of its statement (a page of its own).
    await onni.reload();
    await onni.getByRole('link', { name: 'See what happened to your points' }).click();
    await expect(onni.getByRole('heading', { level: 1 })).toHaveText('What happened to your points');
    await expect(onni.getByText('Decision: approved with changes')).toBeVisible();
    const point1 = onni.getByRole('listitem').filter({ hasText: 'Your point 1' });
    await expect(point1).toContainText('Partly taken up');
    await expect(point1).toContainText('Tavoite on 30 minuuttia');
    await expect(point1).toContainText('Mitigating negative impacts');
    await expect(onni.getByRole('listitem').filter({ hasText: 'Your point 2' })).toContainText('Taken up');
    await expectNoAxeViolations(onni, 'the feedback view');
    await expectNoHorizontalScroll(onni, 'the feedback view');
  });
});

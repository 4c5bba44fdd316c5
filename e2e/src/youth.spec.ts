import { expect, type APIRequestContext, type Page, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  finnishDate,
  PHONE,
  session,
  signIn,
  useLanguage,
} from './support';
import { expectTapTargets } from './youth-support';

/** A title of its own on every run (the demo database may hold an earlier run's). */
const TITLE = `Skeittipuisto Karhulaan ${Date.now().toString(36).slice(-4)}`;

/** Every youth page: 44 px tap targets, no sideways scrolling at 360 px, no axe violations. */
async function expectYouthPage(page: Page, context: string): Promise<void> {
  await expectTapTargets(page, context);
  await expectNoHorizontalScroll(page, context);
  await expectNoAxeViolations(page, context);
}

/** The API as one person, for the steps staff take (the official, the reviewer, the committee chair). */
async function api(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.ok()).toBeTruthy();
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const send = async (method: 'post' | 'patch' | 'put', url: string, data: object) => {
    const response = await request[method](url, { headers, data });
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBeTruthy();
    return response.json();
  };
  const get = async (url: string) => (await request.get(url, { headers })).json();
  return {
    get,
    send,
    move: async (id: string, body: object) =>
      send('post', `/api/assessments/${id}/transitions`, { version: (await get(`/api/assessments/${id}`)).version, ...body }),
  };
}

test.describe('young people’s own Lava', () => {
  test('two members and their chair on phones: home, request, read view, comment, co-written points with an undone removal, adoption, submission, and the feedback page', async ({
    browser,
    request,
  }) => {
    test.setTimeout(600_000);

    // --- The official prepares a matter and asks Kotka's youth council (the record feature's routes).
    const official = await api(request, 'official@kotka.example');
    const committees: { id: string; municipalityName: string }[] = await official.get('/api/committees');
    const committeeId = committees.find((c) => c.municipalityName === 'Kotka')?.id ?? '';
    const created = await official.send('post', '/api/assessments', { title: TITLE, committeeId });
    const id: string = created.id;
    await official.send('patch', `/api/assessments/${id}`, {
      version: created.version,
      screening: { affectsChildren: true, rationale: 'Skeittipuisto on nuorten vapaa-ajan paikka.' },
    });
    await official.move(id, { action: 'start_full_assessment', signatureConfirmed: true });
    const draft = await official.get(`/api/assessments/${id}`);
    await official.send('patch', `/api/assessments/${id}`, {
      version: draft.version,
      plainLanguageSummary: 'Kaupunki suunnittelee skeittipuistoa Karhulaan. Haluamme kuulla, mitä mieltä olette paikasta.',
      legalBasis: { uncrcArticles: [12, 31], nationalLaw: 'Nuorisolaki 1285/2016', welfarePlan: '' },
      mitigation: { text: 'Puiston viereen tulee valaistus ja penkit.' },
    });
    // What review needs (while the record is still a draft): every impact judged (the general principles
    // start as "not stated"), an evidence gap, and what children said.
    const drafted = await official.get(`/api/assessments/${id}`);
    await official.send('patch', `/api/assessments/${id}`, {
      version: drafted.version,
      impactMatrix: {
        rows: drafted.impactMatrix.rows.map((row: { direction: string | null }) => ({ ...row, direction: row.direction ?? 'unknown' })),
      },
      evidence: { ...drafted.evidence, gaps: 'Skeittaajien määrää ei ole laskettu.' },
      childrensViews: { ...drafted.childrensViews, whatTheySaid: 'Nuoret toivovat skeittipuistoa keskustan lähelle.' },
    });
    const councils: { id: string; own: boolean }[] = await official.get(`/api/assessments/${id}/youth-councils`);
    await official.send('post', `/api/assessments/${id}/consultations`, {
      youthCouncilId: councils.find((c) => c.own)?.id,
      deadline: new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString(),
    });
    await official.move(id, { action: 'open_consultation' });

    // --- Aino (the council's chair) and Onni (a member) sign in on phones and land on their council.
    const aino = await session(browser, 'youth@kotka.example', PHONE);
    const onni = await session(browser, 'youth2@kotka.example', PHONE);
    await expect(aino).toHaveURL(/\/consultations$/);
    await expect(aino.getByRole('heading', { level: 1 })).toHaveText('Our council');
    const answerNow = aino.getByRole('region', { name: 'Answer now' });
    const request1 = answerNow.getByRole('listitem').filter({ hasText: TITLE });
    await expect(request1).toContainText('Answer by');
    await expect(request1).toContainText('No points yet.');
    await expect(aino.getByText('Assessments', { exact: true })).toHaveCount(0); // no staff list or filters
    await expect(aino.getByRole('search')).toHaveCount(0);
    const header = await aino.locator('header').boundingBox();
    expect(header?.height ?? 999, 'the header on a phone').toBeLessThanOrEqual(PHONE.height * 0.2);
    await expectYouthPage(aino, 'the council home');

    // --- The request, then the read view: the summary first, rights in plain words, a comment at a section.
    await request1.getByRole('link', { name: TITLE }).click();
    await expect(aino.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expectYouthPage(aino, 'the request');
    await aino.getByRole('link', { name: 'Read the whole plan' }).click();
    await expect(aino.getByRole('heading', { level: 2 }).first()).toHaveText('In short');
    await expect(aino.getByText('Kaupunki suunnittelee skeittipuistoa Karhulaan.')).toBeVisible();
    const rights = aino.getByRole('region', { name: 'Children’s rights and laws' });
    await expect(rights.getByText('Article 31: The right to play, rest and free time')).toBeVisible();
    await expect(rights.getByText('Article 12: The right to say what you think and be heard')).toBeVisible();
    // The impact matrix as a short list per alternative, with the rights in words.
    const impacts = aino.getByRole('region', { name: 'How the choices affect you' });
    await expect(
      impacts.getByRole('listitem').filter({ hasText: 'Article 3: What is best for the child comes first' }).first(),
    ).toBeVisible();
    await expect(aino.getByRole('button', { name: /Save|Edit/ })).toHaveCount(0); // no staff tools
    const mitigation = aino.getByRole('region', { name: 'How harm is made smaller' });
    await mitigation.getByRole('button', { name: 'Comment: How harm is made smaller' }).click();
    await mitigation.getByLabel('Comment', { exact: true }).fill('Valaistus on hyvä. Tarvitaan myös roskiksia.');
    await mitigation.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(mitigation.locator('lava-comment-thread').filter({ hasText: 'Tarvitaan myös roskiksia.' })).toBeVisible();
    await expectYouthPage(aino, 'the read view with a comment');
    await aino.getByRole('link', { name: 'Back to the request' }).click();

    // --- Co-writing: each adds a point; Aino's change saves itself and Onni sees it.
    await aino.getByLabel('New point').fill('Skeittipuisto tarvitsee katoksen.');
    await aino.getByRole('button', { name: 'Add point' }).click();
    await expect(aino.getByRole('heading', { name: 'Point 1' })).toBeVisible();
    await onni.goto(aino.url());
    await onni.getByLabel('New point').fill('Puistoon pitää päästä bussilla.');
    await onni.getByRole('button', { name: 'Add point' }).click();
    await expect(onni.getByRole('heading', { name: 'Point 2' })).toBeVisible();
    await aino.reload();
    await aino.getByRole('textbox', { name: 'Point 1' }).fill('Skeittipuisto tarvitsee katoksen sateen varalle.');
    await expect(aino.getByText('Saved.')).toBeVisible(); // no save button: it saved when typing paused
    await onni.reload();
    await expect(onni.getByRole('textbox', { name: 'Point 1' })).toHaveValue('Skeittipuisto tarvitsee katoksen sateen varalle.');
    await expectYouthPage(onni, 'the statement being written');

    // Aino removes Onni's point: asked first, then undone.
    await aino.reload();
    await aino.getByRole('button', { name: 'Remove point 2' }).click();
    await expect(aino.getByText('Onni wrote this point. Do you want to remove it?')).toBeVisible();
    await expectYouthPage(aino, 'the question before removing someone else’s point');
    await aino.getByRole('button', { name: 'Yes, remove' }).click();
    await expect(aino.getByRole('heading', { name: 'Point 2' })).toHaveCount(0);
    const removed = aino.getByRole('region', { name: 'Removed points' });
    await expect(removed).toContainText('Aino removed this. You can bring it back until');
    await expectYouthPage(aino, 'the removed point');
    // Onni is told who removed his point, and brings it back.
    await onni.getByRole('link', { name: /Notifications/ }).click();
    await expect(onni.getByText(`Aino removed a point you wrote on “${TITLE}”`)).toBeVisible();
    await expectYouthPage(onni, 'the notifications');
    await onni.goto(aino.url());
    await onni.getByRole('region', { name: 'Removed points' }).getByRole('button', { name: 'Bring the point back' }).click();
    await expect(onni.getByRole('textbox', { name: 'Point 2' })).toHaveValue('Puistoon pitää päästä bussilla.');
    await expect(onni.getByRole('region', { name: 'Removed points' })).toHaveCount(0);

    // --- Aino, the chair, records the adoption; Onni submits.
    await aino.reload();
    await aino.getByLabel('Meeting date').fill(finnishDate(0));
    await aino.getByRole('button', { name: 'Record as adopted' }).click();
    await expect(aino.getByText('The statement is adopted. Send it to the official.')).toBeVisible();
    await onni.reload();
    await onni.getByRole('button', { name: 'Send the statement to the official' }).click();
    await expect(onni.getByText('Your statement is sent!')).toBeVisible();
    await expectYouthPage(onni, 'the sent statement');
    await onni.goto('/consultations');
    await expect(onni.getByRole('region', { name: 'Answer now' }).getByRole('listitem').filter({ hasText: TITLE })).toContainText(
      'Sent. Points: 2.',
    );

    // --- The official answers, the review passes, the chair of the committee sees it waiting and decides.
    const consultationId = aino.url().split('/').pop() ?? '';
    const submitted = await official.get(`/api/consultations/${consultationId}`);
    const [p1, p2] = submitted.statement.points;
    await official.send('put', `/api/consultations/${consultationId}/points/${p1.id}/disposition`, {
      version: p1.version,
      disposition: 'accepted',
      reason: 'Katos lisätään suunnitelmaan.',
      linkedSection: 'mitigation',
    });
    await official.send('put', `/api/consultations/${consultationId}/points/${p2.id}/disposition`, {
      version: p2.version,
      disposition: 'not_accepted',
      reason: 'Bussireitit päättää joukkoliikenne, ei tämä päätös.',
    });
    await official.move(id, { action: 'close_consultation' });
    const candidates: { id: string }[] = await official.get(`/api/assessments/${id}/reviewer-candidates`);
    await official.send('post', `/api/assessments/${id}/reviewers`, { userId: candidates[0]?.id });
    const reviewer = await api(request, 'reviewer@kotka.example');
    const items: { item: string }[] = (await reviewer.get(`/api/assessments/${id}/review`)).rounds[0].checklist;
    for (const entry of items) {
      const round = (await reviewer.get(`/api/assessments/${id}/review`)).rounds[0];
      await reviewer.send('put', `/api/assessments/${id}/review/checklist/${entry.item}`, { done: true, version: round.version });
    }
    await reviewer.move(id, { action: 'approve_review' });

    const chairPage = await (await browser.newContext()).newPage();
    await signIn(chairPage, 'chair@kotka.example');
    await useLanguage(chairPage, 'en');
    const waiting = chairPage.getByRole('region', { name: 'Waiting for your decision' });
    await expect(waiting.getByRole('link', { name: TITLE })).toBeVisible();
    await expectNoAxeViolations(chairPage, 'the committee chair’s home');
    const chair = await api(request, 'chair@kotka.example');
    await chair.move(id, {
      action: 'record_decision',
      decision: {
        outcome: 'approved_as_modified',
        meetingDate: finnishDate(0),
        minutesSection: '§ 31',
        decisionText: 'Skeittipuisto rakennetaan katoksen kanssa.',
        followUpDate: finnishDate(365),
      },
    });

    // --- The council's feedback: on the home page, point by point, and on a page of its own.
    await aino.goto('/consultations');
    const earlier = aino.getByRole('region', { name: 'Earlier' }).getByRole('listitem').filter({ hasText: TITLE }).first();
    await expect(earlier).toContainText('Point 1: Taken up');
    await expect(earlier).toContainText('Point 2: Not taken up');
    await expectYouthPage(aino, 'the council home after the decision');
    await earlier.getByRole('link', { name: `See what happened to your points: ${TITLE}` }).click();
    await expect(aino.getByRole('heading', { level: 1 })).toHaveText('What happened to your points');
    await expect(aino.getByRole('heading', { name: 'Decision: approved with changes' })).toBeVisible();
    const first = aino.getByRole('listitem').filter({ hasText: 'Your point 1' });
    await expect(first).toContainText('Taken up');
    await expect(first).toContainText('Katos lisätään suunnitelmaan.');
    await expect(first).toContainText('This changed the part: Mitigating negative impacts');
    await expect(aino.getByRole('listitem').filter({ hasText: 'Your point 2' })).toContainText('Bussireitit päättää joukkoliikenne');
    await expectYouthPage(aino, 'the feedback page');

    // The notification about the decision opens the same page.
    await onni.goto('/notifications');
    await onni.getByRole('listitem').filter({ hasText: TITLE }).filter({ hasText: 'decision' }).getByRole('link').first().click();
    await expect(onni).toHaveURL(new RegExp(`/consultations/${consultationId}/feedback`));
    await expect(onni.getByRole('heading', { level: 1 })).toHaveText('What happened to your points');
  });
  test('an admin sets the languages a municipality uses, which its youth summary must be written in', async ({ page }) => {
    await signIn(page, 'admin@kymenlaakso.example');
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'Administration' }).click();
    const hamina = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Languages of Hamina' }) });
    await expect(hamina).toContainText('Summary languages: Finnish');
    await hamina.getByRole('button', { name: 'Languages of Hamina' }).click();
    const choices = hamina.getByRole('group', { name: 'The languages Hamina uses' });
    await expect(choices).toContainText('The plain-language summary for children is written in each of these languages.');
    // None chosen: said beside the choices, nothing saved.
    await choices.getByLabel('Finnish').uncheck();
    await hamina.getByRole('button', { name: 'Save languages' }).click();
    await expect(hamina.getByRole('alert')).toHaveText('Choose at least one language.');
    await choices.getByLabel('Finnish').check();
    await choices.getByLabel('Swedish').check();
    await expectNoAxeViolations(page, 'the admin page with a municipality’s languages being chosen');
    await hamina.getByRole('button', { name: 'Save languages' }).click();
    await expect(page.getByRole('status')).toContainText('Languages saved: Hamina.');
    await expect(hamina).toContainText('Summary languages: Finnish, Swedish');
    // Kept after a reload.
    await page.reload();
    await expect(hamina).toContainText('Summary languages: Finnish, Swedish');
    // And back to Finnish only, so the demo stays as it was.
    await hamina.getByRole('button', { name: 'Languages of Hamina' }).click();
    await hamina.getByRole('group', { name: 'The languages Hamina uses' }).getByLabel('Swedish').uncheck();
    await hamina.getByRole('button', { name: 'Save languages' }).click();
    await expect(hamina).toContainText('Summary languages: Finnish');
    await expect(hamina).not.toContainText('Swedish');
  });
  test('a youth member puts their council’s deadlines in their calendar from the profile page, then turns the address off', async ({
    browser,
    request,
  }) => {
    const onni = await session(browser, 'youth2@kotka.example', PHONE);
    await onni.goto('/profile');
    const calendar = onni.getByRole('region', { name: 'My calendar' });
    await expect(calendar).toContainText('You have no calendar address.');
    await calendar.getByRole('button', { name: 'Make a calendar address' }).click();
    const address = calendar.getByLabel('Your calendar address');
    await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expect(calendar).toContainText('Lava shows it only this once');
    await expectYouthPage(onni, 'the calendar address on the profile');
    // The address serves an iCalendar feed of the council's statement deadlines, in Helsinki time.
    const path = new URL(await address.inputValue()).pathname;
    const feed = await request.get(path);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const text = await feed.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('TZID:Europe/Helsinki');
    expect(text).toMatch(/SUMMARY:(Statement due|Lausunto valmiiksi|Utlåtandet ska vara klart): /);
    // Turned off: the address answers 404 at once.
    await calendar.getByRole('button', { name: 'Turn the address off' }).click();
    await expect(calendar).toContainText('You have no calendar address.');
    await expect(calendar.getByLabel('Your calendar address')).toHaveCount(0);
    expect((await request.get(path)).status()).toBe(404);
  });
});

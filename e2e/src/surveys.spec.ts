import { expect, type APIRequestContext, type Browser, type Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD, expectNoAxeViolations, signIn, useLanguage } from './support';

const TITLE = 'Nuorisotalon aukioloajat (kysely)';
const API = `http://127.0.0.1:${Number(process.env['E2E_API_PORT'] ?? 3100)}`;

/** Kouvola's official starts an assessment through the API and says it affects children (the record pages are other specs'). */
async function assessment(request: APIRequestContext): Promise<string> {
  const login = await request.post(`${API}/api/auth/login`, { data: { email: 'official@kouvola.example', password: DEMO_PASSWORD } });
  const headers = { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  const ok = async <T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> => {
    expect(response.ok(), await response.text()).toBe(true);
    return (await response.json()) as T;
  };
  const committees = await ok<{ id: string }[]>(await request.get(`${API}/api/committees`, { headers }));
  const created = await ok<{ id: string; version: number }>(
    await request.post(`${API}/api/assessments`, { headers, data: { title: TITLE, committeeId: committees[0]?.id ?? '' } }),
  );
  const patched = await ok<{ version: number }>(
    await request.patch(`${API}/api/assessments/${created.id}`, {
      headers,
      data: {
        version: created.version,
        screening: { affectsChildren: true, impactKind: 'direct', ageGroups: ['7-12', '13-17'], rationale: 'Aukioloajat koskevat nuoria.' },
      },
    }),
  );
  await ok(
    await request.post(`${API}/api/assessments/${created.id}/transitions`, {
      headers,
      data: { version: patched.version, action: 'start_full_assessment', signatureConfirmed: true },
    }),
  );
  return created.id;
}

/** A child on a 360 px phone: a fresh browser context (its own localStorage), no account. */
async function child(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  return context.newPage();
}

test.describe('children’s surveys', () => {
  test('an official makes a survey and prints the poster; three children answer on a phone in fi and sv; the results show from 5; the summary goes to the record', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(240_000);
    const id = await assessment(request);

    // The official builds the survey in Finnish and Swedish.
    await signIn(page, 'official@kouvola.example');
    await useLanguage(page, 'fi'); // Kouvola's official reads Swedish by default
    await page.goto(`/assessments/${id}/surveys`);
    await expect(page.getByRole('heading', { level: 1, name: 'Kyselyt lapsille' })).toBeVisible();
    await expectNoAxeViolations(page, 'the survey list');
    await page.getByRole('link', { name: 'Uusi kysely' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Uusi kysely lapsille' })).toBeVisible();
    await page.locator('#title-fi').fill('Millainen nuorisotalo?');
    await page.locator('#title-sv').fill('Hurdan ungdomsgård?');
    await page.locator('#intro-fi').fill('Kerro, milloin haluat käydä nuorisotalolla.');
    await page.locator('#intro-sv').fill('Berätta när du vill gå till ungdomsgården.');
    await page.locator('#qt-0-fi').fill('Miltä nykyiset aukioloajat tuntuvat?');
    await page.locator('#qt-0-sv').fill('Hur känns de nuvarande öppettiderna?');
    await page.getByLabel('Uuden kysymyksen tyyppi').selectOption('single');
    await page.getByRole('button', { name: 'Lisää kysymys' }).click();
    await page.locator('#qt-1-fi').fill('Milloin kävisit mieluiten?');
    await page.locator('#qt-1-sv').fill('När skulle du helst gå?');
    await page.locator('#o-1-0-fi').fill('Iltaisin');
    await page.locator('#o-1-0-sv').fill('På kvällarna');
    await page.locator('#oe-1-0').fill('🌙');
    await page.locator('#o-1-1-fi').fill('Viikonloppuisin');
    await page.locator('#o-1-1-sv').fill('På veckosluten');
    await page.getByLabel('Uuden kysymyksen tyyppi').selectOption('age_band');
    await page.getByRole('button', { name: 'Lisää kysymys' }).click();
    await expectNoAxeViolations(page, 'the survey builder');
    await page.screenshot({ path: testInfo.outputPath('builder-1280.png'), fullPage: true });
    await page.getByRole('button', { name: 'Tallenna kysely' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Millainen nuorisotalo?' })).toBeVisible();
    const surveyId = /surveys\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    expect(surveyId).not.toBe('');
    await expect(page.getByText('Tulokset näytetään, kun vähintään 5 on vastannut')).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Kyselyn linkin QR-koodi' }).locator('svg')).toBeVisible();
    await expectNoAxeViolations(page, 'the survey results (none yet)');

    // The poster for the classroom: an A4 PDF.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Juliste: Suomi (PDF)' }).click();
    const poster = readFileSync((await (await download).path()) ?? '');
    expect(poster.subarray(0, 5).toString()).toBe('%PDF-');
    expect(poster.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2[0-9]* 841\.8[0-9]*\]/);

    // Three children answer on a phone: two in Finnish, one in Swedish.
    const answers = [
      { lang: 'fi', face: 'Hyvä', option: 'Iltaisin', age: '13–15', send: 'Lähetä vastaukset', thanks: 'Kiitos vastauksistasi!' },
      { lang: 'fi', face: 'Tosi hyvä', option: 'Iltaisin', age: '13–15', send: 'Lähetä vastaukset', thanks: 'Kiitos vastauksistasi!' },
      { lang: 'sv', face: 'Bra', option: 'På kvällarna', age: '13–15', send: 'Skicka mina svar', thanks: 'Tack för dina svar!' },
    ];
    for (const [i, a] of answers.entries()) {
      const phone = await child(browser);
      await phone.goto(`/survey/${surveyId}?lang=${a.lang}`);
      await expect(phone.locator('html')).toHaveAttribute('lang', a.lang);
      await expect(phone.getByRole('heading', { level: 1 })).toHaveText(a.lang === 'fi' ? 'Millainen nuorisotalo?' : 'Hurdan ungdomsgård?');
      if (i === 0) await expectNoAxeViolations(phone, 'the child’s survey page at 360 px');
      // Every choice is at least 44 × 44 CSS pixels.
      for (const box of await phone.locator('label.face, label.option').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()))) {
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.width).toBeGreaterThanOrEqual(44);
      }
      await phone.getByRole('radio', { name: a.face, exact: true }).check();
      await phone.getByRole('radio', { name: new RegExp(`${a.option}$`) }).check();
      await phone.getByRole('radio', { name: a.age, exact: true }).check();
      if (i === 2) await phone.screenshot({ path: testInfo.outputPath('child-sv-360.png'), fullPage: true });
      await phone.getByRole('button', { name: a.send }).click();
      await expect(phone.getByRole('heading', { level: 1, name: a.thanks })).toBeVisible();
      if (i === 0) {
        await expectNoAxeViolations(phone, 'the thank-you page');
        await phone.screenshot({ path: testInfo.outputPath('thanks-fi-360.png'), fullPage: true });
        // The same device again: the marker in its own storage says it has answered (nothing on the server says so).
        await phone.goto(`/survey/${surveyId}?lang=fi`);
        await expect(phone.getByText('Tällä laitteella on jo vastattu. Kiitos!')).toBeVisible();
        await phone.getByRole('button', { name: 'Joku toinen vastaa nyt' }).click();
        await expect(phone.getByRole('button', { name: 'Lähetä vastaukset' })).toBeVisible();
      }
      await phone.context().close();
    }

    // Three answers: still nothing shown.
    await page.reload();
    await expect(page.getByText('Vastauksia tähän mennessä 3.')).toBeVisible();
    await expect(page.getByText('Tulokset näytetään, kun vähintään 5 on vastannut')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);

    // Two more from the class's shared tablet (through the public API): five, and the figures appear.
    for (const face of [4, 5]) {
      const response = await request.post(`${API}/api/public/surveys/${surveyId}/answers`, {
        data: { id: randomUUID(), language: 'fi', answers: { [await firstQuestionId(request, surveyId)]: face } },
      });
      expect(response.status()).toBe(200);
    }
    await page.reload();
    await expect(page.getByText('Vastauksia tähän mennessä 5.')).toBeVisible();
    const firstTable = page.getByRole('table', { name: 'Miltä nykyiset aukioloajat tuntuvat?' });
    await expect(firstTable).toBeVisible();
    await expect(firstTable.getByRole('row', { name: /Hyvä/ }).first()).toContainText('piilotettu');
    await expectNoAxeViolations(page, 'the survey results');
    await page.screenshot({ path: testInfo.outputPath('results-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: testInfo.outputPath('results-360.png'), fullPage: true });
    await expectNoAxeViolations(page, 'the survey results at 360 px');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The summary goes to the record's children's views.
    await page.getByRole('button', { name: 'Lisää lasten näkemyksiin' }).click();
    await expect(page.getByText('Yhteenveto on arvioinnin lasten näkemyksissä')).toBeVisible();
    await page.goto(`/assessments/${id}`);
    const views = page.locator('#section-childrensViews');
    await expect(views.getByText('Menetelmä: kysely · 5 vastaajaa')).toBeVisible();
    await expect(views.getByText(/Kysely lapsille ja nuorille ”Millainen nuorisotalo\?”/)).toBeVisible();
    await expectNoAxeViolations(page, 'the record with the survey summary');
  });
});

async function firstQuestionId(request: APIRequestContext, surveyId: string): Promise<string> {
  const survey = (await (await request.get(`${API}/api/public/surveys/${surveyId}`)).json()) as { questions: { id: string }[] };
  return survey.questions[0]?.id ?? '';
}

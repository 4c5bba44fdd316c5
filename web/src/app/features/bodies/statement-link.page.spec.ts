import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, provideRouter } from '@angular/router';
import type { StatementLinkView } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { StatementLinkPage } from './statement-link.page';

const TOKEN = 'k3J9_statement-token-0123456789abcdef';
const VIEW: StatementLinkView = {
  contactName: 'Maija Mäkinen',
  contactLanguage: 'en',
  bodyName: 'MLL Kymenlaakso District',
  organizationName: 'Kymenlaakso Wellbeing Services County',
  assessmentTitle: 'Family centre opening hours',
  message: 'Tell us which hours suit families.',
  deadline: '2027-02-01T14:00:00.000Z',
  plainLanguageSummary: 'The county thinks about when the family centres are open.',
  points: ['Evenings are needed.'],
  version: 3,
  submittedAt: null,
};

async function render(fragment: string | null) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({
    imports: [StatementLinkPage, translocoTesting()],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  TestBed.inject(ActivatedRoute).snapshot.fragment = fragment;
  const fixture = TestBed.createComponent(StatementLinkPage);
  fixture.detectChanges();
  await fixture.whenStable();
  const http = TestBed.inject(HttpTestingController);
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, http, settle, el: fixture.nativeElement as HTMLElement };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('StatementLinkPage', () => {
  afterEach(() => localStorage.clear());

  it('opens the request with the token in the body, keeps the draft as the contact types, and sends it once', async () => {
    const { http, settle, el } = await render(`token=${TOKEN}`);
    const open = http.expectOne('/api/statement-links/open');
    expect(open.request.body).toEqual({ token: TOKEN });
    open.flush(VIEW);
    await settle();
    expect(el.textContent).toContain('Hello Maija Mäkinen!');
    expect(el.textContent).toContain('The county thinks about when the family centres are open.');
    // The saved draft, and an empty field for the next point.
    const first = el.querySelector<HTMLTextAreaElement>('#point-0');
    expect(first?.value).toBe('Evenings are needed.');
    const second = el.querySelector<HTMLTextAreaElement>('#point-1');
    expect(el.querySelector('label[for="point-1"]')?.textContent?.trim()).toBe('Point 2');
    if (!second) throw new Error('no second point');
    second.value = 'Also a chat.';
    second.dispatchEvent(new Event('input'));
    await sleep(900);
    const draft = http.expectOne('/api/statement-links/draft');
    expect(draft.request.method).toBe('PUT');
    expect(draft.request.body).toEqual({ token: TOKEN, points: ['Evenings are needed.', 'Also a chat.'], version: 3 });
    draft.flush({ ...VIEW, points: ['Evenings are needed.', 'Also a chat.'], version: 4 });
    await settle();
    expect(el.querySelector('.save-state')?.textContent?.trim()).toBe('Draft saved.');

    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await sleep(0);
    const submit = http.expectOne('/api/statement-links/submit');
    expect(submit.request.body).toEqual({ token: TOKEN, points: ['Evenings are needed.', 'Also a chat.'], version: 4 });
    submit.flush({ ...VIEW, points: ['Evenings are needed.', 'Also a chat.'], submittedAt: '2027-01-10T10:00:00.000Z' });
    await sleep(0);
    await settle();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'The statement of MLL Kymenlaakso District was sent to the official.',
    );
    http.verify();
  });

  it('lets the contact choose when another tab saved the draft meanwhile (409), and saves nothing until then', async () => {
    const { http, settle, el } = await render(`token=${TOKEN}`);
    http.expectOne('/api/statement-links/open').flush(VIEW);
    await settle();
    const first = el.querySelector<HTMLTextAreaElement>('#point-0');
    if (!first) throw new Error('no first point');
    first.value = 'Evenings and weekends are needed.';
    first.dispatchEvent(new Event('input'));
    await sleep(900);
    http.expectOne('/api/statement-links/draft').flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'The draft was changed in another window.',
        conflict: { currentVersion: 5, points: ['From the other tab.'] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    const conflict = el.querySelector('.conflict');
    expect(conflict?.getAttribute('role')).toBe('alert');
    expect(conflict?.textContent).toContain('From the other tab.');
    // This tab's text is still in its field, and sending waits for the choice.
    expect(el.querySelector<HTMLTextAreaElement>('#point-0')?.value).toBe('Evenings and weekends are needed.');
    expect(el.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled).toBe(true);

    const keep = [...el.querySelectorAll<HTMLButtonElement>('.conflict button')].find((b) => b.textContent?.includes('Keep what I wrote'));
    keep?.click();
    await sleep(0);
    const again = http.expectOne('/api/statement-links/draft');
    expect(again.request.body).toEqual({ token: TOKEN, points: ['Evenings and weekends are needed.'], version: 5 });
    again.flush({ ...VIEW, points: ['Evenings and weekends are needed.'], version: 6 });
    await settle();
    expect(el.querySelector('.conflict')).toBeNull();
    http.verify();
  });

  it('sends only after a draft save still on its way, with the version that save returned', async () => {
    const { http, settle, el } = await render(`token=${TOKEN}`);
    http.expectOne('/api/statement-links/open').flush(VIEW);
    await settle();
    const second = el.querySelector<HTMLTextAreaElement>('#point-1');
    if (!second) throw new Error('no second point');
    second.value = 'Also a chat.';
    second.dispatchEvent(new Event('input'));
    await sleep(900);
    const draft = http.expectOne('/api/statement-links/draft');
    // "Send" while the save is still on its way: nothing is sent yet.
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await sleep(0);
    http.expectNone('/api/statement-links/submit');
    draft.flush({ ...VIEW, points: ['Evenings are needed.', 'Also a chat.'], version: 4 });
    await sleep(0);
    const submit = http.expectOne('/api/statement-links/submit');
    expect(submit.request.body).toEqual({ token: TOKEN, points: ['Evenings are needed.', 'Also a chat.'], version: 4 });
    submit.flush({ ...VIEW, points: ['Evenings are needed.', 'Also a chat.'], version: 5, submittedAt: '2027-01-10T10:00:00.000Z' });
    await settle();
    expect(el.querySelector('.conflict')).toBeNull();
    http.verify();
  });

  it('shows the API’s sentence when the link is used, expired or withdrawn (410)', async () => {
    const { http, settle, el } = await render(`token=${TOKEN}`);
    http
      .expectOne('/api/statement-links/open')
      .flush(
        { statusCode: 410, error: 'Gone', message: 'This link has been used: the statement was already sent.' },
        { status: 410, statusText: 'Gone' },
      );
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('This link has been used: the statement was already sent.');
    expect(el.querySelector('form')).toBeNull();
  });

  it('says so without asking the API when the link has no token', async () => {
    const { http, settle, el } = await render(null);
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'The link is missing its code. Open the link straight from the e-mail.',
    );
    http.verify();
  });
});

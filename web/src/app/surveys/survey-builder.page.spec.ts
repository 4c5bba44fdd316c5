import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { SurveyView } from '@lava/contracts';
import { translocoTesting } from '../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../core/i18n/languages';
import { SurveyBuilderPage } from './survey-builder.page';

const survey = {
  id: 's1',
  assessmentId: 'a1',
  version: 3,
  languages: ['fi'],
  title: { fi: 'Koulumatkat', sv: '', en: '' },
  intro: { fi: '', sv: '', en: '' },
  questions: [{ id: 'q1', kind: 'smiley', text: { fi: 'Miltä tuntuu?', sv: '', en: '' }, faces: 5, options: [] }],
  opensAt: '2026-12-01T08:00:00.000Z',
  closesAt: '2026-12-15T08:00:00.000Z',
  classCodes: [],
} as unknown as SurveyView;

async function editing() {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({
    imports: [SurveyBuilderPage, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
  const fixture = TestBed.createComponent(SurveyBuilderPage);
  fixture.componentRef.setInput('assessmentId', 'a1');
  fixture.componentRef.setInput('surveyId', 's1');
  const http = TestBed.inject(HttpTestingController);
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  fixture.detectChanges();
  http.expectOne('/api/surveys/s1').flush(survey);
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, http, navigate, el: fixture.nativeElement as HTMLElement };
}

const button = (el: HTMLElement, selector: string) => el.querySelector(selector) as HTMLButtonElement;
const buttonNamed = (el: HTMLElement, name: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;

describe('SurveyBuilderPage: deleting a survey', () => {
  it('asks first; "Do not delete" sends nothing, confirming deletes and shows the assessment’s surveys', async () => {
    const { fixture, http, navigate, el } = await editing();
    button(el, '#delete-survey').click();
    fixture.detectChanges();
    expect(el.querySelector('#delete-survey-question')?.textContent).toContain('Delete the survey and all its answers?');
    expect(el.querySelector('#delete-survey')).toBeNull();

    buttonNamed(el, 'Do not delete').click();
    fixture.detectChanges();
    http.expectNone({ method: 'DELETE' });
    expect(el.querySelector('#delete-survey-question')).toBeNull();

    button(el, '#delete-survey').click();
    fixture.detectChanges();
    button(el, '#delete-survey-confirm').click();
    const request = http.expectOne('/api/surveys/s1');
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/assessments', 'a1', 'surveys']);
  });

  it('shows the API’s refusal and keeps the survey', async () => {
    const { fixture, http, navigate, el } = await editing();
    button(el, '#delete-survey').click();
    fixture.detectChanges();
    button(el, '#delete-survey-confirm').click();
    http
      .expectOne('/api/surveys/s1')
      .flush({ statusCode: 409, error: 'Conflict', message: 'The assessment is past drafting.' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.textContent).toContain('The assessment is past drafting.');
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('SurveyBuilderPage: changes kept in this browser until saved', () => {
  const KEY = 'lava.survey-draft.a1.s1';
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  afterEach(() => localStorage.clear());

  it('keeps the changes as they are typed, and forgets them once the survey is saved', async () => {
    const { fixture, http, el } = await editing();
    const title = el.querySelector<HTMLInputElement>('#title-fi');
    if (!title) throw new Error('no title field');
    title.value = 'Koulumatkat talvella';
    title.dispatchEvent(new Event('input'));
    await sleep(700);
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}').draft.title.fi).toBe('Koulumatkat talvella');

    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    const save = http.expectOne('/api/surveys/s1');
    expect(save.request.body.title.fi).toBe('Koulumatkat talvella');
    save.flush({ ...survey, title: { fi: 'Koulumatkat talvella', sv: '', en: '' }, version: 4 });
    await fixture.whenStable();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('offers kept changes back the next time: restore puts them in the form, discard forgets them', async () => {
    const kept = { ...survey, title: { fi: 'Kesken jäänyt otsikko', sv: '', en: '' } };
    localStorage.setItem(KEY, JSON.stringify({ keptAt: '2026-12-04T10:00:00.000Z', draft: kept, classCodesText: '7A' }));
    const { fixture, el } = await editing();
    expect(el.querySelector('#kept-heading')?.textContent).toContain('Changes not saved');
    expect(el.querySelector<HTMLInputElement>('#title-fi')?.value).toBe('Koulumatkat');
    buttonNamed(el, 'Restore the changes').click();
    fixture.detectChanges();
    expect(el.querySelector<HTMLInputElement>('#title-fi')?.value).toBe('Kesken jäänyt otsikko');
    expect(el.querySelector('#kept-heading')).toBeNull();
    // Restored changes are unsaved work: kept again, asked about before leaving.
    expect(localStorage.getItem(KEY)).not.toBeNull();

    fixture.destroy();
    TestBed.resetTestingModule();
    const again = await editing();
    buttonNamed(again.el, 'Discard the changes').click();
    again.fixture.detectChanges();
    expect(again.el.querySelector('#kept-heading')).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('saves restored changes on the version they were made on, so a save by someone else since is a conflict', async () => {
    const kept = { ...survey, title: { fi: 'Kesken jäänyt otsikko', sv: '', en: '' } };
    localStorage.setItem(KEY, JSON.stringify({ keptAt: '2026-12-04T10:00:00.000Z', draft: kept, classCodesText: '', version: 2 }));
    const { fixture, http, el } = await editing();
    buttonNamed(el, 'Restore the changes').click();
    fixture.detectChanges();
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    const save = http.expectOne('/api/surveys/s1');
    expect(save.request.body.version).toBe(2);
    save.flush(
      { statusCode: 409, error: 'Conflict', message: 'Someone else saved the survey meanwhile.' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.textContent).toContain('Someone else saved the survey meanwhile.');
    // The changes stay kept in this browser.
    expect(localStorage.getItem(KEY)).not.toBeNull();
  });
});

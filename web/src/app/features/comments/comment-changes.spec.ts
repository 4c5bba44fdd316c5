import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CommentChanges } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { CommentChangesPanel } from './comment-changes';
import { passageOf } from './comments-panel';

const CHANGES: CommentChanges = {
  currentVersion: 7,
  councils: [
    {
      council: { id: 'yc1', name: 'Kotka Youth Council' },
      sections: [
        {
          section: 'screening',
          lastCommentedAt: '2026-11-10T10:00:00Z',
          changes: [{ field: 'screening.rationale', version: 7, changedAt: '2026-11-20T10:00:00Z', from: 'Old reason', to: 'New reason' }],
        },
      ],
      answer: null,
      answerNeeded: true,
    },
  ],
};

async function render(asCouncil: boolean, canAnswer: boolean) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({
    imports: [CommentChangesPanel, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(CommentChangesPanel);
  fixture.componentRef.setInput('assessmentId', 'a1');
  fixture.componentRef.setInput('asCouncil', asCouncil);
  fixture.componentRef.setInput('canAnswer', canAnswer);
  const http = TestBed.inject(HttpTestingController);
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  await settle();
  return { el: fixture.nativeElement as HTMLElement, http, settle };
}

describe('CommentChangesPanel', () => {
  afterEach(() => localStorage.clear());

  it('shows a council what changed since its comments, with a diff, and stores its answer for the version it saw', async () => {
    const { el, http, settle } = await render(true, true);
    http.expectOne('/api/assessments/a1/comment-changes').flush(CHANGES);
    await settle();
    expect(el.querySelector('h3')?.textContent).toContain('Changed since your comments');
    // A link to the part on this page (the router's address with the fragment), not to the site root.
    expect(el.querySelector('h5 a')?.getAttribute('href')).toBe('/#section-screening');
    expect(el.querySelector('del')?.textContent).toContain('Old');
    expect(el.querySelector('ins')?.textContent).toContain('New');
    expect(el.querySelector('legend')?.textContent).toContain('Does your statement still stand');

    const stands = [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('Our statement still stands'));
    stands?.click();
    const put = http.expectOne('/api/assessments/a1/comment-changes/answer');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ councilId: 'yc1', answer: 'stands', assessmentVersion: 7 });
    const [council] = CHANGES.councils;
    put.flush({
      ...CHANGES,
      councils: [
        {
          ...council,
          answer: { answer: 'stands', assessmentVersion: 7, answeredAt: '2026-11-22T10:00:00Z', by: { id: 'y1', displayName: 'Nea' } },
          answerNeeded: false,
        },
      ],
    });
    await settle();
    expect(el.querySelector('legend')).toBeNull();
    expect(el.querySelector('.answer')?.textContent).toContain('Our statement still stands');
    expect(el.textContent).toContain('Answer saved.');
    http.verify();
  });

  it('shows staff the councils’ changes without the question, and nothing when nothing changed', async () => {
    const { el, http, settle } = await render(false, false);
    http.expectOne('/api/assessments/a1/comment-changes').flush(CHANGES);
    await settle();
    expect(el.querySelector('h3')?.textContent).toContain('Sections changed after youth councils commented');
    expect(el.querySelector('h4')?.textContent).toContain('Kotka Youth Council');
    expect(el.querySelector('legend')).toBeNull();

    TestBed.resetTestingModule();
    const quiet = await render(true, true);
    quiet.http
      .expectOne('/api/assessments/a1/comment-changes')
      .flush({ currentVersion: 3, councils: [{ ...CHANGES.councils[0], sections: [], answerNeeded: false }] });
    await quiet.settle();
    expect(quiet.el.querySelector('section')).toBeNull();
  });
});

describe('passageOf', () => {
  it('gives the section, the field and the offsets of a selection in a text box of a section', () => {
    document.body.innerHTML = `<section id="section-scope"><div data-field="scope.childrenAffected"><textarea>Pupils of the village schools</textarea></div></section>
      <textarea id="outside">Elsewhere</textarea>`;
    const box = document.querySelector('textarea') as HTMLTextAreaElement;
    box.focus();
    box.setSelectionRange(14, 21);
    expect(passageOf(document)).toEqual({ section: 'scope', field: 'scope.childrenAffected', text: 'village', start: 14, end: 21 });
    const outside = document.getElementById('outside') as HTMLTextAreaElement;
    outside.focus();
    outside.setSelectionRange(0, 4);
    expect(passageOf(document)).toBeNull();
  });

  it('measures a selection in read-only text from the start of its field, falling back to the section', () => {
    document.body.innerHTML = `<section id="section-evidence"><h2>Evidence</h2><p>First part. <em>Second</em> part.</p></section>`;
    const em = document.querySelector('em') as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(em);
    const selection = document.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    (document.activeElement as HTMLElement | null)?.blur();
    expect(passageOf(document)).toEqual({
      section: 'evidence',
      field: 'evidence',
      text: 'Second',
      start: 'EvidenceFirst part. '.length,
      end: 'EvidenceFirst part. '.length + 6,
    });
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CommentPermissions, CommentThreadView, CommentView } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { CommentThreads } from './comment-threads';

const LIST = '/api/assessments/a1/comment-threads?limit=20&section=scope';

function comment(id: string, overrides: Partial<CommentView> = {}): CommentView {
  return {
    id,
    threadId: 't1',
    replyToId: null,
    author: { id: 'u-reviewer', displayName: 'Riitta Reviewer' },
    text: `Text of ${id}`,
    createdAt: '2026-11-20T10:00:00Z',
    editedAt: null,
    revisions: [],
    olderRevisions: 0,
    mentions: [],
    hidden: null,
    deletedAt: null,
    flagCount: 0,
    flaggedByMe: false,
    version: 1,
    canEdit: false,
    canHide: false,
    ...overrides,
  };
}

function thread(overrides: Partial<CommentThreadView> = {}): CommentThreadView {
  return {
    id: 't1',
    assessmentId: 'a1',
    section: 'scope',
    audience: 'staff',
    council: null,
    quote: null,
    createdBy: { id: 'u-reviewer', displayName: 'Riitta Reviewer' },
    createdAt: '2026-11-20T10:00:00Z',
    resolved: null,
    comments: [comment('c1')],
    earlier: null,
    version: 1,
    canReply: true,
    canResolve: true,
    ...overrides,
  };
}

const staff = (moderator = false): CommentPermissions => ({ canStart: ['staff'], councils: [], moderator, openCounts: { scope: 1 } });

async function render(permissions: CommentPermissions | null = staff()) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({
    imports: [CommentThreads, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(CommentThreads);
  fixture.componentRef.setInput('assessmentId', 'a1');
  fixture.componentRef.setInput('section', 'scope');
  fixture.componentRef.setInput('permissions', permissions);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, http, el, settle };
}

const button = (el: HTMLElement, text: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim().startsWith(text)) as
    HTMLButtonElement | undefined;
const type = (box: HTMLTextAreaElement, text: string) => {
  box.value = text;
  box.dispatchEvent(new Event('input'));
};

describe('CommentThreads', () => {
  afterEach(() => localStorage.clear());

  it('shows the section’s threads with escaped text, edit history, hidden comments and a changed passage', async () => {
    const { el, http, settle } = await render();
    http.expectOne(LIST).flush({
      items: [
        thread({
          quote: { field: 'scope.childrenAffected', text: 'village schools', start: 4, end: 19, changed: true },
          comments: [
            comment('c1', {
              text: '<b>not bold</b>',
              editedAt: '2026-11-21T09:00:00Z',
              revisions: [{ text: 'First words', writtenAt: '2026-11-20T10:00:00Z' }],
            }),
            comment('c2', { text: null, hidden: { at: '2026-11-21T10:00:00Z', reason: 'Off topic' } }),
          ],
        }),
      ],
      nextCursor: null,
    });
    await settle();

    expect(el.querySelector('h4.thread-heading')?.textContent).toContain('Thread by Riitta Reviewer');
    expect(el.textContent).toContain('<b>not bold</b>');
    expect(el.querySelector('.text b')).toBeNull();
    expect(el.querySelector('.history summary')?.textContent).toContain('Edited');
    expect(el.querySelector('.history')?.textContent).toContain('First words');
    expect(el.textContent).toContain('Hidden by a moderator. Reason: Off topic');
    expect(el.querySelector('blockquote')?.textContent).toBe('village schools');
    expect(el.textContent).toContain('Passage changed since this comment.');
    // A hidden comment cannot be answered or flagged.
    const hiddenItem = el.querySelectorAll('li.comment')[1] as HTMLElement;
    expect(hiddenItem.querySelector('button')).toBeNull();
    http.verify();
  });

  it('shows a long thread’s earlier replies on request, after the opening comment, and says so', async () => {
    const { el, http, settle } = await render();
    http.expectOne(LIST).flush({
      items: [
        thread({
          comments: [
            comment('c1', { text: 'Opening' }),
            comment('c60', {
              text: 'Latest',
              editedAt: '2026-11-21T09:00:00Z',
              olderRevisions: 25,
              revisions: [{ text: 'Was', writtenAt: '2026-11-20T10:00:00Z' }],
            }),
          ],
          earlier: { count: 3, cursor: 'cur-1' },
        }),
      ],
      nextCursor: null,
    });
    await settle();
    expect(el.textContent).toContain('25 older versions are not shown.');
    expect(el.querySelector('.history')?.textContent).toContain('Version 26');
    button(el, 'Show earlier comments (3)')?.click();
    const page = http.expectOne((r) => r.url === '/api/comment-threads/t1/comments' && r.params.get('before') === 'cur-1');
    page.flush({ items: [comment('c58', { text: 'Second' }), comment('c59', { text: 'Third' })], earlier: { count: 1, cursor: 'cur-2' } });
    await settle();
    const texts = [...el.querySelectorAll('li.comment p.text')].map((p) => p.textContent);
    expect(texts).toEqual(['Opening', 'Second', 'Third', 'Latest']);
    expect(el.querySelector('lava-comment-thread [role="status"]')?.textContent).toContain('2 earlier comments shown.');
    button(el, 'Show earlier comments (1)')?.click();
    http.expectOne((r) => r.params.get('before') === 'cur-2').flush({ items: [comment('c2', { text: 'First reply' })], earlier: null });
    await settle();
    expect([...el.querySelectorAll('li.comment p.text')].map((p) => p.textContent)).toEqual([
      'Opening',
      'First reply',
      'Second',
      'Third',
      'Latest',
    ]);
    expect(button(el, 'Show earlier comments')).toBeUndefined();
    http.verify();
  });

  it('starts a thread, refusing an empty one without asking the API', async () => {
    const { el, http, settle, fixture } = await render();
    http.expectOne(LIST).flush({ items: [], nextCursor: null });
    await settle();
    expect(el.textContent).toContain('No comments on this section yet.');
    const changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);

    const box = el.querySelector('form.new-thread textarea') as HTMLTextAreaElement;
    expect(el.querySelector(`label[for="${box.id}"]`)?.textContent).toContain('Comment');
    button(el, 'Comment')?.click();
    await settle();
    expect(el.querySelector('[role="alert"] .alert')?.textContent).toContain('Write the comment first.');
    http.expectNone((r) => r.method === 'POST');

    type(box, 'Are the village schools included?');
    await settle();
    expect(el.textContent).toContain('33 / 5000 characters');
    button(el, 'Comment')?.click();
    const post = http.expectOne('/api/assessments/a1/comment-threads');
    expect(post.request.body).toEqual({ section: 'scope', audience: 'staff', text: 'Are the village schools included?', mentionIds: [] });
    post.flush(thread({ comments: [comment('c9', { text: 'Are the village schools included?' })] }));
    await settle();
    expect(el.querySelectorAll('lava-comment-thread')).toHaveLength(1);
    expect(el.textContent).toContain('Comment added.');
    expect(changed).toHaveBeenCalled();
    http.verify();
  });

  it('replies to a thread and resolves it with the version it saw', async () => {
    const { el, http, settle } = await render();
    http.expectOne(LIST).flush({ items: [thread({ version: 3 })], nextCursor: null });
    await settle();

    button(el, 'Reply to the thread')?.click();
    await settle();
    const box = el.querySelector('lava-comment-thread form textarea') as HTMLTextAreaElement;
    type(box, 'Yes, all of them.');
    button(el, 'Send reply')?.click();
    const reply = http.expectOne('/api/comment-threads/t1/comments');
    expect(reply.request.body).toEqual({ text: 'Yes, all of them.', replyToId: undefined, mentionIds: [] });
    reply.flush(thread({ version: 3, comments: [comment('c1'), comment('c2', { text: 'Yes, all of them.' })] }));
    await settle();
    expect(el.textContent).toContain('Yes, all of them.');

    button(el, 'Resolve')?.click();
    const resolve = http.expectOne('/api/comment-threads/t1/resolve');
    expect(resolve.request.body).toEqual({ version: 3 });
    resolve.flush(thread({ version: 4, resolved: { at: '2026-11-22T10:00:00Z', by: { id: 'u1', displayName: 'Olli Official' } } }));
    await settle();
    expect(el.textContent).toContain('Resolved by Olli Official');
    expect(button(el, 'Reopen')).toBeDefined();
    expect(button(el, 'Reply to the thread')).toBeDefined();
    http.verify();
  });

  it('shows a refusal in words when the API says the stage does not allow it', async () => {
    const { el, http, settle } = await render();
    http.expectOne(LIST).flush({ items: [thread()], nextCursor: null });
    await settle();
    button(el, 'Resolve')?.click();
    http.expectOne('/api/comment-threads/t1/resolve').flush({ message: 'x' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(el.querySelector('lava-comment-thread [role="alert"]')?.textContent).toContain('Not possible now');
  });

  it('gives moderators the flag reasons and a hide form that needs a reason; others can flag', async () => {
    const { el, http, settle } = await render(staff(true));
    http.expectOne(LIST).flush({
      items: [thread({ comments: [comment('c1', { flagCount: 2, flagReasons: ['Rude'], canHide: true })] })],
      nextCursor: null,
    });
    await settle();
    expect(el.textContent).toContain('Flagged: 2');
    expect(el.textContent).toContain('“Rude”');

    button(el, 'Hide')?.click();
    await settle();
    expect(el.querySelector('lava-comment-thread label')?.textContent).toContain('Reason for hiding');
    const submit = () => (el.querySelector('lava-comment-thread form button[type="submit"]') as HTMLButtonElement).click();
    submit();
    await settle();
    expect(el.textContent).toContain('Write the reason.');
    const forms = el.querySelectorAll('lava-comment-thread form textarea');
    type(forms[0] as HTMLTextAreaElement, 'Insulting');
    submit();
    const hide = http.expectOne('/api/comments/c1/hide');
    expect(hide.request.body).toEqual({ reason: 'Insulting' });
    hide.flush(
      thread({ comments: [comment('c1', { text: null, hidden: { at: '2026-11-22T10:00:00Z', reason: 'Insulting' }, canHide: true })] }),
    );
    await settle();
    expect(el.textContent).toContain('Hidden by a moderator. Reason: Insulting');
    expect(button(el, 'Unhide')).toBeDefined();
    http.verify();

    TestBed.resetTestingModule();
    const other = await render(null);
    other.http.expectOne(LIST).flush({ items: [thread()], nextCursor: null });
    other.http.expectOne('/api/assessments/a1/comment-access').flush({ canStart: [], councils: [], moderator: false, openCounts: {} });
    await other.settle();
    expect(other.el.textContent).toContain('You cannot start a thread in this section now.');
    expect(button(other.el, 'Hide')).toBeUndefined();
    button(other.el, 'Flag')?.click();
    await other.settle();
    (other.el.querySelector('lava-comment-thread form button[type="submit"]') as HTMLButtonElement).click();
    const flag = other.http.expectOne('/api/comments/c1/flags');
    expect(flag.request.body).toEqual({});
    flag.flush(null);
    await other.settle();
    other.http
      .expectOne(LIST)
      .flush({ items: [thread({ comments: [comment('c1', { flaggedByMe: true, flagCount: 1 })] })], nextCursor: null });
    other.http.expectOne('/api/assessments/a1/comment-access').flush({ canStart: [], councils: [], moderator: false, openCounts: {} });
    await other.settle();
    expect(other.el.textContent).toContain('You flagged this comment for the moderators.');
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AssessmentVersionComparison, AssessmentVersionPage, AssessmentVersionView } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { translocoTesting } from '../../../../testing/translations';
import { AnnouncerService } from '../../../core/a11y/announcer.service';
import { LANGUAGE_STORAGE_KEY } from '../../../core/i18n/languages';
import { AssessmentsApi } from '../assessments.api';
import { defaultPair, pairProblem } from './version-compare';
import { VersionHistory } from './version-history';
import { VersionList, joinNewestPage } from './version-list';

const ID = '7d3f2a55-0000-4000-8000-000000000001';

function version(n: number, changes: AssessmentVersionView['changes'] = {}): AssessmentVersionView {
  return {
    version: n,
    changedAt: `2026-03-0${(n % 9) + 1}T10:00:00.000Z`,
    changedBy: { id: 'u1', displayName: n % 2 ? 'Anna Virtanen' : 'Mikko Laine' },
    kind: n === 1 ? 'created' : 'edited',
    changes,
    reason: null,
    name: null,
    startedAt: `2026-03-0${(n % 9) + 1}T10:00:00.000Z`,
    saves: 1,
  };
}
/** Versions `from` down to `to`, newest first. */
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => version(from - i));

describe('joinNewestPage', () => {
  it('joins the older versions shown when the fresh newest page reaches down to them', () => {
    const shown = range(10, 5); // 10–8 the old newest page, 7–5 loaded on request
    const joined = joinNewestPage(shown, 4, { items: range(11, 9), nextCursor: 9 });
    expect(joined.items.map((v) => v.version)).toEqual([11, 10, 9, 8, 7, 6, 5]);
    expect(joined.nextCursor).toBe(4);
  });

  it('starts again from the newest page when saves since leave a gap', () => {
    const page: AssessmentVersionPage = { items: range(20, 18), nextCursor: 18 };
    expect(joinNewestPage(range(10, 5), 4, page)).toBe(page);
  });

  it('takes the page as it is when it is the whole history', () => {
    const page: AssessmentVersionPage = { items: range(3, 1), nextCursor: null };
    expect(joinNewestPage(range(2, 1), null, page)).toBe(page);
  });
});

describe('VersionList', () => {
  it('appends older pages, ignoring a page a refresh has overtaken', async () => {
    const pages = new Map<number | null, AssessmentVersionPage>([
      [null, { items: range(6, 5), nextCursor: 5 }],
      [5, { items: range(4, 3), nextCursor: 3 }],
      [3, { items: range(2, 1), nextCursor: null }],
    ]);
    const list = new VersionList(async (before) => pages.get(before) as AssessmentVersionPage);
    await list.refresh();
    expect(await list.loadOlder()).toBe(2);
    expect(await list.loadOlder()).toBe(2);
    expect(list.versions().map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(list.nextCursor()).toBeNull();
    expect(await list.loadOlder()).toBe(0);
  });

  it('says the history failed, and that older versions failed, separately', async () => {
    const failing = new VersionList(() => Promise.reject(new Error('offline')));
    await failing.refresh();
    expect(failing.failed()).toBe(true);

    let fail = false;
    const list = new VersionList(async (before) => {
      if (fail) throw new Error('offline');
      return before === null ? { items: range(3, 2), nextCursor: 2 } : { items: [version(1)], nextCursor: null };
    });
    await list.refresh();
    fail = true;
    expect(await list.loadOlder()).toBe(0);
    expect([list.failed(), list.olderFailed(), list.nextCursor()]).toEqual([false, true, 2]);
  });
});

describe('comparing versions: the choices', () => {
  it('offers the newest version against the one before it', () => {
    expect(defaultPair(range(5, 1))).toEqual({ older: 4, newer: 5 });
    expect(defaultPair([version(1)])).toEqual({ older: null, newer: 1 });
  });

  it('asks for an older version earlier than the newer one', () => {
    expect(pairProblem(2, 5)).toBeNull();
    expect(pairProblem(5, 5)).toBe('record.history.compare.order');
    expect(pairProblem(6, 5)).toBe('record.history.compare.order');
    expect(pairProblem(null, 5)).toBe('record.history.compare.choose');
  });
});

@Component({
  imports: [VersionHistory],
  template: `<lava-version-history [list]="list" [assessmentId]="id" />`,
})
class Host {
  readonly id = ID;
  readonly list = new VersionList((before) => firstValueFrom(TestBed.inject(AssessmentsApi).versions(ID, before)));
}

async function render(first: AssessmentVersionPage) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({ imports: [Host, translocoTesting()], providers: [provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(Host);
  const http = TestBed.inject(HttpTestingController);
  const refreshed = fixture.componentInstance.list.refresh();
  http.expectOne((r) => r.url === `/api/assessments/${ID}/versions` && !r.params.has('before')).flush(first);
  await refreshed;
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const button = (name: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
  const select = (label: string) => {
    const id = [...el.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)?.getAttribute('for');
    return el.querySelector(`#${id}`) as HTMLSelectElement;
  };
  const choose = (label: string, value: number) => {
    const s = select(label);
    s.value = String(value);
    s.dispatchEvent(new Event('change'));
  };
  return { fixture, el, http, button, select, choose };
}

describe('VersionHistory', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows older versions on request and announces how many were added', async () => {
    const { fixture, el, http, button } = await render({ items: range(40, 11), nextCursor: 11 });
    expect(el.querySelectorAll('.versions > li')).toHaveLength(30);
    const announce = jest.spyOn(TestBed.inject(AnnouncerService), 'announce');

    button('Show older versions').click();
    const request = http.expectOne((r) => r.url === `/api/assessments/${ID}/versions`);
    expect(request.request.params.get('before')).toBe('11');
    request.flush({ items: range(10, 1), nextCursor: null });
    await fixture.whenStable();

    expect(el.querySelectorAll('.versions > li')).toHaveLength(40);
    expect(announce).toHaveBeenCalledWith('record.history.older.added', { count: '10' });
    expect(button('Show older versions')).toBeUndefined();
  });

  it('compares two chosen versions: each changed field as a diff, who changed it, and the result heading focused', async () => {
    const { fixture, el, http, button, select, choose } = await render({ items: range(5, 1), nextCursor: null });
    const options = [...select('Older version').options].map((o) => o.textContent?.trim());
    expect(options[0]).toMatch(/^Version 5 – .+ – Anna Virtanen$/);
    expect(select('Older version').value).toBe('4');
    expect(select('Newer version').value).toBe('5');

    choose('Older version', 2);
    button('Compare').click();
    const request = http.expectOne((r) => r.url === `/api/assessments/${ID}/versions/compare`);
    expect([request.request.params.get('from'), request.request.params.get('to')]).toEqual(['2', '5']);
    const comparison: AssessmentVersionComparison = {
      from: 2,
      to: 5,
      fields: [
        {
          field: 'mitigation.text',
          from: 'The bus runs daily.',
          to: 'The bus runs on weekdays.',
          changedBack: false,
          changeCount: 2,
          changedBy: [
            { id: 'u1', displayName: 'Anna Virtanen' },
            { id: 'u2', displayName: 'Mikko Laine' },
          ],
        },
        {
          field: 'plainLanguageSummary',
          from: '',
          to: '',
          changedBack: true,
          changeCount: 2,
          changedBy: [{ id: 'u1', displayName: 'Anna Virtanen' }],
        },
      ],
    };
    request.flush(comparison);
    await fixture.whenStable();

    const result = el.querySelector('.result') as HTMLElement;
    const heading = result.querySelector('h4') as HTMLElement;
    expect(heading.textContent?.trim()).toBe('Changes from version 2 to version 5');
    expect(document.activeElement).toBe(heading);
    expect(result.querySelector('del')?.textContent).toContain('daily');
    expect(result.querySelector('ins')?.textContent).toContain('on weekdays');
    expect(result.textContent).toContain('Changes: 2, by Anna Virtanen, Mikko Laine');
    expect(result.textContent).toContain('Changed and changed back: the same as in version 2.');
  });

  it('refuses an older version that is not earlier than the newer one without asking the API', async () => {
    const { fixture, el, button, choose } = await render({ items: range(3, 1), nextCursor: null });
    choose('Older version', 3);
    button('Compare').click();
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('The older version must be earlier than the newer one.');
  });
});

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SHANARRI_INDICATORS, type ImpactMatrixRow, type RecordAlternative, type WellbeingSet } from '@lava/contracts';
import { translocoTesting } from '../../../../testing/translations';
import { LANGUAGE_STORAGE_KEY } from '../../../core/i18n/languages';
import { ImpactMatrixGrid } from './impact-matrix-grid';

const alternatives: RecordAlternative[] = [
  { id: 'alt-1', title: 'The proposal', description: '', defaultName: null },
  { id: 'alt-2', title: '', description: '', defaultName: 'no_change' },
];
const row = (id: string, alternativeId: string, article: number, over: Partial<ImpactMatrixRow> = {}): ImpactMatrixRow => ({
  id,
  alternativeId,
  articles: [article],
  groups: ['all'],
  wellbeing: [],
  direction: 'unknown',
  directness: 'direct',
  term: 'short',
  note: '',
  ...over,
});

@Component({
  imports: [ImpactMatrixGrid],
  template: `<h2 id="matrix-heading">Impact matrix</h2>
    <lava-impact-matrix-grid
      [rows]="rows()"
      [alternatives]="alternatives"
      [readonly]="readonly()"
      [wellbeing]="wellbeing()"
      [layout]="layout()"
      (rowsChange)="changed($event)"
      (committed)="commits = commits + 1"
    />`,
})
class Host {
  readonly alternatives = alternatives;
  readonly rows = signal<ImpactMatrixRow[]>([
    row('r1', 'alt-1', 2),
    row('r2', 'alt-1', 3, { direction: 'positive' }),
    row('r3', 'alt-1', 31, { groups: ['low_income_families'], direction: 'negative', note: 'Fees rise' }),
    row('r4', 'alt-2', 3),
  ]);
  readonly readonly = signal(false);
  readonly wellbeing = signal<WellbeingSet>({ framework: 'none', indicators: [] });
  readonly layout = signal<'auto' | 'grid' | 'cards'>('auto');
  readonly changes: ImpactMatrixRow[][] = [];
  commits = 0;
  changed(rows: ImpactMatrixRow[]) {
    this.changes.push(rows);
    this.rows.set(rows);
  }
}

async function render(setup: (host: Host) => void = () => undefined) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  TestBed.configureTestingModule({ imports: [Host, translocoTesting()] });
  const fixture = TestBed.createComponent(Host);
  setup(fixture.componentInstance);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const cell = (r: number, c: number) => el.querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`) as HTMLElement;
  const key = async (target: Element | null, k: string, init: KeyboardEventInit = {}) => {
    (target as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const editor = () => el.querySelector<HTMLInputElement | HTMLSelectElement>('#matrix-editor');
  const tabStops = () => [...el.querySelectorAll('[role="grid"] [tabindex="0"]')];
  return { fixture, el, host: fixture.componentInstance, cell, key, editor, tabStops };
}

describe('ImpactMatrixGrid (keyboard-driven ARIA grid)', () => {
  it('is a grid with one tab stop, and labels each cell with its alternative, articles and column', async () => {
    const { el, cell, tabStops } = await render();
    expect(el.querySelector('table')?.getAttribute('role')).toBe('grid');
    expect(el.querySelector('table')?.getAttribute('aria-labelledby')).toBe('matrix-heading');
    expect(tabStops()).toEqual([cell(0, 0)]);
    expect(cell(2, 3).getAttribute('aria-label')).toBe('The proposal, articles 31, Direction: Negative');
    expect(cell(2, 2).getAttribute('aria-label')).toBe('The proposal, articles 31, Groups: Low-income families');
    // A default alternative is named in the reader's language.
    expect(cell(3, 0).getAttribute('aria-label')).toBe(
      'No change (things stay as they are), articles 3, Alternative: No change (things stay as they are)',
    );
  });

  it('moves with the arrow keys, Home/End and Ctrl+Home/End, staying inside the grid', async () => {
    const { cell, key, tabStops } = await render();
    cell(0, 0).focus();
    await key(cell(0, 0), 'ArrowRight');
    expect(document.activeElement).toBe(cell(0, 1));
    await key(cell(0, 1), 'ArrowDown');
    await key(cell(1, 1), 'ArrowDown');
    expect(document.activeElement).toBe(cell(2, 1));
    expect(tabStops()).toEqual([cell(2, 1)]);
    await key(cell(2, 1), 'ArrowLeft');
    await key(cell(2, 0), 'ArrowLeft');
    expect(document.activeElement).toBe(cell(2, 0));
    await key(cell(2, 0), 'End');
    expect(document.activeElement).toBe(cell(2, 8)); // the remove button
    await key(cell(2, 8), 'Home', { ctrlKey: true });
    expect(document.activeElement).toBe(cell(0, 0));
    await key(cell(0, 0), 'ArrowUp');
    expect(document.activeElement).toBe(cell(0, 0));
    await key(cell(0, 0), 'End', { ctrlKey: true });
    expect(document.activeElement).toBe(cell(3, 8));
  });

  it('edits a cell with Enter, commits with Enter and returns focus to the cell', async () => {
    const { host, cell, key, editor } = await render();
    cell(1, 3).focus();
    await key(cell(1, 3), 'Enter');
    const select = editor() as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect(document.activeElement).toBe(select);
    expect(select.getAttribute('aria-label')).toBe('The proposal, articles 3, Direction: Positive');
    // "Not stated" is a choice too.
    expect([...select.options].map((o) => o.value)).toEqual(['', 'positive', 'negative', 'neutral', 'unknown']);
    select.value = 'negative';
    select.dispatchEvent(new Event('change'));
    await key(select, 'Enter');
    expect(editor()).toBeNull();
    expect(host.rows()[1].direction).toBe('negative');
    expect(host.changes).toHaveLength(1);
    expect(host.commits).toBe(1);
    expect(document.activeElement).toBe(cell(1, 3));
    expect(cell(1, 3).textContent?.trim()).toBe('Negative');
  });

  it('cancels an edit with Escape: nothing changes and focus returns to the cell', async () => {
    const { host, cell, key, editor } = await render();
    cell(2, 6).focus();
    await key(cell(2, 6), 'F2');
    const input = editor() as HTMLInputElement;
    expect(input.value).toBe('Fees rise');
    input.value = 'Something else';
    input.dispatchEvent(new Event('input'));
    await key(input, 'Escape');
    expect(editor()).toBeNull();
    expect(host.changes).toEqual([]);
    expect(host.rows()[2].note).toBe('Fees rise');
    expect(document.activeElement).toBe(cell(2, 6));
  });

  it('takes several articles in one impact, refusing a number outside the UNCRC and keeping the editor open until valid', async () => {
    const { host, el, cell, key, editor } = await render();
    cell(2, 1).focus();
    await key(cell(2, 1), 'Enter');
    const input = editor() as HTMLInputElement;
    input.value = '34, 99';
    input.dispatchEvent(new Event('input'));
    await key(input, 'Enter');
    expect(editor()).not.toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('#matrix-editor-error')?.textContent).toContain('Write article numbers from 1 to 54, separated by commas.');
    expect(host.changes).toEqual([]);
    input.value = '36 34, 35';
    input.dispatchEvent(new Event('input'));
    await key(input, 'Enter');
    expect(host.rows()[2].articles).toEqual([34, 35, 36]);
    expect(cell(2, 1).textContent?.trim()).toBe('34, 35, 36');
  });

  it('opens a cell’s editor with one click', async () => {
    const { fixture, cell, editor } = await render();
    cell(1, 6).click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(editor()).not.toBeNull();
  });

  it('adds an impact carrying over the alternative and groups of the row before, nothing judged, and removes rows with Delete', async () => {
    const { host, fixture, el, cell, key, editor } = await render();
    cell(2, 0).focus();
    const add = [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add a row') as HTMLButtonElement;
    add.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(host.rows()).toHaveLength(5);
    expect(host.rows()[3]).toMatchObject({ alternativeId: 'alt-1', articles: [], groups: ['low_income_families'], direction: null });
    expect(document.activeElement).toBe(editor());
    await key(editor(), 'Escape');

    // The new impact (no article) may go; the last impact naming a general principle stays.
    await key(cell(3, 1), 'End');
    expect(document.activeElement).toBe(cell(3, 8));
    await key(cell(3, 8), 'Delete');
    expect(host.rows()).toHaveLength(4);
    expect(cell(3, 8).getAttribute('aria-disabled')).toBe('true');
    await key(cell(3, 8), 'Delete');
    expect(host.rows()).toHaveLength(4);
    // Article 31 is not a general principle: Enter on its remove button removes it.
    await key(cell(2, 8), 'Enter');
    expect(host.rows().map((r) => r.id)).toEqual(['r1', 'r2', 'r4']);
  });

  it('moves but does not edit when read-only', async () => {
    const { host, fixture, el, cell, key, editor } = await render();
    host.readonly.set(true);
    fixture.detectChanges();
    await fixture.whenStable();
    cell(0, 0).focus();
    await key(cell(0, 0), 'Enter');
    expect(editor()).toBeNull();
    await key(cell(0, 0), 'ArrowRight');
    expect(document.activeElement).toBe(cell(0, 1));
    expect(el.querySelector('table')?.getAttribute('aria-readonly')).toBe('true');
    expect([...el.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Add a row')).toBe(false);
  });

  it('copies an impact to the other alternative in one action, judgements not stated, focus on its direction', async () => {
    const { host, cell, key } = await render();
    expect(cell(2, 7).getAttribute('aria-label')).toBe(
      'Copy to “No change (things stay as they are)”: The proposal, article 31, Low-income families',
    );
    cell(2, 7).focus();
    await key(cell(2, 7), 'Enter');
    expect(host.rows()).toHaveLength(5);
    expect(host.rows()[4]).toMatchObject({
      alternativeId: 'alt-2',
      articles: [31],
      groups: ['low_income_families'],
      note: 'Fees rise',
      direction: null,
      directness: null,
      term: null,
    });
    expect(host.rows()[4].id).not.toBe('r3');
    expect(document.activeElement).toBe(cell(4, 3));
  });

  it('tags impacts with the organization’s wellbeing indicators, typed by name, refusing one not in the set', async () => {
    const { host, el, cell, key, editor } = await render((h) =>
      h.wellbeing.set({ framework: 'shanarri', indicators: SHANARRI_INDICATORS.map((k) => ({ key: k, name: null })) }),
    );
    expect(el.querySelectorAll('th')[3].textContent?.trim()).toBe('Wellbeing');
    cell(2, 3).focus();
    await key(cell(2, 3), 'Enter');
    const input = editor() as HTMLInputElement;
    input.value = 'included, Happy';
    input.dispatchEvent(new Event('input'));
    await key(input, 'Enter');
    expect(el.querySelector('#matrix-editor-error')?.textContent).toContain('Not an indicator of your organization’s set: Happy.');
    input.value = 'included, safe';
    input.dispatchEvent(new Event('input'));
    await key(input, 'Enter');
    // Kept in the set's order, shown by name.
    expect(host.rows()[2].wellbeing).toEqual(['safe', 'included']);
    expect(cell(2, 3).textContent?.trim()).toBe('Safe, Included');
  });

  it('shows a card per impact on a narrow screen: a form whose changes and copy work as in the grid', async () => {
    const { host, fixture, el } = await render((h) => {
      h.layout.set('cards');
      h.wellbeing.set({ framework: 'custom', indicators: [{ key: 'w1', name: 'Safe way to school' }] });
    });
    expect(el.querySelector('[role="grid"]')).toBeNull();
    const cards = el.querySelectorAll('.impact-card');
    expect(cards).toHaveLength(4);
    expect(cards[2].querySelector('legend')?.textContent).toContain('Impact 3: The proposal, article 31, Low-income families');
    const articles = el.querySelector<HTMLInputElement>('#mc-r3-articles') as HTMLInputElement;
    expect(el.querySelector(`label[for="mc-r3-articles"]`)?.textContent?.trim()).toBe('Articles');
    articles.value = '34 35, 36';
    articles.dispatchEvent(new Event('change'));
    // No change detection in between: edits faster than it build on each other.
    const direction = el.querySelector<HTMLSelectElement>('#mc-r3-direction') as HTMLSelectElement;
    direction.value = 'positive';
    direction.dispatchEvent(new Event('change'));
    (el.querySelector('#mc-r3-w-w1') as HTMLInputElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(host.rows()[2]).toMatchObject({ articles: [34, 35, 36], direction: 'positive', wellbeing: ['w1'] });

    const copy = [...cards[2].querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Copy to “No change (things stay as they are)”',
    );
    copy?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(host.rows()).toHaveLength(5);
    expect(host.rows()[4]).toMatchObject({ alternativeId: 'alt-2', articles: [34, 35, 36], wellbeing: ['w1'], direction: null });
    expect(document.activeElement?.id).toBe(`mc-${host.rows()[4].id}-direction`);
  });
});

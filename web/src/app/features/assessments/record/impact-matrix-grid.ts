import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  GENERAL_PRINCIPLES,
  IMPACT_DIRECTIONS,
  IMPACT_DIRECTNESS,
  IMPACT_TERMS,
  MATRIX_GROUPS,
  UNCRC_ARTICLE_MAX,
  RECORD_LIMITS,
  UNCRC_ARTICLE_MIN,
  type ImpactMatrixRow,
  type RecordAlternative,
  type WellbeingSet,
} from '@lava/contracts';
import { alternativeLabel, groupLabel } from './record-values';
import { WorkflowTexts } from './workflow-texts';

/**
 * The grid's columns, in order; `wellbeing` only when the organization uses an indicator set,
 * `copy` holds the row's "copy to another alternative" button, `remove` its remove button.
 */
export const MATRIX_COLUMNS = [
  'alternativeId',
  'articles',
  'groups',
  'wellbeing',
  'direction',
  'directness',
  'term',
  'note',
  'copy',
  'remove',
] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];
type EditableColumn = Exclude<MatrixColumn, 'remove' | 'copy'>;
type ValueColumn = Exclude<EditableColumn, 'wellbeing'> | 'wellbeing';

/** Below this width the matrix is a card per impact (a form), not the grid. */
export const MATRIX_CARDS_QUERY = '(max-width: 40rem)';
const NO_WELLBEING: WellbeingSet = { framework: 'none', indicators: [] };

interface Editing {
  row: number;
  col: number;
  value: string;
  error: string | null;
}

/** A new row's id (the API wants the editor to name items). */
export function newId(): string {
  return crypto.randomUUID();
}

/** Article numbers typed as "34, 35 36" (or "art. 3"): sorted, without repeats; null when one is not an article. */
export function parseArticles(text: string): number[] | null {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  const numbers = tokens.map((t) => Number(t.replace(/^(art\.?|artikla|artikel|article)/i, '')));
  if (numbers.some((n) => !Number.isInteger(n) || n < UNCRC_ARTICLE_MIN || n > UNCRC_ARTICLE_MAX)) return null;
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/**
 * The impact matrix as an editable ARIA grid, driven by the keyboard: one tab stop (the active
 * cell); arrow keys, Home/End (Ctrl+Home/End) move between cells; Enter or F2 edits the cell
 * (a select or a text field appears in it), Enter commits, Escape cancels, and focus returns to the
 * cell. Delete on a row's remove cell (or its button) removes the row; the copy cell copies the
 * impact to another alternative (one action with two alternatives, a choice with more). Each cell is
 * labelled for screen readers as "<alternative>, article <n>, <column>: <value>". A general
 * principle's last row under an alternative cannot be removed (the API keeps one anyway).
 * On a narrow screen (MATRIX_CARDS_QUERY) each impact is a card: a small form with the same fields.
 */
@Component({
  selector: 'lava-impact-matrix-grid',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './impact-matrix-grid.html',
  styleUrl: './impact-matrix-grid.css',
})
export class ImpactMatrixGrid {
  readonly rows = input.required<readonly ImpactMatrixRow[]>();
  readonly alternatives = input.required<readonly RecordAlternative[]>();
  readonly readonly = input(false);
  /** The organization's wellbeing indicators the impacts are tagged with (none: no column). */
  readonly wellbeing = input<WellbeingSet>(NO_WELLBEING);
  /** `auto`: cards on a narrow screen, the grid otherwise. */
  readonly layout = input<'auto' | 'grid' | 'cards'>('auto');
  /** Every change, as the whole new list. */
  readonly rowsChange = output<ImpactMatrixRow[]>();
  /** An edit was committed or a row added/removed: a good moment to save. */
  readonly committed = output<void>();

  protected readonly texts = inject(WorkflowTexts);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** The columns shown: the wellbeing column only with an indicator set. */
  protected readonly columns = computed<readonly MatrixColumn[]>(() =>
    MATRIX_COLUMNS.filter((c) => c !== 'wellbeing' || this.wellbeing().indicators.length > 0),
  );
  private readonly narrowScreen = signal(false);
  protected readonly cards = computed(() => this.layout() === 'cards' || (this.layout() === 'auto' && this.narrowScreen()));
  /** An article number a card's articles field refused, by row id. */
  protected readonly cardErrors = signal<Record<string, string>>({});
  protected readonly directions = IMPACT_DIRECTIONS;
  protected readonly directness = IMPACT_DIRECTNESS;
  protected readonly terms = IMPACT_TERMS;
  protected readonly noteMax = RECORD_LIMITS.note;
  protected readonly groupChoices = MATRIX_GROUPS;

  /** The active cell (the grid's single tab stop). */
  protected readonly active = signal({ row: 0, col: 0 });
  protected readonly editing = signal<Editing | null>(null);
  /** Said politely after adding or removing a row; a function, so it is said again in a newly chosen language. */
  protected readonly announcement = signal<() => string>(() => '');

  constructor() {
    const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(MATRIX_CARDS_QUERY) : null;
    if (query) {
      this.narrowScreen.set(query.matches);
      const changed = (event: MediaQueryListEvent) => {
        this.editing.set(null);
        this.narrowScreen.set(event.matches);
      };
      query.addEventListener('change', changed);
      inject(DestroyRef).onDestroy(() => query.removeEventListener('change', changed));
    }
  }

  /** The known groups by their words in the page's language, to read typed groups back as keys. */
  private readonly groupKeys = computed(() => new Map(MATRIX_GROUPS.map((key) => [this.group(key).toLowerCase(), key as string])));

  /**
   * The rows as last emitted, until the input catches up: two edits in one tick (keys pressed faster
   * than change detection runs) must build on each other, not on the input of before the first.
   */
  private emitted: { from: readonly ImpactMatrixRow[]; rows: ImpactMatrixRow[] } | null = null;

  protected latest(): readonly ImpactMatrixRow[] {
    const input = this.rows();
    if (this.emitted && this.emitted.from === input) return this.emitted.rows;
    this.emitted = null;
    return input;
  }

  private emit(rows: ImpactMatrixRow[]): void {
    this.emitted = { from: this.rows(), rows };
    this.rowsChange.emit(rows);
  }

  /** The indicators by key, named in the page's language. */
  protected readonly indicators = computed(() => this.wellbeing().indicators.map((i) => ({ key: i.key, name: this.indicatorName(i.key) })));

  /** Clamped to the rows there are, so removing the last row leaves a valid active cell. */
  protected readonly current = computed(() => {
    const { row, col } = this.active();
    return { row: Math.max(0, Math.min(row, this.rows().length - 1)), col };
  });

  // --- labels -----------------------------------------------------------------------------

  protected alternativeName(id: string): string {
    return alternativeLabel(this.alternatives(), id, this.texts);
  }

  protected group(group: string): string {
    return groupLabel(group, this.texts);
  }

  protected columnName(col: MatrixColumn): string {
    return col === 'wellbeing' || col === 'copy'
      ? this.texts.t(`recordModel.matrix.col.${col}`)
      : this.texts.t(`content.matrix.col.${col}`);
  }

  /** An indicator's name: the organization's own words, or SHANARRI's key translated. */
  protected indicatorName(key: string): string {
    const own = this.wellbeing().indicators.find((i) => i.key === key);
    if (own?.name) return own.name;
    const text = this.texts.t(`recordModel.wellbeing.shanarri.${key}`);
    return text.startsWith('recordModel.') ? key : text;
  }

  protected articlesText(row: ImpactMatrixRow): string {
    return row.articles.length ? row.articles.join(', ') : this.texts.t('recordModel.matrix.noArticle');
  }

  private judgement(kind: 'direction' | 'directness' | 'term', value: string | null): string {
    return value === null ? this.texts.t('recordModel.notStated') : this.texts.t(`content.${kind}.${value}`);
  }

  protected display(row: ImpactMatrixRow, col: MatrixColumn): string {
    switch (col) {
      case 'alternativeId':
        return this.alternativeName(row.alternativeId);
      case 'articles':
        return row.articles.join(', ');
      case 'groups':
        return row.groups.map((g) => this.group(g)).join(', ');
      case 'wellbeing':
        return row.wellbeing.map((w) => this.indicatorName(w)).join(', ');
      case 'direction':
        return this.judgement('direction', row.direction);
      case 'directness':
        return this.judgement('directness', row.directness);
      case 'term':
        return this.judgement('term', row.term);
      case 'note':
        return row.note;
      default:
        return '';
    }
  }

  /** "Alternative X, article 3, direction: negative" */
  protected cellLabel(row: ImpactMatrixRow, col: MatrixColumn): string {
    const where = this.texts.t('recordModel.matrix.cellLabel', {
      alternative: this.alternativeName(row.alternativeId),
      articles: this.articlesText(row),
      column: this.columnName(col),
    });
    if (col === 'remove') return where;
    if (col === 'copy') return this.copyLabel(row);
    const value = this.display(row, col);
    return `${where}: ${value || this.texts.t('record.empty')}`;
  }

  protected rowName(row: ImpactMatrixRow): string {
    return this.texts.t('content.matrix.rowName', {
      alternative: this.alternativeName(row.alternativeId),
      article: this.articlesText(row),
      group: row.groups.map((g) => this.group(g)).join(', '),
    });
  }

  protected removeLabel(row: ImpactMatrixRow): string {
    const where = this.rowName(row);
    return this.isLastPrinciple(row)
      ? this.texts.t('content.matrix.principleKept', { row: where })
      : this.texts.t('content.matrix.removeRow', { row: where });
  }

  /** The other alternatives an impact can be copied to. */
  protected copyTargets(row: ImpactMatrixRow): readonly RecordAlternative[] {
    return this.alternatives().filter((a) => a.id !== row.alternativeId);
  }

  protected copyLabel(row: ImpactMatrixRow): string {
    const targets = this.copyTargets(row);
    return targets.length === 1
      ? this.texts.t('recordModel.matrix.copyTo', { row: this.rowName(row), alternative: this.alternativeName(targets[0].id) })
      : this.texts.t('recordModel.matrix.copy', { row: this.rowName(row) });
  }

  protected isPrinciple(row: ImpactMatrixRow): boolean {
    return row.articles.some((a) => (GENERAL_PRINCIPLES as readonly number[]).includes(a));
  }

  /** The only impact naming one of the general principles under its alternative: it stays. */
  isLastPrinciple(row: ImpactMatrixRow): boolean {
    return row.articles.some(
      (article) =>
        (GENERAL_PRINCIPLES as readonly number[]).includes(article) &&
        this.rows().filter((r) => r.alternativeId === row.alternativeId && r.articles.includes(article)).length === 1,
    );
  }

  protected isActive(row: number, col: number): boolean {
    const c = this.current();
    return c.row === row && c.col === col;
  }

  protected isEditing(row: number, col: number): boolean {
    const e = this.editing();
    return !!e && e.row === row && e.col === col;
  }

  // --- keyboard ---------------------------------------------------------------------------

  private columnAt(col: number): MatrixColumn {
    return this.columns()[col];
  }

  /** Keys on a cell (not inside an open editor: those go to `editorKeydown`). */
  protected cellKeydown(event: KeyboardEvent, row: number, col: number): void {
    if (this.editing()) return;
    const lastRow = this.latest().length - 1;
    const lastCol = this.columns().length - 1;
    let target: { row: number; col: number } | null = null;
    switch (event.key) {
      case 'ArrowRight':
        target = { row, col: Math.min(col + 1, lastCol) };
        break;
      case 'ArrowLeft':
        target = { row, col: Math.max(col - 1, 0) };
        break;
      case 'ArrowDown':
        target = { row: Math.min(row + 1, lastRow), col };
        break;
      case 'ArrowUp':
        target = { row: Math.max(row - 1, 0), col };
        break;
      case 'Home':
        target = event.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 };
        break;
      case 'End':
        target = event.ctrlKey ? { row: lastRow, col: lastCol } : { row, col: lastCol };
        break;
      case 'PageDown':
        target = { row: Math.min(row + 5, lastRow), col };
        break;
      case 'PageUp':
        target = { row: Math.max(row - 5, 0), col };
        break;
      case 'Enter':
      case 'F2':
        event.preventDefault();
        if (this.columnAt(col) === 'remove') {
          if (event.key === 'Enter') this.removeRow(row);
        } else if (this.columnAt(col) === 'copy') {
          this.copyCell(row);
        } else {
          this.startEdit(row, col);
        }
        return;
      case 'Delete':
        if (this.columnAt(col) === 'remove') {
          event.preventDefault();
          this.removeRow(row);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    this.moveTo(target.row, target.col);
  }

  /** Enter commits, Escape cancels; other keys belong to the control (arrows move in a select or text). */
  protected editorKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      this.commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancel();
    }
  }

  protected editorInput(event: Event): void {
    const e = this.editing();
    if (e) this.editing.set({ ...e, value: (event.target as HTMLInputElement | HTMLSelectElement).value, error: null });
  }

  /** Leaving an open editor (Tab, a click elsewhere) keeps what was chosen; a copy not confirmed is not made. */
  protected editorBlur(): void {
    const e = this.editing();
    if (!e) return;
    if (this.columnAt(e.col) === 'copy') this.editing.set(null);
    else this.commit(false);
  }

  protected cellFocus(row: number, col: number): void {
    if (this.isEditing(row, col)) return;
    this.active.set({ row, col });
  }

  /** One click opens the cell's editor (the keyboard opens it with Enter or F2). */
  protected cellClick(row: number, col: number): void {
    if (this.isEditing(row, col)) return;
    this.active.set({ row, col });
    const column = this.columnAt(col);
    if (column === 'copy') this.copyCell(row);
    else if (column !== 'remove') this.startEdit(row, col);
  }

  /** The copy cell: with one other alternative it copies at once, with more it asks which (a select in the cell). */
  private copyCell(row: number): void {
    const r = this.latest()[row];
    if (!r || this.readonly()) return;
    const targets = this.copyTargets(r);
    if (targets.length === 0) return;
    if (targets.length === 1) {
      this.copyRow(row, targets[0].id);
      return;
    }
    const col = this.columns().indexOf('copy');
    this.active.set({ row, col });
    this.editing.set({ row, col, value: targets[0].id, error: null });
    this.focusSelector('#matrix-editor');
  }

  startEdit(row: number, col: number): void {
    const column = this.columnAt(col);
    if (this.readonly() || column === 'remove' || column === 'copy') return;
    const r = this.latest()[row];
    if (!r) return;
    const value =
      column === 'articles'
        ? r.articles.join(', ')
        : column === 'groups'
          ? r.groups.map((g) => this.group(g)).join(', ')
          : column === 'wellbeing'
            ? r.wellbeing.map((w) => this.indicatorName(w)).join(', ')
            : r[column as Exclude<ValueColumn, 'articles' | 'groups' | 'wellbeing'>];
    this.active.set({ row, col });
    this.editing.set({ row, col, value: value === null ? '' : String(value), error: null });
    this.focusSelector(`#matrix-editor`);
  }

  commit(refocus = true): void {
    const e = this.editing();
    if (!e) return;
    const column = this.columnAt(e.col);
    const row = this.latest()[e.row];
    if (!row || column === 'remove') {
      this.editing.set(null);
      return;
    }
    if (column === 'copy') {
      this.editing.set(null);
      this.copyRow(e.row, e.value);
      return;
    }
    const parsed = this.parse(column, e.value);
    if ('error' in parsed) {
      if (refocus) {
        this.editing.set({ ...e, error: parsed.error });
        return;
      }
      this.editing.set(null);
      return;
    }
    this.editing.set(null);
    this.setValue(e.row, column, parsed.value);
    if (refocus) this.focusCell(e.row, e.col);
  }

  /** A typed value as the row holds it, or why it cannot be. */
  private parse(column: EditableColumn, text: string): { value: unknown } | { error: string } {
    switch (column) {
      case 'articles': {
        const articles = parseArticles(text);
        return articles === null
          ? { error: this.texts.t('recordModel.matrix.articlesInvalid', { min: UNCRC_ARTICLE_MIN, max: UNCRC_ARTICLE_MAX }) }
          : { value: articles };
      }
      case 'groups': {
        const typed = splitList(text);
        return { value: [...new Set(typed.map((g) => this.groupKeys().get(g.toLowerCase()) ?? g))] };
      }
      case 'wellbeing': {
        const byName = new Map(
          this.indicators().flatMap((i) => [[i.name.toLowerCase(), i.key] as const, [i.key.toLowerCase(), i.key] as const]),
        );
        const typed = splitList(text);
        const unknown = typed.filter((t) => !byName.has(t.toLowerCase()));
        if (unknown.length) return { error: this.texts.t('recordModel.matrix.wellbeingInvalid', { names: unknown.join(', ') }) };
        const keys = new Set(typed.map((t) => byName.get(t.toLowerCase()) as string));
        // In the set's order.
        return {
          value: this.indicators()
            .map((i) => i.key)
            .filter((k) => keys.has(k)),
        };
      }
      case 'direction':
      case 'directness':
      case 'term':
        // An empty choice is "not stated".
        return { value: text === '' ? null : text };
      default:
        return { value: text };
    }
  }

  /** Sets one field of one row (a no-op when unchanged) and says it is a good moment to save. */
  private setValue(index: number, column: EditableColumn, value: unknown): void {
    const rows = [...this.latest()];
    const row = rows[index];
    if (!row) return;
    if (JSON.stringify(row[column]) !== JSON.stringify(value)) {
      rows[index] = { ...row, [column]: value };
      this.emit(rows);
    }
    this.committed.emit();
  }

  cancel(): void {
    const e = this.editing();
    this.editing.set(null);
    if (e) this.focusCell(e.row, e.col);
  }

  /**
   * A new impact after the active row, carrying over its alternative and groups (or the first
   * alternative's, all groups), nothing judged yet, with the articles cell open for editing.
   */
  addRow(): void {
    const alternatives = this.alternatives();
    if (this.readonly() || alternatives.length === 0) return;
    const activeRow = this.latest()[this.current().row];
    const alternativeId = activeRow?.alternativeId ?? alternatives[0].id;
    const row: ImpactMatrixRow = {
      id: newId(),
      alternativeId,
      articles: [],
      groups: activeRow ? [...activeRow.groups] : ['all'],
      wellbeing: [],
      direction: null,
      directness: null,
      term: null,
      note: '',
    };
    const at = this.insert(row);
    this.announcement.set(() => this.texts.t('content.matrix.added', { alternative: this.alternativeName(alternativeId) }));
    this.active.set({ row: at, col: 1 });
    if (this.cards()) this.focusSelector(`#mc-${row.id}-articles`);
    else afterNextRender(() => this.startEdit(at, 1), { injector: this.injector });
  }

  /**
   * Copies an impact to another alternative: the same articles, groups, wellbeing indicators and
   * note, after that alternative's last impact. Its direction, directness and term are not stated:
   * the same impact under another alternative is a judgement of its own.
   */
  copyRow(index: number, alternativeId: string): void {
    const source = this.latest()[index];
    if (this.readonly() || !source || !this.alternatives().some((a) => a.id === alternativeId)) return;
    const row: ImpactMatrixRow = {
      ...source,
      id: newId(),
      alternativeId,
      articles: [...source.articles],
      groups: [...source.groups],
      wellbeing: [...source.wellbeing],
      direction: null,
      directness: null,
      term: null,
    };
    const at = this.insert(row);
    this.announcement.set(() => this.texts.t('recordModel.matrix.copied', { alternative: this.alternativeName(alternativeId) }));
    if (this.cards()) {
      this.focusSelector(`#mc-${row.id}-direction`);
      return;
    }
    const col = this.columns().indexOf('direction');
    this.active.set({ row: at, col });
    afterNextRender(() => this.focusCell(at, col), { injector: this.injector });
  }

  /** Puts a row after the last one of its alternative; answers its index. */
  private insert(row: ImpactMatrixRow): number {
    const rows = [...this.latest()];
    const lastOfAlternative = rows.map((r) => r.alternativeId).lastIndexOf(row.alternativeId);
    const at = lastOfAlternative === -1 ? rows.length : lastOfAlternative + 1;
    rows.splice(at, 0, row);
    this.emit(rows);
    this.committed.emit();
    return at;
  }

  removeRow(index: number): void {
    const row = this.latest()[index];
    if (this.readonly() || !row || this.isLastPrinciple(row)) return;
    const name = () => this.rowName(row);
    const remaining = this.latest().filter((_, i) => i !== index);
    this.emit(remaining);
    this.committed.emit();
    this.announcement.set(() => this.texts.t('content.matrix.removed', { row: name() }));
    const next = Math.max(0, Math.min(index, remaining.length - 1));
    const removeCol = this.columns().indexOf('remove');
    this.active.set({ row: next, col: removeCol });
    if (this.cards()) {
      const nextRow = remaining[next];
      this.focusSelector(nextRow ? `#mc-${nextRow.id}-remove` : '#matrix-add-row');
      return;
    }
    afterNextRender(() => this.focusCell(next, removeCol), { injector: this.injector });
  }

  // --- cards (narrow screens) ------------------------------------------------------------

  /** A card's field changed (on `change`: a text field when left, a select or checkbox at once). */
  protected cardChange(index: number, column: EditableColumn, event: Event): void {
    const row = this.latest()[index];
    if (!row || this.readonly()) return;
    const text = (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
    const parsed = this.parse(column, text);
    if ('error' in parsed) {
      this.cardErrors.update((errors) => ({ ...errors, [row.id]: parsed.error }));
      return;
    }
    if (column === 'articles') this.cardErrors.update((errors) => without(errors, row.id));
    this.active.set({ row: index, col: this.active().col });
    this.setValue(index, column, parsed.value);
  }

  protected cardWellbeing(index: number, key: string, checked: boolean): void {
    const row = this.latest()[index];
    if (!row || this.readonly()) return;
    const keys = new Set(row.wellbeing);
    if (checked) keys.add(key);
    else keys.delete(key);
    this.setValue(
      index,
      'wellbeing',
      this.indicators()
        .map((i) => i.key)
        .filter((k) => keys.has(k)),
    );
  }

  /** A card's copy: with one other alternative at once, with more to the one chosen in its select. */
  protected cardCopy(index: number, select: HTMLSelectElement | null): void {
    const row = this.latest()[index];
    if (!row) return;
    const targets = this.copyTargets(row);
    const target = targets.length === 1 ? targets[0].id : select?.value;
    if (target) this.copyRow(index, target);
  }

  protected cardFocus(index: number): void {
    if (this.current().row !== index) this.active.set({ row: index, col: this.active().col });
  }

  protected cardHeading(row: ImpactMatrixRow, index: number): string {
    return this.texts.t('recordModel.matrix.cardHeading', { n: index + 1, row: this.rowName(row) });
  }

  private moveTo(row: number, col: number): void {
    this.active.set({ row, col });
    this.focusCell(row, col);
  }

  private focusCell(row: number, col: number): void {
    this.focusSelector(`[data-cell="${row}-${col}"]`);
  }

  private focusSelector(selector: string): void {
    const focus = () => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus();
    focus();
    afterNextRender(focus, { injector: this.injector });
  }
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The record without one key. */
export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

import {
  ChangeDetectionStrategy,
  Component,
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
} from '@lava/contracts';
import { alternativeLabel, groupLabel } from './record-values';
import { WorkflowTexts } from './workflow-texts';

/** The grid's columns, in order; `remove` holds the row's remove button. */
export const MATRIX_COLUMNS = ['alternativeId', 'articles', 'groups', 'direction', 'directness', 'term', 'note', 'remove'] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];
type EditableColumn = Exclude<MatrixColumn, 'remove'>;

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
 * cell. Delete on a row's remove cell (or its button) removes the row. Each cell is labelled for
 * screen readers as "<alternative>, article <n>, <column>: <value>". A general principle's last
 * row under an alternative cannot be removed (the API keeps one anyway).
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
  /** Every change, as the whole new list. */
  readonly rowsChange = output<ImpactMatrixRow[]>();
  /** An edit was committed or a row added/removed: a good moment to save. */
  readonly committed = output<void>();

  protected readonly texts = inject(WorkflowTexts);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly columns = MATRIX_COLUMNS;
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

  /** The known groups by their words in the page's language, to read typed groups back as keys. */
  private readonly groupKeys = computed(() => new Map(MATRIX_GROUPS.map((key) => [this.group(key).toLowerCase(), key as string])));

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
    return this.texts.t(`content.matrix.col.${col}`);
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

  /** Keys on a cell (not inside an open editor: those go to `editorKeydown`). */
  protected cellKeydown(event: KeyboardEvent, row: number, col: number): void {
    if (this.editing()) return;
    const lastRow = this.rows().length - 1;
    const lastCol = MATRIX_COLUMNS.length - 1;
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
        if (MATRIX_COLUMNS[col] === 'remove') {
          if (event.key === 'Enter') this.removeRow(row);
        } else {
          this.startEdit(row, col);
        }
        return;
      case 'Delete':
        if (MATRIX_COLUMNS[col] === 'remove') {
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

  /** Leaving an open editor (Tab, a click elsewhere) keeps what was chosen. */
  protected editorBlur(): void {
    if (this.editing()) this.commit(false);
  }

  protected cellFocus(row: number, col: number): void {
    if (this.isEditing(row, col)) return;
    this.active.set({ row, col });
  }

  /** One click opens the cell's editor (the keyboard opens it with Enter or F2). */
  protected cellClick(row: number, col: number): void {
    if (this.isEditing(row, col)) return;
    this.active.set({ row, col });
    if (MATRIX_COLUMNS[col] !== 'remove') this.startEdit(row, col);
  }

  startEdit(row: number, col: number): void {
    if (this.readonly() || MATRIX_COLUMNS[col] === 'remove') return;
    const r = this.rows()[row];
    if (!r) return;
    const column = MATRIX_COLUMNS[col] as EditableColumn;
    const value =
      column === 'articles' ? r.articles.join(', ') : column === 'groups' ? r.groups.map((g) => this.group(g)).join(', ') : r[column];
    this.active.set({ row, col });
    this.editing.set({ row, col, value: value === null ? '' : String(value), error: null });
    this.focusSelector(`#matrix-editor`);
  }

  commit(refocus = true): void {
    const e = this.editing();
    if (!e) return;
    const column = MATRIX_COLUMNS[e.col] as EditableColumn;
    const rows = [...this.rows()];
    const row = rows[e.row];
    if (!row) {
      this.editing.set(null);
      return;
    }
    let value: string | number[] | string[] | null = e.value;
    if (column === 'articles') {
      const articles = parseArticles(e.value);
      if (articles === null) {
        if (refocus) {
          this.editing.set({
            ...e,
            error: this.texts.t('recordModel.matrix.articlesInvalid', { min: UNCRC_ARTICLE_MIN, max: UNCRC_ARTICLE_MAX }),
          });
          return;
        }
        this.editing.set(null);
        return;
      }
      value = articles;
    }
    if (column === 'groups') {
      const typed = e.value
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean);
      value = [...new Set(typed.map((g) => this.groupKeys().get(g.toLowerCase()) ?? g))];
    }
    // An empty choice is "not stated".
    if ((column === 'direction' || column === 'directness' || column === 'term') && value === '') value = null;
    this.editing.set(null);
    if (JSON.stringify(row[column]) !== JSON.stringify(value)) {
      rows[e.row] = { ...row, [column]: value };
      this.rowsChange.emit(rows);
    }
    this.committed.emit();
    if (refocus) this.focusCell(e.row, e.col);
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
    const activeRow = this.rows()[this.current().row];
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
    const rows = [...this.rows()];
    const lastOfAlternative = rows.map((r) => r.alternativeId).lastIndexOf(alternativeId);
    const at = lastOfAlternative === -1 ? rows.length : lastOfAlternative + 1;
    rows.splice(at, 0, row);
    this.rowsChange.emit(rows);
    this.committed.emit();
    this.announcement.set(() => this.texts.t('content.matrix.added', { alternative: this.alternativeName(alternativeId) }));
    this.active.set({ row: at, col: 1 });
    afterNextRender(() => this.startEdit(at, 1), { injector: this.injector });
  }

  removeRow(index: number): void {
    const row = this.rows()[index];
    if (this.readonly() || !row || this.isLastPrinciple(row)) return;
    const name = () => this.rowName(row);
    this.rowsChange.emit(this.rows().filter((_, i) => i !== index));
    this.committed.emit();
    this.announcement.set(() => this.texts.t('content.matrix.removed', { row: name() }));
    const next = Math.max(0, Math.min(index, this.rows().length - 2));
    this.active.set({ row: next, col: MATRIX_COLUMNS.indexOf('remove') });
    afterNextRender(() => this.focusCell(next, MATRIX_COLUMNS.indexOf('remove')), { injector: this.injector });
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

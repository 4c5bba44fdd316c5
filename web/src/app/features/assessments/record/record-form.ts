import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  withGeneralPrinciples,
  RECORD_LIMITS,
  RECORD_SECTIONS,
  UNCRC_ARTICLE_MAX,
  UNCRC_ARTICLE_MIN,
  VIEW_METHODS,
  VULNERABLE_GROUPS,
  normalizeEvidenceDate,
  type EvidenceItem,
  type FollowUpIndicator,
  type ImpactMatrixRow,
  type RecordAlternative,
  type RecordSection,
  type ViewMethod,
  type VulnerableGroup,
  type WellbeingSet,
} from '@lava/contracts';
import { recordCompleteness } from '@lava/workflow';
import { FormField } from '../../../shared/form-field/form-field';
import { ImpactMatrixGrid, newId, without } from './impact-matrix-grid';
import type { ApiRefusal, RecordEditor, RecordField, RecordValues } from './record-editor';
import { alternativeName, displayValue, fieldKey } from './record-values';
import { ScreeningSection } from './screening-section';
import { SectionJump, SectionToc } from './section-nav';
import { WorkflowTexts } from './workflow-texts';
import { SurveyViews } from '../../../surveys/survey-views';

type TextField = {
  [K in RecordField]: RecordValues[K] extends string ? K : RecordValues[K] extends string | null ? K : never;
}[RecordField];
type ListField = 'alternatives.items' | 'evidence.items' | 'followUp.indicators';
type ItemOf<F extends ListField> = RecordValues[F][number];

/** Sections shown before the screening has said "affects children". */
const ALWAYS: readonly RecordSection[] = ['basics', 'screening'];

/**
 * The record as a guided form, section by section in RECORD_SECTIONS order (each with the element
 * id `section-<key>`): the basics and the screening first, the rest once the screening says the
 * matter affects children. Everything autosaves through the RecordEditor (one status line, one
 * conflict panel for the whole record); lists are edited item by item and saved whole.
 */
@Component({
  selector: 'lava-record-form',
  imports: [NgTemplateOutlet, TranslocoPipe, FormField, ScreeningSection, ImpactMatrixGrid, SectionToc, SectionJump, SurveyViews],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './record-form.html',
  styleUrl: './record-form.css',
})
export class RecordForm {
  readonly editor = input.required<RecordEditor>();
  /** Why editing is not allowed (from the workflow), shown when read-only. */
  readonly readOnlyReasons = input<readonly ApiRefusal[]>([]);

  protected readonly texts = inject(WorkflowTexts);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly limits = RECORD_LIMITS;
  protected readonly vulnerableGroups = VULNERABLE_GROUPS;
  protected readonly viewMethods = VIEW_METHODS;

  protected readonly readonly = computed(() => !this.editor().editable());
  protected readonly affects = computed(() => this.editor().value('screening.affectsChildren') === true);
  /** Alternatives (and the matrix comparing them) come with the full assessment, not in the screening. */
  protected readonly fullAssessment = computed(() => this.editor().detail()?.stage !== 'screening');
  /** The sections on the page now, for the table of contents. */
  protected readonly sections = computed(() =>
    RECORD_SECTIONS.filter(
      (s) => (this.affects() || ALWAYS.includes(s)) && (this.fullAssessment() || (s !== 'alternatives' && s !== 'impactMatrix')),
    ),
  );
  /** What the draft still lacks (the workflow's recordCompleteness), in plain words beside each field. */
  protected readonly incomplete = computed(() =>
    this.fullAssessment()
      ? recordCompleteness({
          alternatives: this.editor().value('alternatives.items') ?? [],
          impacts: this.editor().value('impactMatrix.rows') ?? [],
          evidence: { items: this.editor().value('evidence.items') ?? [], gaps: this.editor().value('evidence.gaps') ?? '' },
          childrensViews: {
            whatTheySaid: this.editor().value('childrensViews.whatTheySaid') ?? '',
            notHeardReason: this.editor().value('childrensViews.notHeardReason') ?? '',
          },
        })
      : [],
  );
  protected readonly reasons = computed<readonly ApiRefusal[]>(() => {
    const refused = this.editor().refusals();
    return refused.length ? refused : this.readOnlyReasons();
  });
  protected readonly articlesError = signal<string | null>(null);

  // --- "save a version" ---
  protected readonly naming = signal(false);
  protected readonly versionName = signal('');
  protected readonly savingVersion = signal(false);
  protected readonly versionMessage = signal<{ text: string; bad: boolean } | null>(null);

  protected openNaming(): void {
    this.naming.set(true);
    this.versionMessage.set(null);
    this.focusLater('version-name');
  }

  protected closeNaming(): void {
    this.naming.set(false);
    this.versionName.set('');
    this.focusLater('save-version');
  }

  /** Saves what is pending and names the editing session's version; later edits start a new one. */
  protected async saveVersion(): Promise<void> {
    const name = this.versionName().trim();
    if (!name) {
      this.versionMessage.set({ text: this.texts.t('recordModel.version.nameMissing'), bad: true });
      this.focusLater('version-name');
      return;
    }
    this.savingVersion.set(true);
    const result = await this.editor().saveVersion(name);
    this.savingVersion.set(false);
    if (result.ok) {
      this.versionMessage.set({ text: this.texts.t('recordModel.version.saved', { version: this.editor().version(), name }), bad: false });
      this.closeNaming();
    } else {
      this.versionMessage.set({ text: result.message ?? this.texts.t('recordModel.version.failed'), bad: true });
    }
  }

  protected readonly statusText = computed(() => {
    const status = this.editor().status();
    switch (status.kind) {
      case 'saving':
        return this.texts.t('record.save.saving');
      case 'saved':
        return this.texts.t('record.save.saved', { time: this.texts.time(status.at) });
      case 'conflict':
        return this.texts.t('record.save.conflict');
      case 'error':
        if (status.unreachable) return this.texts.t('record.save.unreachable');
        return status.message ? this.texts.t('record.save.error', { message: status.message }) : this.texts.t('record.save.failed');
      default:
        return '';
    }
  });

  protected incompleteFor(field: string): string[] {
    const items = this.incomplete().filter((i) => i.field === field);
    // One line per kind of item (an impact's "no direction yet" once, with how many).
    const seen = new Map<string, { text: string; count: number }>();
    for (const item of items) {
      const text = this.texts.t(`recordModel.incomplete.${item.code}`, item.params ?? {});
      const entry = seen.get(text);
      if (entry) entry.count += 1;
      else seen.set(text, { text, count: 1 });
    }
    return [...seen.values()].map(({ text, count }) => (count > 1 ? `${text} (${count})` : text));
  }

  protected alternativeName(alternative: RecordAlternative, index: number): string {
    return alternativeName(alternative, index, this.texts);
  }

  protected wellbeingSet(): WellbeingSet {
    return this.editor().detail()?.wellbeing ?? { framework: 'none', indicators: [] };
  }

  protected alternatives(): RecordAlternative[] {
    return this.editor().value('alternatives.items') ?? [];
  }

  protected text(field: TextField): string {
    return (this.editor().value(field) as string | null | undefined) ?? '';
  }

  protected setText(field: TextField, value: string): void {
    if (field === 'plannedMeetingDate' || field === 'caseNumber') {
      this.editor().set(field, value === '' ? null : value);
      return;
    }
    this.editor().set(field, value as never);
  }

  protected flush(): void {
    void this.editor().flush();
  }

  // --- scope ---

  protected groupNote(group: VulnerableGroup): { group: string; note: string } | undefined {
    return (this.editor().value('scope.vulnerableGroups') ?? []).find((g) => g.group === group);
  }

  protected toggleGroup(group: VulnerableGroup, checked: boolean): void {
    const current = this.editor().value('scope.vulnerableGroups') ?? [];
    const next = checked ? [...current, { group, note: '' }] : current.filter((g) => g.group !== group);
    this.editor().set('scope.vulnerableGroups', orderGroups(next));
  }

  /** The groups the official named (not in the known list), in the order given. */
  protected readonly namedGroups = computed(() =>
    (this.editor().value('scope.vulnerableGroups') ?? []).filter((g) => !(VULNERABLE_GROUPS as readonly string[]).includes(g.group)),
  );
  protected readonly namedGroupError = signal<string | null>(null);

  protected addNamedGroup(input: HTMLInputElement): void {
    const name = input.value.trim();
    const current = this.editor().value('scope.vulnerableGroups') ?? [];
    if (!name) {
      this.namedGroupError.set(this.texts.t('recordModel.namedGroups.empty'));
      return;
    }
    const known = VULNERABLE_GROUPS.find((g) => this.texts.t(`content.vulnerable.${g}.name`).toLowerCase() === name.toLowerCase());
    if (current.some((g) => g.group.toLowerCase() === name.toLowerCase() || g.group === known)) {
      this.namedGroupError.set(this.texts.t('recordModel.namedGroups.twice', { group: name }));
      return;
    }
    if (current.length >= RECORD_LIMITS.vulnerableGroups) {
      this.namedGroupError.set(this.texts.t('recordModel.namedGroups.tooMany', { max: RECORD_LIMITS.vulnerableGroups }));
      return;
    }
    this.namedGroupError.set(null);
    this.editor().set('scope.vulnerableGroups', orderGroups([...current, { group: known ?? name, note: '' }]));
    input.value = '';
    const index = this.namedGroups().findIndex((g) => g.group === name);
    this.focusLater(known ? `vg-${known}-note` : `vg-named-${index}-note`);
  }

  protected setNamedGroupNote(group: string, note: string): void {
    const current = this.editor().value('scope.vulnerableGroups') ?? [];
    this.editor().set(
      'scope.vulnerableGroups',
      current.map((g) => (g.group === group ? { ...g, note } : g)),
    );
  }

  protected removeNamedGroup(group: string): void {
    const current = this.editor().value('scope.vulnerableGroups') ?? [];
    this.editor().set(
      'scope.vulnerableGroups',
      current.filter((g) => g.group !== group),
    );
    void this.editor().flush();
    this.focusLater('vg-new-name');
  }

  protected setGroupNote(group: VulnerableGroup, note: string): void {
    const current = this.editor().value('scope.vulnerableGroups') ?? [];
    this.editor().set(
      'scope.vulnerableGroups',
      current.map((g) => (g.group === group ? { ...g, note } : g)),
    );
  }

  // --- legal basis ---

  protected articlesText(): string {
    return (this.editor().value('legalBasis.uncrcArticles') ?? []).join(', ');
  }

  protected setArticles(event: Event): void {
    const raw = (event.target as HTMLInputElement).value;
    const tokens = raw.split(/[\s,;]+/).filter(Boolean);
    const numbers = tokens.map((t) => Number(t.replace(/^(art\.?|artikla|artikel|article)/i, '')));
    const bad = tokens.filter((_, i) => !Number.isInteger(numbers[i]) || numbers[i] < UNCRC_ARTICLE_MIN || numbers[i] > UNCRC_ARTICLE_MAX);
    if (bad.length) {
      this.articlesError.set(
        this.texts.t('content.legal.articlesInvalid', { bad: bad.join(', '), min: UNCRC_ARTICLE_MIN, max: UNCRC_ARTICLE_MAX }),
      );
      return;
    }
    this.articlesError.set(null);
    const unique = [...new Set(numbers)].sort((a, b) => a - b);
    this.editor().set('legalBasis.uncrcArticles', unique);
    (event.target as HTMLInputElement).value = unique.join(', ');
  }

  // --- lists ---

  protected items<F extends ListField>(field: F): ItemOf<F>[] {
    return (this.editor().value(field) ?? []) as ItemOf<F>[];
  }

  protected setItem<F extends ListField>(field: F, id: string, key: string, value: string | null): void {
    const items = this.items(field).map((item) => (item.id === id ? { ...item, [key]: value } : item));
    this.editor().set(field, items as RecordValues[F]);
  }

  protected addAlternative(): void {
    const alternative: RecordAlternative = { id: newId(), title: '', description: '', defaultName: null };
    // An impact per general principle, nothing judged yet (the API's rule: withGeneralPrinciples in contracts).
    this.editor().setMany({
      'alternatives.items': [...this.alternatives(), alternative],
      'impactMatrix.rows': withGeneralPrinciples([alternative], this.editor().value('impactMatrix.rows') ?? [], newId),
    });
    this.focusLater(`alt-${alternative.id}-title`);
  }

  /** Removes an alternative with its matrix rows (saved together). */
  protected removeAlternative(id: string): void {
    this.editor().setMany({
      'alternatives.items': this.alternatives().filter((a) => a.id !== id),
      'impactMatrix.rows': (this.editor().value('impactMatrix.rows') ?? []).filter((r) => r.alternativeId !== id),
    });
    void this.editor().flush();
    this.focusLater('add-alternative');
  }

  /** Evidence dates typed but not (yet) a year, range, month or day: kept out of the draft, which always saves. */
  private readonly unparsedDates = new Map<string, string>();
  protected readonly dateErrors = signal<Record<string, string>>({});

  protected setEvidenceDate(id: string, text: string): void {
    const value = text.trim();
    if (value === '' || normalizeEvidenceDate(value) !== null) {
      this.unparsedDates.delete(id);
      this.dateErrors.update((errors) => without(errors, id));
      this.setItem('evidence.items', id, 'date', value || null);
    } else {
      this.unparsedDates.set(id, value);
    }
  }

  /** Said when the field is left, not while a range is half typed. */
  protected showDateError(id: string): void {
    if (this.unparsedDates.has(id))
      this.dateErrors.update((errors) => ({ ...errors, [id]: this.texts.t('recordModel.evidence.dateInvalid') }));
  }

  protected addEvidence(): void {
    const item: EvidenceItem = { id: newId(), source: '', url: '', date: null, finding: '' };
    this.editor().set('evidence.items', [...this.items('evidence.items'), item]);
    this.focusLater(`ev-${item.id}-source`);
  }

  protected addIndicator(): void {
    const item: FollowUpIndicator = { id: newId(), indicator: '', owner: '', dueDate: null };
    this.editor().set('followUp.indicators', [...this.items('followUp.indicators'), item]);
    this.focusLater(`ind-${item.id}-indicator`);
  }

  protected removeItem(field: 'evidence.items' | 'followUp.indicators', id: string, focusId: string): void {
    if (field === 'evidence.items')
      this.editor().set(
        field,
        this.items(field).filter((i) => i.id !== id),
      );
    else
      this.editor().set(
        field,
        this.items(field).filter((i) => i.id !== id),
      );
    void this.editor().flush();
    this.focusLater(focusId);
  }

  protected setMatrix(rows: ImpactMatrixRow[]): void {
    this.editor().set('impactMatrix.rows', rows);
  }

  // --- children's views ---

  protected toggleMethod(method: ViewMethod, checked: boolean): void {
    const current = this.editor().value('childrensViews.methods') ?? [];
    const next = checked ? [...current, method] : current.filter((m) => m !== method);
    this.editor().set(
      'childrensViews.methods',
      VIEW_METHODS.filter((m) => next.includes(m)),
    );
  }

  // --- conflict panel ---

  protected label(field: RecordField): string {
    return this.texts.t(fieldKey(field));
  }

  protected show(field: RecordField, value: unknown): string {
    return displayValue(field, value, this.texts, { alternatives: this.alternatives() });
  }

  protected changeText(change: { version: number; changedAt: string; changedBy: string | null; fields: string[] }): string {
    return this.texts.t('record.conflict.change', {
      who: change.changedBy || this.texts.t('record.conflict.someone'),
      version: change.version,
      time: change.changedAt ? this.texts.date(change.changedAt, true) : '',
      fields: change.fields.map((f) => this.texts.t(fieldKey(f))).join(', '),
    });
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#${id}`)?.focus(), { injector: this.injector });
  }
}

/** Known groups in the list's order, then the groups the official named in the order given (as the API keeps them). */
function orderGroups<T extends { group: string }>(groups: readonly T[]): T[] {
  const known = VULNERABLE_GROUPS as readonly string[];
  return [...VULNERABLE_GROUPS.flatMap((g) => groups.filter((x) => x.group === g)), ...groups.filter((x) => !known.includes(x.group))];
}

import { HttpErrorResponse } from '@angular/common/http';
import { computed, signal } from '@angular/core';
import {
  AGE_GROUPS,
  CONTENT_FIELDS,
  type AgeGroup,
  type AgeRange,
  type ApiError,
  type AssessmentDetail,
  type ContentField,
  type ContentSection,
  type ImpactKind,
  type RecordContent,
  type UpdateAssessmentRequest,
} from '@lava/contracts';
import { apiError } from '../../../shared/api-error';
import { mergeListByKey } from './list-merge';
import { LIST_FIELDS } from './record-values';

/** The basics, screening and summary fields the record page edits, named as the API names them in versions and conflicts. */
export const BASE_FIELDS = [
  'title',
  'plannedMeetingDate',
  'caseNumber',
  'screening.affectsChildren',
  'screening.impactKind',
  'screening.ageGroups',
  'screening.ageRange',
  'screening.rationale',
  'plainLanguageSummary',
  'plainLanguageSummarySv',
] as const;
/** Every field the record page edits: the base fields and the content sections (`<section>.<field>`). */
export const RECORD_FIELDS = [...BASE_FIELDS, ...CONTENT_FIELDS] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** The value of a content field (`impactMatrix.rows` → ImpactMatrixRow[]). */
export type ContentValue<K extends ContentField> = K extends `${infer S extends ContentSection}.${infer F}`
  ? F extends keyof RecordContent[S]
    ? RecordContent[S][F]
    : never
  : never;

export type RecordValues = {
  title: string;
  plannedMeetingDate: string | null;
  caseNumber: string | null;
  'screening.affectsChildren': boolean | null;
  'screening.impactKind': ImpactKind | null;
  'screening.ageGroups': AgeGroup[];
  'screening.ageRange': AgeRange | null;
  'screening.rationale': string;
  plainLanguageSummary: string;
  plainLanguageSummarySv: string;
} & { [K in ContentField]: ContentValue<K> };

export type ApiRefusal = NonNullable<ApiError['refusals']>[number];
export type ConflictChange = NonNullable<ApiError['conflict']>['changes'][number];

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'conflict' }
  /** `message`: the API's sentence; null when there was none (the page says "could not be saved"). */
  | { kind: 'error'; message: string | null; unreachable?: boolean };

/** A field both sessions changed: the other session's saved value; "mine" is the editor's draft. */
export interface FieldConflict {
  field: RecordField;
  theirs: RecordValues[RecordField];
}

export interface RecordConflict {
  /** Who saved what since the version this editor had. */
  changes: ConflictChange[];
  /** Fields waiting for "Keep mine" or "Use theirs"; not saved until then. */
  fields: FieldConflict[];
}

/** How the editor talks to the API (the page adapts AssessmentsApi; tests pass fakes). */
export interface RecordPort {
  update(body: UpdateAssessmentRequest): Promise<AssessmentDetail>;
  get(): Promise<AssessmentDetail>;
  /** After every successful save (the page reloads the actions and the history). */
  saved?(detail: AssessmentDetail): void;
}

export function valuesOf(detail: AssessmentDetail): RecordValues {
  const values: Record<string, unknown> = {
    title: detail.title,
    plannedMeetingDate: detail.plannedMeetingDate,
    caseNumber: detail.caseNumber,
    'screening.affectsChildren': detail.screening.affectsChildren,
    'screening.impactKind': detail.screening.impactKind,
    'screening.ageGroups': sortAgeGroups(detail.screening.ageGroups),
    'screening.ageRange': detail.screening.ageRange ?? null,
    'screening.rationale': detail.screening.rationale,
    plainLanguageSummary: detail.plainLanguageSummary,
    plainLanguageSummarySv: detail.plainLanguageSummarySv,
  };
  for (const field of CONTENT_FIELDS) {
    const [section, name] = field.split('.') as [ContentSection, string];
    values[field] = (detail[section] as unknown as Record<string, unknown> | undefined)?.[name];
  }
  return values as RecordValues;
}

export function sortAgeGroups(groups: readonly AgeGroup[]): AgeGroup[] {
  return AGE_GROUPS.filter((g) => groups.includes(g));
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The PATCH body for some fields at a version: only those fields, nested as the API wants them. */
export function patchBody(
  values: Partial<RecordValues>,
  version: number,
  extra: Pick<UpdateAssessmentRequest, 'versionName' | 'resolvesConflict'> = {},
): UpdateAssessmentRequest {
  const body: Record<string, unknown> = { version, ...extra };
  for (const [field, value] of Object.entries(values)) {
    const dot = field.indexOf('.');
    if (dot === -1) {
      body[field] = value;
      continue;
    }
    const section = field.slice(0, dot);
    const nested = (body[section] ??= {}) as Record<string, unknown>;
    nested[field.slice(dot + 1)] = value;
  }
  return body as unknown as UpdateAssessmentRequest;
}

/**
 * The record's editable fields with autosave and conflict handling, as signals:
 * - `set()` changes the draft and saves about a second after the last change (`flush()` on blur);
 * - a save sends only the changed fields with the version the editor has;
 * - on a 409 for a stale version it loads the current record: fields the other session did not
 *   touch keep the draft and are saved again on the new version; fields both changed wait for
 *   `keepMine()` or `useTheirs()`. Nothing typed is lost.
 */
export class RecordEditor {
  private readonly detailState = signal<AssessmentDetail | null>(null);
  private readonly baseState = signal<RecordValues | null>(null);
  private readonly draftState = signal<RecordValues | null>(null);
  private readonly statusState = signal<SaveStatus>({ kind: 'idle' });
  private readonly conflictState = signal<RecordConflict | null>(null);
  private readonly refusalsState = signal<ApiRefusal[]>([]);

  /** The record as last loaded or saved. */
  readonly detail = this.detailState.asReadonly();
  readonly draft = this.draftState.asReadonly();
  readonly conflict = this.conflictState.asReadonly();
  /** Why the API refused the last save (editing is then locked until the record is reloaded). */
  readonly refusals = this.refusalsState.asReadonly();
  /** Set by the page from the workflow's `canEditContent`. */
  readonly allowed = signal(true);
  readonly editable = computed(() => this.allowed() && this.refusalsState().length === 0 && this.detailState() !== null);
  readonly version = computed(() => this.detailState()?.version ?? 0);
  /** "Not saved: conflict" while a conflicting field waits for a choice, else the last save's outcome. */
  readonly status = computed<SaveStatus>(() => (this.conflictState()?.fields.length ? { kind: 'conflict' } : this.statusState()));
  /** Changed fields not yet saved, conflicting ones excluded. */
  readonly pending = computed(() => {
    const base = this.baseState();
    const draft = this.draftState();
    if (!base || !draft) return [];
    const held = new Set(this.conflictState()?.fields.map((c) => c.field) ?? []);
    return RECORD_FIELDS.filter((f) => !held.has(f) && !sameValue(base[f], draft[f]));
  });

  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private again = false;
  /** The next save keeps a conflicting field as mine: the API keeps it as its own version. */
  private resolving = false;

  constructor(
    private readonly port: RecordPort,
    private readonly debounceMs = 1000,
  ) {}

  /** Starts from a record fresh from the API (first load, after a transition). */
  load(detail: AssessmentDetail): void {
    this.cancelTimer();
    const values = valuesOf(detail);
    this.detailState.set(detail);
    this.baseState.set(values);
    this.draftState.set(values);
    this.conflictState.set(null);
    this.refusalsState.set([]);
  }

  value<F extends RecordField>(field: F): RecordValues[F] | undefined {
    return this.draftState()?.[field];
  }

  set<F extends RecordField>(field: F, value: RecordValues[F]): void {
    const draft = this.draftState();
    if (field === 'screening.ageGroups') value = sortAgeGroups(value as AgeGroup[]) as RecordValues[F];
    if (!draft || !this.editable() || sameValue(draft[field], value)) return;
    this.draftState.set({ ...draft, [field]: value });
    this.cancelTimer();
    this.timer = setTimeout(() => void this.save(), this.debounceMs);
  }

  /** Changes several fields at once (an alternative removed with its matrix rows), saved together. */
  setMany(values: Partial<RecordValues>): void {
    const draft = this.draftState();
    if (!draft || !this.editable()) return;
    const next = { ...draft, ...values };
    if (sameValue(next, draft)) return;
    this.draftState.set(next);
    this.cancelTimer();
    this.timer = setTimeout(() => void this.save(), this.debounceMs);
  }

  /** Saves now (on blur). */
  flush(): Promise<void> {
    this.cancelTimer();
    return this.save();
  }

  /** Saves until nothing is pending; false when something could not be saved (conflict, error). */
  async settle(): Promise<boolean> {
    this.cancelTimer();
    for (let i = 0; i < 5; i++) {
      if (this.inFlight) await this.inFlight;
      if (this.conflictState()?.fields.length || this.statusState().kind === 'error') return false;
      if (this.pending().length === 0 || !this.editable()) return true;
      await this.save();
    }
    return this.pending().length === 0;
  }

  /** Keeps my value of a conflicting field; the save says it resolves a conflict (its own version in the history). */
  keepMine(field: RecordField): Promise<void> {
    this.resolve(field);
    this.resolving = true;
    return this.flush();
  }

  /**
   * "Save a version": saves what is pending, then closes the editing session's version under a name.
   * With nothing new since the last version the API names the newest version when it is this
   * person's unnamed edit, else answers 400. `message` is the API's sentence (null: none, or a
   * conflict or error the save status already tells).
   */
  async saveVersion(name: string): Promise<{ ok: true } | { ok: false; message: string | null }> {
    if (!(await this.settle())) return { ok: false, message: null };
    const detail = this.detailState();
    if (!detail || !this.editable()) return { ok: false, message: null };
    try {
      const saved = await this.port.update({ version: detail.version, versionName: name });
      this.detailState.set(saved);
      this.statusState.set({ kind: 'saved', at: new Date() });
      this.port.saved?.(saved);
      return { ok: true };
    } catch (error) {
      const body = apiError(error);
      if (body?.conflict || (error instanceof HttpErrorResponse && error.status === 0)) {
        await this.failed(error);
        return { ok: false, message: null };
      }
      return { ok: false, message: body?.message ?? null };
    }
  }

  useTheirs(field: RecordField): Promise<void> {
    const conflict = this.conflictState()?.fields.find((c) => c.field === field);
    const draft = this.draftState();
    if (conflict && draft) this.draftState.set({ ...draft, [field]: conflict.theirs });
    this.resolve(field);
    return this.flush();
  }

  /** Closes the conflict panel once nothing waits for a choice. */
  dismissConflict(): void {
    if (!this.conflictState()?.fields.length) this.conflictState.set(null);
  }

  destroy(): void {
    this.cancelTimer();
  }

  private resolve(field: RecordField): void {
    const conflict = this.conflictState();
    if (!conflict) return;
    const fields = conflict.fields.filter((c) => c.field !== field);
    this.conflictState.set(fields.length ? { ...conflict, fields } : null);
  }

  private save(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    const draft = this.draftState();
    const fields = this.pending();
    if (!draft || fields.length === 0 || !this.editable()) return Promise.resolve();
    const sent: Partial<RecordValues> = {};
    for (const f of fields) (sent as Record<string, unknown>)[f] = draft[f];
    this.statusState.set({ kind: 'saving' });
    const resolving = this.resolving;
    this.resolving = false;
    this.inFlight = this.send(sent, resolving).finally(() => {
      this.inFlight = null;
      if (this.again) {
        this.again = false;
        void this.save();
      }
    });
    return this.inFlight;
  }

  private async send(sent: Partial<RecordValues>, resolvesConflict = false): Promise<void> {
    try {
      const detail = await this.port.update(patchBody(sent, this.version(), resolvesConflict ? { resolvesConflict } : {}));
      // The draft keeps whatever was typed while the request was under way; it is saved next.
      // Fields unchanged since sending take the server's value (so a normalised value does not loop).
      // Fields nobody edited here take the server's value too (the API adds matrix rows for a new alternative).
      const saved = valuesOf(detail);
      const base = this.baseState();
      const draft = { ...this.draftState() } as Record<RecordField, unknown>;
      for (const f of RECORD_FIELDS) {
        if (f in sent ? sameValue(draft[f], sent[f]) : base && sameValue(draft[f], base[f])) draft[f] = saved[f];
      }
      this.detailState.set(detail);
      this.baseState.set(saved);
      this.draftState.set(draft as unknown as RecordValues);
      this.statusState.set({ kind: 'saved', at: new Date() });
      this.port.saved?.(detail);
      if (this.pending().length) this.again = true;
    } catch (error) {
      await this.failed(error);
    }
  }

  private async failed(error: unknown): Promise<void> {
    const body = apiError(error);
    if (body?.conflict) {
      this.statusState.set({ kind: 'conflict' });
      await this.rebase(body.conflict.changes);
      return;
    }
    if (body?.refusals?.length) {
      this.refusalsState.set(body.refusals);
      this.statusState.set({ kind: 'error', message: body.message });
      return;
    }
    if (body?.details?.length) {
      const message = body.details.map((d) => `${d.field}: ${d.messages.join(' ')}`).join(' ');
      this.statusState.set({ kind: 'error', message });
      return;
    }
    const unreachable = error instanceof HttpErrorResponse && error.status === 0;
    this.statusState.set({ kind: 'error', message: body?.message ?? null, unreachable });
  }

  /** Moves the draft onto the current record after a stale-version 409. */
  private async rebase(changes: ConflictChange[]): Promise<void> {
    let latest: AssessmentDetail;
    try {
      latest = await this.port.get();
    } catch (error) {
      this.statusState.set({ kind: 'error', message: apiError(error)?.message ?? null });
      return;
    }
    const oldBase = this.baseState();
    const draft = this.draftState();
    if (!oldBase || !draft) return;
    const theirs = valuesOf(latest);
    const touched = new Set(changes.flatMap((c) => c.fields));
    const next = { ...draft } as Record<RecordField, unknown>;
    const fields: FieldConflict[] = [];
    for (const f of RECORD_FIELDS) {
      const mineChanged = !sameValue(draft[f], oldBase[f]);
      const theyChanged = touched.has(f) || !sameValue(theirs[f], oldBase[f]);
      if (!mineChanged) next[f] = theirs[f];
      else if (theyChanged && !sameValue(theirs[f], draft[f])) {
        // Lists merge item by item; only the same item changed on both sides needs a person.
        const merged = mergeListField(f, oldBase[f], draft[f], theirs[f]);
        if (merged) next[f] = merged;
        else fields.push({ field: f, theirs: theirs[f] });
      }
    }
    this.detailState.set(latest);
    this.baseState.set(theirs);
    this.draftState.set(next as unknown as RecordValues);
    const previous = this.conflictState()?.changes ?? [];
    const seen = new Set(previous.map((c) => c.version));
    this.conflictState.set({ changes: [...previous, ...changes.filter((c) => !seen.has(c.version))], fields });
    this.port.saved?.(latest);
    if (this.pending().length) this.again = true;
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** A list field merged by item (see list-merge.ts), or null for a text field or a real conflict. */
function mergeListField(field: RecordField, base: unknown, mine: unknown, theirs: unknown): unknown[] | null {
  if (!LIST_FIELDS.includes(field) || !Array.isArray(base) || !Array.isArray(mine) || !Array.isArray(theirs)) return null;
  const key = field === 'scope.vulnerableGroups' ? (g: { group: string }) => g.group : (item: { id: string }) => item.id;
  return mergeListByKey(base, mine, theirs, key as (item: unknown) => string);
}

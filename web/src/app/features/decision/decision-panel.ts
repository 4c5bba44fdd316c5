import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { DECISION_OUTCOMES, REVIEW_LIMITS, type AssessmentDetail, type DecisionOutcome, type DecisionView } from '@lava/contracts';
import { DECISION_OUTCOME_ACTIONS, finnishDate, type AvailableAction } from '@lava/workflow';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { registerUnsavedWork } from '../../core/unsaved/unsaved-work';
import { apiError } from '../../shared/api-error';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { WorkflowTexts } from '../assessments/record/workflow-texts';
import { ReviewApi } from '../review/review.api';
import {
  EMPTY_DECISION_FORM,
  decisionRequest,
  requiresFollowUp,
  takesFollowUp,
  validateDecisionForm,
  type DecisionErrors,
  type DecisionField,
  type DecisionForm,
} from './decision-form';
import { assessmentPlace } from '../../shared/assessment-place';

/** The actions the decision panel takes (with their payload); the action bar leaves them out. */
export const DECISION_PANEL_ACTIONS: readonly string[] = ['record_decision', 'table', 'return_for_preparation'];

const FIELD_IDS: Record<DecisionField, string> = {
  outcome: 'decision-outcome-0',
  meetingDate: 'decision-meeting-date',
  minutesSection: 'decision-section',
  decisionText: 'decision-text',
  followUpDate: 'decision-follow-up',
  confirmed: 'decision-confirm',
};
const API_FIELDS: Record<string, DecisionField> = {
  'decision.outcome': 'outcome',
  'decision.meetingDate': 'meetingDate',
  'decision.minutesSection': 'minutesSection',
  'decision.decisionText': 'decisionText',
  'decision.followUpDate': 'followUpDate',
};

/**
 * The committee's decision: every signed decision of the assessment (tabled, returned, recorded)
 * and, for the chair while the matter is in decision, the sign-off form: outcome, meeting date,
 * minutes section (§), the decision text, the follow-up date and the chair's confirmation.
 */
@Component({
  selector: 'lava-decision-panel',
  imports: [TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './decision-panel.html',
  styleUrl: './decision-panel.css',
})
export class DecisionPanel {
  readonly assessment = input.required<AssessmentDetail>();
  /** Every action out of the current stage (the page's list), to know what the chair may do now. */
  readonly actions = input.required<readonly AvailableAction[]>();
  /** The decision was signed: the assessment in its new stage. */
  readonly decided = output<AssessmentDetail>();

  private readonly api = inject(ReviewApi);
  private readonly auth = inject(AuthService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly texts = inject(WorkflowTexts);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly limits = REVIEW_LIMITS;
  protected readonly ids = FIELD_IDS;

  protected readonly decisions = signal<readonly DecisionView[]>([]);
  protected readonly loadFailed = signal(false);
  protected readonly form = signal<DecisionForm>({ ...EMPTY_DECISION_FORM });
  protected readonly errors = signal<DecisionErrors>({});
  protected readonly apiErrors = signal<Partial<Record<DecisionField, string>>>({});
  protected readonly failure = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly status = signal<string | null>(null);
  protected readonly today = finnishDate(new Date());

  /** The outcomes the chair may record now (recording needs the review checklist complete; tabling and returning do not). */
  protected readonly outcomes = computed<readonly DecisionOutcome[]>(() => {
    if (this.assessment().stage !== 'decision') return [];
    const allowed = new Set(
      this.actions()
        .filter((a) => a.allowed)
        .map((a) => a.action as string),
    );
    return DECISION_OUTCOMES.filter((o) => allowed.has(DECISION_OUTCOME_ACTIONS[o]));
  });
  protected readonly canDecide = computed(() => this.outcomes().length > 0);
  /** Why recording is refused now, for the chair who may table or return but not record. */
  protected readonly recordRefusals = computed(
    () => this.actions().find((a) => a.action === 'record_decision' && !a.allowed)?.reasons ?? [],
  );
  protected readonly isChair = computed(() => this.auth.hasRole('committee_chair'));
  /** Shown from the start (an approval needs it); hidden only for an outcome that takes none (tabled, returned). */
  protected readonly showFollowUp = computed(() => this.form().outcome === null || takesFollowUp(this.form().outcome));
  protected readonly followUpRequired = computed(() => requiresFollowUp(this.form().outcome));
  protected readonly chairName = computed(() => this.auth.user()?.displayName ?? '');
  protected readonly errorList = computed(() => {
    const all = { ...this.apiErrors(), ...this.errors() };
    return (Object.keys(FIELD_IDS) as DecisionField[]).filter((f) => all[f]).map((f) => ({ field: f, text: this.errorText(f) }));
  });

  private readonly place = assessmentPlace(this.assessment);

  constructor() {
    // A decision filled in but not signed: leaving asks first (the tick box alone is no work).
    registerUnsavedWork({
      unsaved: () => JSON.stringify({ ...this.form(), confirmed: false }) !== JSON.stringify(EMPTY_DECISION_FORM),
    });
    effect(() => {
      // Reloaded when the assessment or its stage changes, not on every autosave; a decision that
      // keeps the stage (tabled) reloads the panel itself.
      const id = this.place().id;
      untracked(() => void this.load(id));
    });
  }

  protected async load(id = this.assessment().id): Promise<void> {
    try {
      this.decisions.set(await firstValueFrom(this.api.decisions(id)));
      this.loadFailed.set(false);
    } catch {
      this.loadFailed.set(true);
    }
  }

  protected set<K extends keyof DecisionForm>(field: K, value: DecisionForm[K]): void {
    this.form.update((f) => ({ ...f, [field]: value }));
    if (this.errors()[field as DecisionField] || this.apiErrors()[field as DecisionField]) {
      this.errors.update((e) => ({ ...e, [field]: undefined }));
      this.apiErrors.update((e) => ({ ...e, [field]: undefined }));
    }
  }

  protected errorText(field: DecisionField): string {
    const key = this.errors()[field];
    if (key) return this.texts.t(key, { max: REVIEW_LIMITS.minutesSection });
    return this.apiErrors()[field] ?? '';
  }

  protected describedBy(field: DecisionField, hint?: string): string | null {
    const ids = [hint, this.errorText(field) ? `${FIELD_IDS[field]}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.failure.set(null);
    this.apiErrors.set({});
    const form = this.form();
    const errors = validateDecisionForm(form, finnishDate(new Date()));
    this.errors.set(errors);
    const first = (Object.keys(FIELD_IDS) as DecisionField[]).find((f) => errors[f]);
    if (first) {
      this.focus(`#${FIELD_IDS[first]}`);
      return;
    }
    this.busy.set(true);
    try {
      const detail = await firstValueFrom(this.api.decide(this.assessment().id, decisionRequest(form, this.assessment().version)));
      this.form.set({ ...EMPTY_DECISION_FORM });
      this.errors.set({});
      this.status.set(this.texts.t('decision.signed', { outcome: this.texts.t(`decision.outcomes.${form.outcome}`) }));
      this.decided.emit(detail);
      await this.load(detail.id);
      this.focus('#decision-heading');
    } catch (error) {
      const body = apiError(error);
      const fieldProblems: Partial<Record<DecisionField, string>> = {};
      for (const d of body?.details ?? []) {
        const field = API_FIELDS[d.field];
        if (field) fieldProblems[field] = d.messages.join(' ');
      }
      this.apiErrors.set(fieldProblems);
      const firstApi = (Object.keys(FIELD_IDS) as DecisionField[]).find((f) => fieldProblems[f]);
      if (firstApi) this.focus(`#${FIELD_IDS[firstApi]}`);
      else if (body?.refusals?.length) this.failure.set(body.refusals.map((r) => this.texts.refusal(r)).join(' '));
      else this.failure.set(body?.message ?? this.texts.t('decision.failed'));
    } finally {
      this.busy.set(false);
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}

import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AssessmentDetail } from '@lava/contracts';
import { canEditContent, isWorkflowRole, type AvailableAction } from '@lava/workflow';
import { firstValueFrom } from 'rxjs';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { registerUnsavedWork } from '../../core/unsaved/unsaved-work';
import { apiError } from '../../shared/api-error';
import { FragmentLink } from '../../shared/fragment-link/fragment-link';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { StageBar } from '../../shared/stage-bar/stage-bar';
import { AssessmentsApi } from './assessments.api';
import { contentFacts } from './content-facts';
import { ActionBar, type ActionRequest } from './record/action-bar';
import { RecordEditor, type ApiRefusal } from './record/record-editor';
import { RecordForm } from './record/record-form';
import { VersionHistory } from './record/version-history';
import { VersionList } from './record/version-list';
import { CommentsPanel } from '../comments/comments-panel';
import { WorkflowTexts } from './record/workflow-texts';
import { DecisionPanel, DECISION_PANEL_ACTIONS } from '../decision/decision-panel';
import { ReviewPanel } from '../review/review-panel';
import { ConsultationPanel } from '../consultation/consultation-panel';
import { FollowUpPanel } from '../follow-up/follow-up-panel';
import { PublicationPanel } from '../public/publication-panel';

type PageState = 'loading' | 'ok' | 'notFound' | 'error';

/** The assessment record: header, stage, the actions the workflow offers, the screening and the history. */
@Component({
  selector: 'lava-assessment-detail-page',
  imports: [
    RouterLink,
    FragmentLink,
    TranslocoPipe,
    LocalDatePipe,
    StageBar,
    ActionBar,
    RecordForm,
    VersionHistory,
    ReviewPanel,
    DecisionPanel,
    ConsultationPanel,
    CommentsPanel,
    FollowUpPanel,
    PublicationPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-detail.page.html',
  styleUrl: './assessment-detail.page.css',
})
export class AssessmentDetailPage {
  /** Route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  private readonly api = inject(AssessmentsApi);
  private readonly auth = inject(AuthService);
  private readonly announcer = inject(AnnouncerService);
  private readonly texts = inject(WorkflowTexts);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly language = inject(LanguageService).language;
  protected readonly locale = inject(LanguageService).locale;
  /**
   * Committee and municipality names fetched again in the language now on screen (the API answers in
   * the request's language); the record itself is not reloaded, so nothing typed is disturbed.
   */
  protected readonly orgNames = signal<{ committee: string; municipality: string } | null>(null);

  protected readonly state = signal<PageState>('loading');
  protected readonly actions = signal<readonly AvailableAction[]>([]);
  protected readonly actionsFailed = signal(false);
  protected readonly history = new VersionList((before) => firstValueFrom(this.api.versions(this.id(), before)));
  protected readonly busy = signal(false);
  /** The decision's actions need their payload, so the decision panel takes them, not the action bar. */
  protected readonly barActions = computed(() => this.actions().filter((a) => !DECISION_PANEL_ACTIONS.includes(a.action)));
  protected readonly actionError = signal<{ text: string | null; key: string | null; refusals: ApiRefusal[] } | null>(null);

  protected readonly editor = new RecordEditor({
    update: (body) => firstValueFrom(this.api.update(this.id(), body)),
    get: () => firstValueFrom(this.api.get(this.id())),
    saved: () => void this.refreshSide(),
  });
  protected readonly assessment = this.editor.detail;

  /** The workflow's answer to "may I edit the content", from what the page knows; the API has the last word. */
  protected readonly permission = computed(() => {
    const detail = this.assessment();
    const user = this.auth.user();
    if (!detail || !user) return { allowed: false, reasons: [] };
    const here = user.memberships.filter((m) => m.organizationId === detail.municipalityId);
    const roles = (here.length ? here : user.memberships).map((m) => m.role).filter(isWorkflowRole);
    return canEditContent(contentFacts(detail), { userId: user.id, roles });
  });

  constructor() {
    effect(() => {
      const allowed = this.permission().allowed;
      untracked(() => this.editor.allowed.set(allowed));
    });
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    let firstLanguage = true;
    effect(() => {
      this.language();
      if (firstLanguage) {
        firstLanguage = false;
        return;
      }
      untracked(() => void this.refreshNames());
    });
    inject(DestroyRef).onDestroy(() => this.editor.destroy());
    // Leaving with a change not yet saved (or refused, or in conflict) tries the save again, then asks.
    registerUnsavedWork({
      unsaved: () => this.editor.pending().length > 0 || ['saving', 'conflict'].includes(this.editor.status().kind),
      save: async () => {
        await this.editor.flush();
        return this.editor.settle();
      },
    });
  }

  private async refreshNames(): Promise<void> {
    try {
      const fresh = await firstValueFrom(this.api.get(this.id()));
      this.orgNames.set({ committee: fresh.committeeName, municipality: fresh.municipalityName });
    } catch {
      // The names stay in the previous language; the page works on.
    }
  }

  protected async reload(): Promise<void> {
    await this.load(this.id());
  }

  protected readonly signerName = computed(() => this.auth.user()?.displayName ?? '');

  protected async take(request: ActionRequest): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      if (!(await this.editor.settle())) {
        this.actionError.set({ text: null, key: 'record.actions.saveFirst', refusals: [] });
        return;
      }
      const detail = await firstValueFrom(
        this.api.transition(this.id(), {
          action: request.action,
          version: this.editor.version(),
          reason: request.reason,
          ...(request.signatureConfirmed ? { signatureConfirmed: true } : {}),
        }),
      );
      this.editor.load(detail);
      this.announcer.announce('record.actions.movedTo', { stage: this.texts.t(`stages.${detail.stage}`) });
      await this.refreshSide();
      this.focus('#actions-heading');
    } catch (error) {
      const body = apiError(error);
      this.actionError.set({
        text: body?.message ?? null,
        key: body ? null : 'record.actions.failed',
        refusals: body?.refusals ?? [],
      });
      if (body?.conflict) {
        this.editor.load(await firstValueFrom(this.api.get(this.id())));
      }
      await this.refreshSide();
    } finally {
      this.busy.set(false);
    }
  }

  private async load(id: string): Promise<void> {
    this.state.set('loading');
    this.orgNames.set(null);
    this.history.reset();
    try {
      this.editor.load(await firstValueFrom(this.api.get(id)));
      this.state.set('ok');
      await this.refreshSide();
    } catch (error) {
      this.state.set(error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400) ? 'notFound' : 'error');
    }
  }

  /** The actions and the history change with every save and transition. */
  private async refreshSide(): Promise<void> {
    const id = this.id();
    await Promise.all([
      firstValueFrom(this.api.actions(id)).then(
        (actions) => {
          this.actions.set(actions);
          this.actionsFailed.set(false);
        },
        () => this.actionsFailed.set(true),
      ),
      this.history.refresh(),
    ]);
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }

  /** The review or decision panel changed something the workflow looks at (or signed the decision). */
  protected async featureChanged(detail: AssessmentDetail | null): Promise<void> {
    if (detail) this.editor.load(detail);
    await this.refreshSide();
  }

  protected refusalText(refusal: ApiRefusal): string {
    return this.texts.refusal(refusal);
  }
}

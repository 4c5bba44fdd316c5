import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CONSULTATION_LIMITS, type AssessmentDetail, type ConsultationView, type YouthCouncilOption } from '@lava/contracts';
import { finnishDate } from '@lava/workflow';
import { firstValueFrom, type Observable } from 'rxjs';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { registerUnsavedWork } from '../../core/unsaved/unsaved-work';
import { FragmentLink } from '../../shared/fragment-link/fragment-link';
import { apiError } from '../../shared/api-error';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { ConsultationApi, localDeadline } from './consultation.api';
import { assessmentPlace } from '../../shared/assessment-place';

/**
 * The consultation part of the assessment page. The responsible official plans the youth councils
 * to ask (in draft), then follows each council on the status board: extend a deadline, withdraw a
 * request, open the submitted statement to answer its points. Closing early is the workflow's
 * action (in the action bar above). A council member sees a link to the council's workspace.
 */
@Component({
  selector: 'lava-consultation-panel',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe, FragmentLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './consultation-panel.html',
  styleUrl: './consultation-panel.css',
})
export class ConsultationPanel {
  readonly assessment = input.required<AssessmentDetail>();
  /** The requests changed: the workflow's actions may have changed with them. */
  readonly changed = output<void>();

  private readonly api = inject(ConsultationApi);
  private readonly auth = inject(AuthService);
  private readonly announcer = inject(AnnouncerService);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly limits = CONSULTATION_LIMITS;

  protected readonly items = signal<ConsultationView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly failed = signal(false);
  protected readonly councils = signal<YouthCouncilOption[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errorKey = signal<string | null>(null);
  /** The request whose deadline is being extended, and the one asked "really withdraw?". */
  protected readonly extending = signal<string | null>(null);
  protected readonly confirming = signal<string | null>(null);

  protected readonly form = { council: signal(''), date: signal(''), time: signal('16:00'), message: signal('') };
  protected readonly extendForm = { date: signal(''), time: signal('16:00') };
  protected readonly today = finnishDate(new Date());

  protected readonly isOfficial = computed(() => {
    const user = this.auth.user();
    return !!user && user.id === this.assessment().responsibleOfficial.id;
  });
  protected readonly stage = computed(() => this.assessment().stage);
  protected readonly current = computed(() => {
    const all = this.items();
    const round = Math.max(0, ...all.map((c) => c.round));
    return all.filter((c) => c.round === round);
  });
  protected readonly earlier = computed(() => {
    const round = Math.max(0, ...this.items().map((c) => c.round));
    return this.items().filter((c) => c.round !== round);
  });
  /** Councils not yet asked in the round being planned. */
  protected readonly askable = computed(() => {
    const asked = new Set(
      this.current()
        .filter((c) => !c.closedAt)
        .map((c) => c.youthCouncil.id),
    );
    return this.councils().filter((o) => !asked.has(o.id));
  });
  /** The askable youth councils and the other bodies heard (pupil councils, NGOs, …), each in its own group of the list. */
  protected readonly askableGroups = computed(() => {
    const options = this.askable();
    return [
      { label: 'bodies.plan.youthCouncils', options: options.filter((o) => o.kind !== 'heard_body') },
      { label: 'bodies.plan.otherBodies', options: options.filter((o) => o.kind === 'heard_body') },
    ].filter((g) => g.options.length > 0);
  });
  protected readonly visible = computed(
    () => this.loaded() && (this.items().length > 0 || (this.isOfficial() && this.stage() === 'draft')),
  );

  private readonly place = assessmentPlace(this.assessment);

  /** The plain-language summary is saved: the consultation may open (the workflow checks it too). */
  protected readonly summaryWritten = computed(() => this.assessment().plainLanguageSummary.trim() !== '');

  private readonly language = inject(LanguageService).language;
  /** The language the council options were fetched in (their names come in the request's language). */
  private councilsLanguage: string | null = null;

  constructor() {
    effect(() => {
      // Reload when the stage moves (a transition opens or closes the consultation), not on every
      // autosave, and when the language changes (council names); the panel reloads itself after its own actions.
      this.place();
      this.language();
      untracked(() => void this.load());
    });
    // A message to a council typed but not sent: leaving asks first.
    registerUnsavedWork({ unsaved: () => this.form.message().trim() !== '' });
  }

  protected async load(): Promise<void> {
    const a = this.assessment();
    try {
      this.items.set(await firstValueFrom(this.api.forAssessment(a.id)));
      this.failed.set(false);
      const language = this.language();
      if (this.isOfficial() && a.stage === 'draft' && (this.councils().length === 0 || this.councilsLanguage !== language)) {
        const options = await firstValueFrom(this.api.councils(a.id));
        this.councils.set(options);
        this.councilsLanguage = language;
        if (!this.form.council()) this.form.council.set(options[0]?.id ?? '');
      }
    } catch {
      this.failed.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  protected async plan(event: Event): Promise<void> {
    event.preventDefault();
    const deadline = localDeadline(this.form.date(), this.form.time());
    if (!this.form.council() || !deadline) {
      this.fail(null, 'consultation.plan.incomplete');
      return;
    }
    const council = this.form.council();
    const ok = await this.run(
      this.api.plan(this.assessment().id, { youthCouncilId: council, deadline, message: this.form.message().trim() }),
      'consultation.plan.planned',
    );
    if (ok) {
      this.form.message.set('');
      this.form.council.set(this.askable()[0]?.id ?? '');
    }
  }

  protected async remove(c: ConsultationView): Promise<void> {
    await this.run(this.api.remove(c.id, c.version), 'consultation.plan.removed');
  }

  protected startExtending(c: ConsultationView): void {
    this.extending.set(c.id);
    const later = new Date(Math.max(Date.parse(c.deadline), Date.now()) + 7 * 86_400_000);
    this.extendForm.date.set(finnishDate(later));
  }

  protected async extend(event: Event, c: ConsultationView): Promise<void> {
    event.preventDefault();
    const deadline = localDeadline(this.extendForm.date(), this.extendForm.time());
    if (!deadline) {
      this.fail(null, 'consultation.plan.incomplete');
      return;
    }
    if (await this.run(this.api.update(c.id, { version: c.version, deadline }), 'consultation.board.extended')) this.extending.set(null);
  }

  protected async withdraw(c: ConsultationView): Promise<void> {
    if (await this.run(this.api.withdraw(c.id, c.version), 'consultation.board.withdrawn')) this.confirming.set(null);
  }

  protected canManage(c: ConsultationView): boolean {
    return this.isOfficial() && this.stage() === 'consultation' && !!c.openedAt && !c.closedAt && c.status !== 'withdrawn';
  }

  private async run(request: Observable<unknown>, done: string): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    this.fail(null, null);
    try {
      await firstValueFrom(request, { defaultValue: null });
      this.announcer.announce(done);
      await this.load();
      this.changed.emit();
      return true;
    } catch (error) {
      const body = apiError(error);
      this.fail(body?.message ?? null, body ? null : 'consultation.failed');
      await this.load();
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private fail(text: string | null, key: string | null): void {
    this.error.set(text);
    this.errorKey.set(key);
  }
}

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, OnDestroy, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DOCUMENT_LANGUAGES, type AgendaDocumentView, type AssessmentDetail, type Language, type PublicationStatus } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { PublicApi } from './public.api';

/**
 * On the assessment page: the agenda PDFs in each language (made by the worker, again at every
 * stage change) and, once decided or screened out, publishing to the public register.
 */
@Component({
  selector: 'lava-publication-panel',
  imports: [FormsModule, RouterLink, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './publication-panel.html',
  styleUrl: './public.css',
})
export class PublicationPanel implements OnDestroy {
  readonly assessment = input.required<AssessmentDetail>();
  private readonly api = inject(PublicApi);
  private readonly auth = inject(AuthService);
  private readonly announcer = inject(AnnouncerService);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly languages = DOCUMENT_LANGUAGES;

  protected readonly documents = signal<AgendaDocumentView[]>([]);
  protected readonly status = signal<PublicationStatus | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected reason = '';
  private timer?: ReturnType<typeof setTimeout>;

  /** The responsible official or a committee chair (the API checks the chair's committee). */
  protected readonly mayPublish = computed(() => {
    const user = this.auth.user();
    const a = this.assessment();
    return !!user && (a.responsibleOfficial.id === user.id || user.memberships.some((m) => m.role === 'committee_chair'));
  });
  protected readonly isStaff = computed(() => this.auth.user()?.memberships.some((m) => m.role !== 'youth_council_member') ?? false);

  constructor() {
    effect(() => {
      const a = this.assessment();
      // Reload after every stage change or save of the record.
      void a.version;
      if (this.isStaff()) void this.load(a.id);
    });
  }

  ngOnDestroy(): void {
    clearTimeout(this.timer);
  }

  protected documentOf(language: Language): AgendaDocumentView | undefined {
    return this.documents().find((d) => d.language === language);
  }

  protected async makeAgain(): Promise<void> {
    await this.run(async () => {
      this.documents.set(await firstValueFrom(this.api.requestDocuments(this.assessment().id)));
      this.announcer.announce('public.panel.requested');
      this.poll();
    });
  }

  protected async download(language: Language): Promise<void> {
    await this.run(async () => {
      const blob = await firstValueFrom(this.api.documentFile(this.assessment().id, language));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `lava-${this.assessment().caseNumber ?? this.assessment().id}-${language}.pdf`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }

  protected async publish(): Promise<void> {
    const status = this.status();
    if (!status) return;
    await this.run(async () => {
      this.status.set(await firstValueFrom(this.api.publish(this.assessment().id, status.version)));
      this.announcer.announce('public.panel.published');
      this.poll();
    });
  }

  protected async unpublish(): Promise<void> {
    const status = this.status();
    if (!status) return;
    if (this.reason.trim() === '') {
      this.error.set(null);
      this.error.set('public.panel.reasonRequired');
      return;
    }
    await this.run(async () => {
      this.status.set(await firstValueFrom(this.api.unpublish(this.assessment().id, status.version, this.reason)));
      this.reason = '';
      this.announcer.announce('public.panel.unpublished');
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
    } catch (error) {
      this.error.set(apiError(error)?.message ?? 'public.panel.failed');
      if (apiError(error)?.conflict || (error as { status?: number }).status === 409) await this.load(this.assessment().id);
    } finally {
      this.busy.set(false);
    }
  }

  private async load(id: string): Promise<void> {
    try {
      const [documents, status] = await Promise.all([firstValueFrom(this.api.documents(id)), firstValueFrom(this.api.publication(id))]);
      this.documents.set(documents);
      this.status.set(status);
      if (documents.some((d) => d.status === 'pending')) this.poll();
    } catch {
      // Not staff for this assessment (e.g. a consulted council): the panel stays empty.
    }
  }

  /** While a PDF is being made, look again every two seconds. */
  private poll(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(this.assessment().id), 2000);
  }
}

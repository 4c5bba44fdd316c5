import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AssessmentDetail, ConsultationDetail, RecordSection } from '@lava/contracts';
import { canReadAsCouncil } from '@lava/workflow';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { AssessmentsApi } from '../assessments/assessments.api';
import { CommentThreads } from '../comments/comment-threads';
import { groupLabel, YouthImpactList } from './youth-impact-list';
import { ConsultationApi } from './consultation.api';
import { articleNameKey } from './uncrc-articles';

/** The record's sections a young reader sees, in the record's order (no staff-only parts: basics, screening). */
export const READ_SECTIONS = [
  'scope',
  'legalBasis',
  'alternatives',
  'evidence',
  'childrensViews',
  'impactMatrix',
  'mitigation',
  'changesMade',
  'recommendation',
  'communication',
  'followUp',
] as const satisfies readonly RecordSection[];
type ReadSection = (typeof READ_SECTIONS)[number];

/**
 * The draft for young people: the plain-language summary first, then the record in readable
 * sections with no staff tools, UNCRC articles named in plain words, the impact matrix as a short
 * list per alternative, and a comment box at each section (the council's own threads).
 */
@Component({
  selector: 'lava-draft-read-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe, CommentThreads, YouthImpactList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'youth-page' },
  templateUrl: './draft-read.page.html',
  styleUrl: './draft-read.page.css',
})
export class DraftReadPage {
  /** Route parameter `:id`: the consultation request. */
  readonly id = input.required<string>();

  private readonly consultations = inject(ConsultationApi);
  private readonly assessments = inject(AssessmentsApi);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly sections = READ_SECTIONS;
  protected readonly articleNameKey = articleNameKey;
  protected readonly groupLabel = groupLabel;

  protected readonly state = signal<'loading' | 'ok' | 'notFound' | 'error'>('loading');
  protected readonly c = signal<ConsultationDetail | null>(null);
  protected readonly a = signal<AssessmentDetail | null>(null);
  /** Sections whose comment box is open. */
  protected readonly openComments = signal<ReadonlySet<ReadSection>>(new Set());

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected async load(id = this.id()): Promise<void> {
    try {
      const c = await firstValueFrom(this.consultations.get(id));
      // The same rule as the API's read grant: a council reads the draft while its round is open and after the decision.
      if (c.viewer === 'council' && !canReadAsCouncil(c.assessmentStage, [c]).allowed) {
        this.state.set('notFound');
        return;
      }
      const a = await firstValueFrom(this.assessments.get(c.assessmentId));
      this.c.set(c);
      this.a.set(a);
      this.state.set('ok');
    } catch (error) {
      this.state.set(error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400) ? 'notFound' : 'error');
    }
  }

  protected toggleComments(section: ReadSection): void {
    this.openComments.update((open) => {
      const next = new Set(open);
      if (next.has(section)) next.delete(section);
      else next.add(section);
      return next;
    });
  }

  /** Whether anything is written in a section. */
  protected hasContent(a: AssessmentDetail, section: ReadSection): boolean {
    switch (section) {
      case 'scope':
        return !!a.scope.childrenAffected.trim() || a.scope.vulnerableGroups.length > 0;
      case 'legalBasis':
        return a.legalBasis.uncrcArticles.length > 0 || !!a.legalBasis.nationalLaw.trim() || !!a.legalBasis.welfarePlan.trim();
      case 'alternatives':
        return a.alternatives.items.length > 0;
      case 'evidence':
        return a.evidence.items.length > 0 || !!a.evidence.gaps.trim();
      case 'childrensViews':
        return !!a.childrensViews.howGathered.trim() || !!a.childrensViews.whatTheySaid.trim();
      case 'impactMatrix':
        return a.impactMatrix.rows.length > 0;
      case 'recommendation':
        return !!a.recommendation.text.trim() || !!a.recommendation.bestInterests.trim();
      case 'followUp':
        return a.followUp.indicators.length > 0;
      default:
        return !!a[section].text.trim();
    }
  }
}

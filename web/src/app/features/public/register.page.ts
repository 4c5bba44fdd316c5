import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DECISION_OUTCOMES, type RegisterEntry, type RegisterFilters } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { PublicApi } from './public.api';

/** The public register: published assessments and screening results, searchable by anyone. */
@Component({
  selector: 'lava-register-page',
  imports: [FormsModule, RouterLink, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './register.page.html',
  styleUrl: './public.css',
})
export class RegisterPage implements OnInit {
  private readonly api = inject(PublicApi);
  private readonly announcer = inject(AnnouncerService);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly outcomes = [...DECISION_OUTCOMES, 'screened_out'] as const;
  protected readonly years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() + 1 - i);

  protected readonly municipalities = signal<{ id: string; name: string; published: number }[]>([]);
  protected readonly committees = signal<{ id: string; name: string }[]>([]);
  protected readonly entries = signal<RegisterEntry[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);

  protected filters: { municipalityId: string; committeeId: string; year: string; outcome: string; q: string } = {
    municipalityId: '',
    committeeId: '',
    year: '',
    outcome: '',
    q: '',
  };

  async ngOnInit(): Promise<void> {
    this.municipalities.set(await firstValueFrom(this.api.municipalities()).catch(() => []));
    await this.search();
  }

  protected async municipalityChanged(): Promise<void> {
    this.filters.committeeId = '';
    this.committees.set(
      this.filters.municipalityId ? await firstValueFrom(this.api.committees(this.filters.municipalityId)).catch(() => []) : [],
    );
  }

  protected async search(): Promise<void> {
    await this.load(null);
    this.announcer.announce('public.register.found', { count: String(this.entries().length) });
  }

  protected async more(): Promise<void> {
    await this.load(this.nextCursor());
  }

  private async load(cursor: string | null): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    const f = this.filters;
    const filters: RegisterFilters = {
      municipalityId: f.municipalityId || undefined,
      committeeId: f.committeeId || undefined,
      year: f.year ? Number(f.year) : undefined,
      outcome: (f.outcome || undefined) as RegisterFilters['outcome'],
      q: f.q.trim() || undefined,
    };
    try {
      const page = await firstValueFrom(this.api.register(filters, cursor));
      this.entries.set(cursor ? [...this.entries(), ...page.items] : page.items);
      this.nextCursor.set(page.nextCursor);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}

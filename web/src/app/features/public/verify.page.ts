import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SignatureVerification } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { PublicApi } from './public.api';

/** Recomputes a signature printed on a PDF: "matches what was signed on … by …", or where it differs. */
@Component({
  selector: 'lava-verify-page',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './verify.page.html',
  styleUrl: './public.css',
})
export class VerifyPage {
  /** Route parameter. */
  readonly hash = input.required<string>();
  private readonly api = inject(PublicApi);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly result = signal<(SignatureVerification & { published: boolean }) | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => void this.load(this.hash()));
  }

  protected json(value: unknown): string {
    return value === null ? '–' : typeof value === 'string' ? value : JSON.stringify(value);
  }

  private async load(hash: string): Promise<void> {
    try {
      this.result.set(await firstValueFrom(this.api.verify(hash)));
      this.error.set(null);
    } catch (error) {
      this.result.set(null);
      this.error.set(apiError(error)?.message ?? 'Error');
    }
  }
}

import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PasswordResetRequest } from '@lava/contracts';

/** `/forgot-password`: asks for a reset link. The answer is the same for every address (no account discovery). */
@Component({
  selector: 'lava-forgot-password-page',
  imports: [ReactiveFormsModule, TranslocoPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <h1 tabindex="-1">{{ 'passwordReset.forgotHeading' | transloco }}</h1>
      <p>{{ 'passwordReset.forgotIntro' | transloco }}</p>
      <form class="card" (ngSubmit)="submit()" novalidate>
        <div class="alert" role="alert">
          @if (error(); as key) {
            {{ key | transloco }}
          }
        </div>
        <div class="field">
          <label for="forgot-email">{{ 'login.email' | transloco }}</label>
          <input
            id="forgot-email"
            type="email"
            name="email"
            [formControl]="email"
            autocomplete="username"
            required
            [attr.aria-invalid]="invalid() ? 'true' : null"
            [attr.aria-describedby]="invalid() ? 'forgot-email-error' : null"
          />
          @if (invalid()) {
            <p id="forgot-email-error" class="field-error">{{ 'login.emailRequired' | transloco }}</p>
          }
        </div>
        <button type="submit" class="btn" [attr.aria-disabled]="busy() ? 'true' : null" [disabled]="busy()">
          {{ 'passwordReset.send' | transloco }}
        </button>
        <p class="sent" role="status">
          @if (sent()) {
            {{ 'passwordReset.sent' | transloco }}
          }
        </p>
      </form>
      <p>
        <a routerLink="/login">{{ 'passwordReset.backToLogin' | transloco }}</a>
      </p>
    </div>
  `,
  styleUrl: './password-reset.css',
})
export class ForgotPasswordPage {
  private readonly http = inject(HttpClient);

  protected readonly email = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] });
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly error = signal<string | null>(null);

  protected invalid(): boolean {
    return this.email.invalid && (this.email.touched || this.submitted());
  }

  protected submit(): void {
    this.submitted.set(true);
    this.error.set(null);
    if (this.email.invalid || this.busy()) return;
    this.busy.set(true);
    this.sent.set(false);
    const body: PasswordResetRequest = { email: this.email.value.trim() };
    this.http.post<unknown>('/api/auth/password-reset', body).subscribe({
      next: () => {
        this.busy.set(false);
        this.sent.set(true);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(err instanceof HttpErrorResponse && err.status === 429 ? 'passwordReset.tooMany' : 'common.unreachable');
      },
    });
  }
}

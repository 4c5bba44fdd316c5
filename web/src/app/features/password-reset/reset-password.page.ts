import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SetNewPasswordRequest } from '@lava/contracts';
import { apiError } from '../../shared/api-error';
import { linkTokenFrom } from '../../shared/link-token';
import { MIN_LENGTH, newPasswordForm, passwordProblem } from './new-password';

/** `/reset-password#token=…`: a new password, twice. Afterwards every session has ended: sign in again. */
@Component({
  selector: 'lava-reset-password-page',
  imports: [ReactiveFormsModule, TranslocoPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <h1 tabindex="-1">{{ 'passwordReset.resetHeading' | transloco }}</h1>
      @if (done()) {
        <p role="status">{{ 'passwordReset.done' | transloco }}</p>
        <p>
          <a routerLink="/login">{{ 'passwordReset.backToLogin' | transloco }}</a>
        </p>
      } @else if (linkProblem(); as key) {
        <p class="alert" role="alert">{{ key | transloco }}</p>
        <p>
          <a routerLink="/forgot-password">{{ 'passwordReset.askAgain' | transloco }}</a>
        </p>
      } @else {
        <p>{{ 'passwordReset.resetIntro' | transloco }}</p>
        <form class="card" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <div class="alert" role="alert">
            @if (error(); as e) {
              {{ e }}
            } @else if (error() === '') {
              {{ 'common.unreachable' | transloco }}
            }
          </div>
          <div class="field">
            <label for="reset-password">{{ 'newPassword.password' | transloco }}</label>
            <span id="reset-password-hint" class="hint">{{ 'newPassword.hint' | transloco: { min: minLength } }}</span>
            <input
              id="reset-password"
              type="password"
              formControlName="password"
              autocomplete="new-password"
              required
              [attr.aria-invalid]="problem('password') ? 'true' : null"
              [attr.aria-describedby]="problem('password') ? 'reset-password-hint reset-password-error' : 'reset-password-hint'"
            />
            @if (problem('password'); as key) {
              <p id="reset-password-error" class="field-error">{{ key | transloco: { min: minLength } }}</p>
            }
          </div>
          <div class="field">
            <label for="reset-again">{{ 'newPassword.again' | transloco }}</label>
            <input
              id="reset-again"
              type="password"
              formControlName="again"
              autocomplete="new-password"
              required
              [attr.aria-invalid]="problem('again') ? 'true' : null"
              [attr.aria-describedby]="problem('again') ? 'reset-again-error' : null"
            />
            @if (problem('again'); as key) {
              <p id="reset-again-error" class="field-error">{{ key | transloco }}</p>
            }
          </div>
          <button type="submit" class="btn" [attr.aria-disabled]="busy() ? 'true' : null" [disabled]="busy()">
            {{ 'passwordReset.save' | transloco }}
          </button>
        </form>
      }
    </div>
  `,
  styleUrl: './password-reset.css',
})
export class ResetPasswordPage {
  private readonly http = inject(HttpClient);
  /** From the link's fragment: never sent to a server except in the POST body below. */
  private readonly token = linkTokenFrom(inject(ActivatedRoute).snapshot.fragment);

  protected readonly minLength = MIN_LENGTH;
  /** The API checks the e-mail address too; the page does not know it. */
  protected readonly form = newPasswordForm(() => '');
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly linkProblem = signal<string | null>(this.token ? null : 'passwordReset.notFound');
  protected readonly error = signal<string | null>(null);

  protected problem(field: 'password' | 'again'): string | null {
    return this.form.controls[field].touched || this.submitted() ? passwordProblem(this.form, field) : null;
  }

  protected submit(): void {
    this.submitted.set(true);
    this.error.set(null);
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    const body: SetNewPasswordRequest = { token: this.token ?? '', password: this.form.controls.password.value };
    this.http.post<void>('/api/auth/password-reset/complete', body).subscribe({
      next: () => {
        this.busy.set(false);
        this.done.set(true);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        if (err instanceof HttpErrorResponse && err.status === 410) this.linkProblem.set('passwordReset.gone');
        else if (err instanceof HttpErrorResponse && err.status === 404) this.linkProblem.set('passwordReset.notFound');
        else if (err instanceof HttpErrorResponse && err.status === 400) this.error.set(apiError(err)?.message ?? '');
        else this.error.set('');
      },
    });
  }
}

import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DOCUMENT, inject, input, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { OIDC_LOGIN_ERRORS, ROLES, type AuthProviders } from '@lava/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import type { DemoAccount, DemoAccountsResponse } from './demo-accounts';

interface LoginError {
  text?: string;
  key?: string;
  params?: Record<string, number>;
}

/** The 429 answer, in the language on screen: how many minutes to wait (from Retry-After). */
function tooManyAttempts(error: HttpErrorResponse): LoginError | null {
  const seconds = Number(error.headers.get('Retry-After'));
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? { key: 'login.tooManyAttemptsOneMinute' } : { key: 'login.tooManyAttempts', params: { minutes } };
}

@Component({
  selector: 'lava-login-page',
  imports: [ReactiveFormsModule, TranslocoPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.css',
})
export class LoginPage implements OnInit {
  /** Where to go after signing in (set by the guard or the 401 handler). */
  readonly returnUrl = input<string>();

  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly http = inject(HttpClient);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  /** Came back from the identity provider asking to link: after the password sign-in, go back there. */
  private linking = false;

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  /** Either the API's own message or a translation key (with its parameters). */
  protected readonly error = signal<LoginError | null>(null);
  protected readonly demo = signal<{ password: string; accounts: DemoAccount[] } | null>(null);
  /** "Sign in with your organization", when the installation has an identity provider. */
  protected readonly organizationSignIn = signal<AuthProviders['oidc'] | null>(null);

  constructor() {
    this.http.get<AuthProviders>('/api/auth/providers').subscribe({
      next: (providers) => this.organizationSignIn.set(providers.oidc.enabled ? providers.oidc : null),
      error: () => this.organizationSignIn.set(null),
    });
    this.http.get<DemoAccountsResponse>('/api/demo-accounts').subscribe({
      next: (res) => {
        if (res && Array.isArray(res.accounts) && res.accounts.length > 0) {
          this.demo.set({ password: res.password, accounts: res.accounts });
        }
      },
      // 404 (no demo data) or no API: show no hint.
      error: () => this.demo.set(null),
    });
  }

  ngOnInit(): void {
    // Set by the API when an organization sign-in came back without success (`/login?error=…`).
    const code = this.route.snapshot.queryParamMap.get('error');
    if (code && (OIDC_LOGIN_ERRORS as readonly string[]).includes(code)) this.error.set({ key: `login.${code}` });
    this.linking = code === 'oidc_link_needed';
  }

  protected roleKey(role: string): string | null {
    return (ROLES as readonly string[]).includes(role) ? `roles.${role}` : null;
  }

  protected invalid(name: 'email' | 'password'): boolean {
    const control = this.form.controls[name];
    return control.invalid && (control.touched || this.submitted());
  }

  protected submit(): void {
    this.submitted.set(true);
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const { email, password } = this.form.getRawValue();
    this.auth.login({ email: email.trim(), password }).subscribe({
      next: (user) => {
        void this.language.use(user.language);
        const organization = this.organizationSignIn();
        if (this.linking && organization) {
          // Back to the identity provider: the session just made lets the API link the two accounts.
          this.document.location.assign(organization.loginUrl);
          return;
        }
        void this.router.navigateByUrl(this.safeReturnUrl());
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const body = apiError(err);
        if (err instanceof HttpErrorResponse && err.status === 429) {
          this.error.set(tooManyAttempts(err) ?? { text: body?.message ?? '' });
        } else if (body?.message) {
          this.error.set({ text: body.message });
        } else if (err instanceof HttpErrorResponse && (err.status === 401 || err.status === 400)) {
          this.error.set({ key: 'login.failed' });
        } else {
          this.error.set({ key: 'login.unreachable' });
        }
      },
    });
  }

  private safeReturnUrl(): string {
    const url = this.returnUrl();
    // Only same-site paths: never "//evil.example" or absolute URLs.
    return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : this.auth.homePath();
  }
}

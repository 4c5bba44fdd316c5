import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AcceptInvitationRequest, InvitationDetails, LinkTokenRequest, LoginResponse } from '@lava/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { linkTokenFrom } from '../../shared/link-token';
import { MIN_LENGTH, newPasswordForm, passwordProblem } from '../password-reset/new-password';

/** `/invitation#token=…`: who invited you to what; choose a password, and you are signed in. */
@Component({
  selector: 'lava-invitation-page',
  imports: [ReactiveFormsModule, TranslocoPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invitation.page.html',
  styleUrl: './invitation.page.css',
})
export class InvitationPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  /** From the link's fragment: never sent to a server except in the POST bodies below. */
  private readonly token = linkTokenFrom(inject(ActivatedRoute).snapshot.fragment);

  protected readonly minLength = MIN_LENGTH;
  protected readonly invitation = signal<InvitationDetails | null>(null);
  /** Why the link does not work (a translation key), or null. */
  protected readonly linkProblem = signal<string | null>(null);
  protected readonly form = newPasswordForm(() => this.invitation()?.email ?? '');
  protected readonly displayName = new FormControl('', { nonNullable: true });
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    if (!this.token) {
      this.linkProblem.set('invitation.notFound');
      return;
    }
    const body: LinkTokenRequest = { token: this.token };
    this.http.post<InvitationDetails>('/api/invitations/lookup', body).subscribe({
      next: (invitation) => {
        this.invitation.set(invitation);
        this.displayName.setValue(invitation.displayName);
      },
      error: (err: unknown) => this.linkProblem.set(linkProblemKey(err)),
    });
  }

  protected problem(field: 'password' | 'again'): string | null {
    const control = this.form.controls[field];
    return control.touched || this.submitted() ? passwordProblem(this.form, field) : null;
  }

  protected submit(): void {
    this.submitted.set(true);
    this.error.set(null);
    if (this.form.invalid || this.busy()) return;
    const name = this.displayName.value.trim();
    const body: AcceptInvitationRequest = {
      token: this.token ?? '',
      password: this.form.controls.password.value,
      ...(name ? { displayName: name } : {}),
    };
    this.busy.set(true);
    this.http.post<LoginResponse>('/api/invitations/accept', body).subscribe({
      next: (response) => {
        const user = this.auth.startSession(response);
        void this.language.use(user.language);
        void this.router.navigateByUrl(this.auth.homePath());
      },
      error: (err: unknown) => {
        this.busy.set(false);
        if (err instanceof HttpErrorResponse && (err.status === 404 || err.status === 410)) {
          this.linkProblem.set(linkProblemKey(err));
          this.invitation.set(null);
        } else {
          this.error.set(apiError(err)?.message ?? '');
        }
      },
    });
  }
}

function linkProblemKey(err: unknown): string {
  if (err instanceof HttpErrorResponse && err.status === 410) return 'invitation.gone';
  if (err instanceof HttpErrorResponse && err.status === 404) return 'invitation.notFound';
  return 'common.unreachable';
}

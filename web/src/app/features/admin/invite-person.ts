import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  COUNCIL_OFFICES,
  LANGUAGES,
  ROLE_ORGANIZATION_KINDS,
  ROLES,
  type AdminOrganizationView,
  type CouncilOffice,
  type CreateInvitationRequest,
  type InvitationResult,
  type Language,
  type PendingInvitationView,
  type Role,
} from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { organizationLabel } from './organization-label';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { AdminApi } from './admin.api';

/** "Invite a person": an e-mail with a link to set a password (or, for someone with an account, a note that they got the role). */
@Component({
  selector: 'lava-invite-person',
  imports: [ReactiveFormsModule, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invite-person.html',
  styleUrl: './invite-person.css',
})
export class InvitePerson {
  private readonly http = inject(HttpClient);
  private readonly language = inject(LanguageService);
  private readonly announcer = inject(AnnouncerService);

  protected readonly languages = LANGUAGES;
  protected readonly organizations = signal<AdminOrganizationView[]>([]);
  /** A committee with its municipality: every municipality has committees of the same name. */
  protected readonly organizationOptions = computed(() =>
    this.organizations().map((o) => ({ ...o, label: organizationLabel(o, this.organizations()) })),
  );
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    displayName: new FormControl('', { nonNullable: true }),
    language: new FormControl<Language>(this.language.language(), { nonNullable: true }),
    organizationId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    role: new FormControl<Role | ''>('', { nonNullable: true, validators: [Validators.required] }),
    /** Only asked for a youth council member: '' is a plain member. */
    councilOffice: new FormControl<CouncilOffice | ''>('', { nonNullable: true }),
  });
  protected readonly councilOffices = COUNCIL_OFFICES;
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly roles = signal<Role[]>([]);
  /** Invitations not yet accepted (null while loading; an empty list when none or when they could not be loaded). */
  protected readonly pending = signal<PendingInvitationView[] | null>(null);
  protected readonly pendingFailed = signal(false);
  protected readonly locale = this.language.locale;

  constructor() {
    this.loadPending();
    // Names come in the language of the request: load again when the language changes.
    const api = inject(AdminApi);
    effect(() => {
      this.language.language();
      untracked(() =>
        api.organizations().subscribe({ next: (orgs) => this.organizations.set(orgs), error: () => this.organizations.set([]) }),
      );
    });
    this.form.controls.organizationId.valueChanges.subscribe((id) => {
      const kind = this.organizations().find((o) => o.id === id)?.kind;
      const roles = kind ? ROLES.filter((role) => ROLE_ORGANIZATION_KINDS[role].includes(kind)) : [];
      this.roles.set(roles);
      // The only role there is gets chosen; a role that does not fit the organization is cleared.
      const role = this.form.controls.role.value;
      if (roles.length === 1) this.form.controls.role.setValue(roles[0] as Role);
      else if (role && !roles.includes(role)) this.form.controls.role.setValue('');
    });
  }

  protected invalid(name: 'email' | 'organizationId' | 'role'): boolean {
    const control = this.form.controls[name];
    return control.invalid && (control.touched || this.submitted());
  }

  protected submit(): void {
    this.submitted.set(true);
    this.error.set(null);
    if (this.form.invalid || this.busy()) return;
    const value = this.form.getRawValue();
    const office = value.role === 'youth_council_member' && value.councilOffice ? { councilOffice: value.councilOffice } : {};
    const body: CreateInvitationRequest = {
      email: value.email.trim(),
      language: value.language,
      memberships: [{ organizationId: value.organizationId, role: value.role as Role, ...office }],
      ...(value.displayName.trim() ? { displayName: value.displayName.trim() } : {}),
    };
    this.busy.set(true);
    this.http.post<InvitationResult>('/api/admin/invitations', body).subscribe({
      next: (result) => {
        this.busy.set(false);
        // Said in the app's polite live region (the shell's status line), like the page's other confirmations.
        this.announcer.announce(result.outcome === 'invited' ? 'invite.sent' : 'invite.accessGranted', { email: body.email });
        this.submitted.set(false);
        this.form.reset({ language: value.language, organizationId: value.organizationId, role: value.role });
        this.loadPending();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        // The API's own message, or '' for "could not be sent" in the language on screen.
        this.error.set(apiError(err)?.message ?? '');
      },
    });
  }

  protected loadPending(): void {
    this.pendingFailed.set(false);
    this.http.get<PendingInvitationView[]>('/api/admin/invitations').subscribe({
      next: (items) => this.pending.set(items),
      error: () => {
        this.pending.set([]);
        this.pendingFailed.set(true);
      },
    });
  }
}

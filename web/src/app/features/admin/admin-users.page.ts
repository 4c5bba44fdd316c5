import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  COUNCIL_OFFICES,
  ROLE_ORGANIZATION_KINDS,
  ROLES,
  type AdminOrganizationView,
  type AdminUserView,
  type CouncilOffice,
  type ErasureDone,
  type MembershipsSaved,
  type Role,
} from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LanguageService } from '../../core/i18n/language.service';
import { AuthService } from '../../core/auth/auth.service';
import { apiError } from '../../shared/api-error';
import { AdminApi } from './admin.api';
import { DeliveriesSection } from './deliveries-section';
import { organizationLabel } from './organization-label';
import { OrganizationsSection } from './organizations-section';
import { WellbeingSection } from './wellbeing-section';
import { InvitePerson } from './invite-person';
import { ErasePerson } from '../privacy/erase-person';

interface DraftMembership {
  organizationId: string;
  role: Role;
  /** Only for a youth council member: the council's chair or secretary, or null for a plain member. */
  councilOffice: CouncilOffice | null;
}

/** People of the admin's organizations: their roles, and whether they may sign in. */
@Component({
  selector: 'lava-admin-users-page',
  imports: [FormsModule, TranslocoPipe, OrganizationsSection, WellbeingSection, InvitePerson, DeliveriesSection, ErasePerson],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-users.page.html',
  styleUrl: './admin-users.page.css',
})
export class AdminUsersPage {
  private readonly api = inject(AdminApi);
  private readonly announcer = inject(AnnouncerService);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly myId = computed(() => this.auth.user()?.id);

  protected readonly users = signal<AdminUserView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly organizations = signal<AdminOrganizationView[]>([]);
  protected readonly failed = signal(false);
  /** The user whose roles are being edited, and the roles as edited so far. */
  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal<DraftMembership[]>([]);
  protected readonly editError = signal<string | null>(null);
  protected newOrganizationId = '';
  protected newRole: Role | '' = '';
  protected readonly councilOffices = COUNCIL_OFFICES;

  constructor() {
    this.load(null);
    // Organization names come in the language of the request: load them again when the language changes.
    const language = inject(LanguageService).language;
    effect(() => {
      language();
      untracked(() =>
        this.api.organizations().subscribe({ next: (orgs) => this.organizations.set(orgs), error: () => this.failed.set(true) }),
      );
    });
  }

  protected showMore(): void {
    this.load(this.nextCursor());
  }

  /** The organization's name, a committee's with its municipality (`fallback` until the organizations have loaded). */
  protected organizationName(id: string, fallback = id): string {
    const orgs = this.organizations();
    const org = orgs.find((o) => o.id === id);
    return org ? organizationLabel(org, orgs) : fallback;
  }

  /** Roles that fit the chosen organization's kind (a chair belongs to a committee, and so on). */
  protected rolesFor(organizationId: string): Role[] {
    const kind = this.organizations().find((o) => o.id === organizationId)?.kind;
    return kind ? ROLES.filter((role) => ROLE_ORGANIZATION_KINDS[role].includes(kind)) : [];
  }

  protected edit(user: AdminUserView): void {
    this.editing.set(user.id);
    this.draft.set(user.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role, councilOffice: m.councilOffice })));
    this.editError.set(null);
    this.newOrganizationId = '';
    this.newRole = '';
  }

  protected cancel(): void {
    this.editing.set(null);
  }

  protected remove(index: number): void {
    this.draft.update((list) => list.filter((_, i) => i !== index));
  }

  protected add(): void {
    const role = this.newRole;
    if (!this.newOrganizationId || !role) return;
    if (!this.draft().some((m) => m.organizationId === this.newOrganizationId && m.role === role)) {
      this.draft.update((list) => [...list, { organizationId: this.newOrganizationId, role, councilOffice: null }]);
    }
    this.newRole = '';
  }

  protected setOffice(index: number, office: string): void {
    const councilOffice = COUNCIL_OFFICES.find((o) => o === office) ?? null;
    this.draft.update((list) => list.map((m, i) => (i === index ? { ...m, councilOffice } : m)));
  }

  /**
   * What saving does to the office's current holder, said before the admin saves: a council has one
   * chair and one secretary, so the holder becomes a plain member. Named when on the list loaded here.
   */
  protected officeNote(user: AdminUserView, m: DraftMembership): { key: string; params: Record<string, string> } | null {
    if (!m.councilOffice) return null;
    const alreadyTheirs = user.memberships.some((h) => h.organizationId === m.organizationId && h.councilOffice === m.councilOffice);
    if (alreadyTheirs) return null;
    const holder = this.users().find(
      (u) => u.id !== user.id && u.memberships.some((h) => h.organizationId === m.organizationId && h.councilOffice === m.councilOffice),
    );
    return holder
      ? { key: `admin.officeTakenFrom.${m.councilOffice}`, params: { holder: holder.displayName, name: user.displayName } }
      : { key: `admin.officeOnlyOne.${m.councilOffice}`, params: {} };
  }

  protected save(user: AdminUserView): void {
    const memberships = this.draft().map((m) => ({
      organizationId: m.organizationId,
      role: m.role,
      ...(m.role === 'youth_council_member' && m.councilOffice ? { councilOffice: m.councilOffice } : {}),
    }));
    this.api.setMemberships(user.id, { memberships }).subscribe({
      next: (saved) => {
        const { replacedOfficeHolders, ...updated } = saved;
        this.replace(updated);
        this.loseOffices(saved);
        this.editing.set(null);
        const passed = replacedOfficeHolders[0];
        if (passed) {
          this.announcer.announce(`admin.officePassedOn.${passed.office}`, {
            name: updated.displayName,
            previous: passed.displayName,
            council: passed.organizationName,
          });
        } else {
          this.announcer.announce('admin.rolesSaved', { name: updated.displayName });
        }
      },
      error: (error: unknown) => this.editError.set(apiError(error)?.message ?? null),
    });
  }

  protected toggleActive(user: AdminUserView): void {
    if (!user.active) {
      this.api.reactivate(user.id).subscribe({
        next: () => {
          this.replace({ ...user, active: true });
          this.announcer.announce('admin.reactivated', { name: user.displayName });
        },
        error: (error: unknown) => this.editError.set(apiError(error)?.message ?? null),
      });
      return;
    }
    this.api.deactivate(user.id).subscribe({
      next: ({ outcome }) => {
        if (outcome === 'roles_removed') {
          this.users.update((list) => list.filter((u) => u.id !== user.id));
          this.announcer.announce('adminScope.rolesRemoved', { name: user.displayName });
        } else {
          this.replace({ ...user, active: false });
          this.announcer.announce('admin.deactivated', { name: user.displayName });
        }
      },
      error: (error: unknown) => this.editError.set(apiError(error)?.message ?? null),
    });
  }

  /** Erased (features/privacy): the person leaves the list; focus moves to the page's heading, and the pseudonym is announced. */
  protected erased(user: AdminUserView, done: ErasureDone): void {
    this.users.update((list) => list.filter((u) => u.id !== user.id));
    this.announcer.announce('privacy.erase.done', { pseudonym: done.pseudonym });
    afterNextRender(() => this.document.querySelector<HTMLElement>('main h1')?.focus(), { injector: this.injector });
  }

  /** Those the saved person took an office from are plain members now: their cards say so without a reload. */
  private loseOffices(saved: MembershipsSaved): void {
    for (const r of saved.replacedOfficeHolders) {
      const previous = this.users().find((u) => u.id === r.userId);
      if (!previous) continue;
      this.replace({
        ...previous,
        memberships: previous.memberships.map((m) =>
          m.organizationId === r.organizationId && m.councilOffice === r.office ? { ...m, councilOffice: null } : m,
        ),
      });
    }
  }

  private replace(updated: AdminUserView): void {
    this.users.update((list) => list.map((u) => (u.id === updated.id ? updated : u)));
  }

  private load(cursor: string | null): void {
    this.failed.set(false);
    this.api.users(cursor).subscribe({
      next: (page) => {
        this.users.update((list) => (cursor ? [...list, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
      },
      error: () => this.failed.set(true),
    });
  }
}

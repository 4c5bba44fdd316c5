import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { ROLE_ORGANIZATION_KINDS, ROLES, type AdminOrganizationView, type AdminUserView, type Role } from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { AuthService } from '../../core/auth/auth.service';
import { apiError } from '../../shared/api-error';
import { AdminApi } from './admin.api';
import { DeliveriesSection } from './deliveries-section';
import { OrganizationsSection } from './organizations-section';
import { InvitePerson } from './invite-person';

interface DraftMembership {
  organizationId: string;
  role: Role;
}

/** People of the admin's organizations: their roles, and whether they may sign in. */
@Component({
  selector: 'lava-admin-users-page',
  imports: [FormsModule, TranslocoPipe, OrganizationsSection, InvitePerson, DeliveriesSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-users.page.html',
  styleUrl: './admin-users.page.css',
})
export class AdminUsersPage {
  private readonly api = inject(AdminApi);
  private readonly announcer = inject(AnnouncerService);
  private readonly auth = inject(AuthService);
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

  constructor() {
    this.load(null);
    this.api.organizations().subscribe({ next: (orgs) => this.organizations.set(orgs), error: () => this.failed.set(true) });
  }

  protected showMore(): void {
    this.load(this.nextCursor());
  }

  protected organizationName(id: string): string {
    return this.organizations().find((o) => o.id === id)?.name ?? id;
  }

  /** Roles that fit the chosen organization's kind (a chair belongs to a committee, and so on). */
  protected rolesFor(organizationId: string): Role[] {
    const kind = this.organizations().find((o) => o.id === organizationId)?.kind;
    return kind ? ROLES.filter((role) => ROLE_ORGANIZATION_KINDS[role].includes(kind)) : [];
  }

  protected edit(user: AdminUserView): void {
    this.editing.set(user.id);
    this.draft.set(user.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })));
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
      this.draft.update((list) => [...list, { organizationId: this.newOrganizationId, role }]);
    }
    this.newRole = '';
  }

  protected save(user: AdminUserView): void {
    this.api.setMemberships(user.id, { memberships: this.draft() }).subscribe({
      next: (updated) => {
        this.replace(updated);
        this.editing.set(null);
        this.announcer.announce('admin.rolesSaved', { name: updated.displayName });
      },
      error: (error: unknown) => this.editError.set(apiError(error)?.message ?? null),
    });
  }

  protected toggleActive(user: AdminUserView): void {
    this.api.setActive(user.id, !user.active).subscribe({
      next: () => {
        this.replace({ ...user, active: !user.active });
        this.announcer.announce(user.active ? 'admin.deactivated' : 'admin.reactivated', { name: user.displayName });
      },
      error: (error: unknown) => this.editError.set(apiError(error)?.message ?? null),
    });
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

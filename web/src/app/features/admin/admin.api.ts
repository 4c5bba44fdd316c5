import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdminDeactivation,
  AdminOrganizationView,
  AdminUserView,
  CreateOrganizationRequest,
  FailedNotificationPage,
  MembershipsSaved,
  OidcEmailDomainsRequest,
  OrganizationNames,
  SetOrganizationLanguagesRequest,
  Page,
  QueueOverview,
  UpdateMembershipsRequest,
  WellbeingSet,
  WellbeingSetRequest,
} from '@lava/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  users(cursor: string | null): Observable<Page<AdminUserView>> {
    return this.http.get<Page<AdminUserView>>('/api/admin/users', { params: cursor ? { limit: 50, cursor } : { limit: 50 } });
  }

  organizations(): Observable<AdminOrganizationView[]> {
    return this.http.get<AdminOrganizationView[]>('/api/admin/organizations');
  }

  createOrganization(body: CreateOrganizationRequest): Observable<AdminOrganizationView> {
    return this.http.post<AdminOrganizationView>('/api/admin/organizations', body);
  }

  renameOrganization(id: string, names: OrganizationNames): Observable<AdminOrganizationView> {
    return this.http.patch<AdminOrganizationView>(`/api/admin/organizations/${id}`, { names });
  }

  /** Replaces the e-mail domains the organization vouches for at organization sign-in. */
  setOidcEmailDomains(id: string, domains: string[]): Observable<AdminOrganizationView> {
    const body: OidcEmailDomainsRequest = { domains };
    return this.http.put<AdminOrganizationView>(`/api/admin/organizations/${id}/oidc-email-domains`, body);
  }

  setOrganizationLanguages(id: string, body: SetOrganizationLanguagesRequest): Observable<AdminOrganizationView> {
    return this.http.put<AdminOrganizationView>(`/api/admin/organizations/${id}/languages`, body);
  }

  /** The wellbeing indicator set of a municipality (or a wellbeing services county). */
  wellbeing(organizationId: string): Observable<WellbeingSet> {
    return this.http.get<WellbeingSet>(`/api/admin/organizations/${organizationId}/wellbeing`);
  }

  setWellbeing(organizationId: string, body: WellbeingSetRequest): Observable<WellbeingSet> {
    return this.http.put<WellbeingSet>(`/api/admin/organizations/${organizationId}/wellbeing`, body);
  }

  failedNotifications(cursor: string | null): Observable<FailedNotificationPage> {
    return this.http.get<FailedNotificationPage>('/api/admin/notifications/failed', { params: cursor ? { cursor } : {} });
  }

  retryNotification(id: string): Observable<void> {
    return this.http.post<void>(`/api/admin/notifications/${id}/retry`, {});
  }

  queues(): Observable<QueueOverview> {
    return this.http.get<QueueOverview>('/api/admin/queues');
  }

  setMemberships(userId: string, body: UpdateMembershipsRequest): Observable<MembershipsSaved> {
    return this.http.put<MembershipsSaved>(`/api/admin/users/${userId}/memberships`, body);
  }

  /** Someone who also has roles outside the admin's organizations only loses the roles here (`roles_removed`). */
  deactivate(userId: string): Observable<AdminDeactivation> {
    return this.http.post<AdminDeactivation>(`/api/admin/users/${userId}/deactivate`, {});
  }

  reactivate(userId: string): Observable<void> {
    return this.http.post<void>(`/api/admin/users/${userId}/reactivate`, {});
  }
}

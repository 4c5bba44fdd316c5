import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AUTH_ROUTES, type CurrentUser, type LoginRequest, type LoginResponse, type Role } from '@lava/contracts';
import { canSeeDashboard } from '@lava/workflow';
import { Observable, catchError, defer, finalize, firstValueFrom, map, of, shareReplay, tap } from 'rxjs';

/** Where earlier versions kept the token; removed on start, as the token now stays in memory. */
const LEGACY_STORAGE_KEY = 'lava.session';

interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: CurrentUser;
}

/**
 * The signed-in user and their short-lived access token, in memory only (a signal): no script
 * can read it from storage. The session itself lives in the API's httpOnly refresh cookie, so
 * after a reload `restore()` gets a fresh access token from it, and an expired access token is
 * renewed with `refresh()` (the interceptor does that on a 401).
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly session = signal<Session | null>(null);
  private restoring: Promise<boolean> | null = null;
  private refreshing: Observable<string | null> | null = null;

  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly user = computed(() => this.session()?.user ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);

  constructor() {
    try {
      sessionStorage.removeItem(LEGACY_STORAGE_KEY);
    } catch {
      // storage unavailable: nothing to remove
    }
  }

  hasRole(role: Role): boolean {
    return this.user()?.memberships.some((m) => m.role === role) ?? false;
  }

  /** Whether the person's roles show them a dashboard (official, admin, regional coordinator). */
  canSeeDashboard(): boolean {
    return canSeeDashboard((this.user()?.memberships ?? []).map((m) => m.role));
  }

  /**
   * Where a person starts: youth council members at their council's consultations, a regional
   * coordinator (who prepares nothing) at the dashboard, everyone else at the assessments.
   */
  homePath(): string {
    const memberships = this.user()?.memberships ?? [];
    if (memberships.length > 0 && memberships.every((m) => m.role === 'youth_council_member')) return '/consultations';
    if (memberships.length > 0 && memberships.every((m) => m.role === 'regional_coordinator')) return '/dashboard';
    return '/assessments';
  }

  /** Once per page load (the route guards wait for it): picks up the session the refresh cookie holds, if any. */
  restore(): Promise<boolean> {
    this.restoring ??= firstValueFrom(this.refresh()).then((token) => token !== null);
    return this.restoring;
  }

  login(request: LoginRequest): Observable<CurrentUser> {
    return this.http.post<LoginResponse>(AUTH_ROUTES.login, request).pipe(
      tap((response) => this.store(response)),
      map((response) => response.user),
    );
  }

  /**
   * A new access token from the refresh cookie, or null when the session is over (then signed out).
   * Callers at the same moment share one request; browser tabs take turns (Web Locks), because a
   * refresh token works once and a second tab sending the same one would end the session.
   */
  refresh(): Observable<string | null> {
    this.refreshing ??= defer(() => withTabLock(() => firstValueFrom(this.http.post<LoginResponse>(AUTH_ROUTES.refresh, null)))).pipe(
      map((response) => {
        this.store(response);
        return response.accessToken as string | null;
      }),
      catchError(() => {
        this.session.set(null);
        return of(null);
      }),
      finalize(() => (this.refreshing = null)),
      shareReplay(1),
    );
    return this.refreshing;
  }

  /** Reloads the user (memberships may have changed since sign-in). */
  refreshUser(): Observable<CurrentUser> {
    return this.http.get<CurrentUser>(AUTH_ROUTES.me).pipe(
      tap((user) => {
        const current = this.session();
        if (current) this.session.set({ ...current, user });
      }),
    );
  }

  /** Takes a session another route started (accepting an invitation answers like a sign-in). */
  startSession(response: LoginResponse): CurrentUser {
    this.store(response);
    return response.user;
  }

  /** Takes the user as the API returned it after a change (e.g. a saved profile). */
  updateUser(user: CurrentUser): void {
    const current = this.session();
    if (current) this.session.set({ ...current, user });
  }

  /** Forgets the session in this tab without navigating (the cookie stays). */
  clear(): void {
    this.session.set(null);
  }

  /** Ends the session on the server too (revokes the refresh token, clears the cookie), then goes to /login. */
  async logout(): Promise<boolean> {
    this.clear();
    try {
      await firstValueFrom(this.http.post<void>(AUTH_ROUTES.logout, null));
    } catch {
      // Signed out here anyway; the refresh token expires on its own.
    }
    return this.router.navigateByUrl('/login');
  }

  /** The API no longer accepts the session: sign in again and come back here afterwards. */
  sessionExpired(returnUrl: string): Promise<boolean> {
    this.clear();
    const queryParams = returnUrl && !returnUrl.startsWith('/login') ? { returnUrl } : {};
    return this.router.navigate(['/login'], { queryParams });
  }

  private store(response: LoginResponse): void {
    this.session.set({ accessToken: response.accessToken, expiresAt: Date.now() + response.expiresIn * 1000, user: response.user });
  }
}

/** Runs `task` while holding a lock shared by this site's tabs, where the browser has Web Locks. */
function withTabLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('lava-auth-refresh', task) as Promise<T>) : task();
}

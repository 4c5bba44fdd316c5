import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { CurrentUser, LoginRequest, LoginResponse, Role } from '@lava/contracts';
import { Observable, map, tap } from 'rxjs';

export const SESSION_STORAGE_KEY = 'lava.session';
export const LOGIN_URL = '/api/auth/login';

interface StoredSession {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: CurrentUser;
}

/** The signed-in user and their access token, kept in sessionStorage for this browser tab. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly session = signal<StoredSession | null>(readSession());

  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly user = computed(() => this.session()?.user ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);

  hasRole(role: Role): boolean {
    return this.user()?.memberships.some((m) => m.role === role) ?? false;
  }

  login(request: LoginRequest): Observable<CurrentUser> {
    return this.http.post<LoginResponse>(LOGIN_URL, request).pipe(
      tap((response) =>
        this.store({
          accessToken: response.accessToken,
          expiresAt: Date.now() + response.expiresIn * 1000,
          user: response.user,
        }),
      ),
      map((response) => response.user),
    );
  }

  /** Reloads the user (memberships may have changed since sign-in). */
  refreshUser(): Observable<CurrentUser> {
    return this.http.get<CurrentUser>('/api/auth/me').pipe(
      tap((user) => {
        const current = this.session();
        if (current) this.store({ ...current, user });
      }),
    );
  }

  /** Forgets the session without navigating. */
  clear(): void {
    this.session.set(null);
    try {
      sessionStorage.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // ignore: nothing stored
    }
  }

  logout(): Promise<boolean> {
    this.clear();
    return this.router.navigateByUrl('/login');
  }

  /** The API no longer accepts the token: sign in again and come back here afterwards. */
  sessionExpired(returnUrl: string): Promise<boolean> {
    this.clear();
    const queryParams = returnUrl && !returnUrl.startsWith('/login') ? { returnUrl } : {};
    return this.router.navigate(['/login'], { queryParams });
  }

  private store(session: StoredSession): void {
    this.session.set(session);
    try {
      sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Storage unavailable: the session lives in memory only.
    }
  }
}

function readSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'number' || parsed.expiresAt <= Date.now() || !parsed.user) {
      sessionStorage.removeItem(SESSION_STORAGE_KEY);
      return null;
    }
    return parsed as StoredSession;
  } catch {
    return null;
  }
}

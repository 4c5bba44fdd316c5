import { inject } from '@angular/core';
import { CanActivateFn, Route, Router } from '@angular/router';
import { openingRoutes } from '../routing/opening-page';
import { AuthService } from './auth.service';

/**
 * Anonymous users go to the login page, and come back here after signing in. The first
 * navigation waits until the session in the refresh cookie (if any) is restored, so a reload
 * keeps you signed in.
 */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.restore();
  return auth.isLoggedIn() ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** A signed-in user has no business on the login page. */
export const guestGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.restore();
  return auth.isLoggedIn() ? router.parseUrl(auth.homePath()) : true;
};

/** The admin area: only for admins (the API checks again on every call). */
export const adminGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.restore();
  return auth.hasRole('admin') ? true : router.createUrlTree(['/assessments']);
};

/** The dashboard: for those whose roles show one (the workflow's `canSeeDashboard`). */
export const dashboardGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.restore();
  return auth.canSeeDashboard() ? true : router.parseUrl(auth.homePath());
};

/** `/`: each person's home (a youth council member's is their council, everyone else's the assessments). */
export const homeGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.restore();
  return router.parseUrl(auth.isLoggedIn() ? auth.homePath() : '/login');
};

/** The assessment list is staff's home: a youth council member goes to their council instead. */
export const staffHomeGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.restore();
  return auth.homePath() === '/consultations' ? router.parseUrl('/consultations') : true;
};

const SESSION_GUARDS: readonly unknown[] = [authGuard, guestGuard, adminGuard, homeGuard];

/**
 * Whether the page at `path` (the address the app opens with) waits for the session: a top-level
 * route for its first segment has one of the guards that await `restore()`. The app then asks for the
 * session while the translations load, instead of after them (app.config.ts); a page that does not
 * wait for it (a child's survey, the public register) sends no refresh request.
 */
export function waitsForSession(routes: readonly Route[], path: string): boolean {
  return openingRoutes(routes, path).some((route) => (route.canActivate ?? []).some((guard) => SESSION_GUARDS.includes(guard)));
}

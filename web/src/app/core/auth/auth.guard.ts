import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** Anonymous users go to the login page, and come back here after signing in. */
export const authGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthService).isLoggedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** A signed-in user has no business on the login page. */
export const guestGuard: CanActivateFn = () => (inject(AuthService).isLoggedIn() ? inject(Router).createUrlTree(['/assessments']) : true);

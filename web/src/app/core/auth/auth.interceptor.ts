import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService, LOGIN_URL } from './auth.service';

/**
 * Adds the bearer token to API calls. A 401 from any call but the login itself means the
 * session is over: forget it and send the user to the login page, returning here afterwards.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const isApi = req.url.startsWith('/api/');
  const token = auth.token();
  const request =
    isApi && token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;

  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        isApi &&
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !req.url.startsWith(LOGIN_URL)
      ) {
        void auth.sessionExpired(router.url);
      }
      return throwError(() => error);
    }),
  );
};

import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService, LOGIN_URL } from './auth.service';

/**
 * Adds the bearer token to API calls, and the current UI language (kept on `<html lang>`) as
 * Accept-Language, so names of organizations come back in the language on screen. A 401 from any call but the login itself means the
 * session is over: forget it and send the user to the login page, returning here afterwards.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const isApi = req.url.startsWith('/api/');
  const token = auth.token();
  const language = inject(DOCUMENT).documentElement.lang;
  const headers: Record<string, string> = {};
  if (isApi && token) headers['Authorization'] = `Bearer ${token}`;
  if (isApi && language) headers['Accept-Language'] = language;
  const request = Object.keys(headers).length > 0 ? req.clone({ setHeaders: headers }) : req;

  return next(request).pipe(
    catchError((error: unknown) => {
      if (isApi && error instanceof HttpErrorResponse && error.status === 401 && !req.url.startsWith(LOGIN_URL)) {
        void auth.sessionExpired(router.url);
      }
      return throwError(() => error);
    }),
  );
};

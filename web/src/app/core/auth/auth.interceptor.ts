import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { Router } from '@angular/router';
import { AUTH_ROUTES } from '@lava/contracts';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthService } from './auth.service';

/** Routes whose 401 means "no (valid) credentials here", not "your access token expired". */
const SESSION_ROUTES: readonly string[] = [AUTH_ROUTES.login, AUTH_ROUTES.refresh, AUTH_ROUTES.logout];

const is401 = (error: unknown) => error instanceof HttpErrorResponse && error.status === 401;

/**
 * Adds the bearer token to API calls, and the current UI language (kept on `<html lang>`) as
 * Accept-Language, so names of organizations come back in the language on screen.
 *
 * A 401 from an API call means the access token expired (it lives 15 minutes): renew it once from
 * the refresh cookie and repeat the call. If that fails too, the session is over: go to the login
 * page and come back here afterwards. The API is same-origin (/api, proxied), so the browser sends
 * the cookie without `withCredentials`.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const language = inject(DOCUMENT).documentElement.lang;
  const isApi = req.url.startsWith('/api/');
  const isSessionRoute = SESSION_ROUTES.some((url) => req.url.startsWith(url));

  const withHeaders = (request: HttpRequest<unknown>, token: string | null) => {
    const headers: Record<string, string> = {};
    if (isApi && token && !isSessionRoute) headers['Authorization'] = `Bearer ${token}`;
    if (isApi && language) headers['Accept-Language'] = language;
    return Object.keys(headers).length > 0 ? request.clone({ setHeaders: headers }) : request;
  };
  const endSession = (error: unknown) => {
    void auth.sessionExpired(router.url);
    return throwError(() => error);
  };

  return next(withHeaders(req, auth.token())).pipe(
    catchError((error: unknown) => {
      if (!isApi || isSessionRoute || !is401(error)) return throwError(() => error);
      return auth
        .refresh()
        .pipe(
          switchMap((token) =>
            token
              ? next(withHeaders(req, token)).pipe(
                  catchError((retryError: unknown) => (is401(retryError) ? endSession(retryError) : throwError(() => retryError))),
                )
              : endSession(error),
          ),
        );
    }),
  );
};

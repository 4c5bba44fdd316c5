import { inject } from '@angular/core';
import { type RedirectFunction, Router } from '@angular/router';

/**
 * E-mailed links (invitation, password reset) carry their secret in the URL's fragment,
 * `/invitation#token=…`: a browser never sends the fragment to a server, so the token does not land
 * in nginx's or a proxy's access log, nor in a Referer. The page posts it to the API in a body.
 */
export function linkTokenFrom(fragment: string | null | undefined): string | null {
  if (!fragment) return null;
  const token = new URLSearchParams(fragment).get('token');
  return token ? token : null;
}

/**
 * Links sent before the token moved to the fragment (`/invitation/<token>`) keep working: the
 * router moves the token into the fragment before the page opens, replacing the history entry, so
 * the page posts it like any other and the path form is not kept in the history.
 */
export function tokenToFragment(path: string): RedirectFunction {
  return ({ params }) => inject(Router).createUrlTree([path], { fragment: `token=${String(params['token'] ?? '')}` });
}

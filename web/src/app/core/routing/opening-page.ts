import type { Route } from '@angular/router';

/**
 * Starts downloading the code of the page the app opens with while the translations (and the session)
 * load. The router asks for a lazy page only once the app has started, so on a slow connection its
 * chunks were one or two round trips after everything else (Lighthouse's request chain on /login:
 * JavaScript, then translations, then the page). The browser keeps one copy of each module, so the
 * router's own request later finds it loaded or on its way.
 *
 * Matches literal segments and `:parameters` only; whatever it does not find is left to the router,
 * which loads what it needs as it always does. Guards are not run: a page a guard redirects away
 * from costs one unused download.
 */
export function preloadOpeningPage(routes: readonly Route[], path: string): void {
  const segments = (path.split(/[?#]/)[0] ?? '').split('/').filter(Boolean);
  load(routes, segments).catch(() => undefined);
}

/**
 * The top-level routes for the first segment of the address the app opens with: what app.config.ts
 * asks about that page before the router has started (does it wait for the session, does it need the
 * features' texts). Routes are matched by their own first segment only; an address no route names
 * gives none (the not-found page).
 */
export function openingRoutes(routes: readonly Route[], path: string): Route[] {
  const first = path.split(/[/?#]/).filter(Boolean)[0] ?? '';
  return routes.filter((route) => (route.path ?? '').split('/')[0] === first);
}

async function load(routes: readonly Route[], segments: readonly string[]): Promise<void> {
  const match = matchRoute(routes, segments);
  if (!match) return;
  const { route, rest } = match;
  if (route.loadComponent) {
    await route.loadComponent();
  } else if (route.loadChildren) {
    const children = await route.loadChildren();
    if (Array.isArray(children)) await load(children, rest);
  } else if (route.children) {
    await load(route.children, rest);
  }
}

function matchRoute(routes: readonly Route[], segments: readonly string[]): { route: Route; rest: readonly string[] } | null {
  for (const route of routes) {
    if (route.path === undefined || route.path === '**' || route.redirectTo !== undefined) continue;
    const parts = route.path.split('/').filter(Boolean);
    if (parts.length > segments.length || !parts.every((part, i) => part.startsWith(':') || part === segments[i])) continue;
    const rest = segments.slice(parts.length);
    // A page takes every segment; a parent hands the rest to its children.
    if (rest.length > 0 && (route.loadComponent || route.pathMatch === 'full')) continue;
    return { route, rest };
  }
  return null;
}

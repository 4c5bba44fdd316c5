/**
 * Whether a request that a cookie authenticates may have been made by another website's page
 * (a cross-site form or fetch). The refresh cookie is SameSite=Strict, so browsers should not
 * send it on such a request at all; this is the second lock, for browsers or set-ups where that
 * fails (an old browser, a sibling subdomain that counts as the same site).
 *
 * - `Sec-Fetch-Site` (Fetch Metadata, sent by every current browser and not settable by a page):
 *   `same-origin` and `none` (typed or bookmarked) pass, `cross-site` never does, `same-site`
 *   only when the page is the web app's own origin (WEB_ORIGIN).
 * - Without it (an old browser, or a non-browser client, which holds no victim's cookie): an
 *   `Origin` header, when sent, must be WEB_ORIGIN or the address the request itself was sent to.
 */
export function crossSiteRequest(
  headers: { origin?: string | undefined; host?: string | undefined; 'sec-fetch-site'?: string | undefined },
  webOrigin: string,
): boolean {
  const own = normalizedOrigin(webOrigin);
  const origin = headers.origin;
  const fromWebApp = origin !== undefined && normalizedOrigin(origin) === own;
  const site = headers['sec-fetch-site']?.toLowerCase();
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return false;
    if (site === 'same-site') return !fromWebApp;
    return true;
  }
  if (origin === undefined) return false;
  if (fromWebApp) return false;
  try {
    return origin === 'null' || new URL(origin).host !== headers.host;
  } catch {
    return true;
  }
}

function normalizedOrigin(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LavaConfig } from '../config/lava-config';

/**
 * A short-lived token naming one person, signed with a key derived from the server secret for one
 * `purpose` only (a queue-board cookie is no stream ticket, and neither is an access token):
 * `base64url({sub, exp}).signature`. For places a browser cannot send the bearer token.
 */
export function signUserToken(config: Pick<LavaConfig, 'JWT_SECRET'>, purpose: string, userId: string, expiresAt: Date): string {
  const payload = Buffer.from(JSON.stringify({ sub: userId, exp: expiresAt.getTime() })).toString('base64url');
  return `${payload}.${signature(config, purpose, payload)}`;
}

/** The user id of a valid, unexpired token made for `purpose`; null otherwise. */
export function verifyUserToken(
  config: Pick<LavaConfig, 'JWT_SECRET'>,
  purpose: string,
  value: string | undefined,
  now = Date.now(),
): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return null;
  const [payload, given, extra] = value.split('.');
  if (!payload || !given || extra !== undefined) return null;
  const expected = Buffer.from(signature(config, purpose, payload));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp <= now) return null;
    return claims.sub;
  } catch {
    return null;
  }
}

function signature(config: Pick<LavaConfig, 'JWT_SECRET'>, purpose: string, payload: string): string {
  const key = createHmac('sha256', config.JWT_SECRET).update(purpose).digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}

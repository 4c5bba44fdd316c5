import type { CookieOptions } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import type { LavaConfig } from '../config/lava-config';

export const REFRESH_COOKIE = 'lava_refresh';
/** The browser sends the cookie only to the auth routes (refresh, logout), never to the rest of the API. */
export const REFRESH_COOKIE_PATH = '/api/auth';

/** httpOnly (no script can read it), SameSite=Strict (no cross-site request carries it), Secure in production. */
export function refreshCookieOptions(config: Pick<LavaConfig, 'NODE_ENV'>, expiresAt?: Date): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.NODE_ENV === 'production',
    path: REFRESH_COOKIE_PATH,
    ...(expiresAt ? { expires: expiresAt } : {}),
  };
}

/** 256 random bits, URL-safe. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of the token: a leaked table gives no usable token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The same kind of secret for links sent by e-mail (invitations, password resets): random, stored only hashed. */
export const newLinkToken = newRefreshToken;
export const hashLinkToken = hashRefreshToken;

import { NotFoundException } from '@nestjs/common';
import { hashLinkToken } from './refresh-cookie';

/** The stored hash of a token from a link; a token that cannot be one of ours is simply not found. */
export function linkTokenHash(token: string, notFoundMessage: string): string {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFoundException(notFoundMessage);
  return hashLinkToken(token);
}

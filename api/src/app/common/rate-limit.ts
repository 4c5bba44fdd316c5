import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The one way the API limits how fast something may happen (public register reads, survey answers,
 * comments and mentions, sign-ins): a fixed-window count in Redis, so that every API replica shares
 * it, on the shared connection (`queue/redis-client.ts`, passed in: `common/` depends on no feature
 * folder). Refusals answer 429 with Retry-After (`tooManyRequests`).
 */

/** The part of a rate-limiter-flexible limiter used (RateLimiterRedis in the app, RateLimiterMemory in unit tests). */
export interface Limiter {
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  reward(key: string, points?: number): Promise<RateLimiterRes>;
  delete(key: string): Promise<boolean>;
}

export interface RateLimitOptions {
  /** The Redis key prefix, e.g. `redisClient.key('public-rate')`. */
  keyPrefix: string;
  /** How many points a key may take per window. */
  points: number;
  /** The window, in seconds. */
  duration: number;
  /**
   * While Redis cannot answer: `memory` (default) counts in this process instead; `open` lets
   * everything through and `take` says `storeFailed`, for the caller to report (the sign-in
   * throttle, where an outage of the store must not lock anyone out).
   */
  whenRedisDown?: 'memory' | 'open';
}

export function rateLimiter(redis: Redis, options: RateLimitOptions): Limiter {
  const { keyPrefix, points, duration, whenRedisDown = 'memory' } = options;
  return whenRedisDown === 'memory'
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      })
    : new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, rejectIfRedisNotReady: true });
}

export type Taken =
  | { kind: 'taken'; remainingPoints: number }
  | { kind: 'refused'; retryAfterSeconds: number }
  /** The limiter itself failed (its store did not answer): the caller lets the request through. */
  | { kind: 'storeFailed'; error: unknown };

/** Whole seconds to wait, at least 1. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/**
 * Takes `points` from `key`'s allowance. A refusal still counts the points in the window
 * (rate-limiter-flexible increments first); `giveBack` when the refused request must cost nothing.
 */
export async function take(limiter: Limiter, key: string, points = 1): Promise<Taken> {
  try {
    const result = await limiter.consume(key, points);
    return { kind: 'taken', remainingPoints: result.remainingPoints };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { kind: 'refused', retryAfterSeconds: retryAfterSeconds(error.msBeforeNext) };
    return { kind: 'storeFailed', error };
  }
}

/** Gives points back to `key`; the error when the store did not answer (the count then stays high until the window ends). */
export async function giveBack(limiter: Limiter, key: string, points = 1): Promise<unknown> {
  try {
    await limiter.reward(key, points);
    return null;
  } catch (error) {
    return error;
  }
}

/** The 429 answer, with Retry-After on `response` when the refusal happens in an HTTP interceptor. */
export function tooManyRequests(message: string, retryAfter: number, response?: Response): HttpException {
  response?.setHeader('Retry-After', String(retryAfter));
  return new HttpException(message, HttpStatus.TOO_MANY_REQUESTS);
}

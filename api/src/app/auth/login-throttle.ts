import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { LavaConfig } from '../config/lava-config';

/** The part of a rate-limiter-flexible limiter the throttle uses (RateLimiterRedis in the app, RateLimiterMemory in unit tests). */
export interface Limiter {
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  reward(key: string, points?: number): Promise<RateLimiterRes>;
  delete(key: string): Promise<boolean>;
}

export interface LoginBlocked {
  retryAfterSeconds: number;
  message: string;
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return minutes === 1
    ? 'Too many sign-in attempts. Try again in 1 minute.'
    : `Too many sign-in attempts. Try again in ${minutes} minutes.`;
}

function blocked(msBeforeNext: number): LoginBlocked {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return { retryAfterSeconds, message: tooManyAttemptsMessage(retryAfterSeconds) };
}

/**
 * Slows down password guessing. Two counters in Redis, both over a fixed window:
 * - per account (normalized e-mail): sign-ins that were not right; a successful sign-in (or a
 *   password reset) resets it;
 * - per client address: failed sign-ins and password reset requests, so one address cannot spray
 *   many accounts. Successful sign-ins do not count: a whole town hall signs in through one
 *   address at nine in the morning.
 *
 * Each attempt takes its point from both counters *before* the password is checked (an atomic
 * increment in Redis), and a right password gives it back: however many guesses arrive at once,
 * at most the limit of them reach the (slow, memory-hungry) password check.
 *
 * If Redis cannot answer, sign-in is allowed (fail open) with a warning in the log: an outage of
 * the throttle's store must not lock every person out. Passwords are still checked with argon2,
 * which is slow enough to limit guessing for the length of an outage.
 */
export class LoginThrottle {
  private lastWarning = 0;

  constructor(
    private readonly limiters: { account: Limiter; address: Limiter; reset?: Limiter },
    private readonly warn: (message: string) => void,
    private readonly onClose: () => void = () => undefined,
  ) {}

  /**
   * Takes one attempt from the account's and the address's allowance; `blocked` (answer 429) when
   * either is spent, and then the password must not be checked. An attempt the address refuses
   * is given back to the account.
   */
  async take(email: string, address: string): Promise<LoginBlocked | null> {
    const account = accountKey(email);
    const refused = await this.consume(this.limiters.account, account);
    if (refused) return refused;
    const fromAddress = await this.consume(this.limiters.address, address);
    if (fromAddress) await this.giveBack(this.limiters.account, account);
    return fromAddress;
  }

  /** The password was right: the account's failures are forgotten and the address gets its attempt back. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.forgetAccount(email);
    await this.giveBack(this.limiters.address, address);
  }

  /** After a password reset the owner signs in at once, whatever others tried meanwhile. */
  async forgetAccount(email: string): Promise<void> {
    try {
      await this.limiters.account.delete(accountKey(email));
    } catch (error) {
      this.storeFailed(error);
    }
  }

  /**
   * A password reset request: counted per client address together with failed sign-ins (`blocked`: answer
   * 429), and per e-mail address (`send: false` once over PASSWORD_RESET_MAX_PER_ACCOUNT: answer as
   * always but send nothing, so nobody can flood a mailbox and the answer reveals nothing).
   */
  async checkReset(email: string, address: string): Promise<{ blocked: LoginBlocked | null; send: boolean }> {
    try {
      await this.limiters.address.consume(address);
    } catch (error) {
      if (error instanceof RateLimiterRes) return { blocked: blocked(error.msBeforeNext), send: false };
      this.storeFailed(error);
    }
    if (!this.limiters.reset) return { blocked: null, send: true };
    try {
      await this.limiters.reset.consume(accountKey(email));
    } catch (error) {
      if (error instanceof RateLimiterRes) return { blocked: null, send: false };
      this.storeFailed(error);
    }
    return { blocked: null, send: true };
  }

  private async consume(limiter: Limiter, key: string): Promise<LoginBlocked | null> {
    try {
      await limiter.consume(key);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return blocked(error.msBeforeNext);
      this.storeFailed(error);
      return null;
    }
  }

  private async giveBack(limiter: Limiter, key: string): Promise<void> {
    try {
      await limiter.reward(key, 1);
    } catch (error) {
      this.storeFailed(error);
    }
  }

  onApplicationShutdown(): void {
    this.onClose();
  }

  private storeFailed(error: unknown): void {
    // At most one warning a minute, so an outage does not flood the log.
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    const reason = error instanceof Error ? error.message : String(error);
    this.warn(`Sign-in throttling is off: Redis did not answer (${reason}). Sign-ins are allowed without limits until it does.`);
  }
}

export function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/** The throttle on the Redis at REDIS_URL, keys under `<QUEUE_PREFIX>:login:`. */
export function createLoginThrottle(config: LavaConfig, warn: (message: string) => void): LoginThrottle {
  const redis = new Redis(config.REDIS_URL, {
    lazyConnect: true,
    // Fail fast rather than queue: a sign-in must never wait for an absent Redis.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 3000,
    commandTimeout: 1000,
  });
  redis.on('error', () => undefined); // reported through the failing commands (see storeFailed)
  void redis.connect().catch(() => undefined);
  const duration = config.LOGIN_THROTTLE_WINDOW_MINUTES * 60;
  const limiter = (name: string, points: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.QUEUE_PREFIX}:login:${name}`,
      points,
      duration,
      rejectIfRedisNotReady: true,
    });
  return new LoginThrottle(
    {
      account: limiter('account', config.LOGIN_MAX_FAILURES_PER_ACCOUNT),
      address: limiter('address', config.LOGIN_MAX_FAILURES_PER_ADDRESS),
      reset: limiter('reset', config.PASSWORD_RESET_MAX_PER_ACCOUNT),
    },
    warn,
    () => redis.disconnect(),
  );
}

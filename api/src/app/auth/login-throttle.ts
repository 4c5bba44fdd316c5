import { giveBack, rateLimiter, take, type Limiter } from '../common/rate-limit';
import type { LavaConfig } from '../config/lava-config';
import { RedisClient } from '../queue/redis-client';

export type { Limiter } from '../common/rate-limit';

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

function blocked(seconds: number): LoginBlocked {
  return { retryAfterSeconds: seconds, message: tooManyAttemptsMessage(seconds) };
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
    const fromAddress = await take(this.limiters.address, address);
    if (fromAddress.kind === 'refused') return { blocked: blocked(fromAddress.retryAfterSeconds), send: false };
    if (fromAddress.kind === 'storeFailed') this.storeFailed(fromAddress.error);
    if (!this.limiters.reset) return { blocked: null, send: true };
    const forAccount = await take(this.limiters.reset, accountKey(email));
    if (forAccount.kind === 'refused') return { blocked: null, send: false };
    if (forAccount.kind === 'storeFailed') this.storeFailed(forAccount.error);
    return { blocked: null, send: true };
  }

  private async consume(limiter: Limiter, key: string): Promise<LoginBlocked | null> {
    const taken = await take(limiter, key);
    if (taken.kind === 'refused') return blocked(taken.retryAfterSeconds);
    if (taken.kind === 'storeFailed') this.storeFailed(taken.error);
    return null;
  }

  private async giveBack(limiter: Limiter, key: string): Promise<void> {
    const failed = await giveBack(limiter, key, 1);
    if (failed !== null) this.storeFailed(failed);
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

/**
 * The throttle on the shared Redis connection (`redisClient`; a connection of its own, closed with the
 * throttle, when none is given), keys under `<QUEUE_PREFIX>:login:`. Its limiters fail open rather than
 * count in memory: see the class comment.
 */
export function createLoginThrottle(config: LavaConfig, warn: (message: string) => void, redisClient?: RedisClient): LoginThrottle {
  const client = redisClient ?? new RedisClient(config);
  const duration = config.LOGIN_THROTTLE_WINDOW_MINUTES * 60;
  const limiter = (name: string, points: number) =>
    rateLimiter(client.redis, { keyPrefix: client.key(`login:${name}`), points, duration, whenRedisDown: 'open' });
  return new LoginThrottle(
    {
      account: limiter('account', config.LOGIN_MAX_FAILURES_PER_ACCOUNT),
      address: limiter('address', config.LOGIN_MAX_FAILURES_PER_ADDRESS),
      reset: limiter('reset', config.PASSWORD_RESET_MAX_PER_ACCOUNT),
    },
    warn,
    redisClient ? undefined : () => client.redis.disconnect(),
  );
}

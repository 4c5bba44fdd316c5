import { RateLimiterMemory } from 'rate-limiter-flexible';
import { type Limiter, LoginThrottle, tooManyAttemptsMessage } from './login-throttle';

function throttle(maxFailures = 3, maxAddressFailures = 100) {
  const warnings: string[] = [];
  const limiters = {
    account: new RateLimiterMemory({ points: maxFailures, duration: 15 * 60 }),
    address: new RateLimiterMemory({ points: maxAddressFailures, duration: 15 * 60 }),
  };
  const limits = { failuresPerAccount: maxFailures, failuresPerAddress: maxAddressFailures };
  return { throttle: new LoginThrottle(limiters, limits, (w) => warnings.push(w)), warnings };
}

async function fail(t: LoginThrottle, email: string, address = '10.0.0.1') {
  const blocked = await t.check(email, address);
  if (!blocked) await t.recordFailure(email, address);
  return blocked;
}

describe('LoginThrottle', () => {
  it('blocks an account after the allowed failures, with the time left, and leaves other accounts alone', async () => {
    const { throttle: t } = throttle(3);
    for (let i = 0; i < 3; i++) expect(await fail(t, 'anna@kotka.example')).toBeNull();

    const blocked = await t.check('Anna@Kotka.example ', '10.0.0.2');
    expect(blocked?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(blocked?.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(blocked?.message).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    expect(await t.check('ben@kotka.example', '10.0.0.1')).toBeNull();
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const { throttle: t } = throttle(3);
    await fail(t, 'anna@kotka.example');
    await fail(t, 'anna@kotka.example');
    await t.recordSuccess('anna@kotka.example');
    await fail(t, 'anna@kotka.example');
    await fail(t, 'anna@kotka.example');
    expect(await t.check('anna@kotka.example', '10.0.0.1')).toBeNull();
  });

  it('limits failures from one address, whatever the account, and only that address', async () => {
    const { throttle: t } = throttle(100, 4);
    for (let i = 0; i < 4; i++) expect(await fail(t, `user${i}@kotka.example`, '10.0.0.9')).toBeNull();
    expect(await t.check('user9@kotka.example', '10.0.0.9')).not.toBeNull();
    expect(await t.check('user9@kotka.example', '10.0.0.10')).toBeNull();
  });

  it('does not count successful sign-ins against the address', async () => {
    const { throttle: t } = throttle(100, 4);
    for (let i = 0; i < 20; i++) {
      expect(await t.check(`user${i}@kotka.example`, '10.0.0.9')).toBeNull();
      await t.recordSuccess(`user${i}@kotka.example`);
    }
  });

  it('lets sign-ins through when its store fails, and warns once', async () => {
    const broken: Limiter = {
      consume: () => Promise.reject(new Error('Redis is down')),
      get: () => Promise.reject(new Error('Redis is down')),
      delete: () => Promise.reject(new Error('Redis is down')),
    };
    const warnings: string[] = [];
    const limits = { failuresPerAccount: 3, failuresPerAddress: 3 };
    const t = new LoginThrottle({ account: broken, address: broken }, limits, (w) => warnings.push(w));
    for (let i = 0; i < 5; i++) expect(await fail(t, 'anna@kotka.example')).toBeNull();
    await t.recordSuccess('anna@kotka.example');
    expect(warnings).toEqual([expect.stringContaining('Redis is down')]);
  });
});

describe('tooManyAttemptsMessage', () => {
  it('rounds up to whole minutes', () => {
    expect(tooManyAttemptsMessage(1)).toBe('Too many sign-in attempts. Try again in 1 minute.');
    expect(tooManyAttemptsMessage(61)).toBe('Too many sign-in attempts. Try again in 2 minutes.');
  });
});

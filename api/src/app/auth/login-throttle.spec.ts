import { RateLimiterMemory } from 'rate-limiter-flexible';
import { type Limiter, LoginThrottle, tooManyAttemptsMessage } from './login-throttle';

function throttle(maxFailures = 3, maxAddressFailures = 100) {
  const warnings: string[] = [];
  const limiters = {
    account: new RateLimiterMemory({ points: maxFailures, duration: 15 * 60 }),
    address: new RateLimiterMemory({ points: maxAddressFailures, duration: 15 * 60 }),
  };
  return { throttle: new LoginThrottle(limiters, (w) => warnings.push(w)), warnings };
}

/** A sign-in with a wrong password: the attempt is taken and kept. */
const fail = (t: LoginThrottle, email: string, address = '10.0.0.1') => t.take(email, address);

/** A sign-in with the right password: taken, then given back. */
async function succeed(t: LoginThrottle, email: string, address = '10.0.0.1') {
  const blocked = await t.take(email, address);
  if (!blocked) await t.succeeded(email, address);
  return blocked;
}

describe('LoginThrottle', () => {
  it('blocks an account after the allowed failures, with the time left, and leaves other accounts alone', async () => {
    const { throttle: t } = throttle(3);
    for (let i = 0; i < 3; i++) expect(await fail(t, 'anna@kotka.example')).toBeNull();

    const blocked = await t.take('Anna@Kotka.example ', '10.0.0.2');
    expect(blocked?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(blocked?.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(blocked?.message).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    expect(await t.take('ben@kotka.example', '10.0.0.1')).toBeNull();
  });

  it('lets exactly the allowed number of simultaneous attempts through', async () => {
    const { throttle: t } = throttle(10);
    const answers = await Promise.all(Array.from({ length: 200 }, () => t.take('anna@kotka.example', '10.0.0.1')));
    expect(answers.filter((a) => a === null)).toHaveLength(10);
  });

  it('forgets an account’s failures after a successful sign-in, and after a password reset', async () => {
    const { throttle: t } = throttle(3);
    await fail(t, 'anna@kotka.example');
    await fail(t, 'anna@kotka.example');
    expect(await succeed(t, 'anna@kotka.example')).toBeNull();
    await fail(t, 'anna@kotka.example');
    await fail(t, 'anna@kotka.example');
    await fail(t, 'anna@kotka.example');
    expect(await t.take('anna@kotka.example', '10.0.0.1')).not.toBeNull();
    await t.forgetAccount('anna@kotka.example');
    expect(await succeed(t, 'anna@kotka.example')).toBeNull();
  });

  it('limits failures from one address, whatever the account, and only that address', async () => {
    const { throttle: t } = throttle(100, 4);
    for (let i = 0; i < 4; i++) expect(await fail(t, `user${i}@kotka.example`, '10.0.0.9')).toBeNull();
    expect(await t.take('user9@kotka.example', '10.0.0.9')).not.toBeNull();
    expect(await t.take('user9@kotka.example', '10.0.0.10')).toBeNull();
  });

  it('does not count successful sign-ins against the address, nor an address refusal against the account', async () => {
    const { throttle: t } = throttle(3, 4);
    for (let i = 0; i < 20; i++) expect(await succeed(t, `user${i}@kotka.example`, '10.0.0.9')).toBeNull();
    for (let i = 0; i < 4; i++) await fail(t, `other${i}@kotka.example`, '10.0.0.9');
    for (let i = 0; i < 5; i++) expect(await t.take('anna@kotka.example', '10.0.0.9')).not.toBeNull();
    expect(await succeed(t, 'anna@kotka.example', '10.0.0.10')).toBeNull();
  });

  it('lets sign-ins through when its store fails, and warns once', async () => {
    const broken: Limiter = {
      consume: () => Promise.reject(new Error('Redis is down')),
      reward: () => Promise.reject(new Error('Redis is down')),
      delete: () => Promise.reject(new Error('Redis is down')),
    };
    const warnings: string[] = [];
    const t = new LoginThrottle({ account: broken, address: broken }, (w) => warnings.push(w));
    for (let i = 0; i < 5; i++) expect(await fail(t, 'anna@kotka.example')).toBeNull();
    await t.succeeded('anna@kotka.example', '10.0.0.1');
    expect(warnings).toEqual([expect.stringContaining('Redis is down')]);
  });
});

describe('tooManyAttemptsMessage', () => {
  it('rounds up to whole minutes', () => {
    expect(tooManyAttemptsMessage(1)).toBe('Too many sign-in attempts. Try again in 1 minute.');
    expect(tooManyAttemptsMessage(61)).toBe('Too many sign-in attempts. Try again in 2 minutes.');
  });
});

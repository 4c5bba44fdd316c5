import { hashRefreshToken, newRefreshToken, refreshCookieOptions } from './refresh-cookie';

describe('refresh cookie', () => {
  it('is httpOnly, SameSite=Strict, scoped to /api/auth, and Secure only in production', () => {
    expect(refreshCookieOptions({ NODE_ENV: 'development' })).toEqual({
      httpOnly: true,
      sameSite: 'strict',
      secure: false,
      path: '/api/auth',
    });
    expect(refreshCookieOptions({ NODE_ENV: 'production' }).secure).toBe(true);
  });

  it('tokens are random and only their SHA-256 is kept', () => {
    const a = newRefreshToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newRefreshToken()).not.toBe(a);
    expect(hashRefreshToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(a)).toBe(hashRefreshToken(a));
    expect(hashRefreshToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

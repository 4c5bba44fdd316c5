import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from './lava-config';

const base = { DATABASE_URL: 'postgres://lava@localhost:5432/lava' };

describe('loadConfig', () => {
  it('applies defaults for everything but the database', () => {
    const config = loadConfig(base);
    expect(config.API_PORT).toBe(3000);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.DEMO_MODE).toBe(false);
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig({ ...base, API_PORT: '8080', DEMO_MODE: 'true' });
    expect(config.API_PORT).toBe(8080);
    expect(config.DEMO_MODE).toBe(true);
  });

  it('names each bad variable in one message', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'mysql://x', API_PORT: 'eighty', REDIS_URL: 'localhost' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(attempt).toThrow(/API_PORT: must be a port number \(1–65535\)\n/);
    expect(attempt).toThrow(/REDIS_URL: must be a redis:\/\/ URL/);
  });

  it('requires a database URL', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL: is required/);
  });

  it('refuses the development secret and demo mode in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', DEMO_MODE: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /JWT_SECRET: set a secret of your own/,
    );
    expect(loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('refuses console mail in production: it would write reset and invitation links to the log', () => {
    const production = { ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig({ ...production, MAIL_MODE: 'console' })).toThrow(/MAIL_MODE: console writes sign-in links to the log/);
    expect(loadConfig({ ...production, MAIL_MODE: 'smtp' }).MAIL_MODE).toBe('smtp');
  });

  it('needs the client id and secret when organization sign-in is on', () => {
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://login.example/tenant/v2.0' })).toThrow(
      /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: both are required/,
    );
    expect(
      loadConfig({ ...base, OIDC_ISSUER: 'https://login.example/tenant/v2.0', OIDC_CLIENT_ID: 'lava', OIDC_CLIENT_SECRET: 's' })
        .OIDC_CLIENT_ID,
    ).toBe('lava');
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER: must be the issuer URL/);
  });

  it('keeps retention limits within sensible bounds', () => {
    expect(loadConfig(base)).toMatchObject({ YOUTH_MEMBERSHIP_RETENTION_MONTHS: 12, NOTIFICATION_RETENTION_DAYS: 365 });
    expect(loadConfig({ ...base, YOUTH_MEMBERSHIP_RETENTION_MONTHS: '6' }).YOUTH_MEMBERSHIP_RETENTION_MONTHS).toBe(6);
    expect(() => loadConfig({ ...base, YOUTH_MEMBERSHIP_RETENTION_MONTHS: '0' })).toThrow(
      /YOUTH_MEMBERSHIP_RETENTION_MONTHS: must be a whole number of months \(1–120\)/,
    );
    expect(() => loadConfig({ ...base, NOTIFICATION_RETENTION_DAYS: 'a year' })).toThrow(
      /NOTIFICATION_RETENTION_DAYS: must be a whole number/,
    );
  });
});

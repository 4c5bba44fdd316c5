import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

/** Development-only secret; production refuses it (see validate()). */
export const DEVELOPMENT_JWT_SECRET = 'lava-development-secret-do-not-use-in-production';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the API and the worker read, validated once at start.
 * Variable names are the environment variable names; `.env.example` documents each.
 */
export class LavaConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt({ message: 'must be a port number (1–65535)' })
  @Min(1, { message: 'must be a port number (1–65535)' })
  @Max(65535, { message: 'must be a port number (1–65535)' })
  API_PORT = 3000;

  /** postgres://user:password@host:port/database */
  @ValidateIf((config: LavaConfig) => config.DATABASE_URL !== '')
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL, e.g. postgres://lava:secret@localhost:5432/lava' })
  DATABASE_URL = '';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must be a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespaces every queue key in Redis, so several installations (or test runs) can share one Redis. */
  @Matches(/^[a-zA-Z0-9_-]{1,40}$/, { message: 'must be 1-40 letters, digits, "-" or "_"' })
  QUEUE_PREFIX = 'lava';

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  /** Lifetime of an access token (kept in the browser's memory only); the refresh cookie renews it. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  JWT_TTL_SECONDS = 900;

  /** Lifetime of a refresh token (httpOnly cookie); every refresh starts a new one. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TTL_DAYS = 14;

  /** Failed sign-ins allowed per e-mail address within LOGIN_THROTTLE_WINDOW_MINUTES; then 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 10;

  /** Sign-in attempts (failed or not) allowed per client address within the window; then 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_THROTTLE_WINDOW_MINUTES = 15;

  /** Public URL of the web app: CORS allows only this origin, and links in messages point here. */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be an http(s) URL, e.g. http://localhost:4200' },
  )
  WEB_ORIGIN = 'http://localhost:4200';

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** `at-start`: the API runs pending migrations under an advisory lock before it listens. */
  @IsIn(['at-start', 'skip'])
  MIGRATIONS_RUN: 'at-start' | 'skip' = 'at-start';

  /** Shows the demo accounts on the login page. Never in production. */
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_MODE = false;

  /** How often the worker's outbox relay looks for notifications not yet queued. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_RELAY_INTERVAL_MS = 5000;

  @IsOptional()
  @IsString()
  WORKER_ID?: string;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/** Nest logger levels for LOG_LEVEL: that level and every more severe one. */
export function loggerLevels(config: Pick<LavaConfig, 'LOG_LEVEL'>): (typeof LOG_LEVELS)[number][] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.LOG_LEVEL) + 1);
}

/** Reads and validates the configuration; throws ConfigError with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LavaConfig {
  const known = Object.keys(new LavaConfig());
  const raw: Record<string, string> = {};
  for (const key of [...known, 'WORKER_ID']) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(LavaConfig, raw);
  const problems = validateSync(config, { whitelist: true }).map(
    (error) => `${error.property}: ${[...new Set(Object.values(error.constraints ?? {}))].join('; ')}`,
  );
  if (!config.DATABASE_URL) {
    problems.push('DATABASE_URL: is required (postgres://user:password@host:port/database)');
  }
  if (config.NODE_ENV === 'production') {
    if (config.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      problems.push('JWT_SECRET: set a secret of your own in production (at least 32 random characters)');
    }
    if (config.DEMO_MODE) problems.push('DEMO_MODE: must not be on in production');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}

/** A database URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

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
  getMetadataStorage,
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

  /** However often it is refreshed, a session ends this many days after its sign-in (then sign in again). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  SESSION_MAX_DAYS = 30;

  /** Failed sign-ins allowed per e-mail address within LOGIN_THROTTLE_WINDOW_MINUTES; then 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 10;

  /**
   * Failed sign-ins and password reset requests allowed per client address within the window; then
   * 429. Successful sign-ins do not count (many people share an office's address).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_THROTTLE_WINDOW_MINUTES = 15;

  /**
   * How many reverse proxies stand between the clients and the API, each appending to
   * X-Forwarded-For (1: nginx in docker/, or the web server's /api proxy of `npm start`). The client's
   * address, which the per-address sign-in limit counts, is read that many entries from the right;
   * entries further left are whatever the client sent and are ignored. 0: the API is reached directly.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of proxies (0–10)' })
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 1;

  /** How long an invitation link works, counted from when its e-mail is sent. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  INVITATION_TTL_DAYS = 7;

  /** How long a password reset link works, counted from when its e-mail is sent. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Password reset e-mails allowed per e-mail address within LOGIN_THROTTLE_WINDOW_MINUTES; further requests are answered alike but send nothing. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PASSWORD_RESET_MAX_PER_ACCOUNT = 3;

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

  /**
   * OpenID Connect sign-in for staff (Entra ID and the like): off unless OIDC_ISSUER is set.
   * The issuer's discovery document is read at the first sign-in.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be the issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0' },
  )
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** Where the identity provider sends people back: the web origin's /api/auth/oidc/callback unless set. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be an http(s) URL ending in /api/auth/oidc/callback' },
  )
  OIDC_REDIRECT_URI?: string;

  /** The sign-in button's organization name, e.g. "Kotka". */
  @IsOptional()
  @IsString()
  OIDC_LABEL?: string;

  /**
   * For a provider that never says whether an e-mail address is verified (Entra ID sends no
   * `email_verified`): true lets a missing claim count as verified, and then only for an address in a
   * domain the person's organization lists in `oidc_email_domains` (list only domains verified in
   * your tenant). A claim that says false is never accepted. Off: such a provider cannot link.
   */
  @Transform(toBoolean)
  @IsBoolean()
  OIDC_TRUST_LISTED_DOMAINS = false;

  /** Shows the demo accounts on the login page. Never in production. */
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_MODE = false;

  /** Requests per minute one address may make to the public register and open data (`/api/public`); then 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 300;

  /** Comments (new threads and replies) one person may post within COMMENT_RATE_WINDOW_MINUTES; then 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  COMMENT_RATE_LIMIT = 30;

  /** People one person may @mention (each gets a notification, often an e-mail) within COMMENT_RATE_WINDOW_MINUTES; then 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MENTION_RATE_LIMIT = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  COMMENT_RATE_WINDOW_MINUTES = 10;

  /** Children's surveys: answers per minute one address may send to one survey (a school behind one address shares it); then 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SURVEY_ANSWERS_PER_MINUTE = 120;

  /** Children's surveys: the smallest count shown in results; fewer answers in a cell show no figure. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SURVEY_MIN_CELL = 5;

  /** How often the worker's outbox relay looks for notifications not yet queued. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_RELAY_INTERVAL_MS = 5000;

  /** How many jobs one worker process handles at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  WORKER_CONCURRENCY = 10;

  /**
   * How long a worker's claim on a job lasts without renewal; a worker that died gives its jobs
   * back after about this long (BullMQ's lockDuration and stalled-job check).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  QUEUE_LOCK_DURATION_MS = 30_000;

  /** Rows queued this long ago but still not delivered are queued again (their job was lost with Redis data). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  OUTBOX_REQUEUE_AFTER_MS = 10 * 60_000;

  /** `smtp`: send e-mail to SMTP_URL. `console`: write each e-mail to the worker's log instead (tests default to it; refused in production). */
  @IsIn(['smtp', 'console'])
  MAIL_MODE: 'smtp' | 'console' = 'smtp';

  /** smtp://user:password@host:port (smtps:// for TLS from the start). `npm start` points it at its mail sink. */
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:1025' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /** Sender of every e-mail. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Lava <no-reply@lava.localhost>';

  /** Give up on one SMTP conversation after this long (then retried later with backoff). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  MAIL_TIMEOUT_MS = 20_000;

  /** When the daily digest goes out: a cron pattern in DIGEST_TIMEZONE. */
  @IsString()
  @Matches(/^\S+( \S+){4,5}$/, { message: 'must be a cron pattern, e.g. 0 7 * * *' })
  DIGEST_CRON = '0 7 * * *';

  @IsString()
  DIGEST_TIMEZONE = 'Europe/Helsinki';

  @IsOptional()
  @IsString()
  WORKER_ID?: string;

  /** Former youth council members are pseudonymized this many months after their membership ended (docs/privacy.md). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of months (1–120)' })
  @Min(1, { message: 'must be a whole number of months (1–120)' })
  @Max(120, { message: 'must be a whole number of months (1–120)' })
  YOUTH_MEMBERSHIP_RETENTION_MONTHS = 12;

  /** Delivered notifications are deleted this many days after delivery. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days (7–3650)' })
  @Min(7, { message: 'must be a whole number of days (7–3650)' })
  @Max(3650, { message: 'must be a whole number of days (7–3650)' })
  NOTIFICATION_RETENTION_DAYS = 365;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/** Nest logger levels for LOG_LEVEL: that level and every more severe one. */
export function loggerLevels(config: Pick<LavaConfig, 'LOG_LEVEL'>): (typeof LOG_LEVELS)[number][] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.LOG_LEVEL) + 1);
}

/**
 * Every variable the class declares, read from its validation decorators, so an optional setting
 * without a default (OIDC_ISSUER, WORKER_ID…) is read like any other.
 */
function configKeys(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(LavaConfig, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/** Reads and validates the configuration; throws ConfigError with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LavaConfig {
  const raw: Record<string, string> = {};
  for (const key of configKeys()) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  // Tests never talk to a mail server unless they start one and say so.
  if (raw['MAIL_MODE'] === undefined && raw['NODE_ENV'] === 'test') raw['MAIL_MODE'] = 'console';
  const config = plainToInstance(LavaConfig, raw);
  const problems = validateSync(config, { whitelist: true }).map(
    (error) => `${error.property}: ${[...new Set(Object.values(error.constraints ?? {}))].join('; ')}`,
  );
  if (!config.DATABASE_URL) {
    problems.push('DATABASE_URL: is required (postgres://user:password@host:port/database)');
  }
  if (config.OIDC_ISSUER && (!config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET)) {
    problems.push('OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: both are required when OIDC_ISSUER is set');
  }
  if (config.NODE_ENV === 'production') {
    if (config.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      problems.push('JWT_SECRET: set a secret of your own in production (at least 32 random characters)');
    }
    if (config.DEMO_MODE) problems.push('DEMO_MODE: must not be on in production');
    // Console mail writes every message, reset and invitation links included, into the worker's log.
    if (config.MAIL_MODE === 'console') problems.push('MAIL_MODE: console writes sign-in links to the log; use smtp in production');
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

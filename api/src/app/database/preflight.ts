import { Client } from 'pg';
import { Redis } from 'ioredis';
import { redactUrl } from '../config/lava-config';

export class PreflightError extends Error {}

/**
 * Checks that PostgreSQL (and Redis, when given) answer before anything else starts, so a wrong URL
 * gives one clear line instead of a stack trace from deep inside a framework.
 */
export async function preflight(databaseUrl: string, redisUrl?: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new PreflightError(
      `Cannot connect to PostgreSQL at ${redactUrl(databaseUrl)}: ${describe(error)}. Check DATABASE_URL and that the server is running.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }

  if (!redisUrl) return;
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  // ioredis rejects connect() with a generic "Connection is closed"; the cause arrives as an 'error' event.
  let cause: unknown;
  redis.on('error', (error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new PreflightError(
      `Cannot connect to Redis at ${redactUrl(redisUrl)}: ${describe(cause ?? error)}. Check REDIS_URL and that Redis is running.`,
    );
  } finally {
    redis.disconnect();
  }
}

/** The short system code (ECONNREFUSED, ENOTFOUND, 28P01…) when there is one, else the message. */
function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { code, errors, message } = error as { code?: unknown; errors?: unknown[]; message?: unknown };
  if (typeof code === 'string' && code) return code;
  if (Array.isArray(errors) && errors.length > 0) return describe(errors[0]);
  return typeof message === 'string' ? message : String(error);
}

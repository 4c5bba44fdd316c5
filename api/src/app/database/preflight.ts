import { Client } from 'pg';
import { Redis } from 'ioredis';
import { redactUrl } from '../config/lava-config';

export class PreflightError extends Error {}

/**
 * Checks that PostgreSQL and Redis answer before anything else starts, so a wrong URL
 * gives one clear line instead of a stack trace from deep inside a framework.
 */
export async function preflight(databaseUrl: string, redisUrl: string): Promise<void> {
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

  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new PreflightError(
      `Cannot connect to Redis at ${redactUrl(redisUrl)}: ${describe(error)}. Check REDIS_URL and that Redis is running.`,
    );
  } finally {
    redis.disconnect();
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}

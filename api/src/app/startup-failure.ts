import { ConfigError } from './config/lava-config';
import { PreflightError } from './database/preflight';

/**
 * Ends a process that could not start. Known causes (bad configuration, unreachable
 * PostgreSQL or Redis) get their one readable line; anything else keeps its stack for the developer.
 */
export function exitWithStartupFailure(what: string, error: unknown): never {
  if (error instanceof ConfigError || error instanceof PreflightError) console.error(`${what} cannot start. ${error.message}`);
  else console.error(`${what} failed:`, error);
  process.exit(1);
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Loads `.env` from the repository root if there is one; real environment variables win. */
export function loadDotEnv() {
  const file = join(repoRoot, '.env');
  if (existsSync(file)) dotenv.config({ path: file, quiet: true });
}

/** PATH with the project's own Node 24 (node_modules/.bin) first, for child processes. */
export function childEnv(extra = {}) {
  const bin = join(repoRoot, 'node_modules', '.bin');
  return { ...process.env, PATH: `${bin}:${process.env.PATH}`, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...extra };
}

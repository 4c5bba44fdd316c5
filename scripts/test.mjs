// `npm test`: every test. Lint, type checks and unit tests (Nx), integration tests against real
// PostgreSQL and Redis, the Docker compose check, and the browser tests in Chromium.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { childEnv, loadDotEnv, repoRoot } from './lib/env.mjs';
import { canConnect, recreateDatabase, startEmbeddedPostgres } from './lib/postgres.mjs';
import { ensureRedis } from './lib/redis.mjs';

loadDotEnv();
const started = Date.now();
const log = (message) => console.log(`\n\x1b[1m[test]\x1b[0m ${message}`);
const cleanups = [];
const results = [];

function step(name, command, args, env = {}) {
  log(`${name}: ${command} ${args.join(' ')}`);
  const t0 = Date.now();
  const { status } = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: childEnv(env) });
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - t0) / 1000) });
  return status === 0;
}

async function services() {
  // PostgreSQL for tests: TEST_DATABASE_URL, else the local server on 5432, else an embedded one.
  let serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!(await canConnect(serverUrl))) {
    if (process.env.TEST_DATABASE_URL) throw new Error(`Cannot connect to TEST_DATABASE_URL=${serverUrl}`);
    log('No PostgreSQL on 127.0.0.1:5432: starting the embedded one for the tests');
    const embedded = await startEmbeddedPostgres({
      dataDir: join(repoRoot, '.data', 'postgres-test'),
      port: 54330,
      database: 'postgres',
      log,
    });
    cleanups.push(embedded.stop);
    serverUrl = embedded.url;
  }
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  cleanups.push(await ensureRedis(redisUrl, log));
  const e2eUrl = new URL(serverUrl);
  e2eUrl.pathname = '/lava_e2e';
  await recreateDatabase(e2eUrl.toString());
  return { serverUrl, redisUrl, e2eUrl: e2eUrl.toString() };
}

async function main() {
  const { serverUrl, redisUrl, e2eUrl } = await services();
  // CI runs everything for real; on a developer's machine Nx replays results whose inputs are unchanged.
  const fresh = process.env.CI ? ['--skip-nx-cache'] : [];
  const nx = ['nx', 'run-many', '--parallel=2', '--outputStyle=static', ...fresh];
  step('formatting (Prettier)', 'npx', ['prettier', '--check', '--log-level=warn', '.']);
  step('lint, type checks, unit tests', 'npx', [...nx, '-t', 'lint', 'typecheck', 'test']);
  step('API integration tests (PostgreSQL + Redis)', 'npx', ['nx', 'run', 'api:integration', '--outputStyle=static'], {
    TEST_DATABASE_URL: serverUrl,
    TEST_REDIS_URL: redisUrl,
  });
  step('notification fault test (worker SIGKILL, Redis restart)', 'node', ['scripts/fault/notifications.mjs'], {
    TEST_DATABASE_URL: serverUrl,
  });
  step('Docker files and compose check', 'bash', ['docker/check-compose.sh']);
  step('browser tests (Playwright, Chromium)', 'npx', ['nx', 'run', 'e2e:e2e', '--outputStyle=static'], {
    E2E_DATABASE_URL: e2eUrl,
    E2E_REDIS_URL: redisUrl,
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(`\n[test] ${error.message}`);
  exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
const failed = results.filter((r) => !r.ok);
console.log('\n[test] Summary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds} s)`);
console.log(`  total ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`steps: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(exitCode || (failed.length > 0 ? 1 : 0));

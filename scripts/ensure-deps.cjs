// Runs before `npm start` and `npm test` (as their pre-scripts), on whatever Node the machine has:
// installs dependencies when node_modules is missing or older than package-lock.json.
// Plain CommonJS on purpose: it must run before the project's own Node 24 is installed.
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');

const root = join(__dirname, '..');
const lockFile = join(root, 'package-lock.json');
const stampFile = join(root, 'node_modules', '.lava-installed-lock');
const lockHash = () => createHash('sha256').update(readFileSync(lockFile)).digest('hex');

const installed =
  existsSync(join(root, 'node_modules', '.bin', 'nx')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === lockHash();
if (!installed) {
  // `npm install` rather than `npm ci`: npm leaves other platforms' optional binaries out of the
  // lock file here, which `npm ci` then refuses; install still takes the locked versions.
  console.log('Installing dependencies (npm install); the first time takes a few minutes…');
  execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(stampFile, lockHash());
}

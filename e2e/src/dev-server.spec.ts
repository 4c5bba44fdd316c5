import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Every other spec runs against what `npm start` serves (the production build). This one checks that
 * `npm run dev` — Angular's development server with its /api proxy — still serves a working app: it
 * starts a second stack on ports of its own, with a database and queue prefix of its own, so nothing
 * it does reaches the other tests' mail or data.
 */
const apiPort = Number(process.env['E2E_API_PORT'] ?? 3100) + 5;
const webPort = Number(process.env['E2E_WEB_PORT'] ?? 4300) + 5;
const databaseUrl = new URL(process.env['E2E_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/lava_e2e');
databaseUrl.pathname = `${databaseUrl.pathname}_dev`;

test('`npm run dev` serves the app from the development server, signed in through its /api proxy', async ({ page }) => {
  test.setTimeout(420_000);
  const repoRoot = resolve(test.info().project.testDir, '..', '..');
  const dev = spawn('npm', ['run', 'dev'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: process.env['E2E_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `${process.env['E2E_QUEUE_PREFIX'] ?? 'lava-e2e'}-dev`,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      MAIL_SINK_PORT: String(webPort + 1),
      SEED_DEMO: 'true',
      WEB_LIVE_RELOAD: 'false',
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Lava is running')) resolve();
    };
    dev.stdout.on('data', read);
    dev.stderr.on('data', read);
    dev.once('exit', (code) => reject(new Error(`npm run dev stopped (exit code ${code}):\n${output.slice(-3000)}`)));
  });
  try {
    await ready;
    expect(output).toContain('development server, hot reload');
    const response = await page.goto(`http://127.0.0.1:${webPort}/login`);
    // The development build: unhashed bundles, as Angular's dev server names them.
    expect(await response?.text()).toContain('src="main.js"');
    await page.getByLabel(/^(Sähköposti|E-post|Email)/).fill('official@kotka.example');
    await page.getByLabel(/^(Salasana|Lösenord|Password)/).fill('lava-demo-2026');
    await page.getByRole('button', { name: /^(Kirjaudu sisään|Logga in|Sign in)$/ }).click();
    await page.waitForURL(/\/assessments$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  } finally {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    if (dev.exitCode === null && dev.pid) process.kill(-dev.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  }
});

import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Browser tests through the whole stack: `scripts/start.mjs` runs PostgreSQL (a database the test
 * runner re-creates), Redis, the API, the worker and the web app (the production build, as `npm start`
 * serves it) on their own ports, and Debian's Chromium drives the real UI. Never a browser downloaded
 * by Playwright. dev-server.spec.ts checks `npm run dev` on ports 5 above these.
 */
const webPort = Number(process.env['E2E_WEB_PORT'] ?? 4300);
const apiPort = Number(process.env['E2E_API_PORT'] ?? 3100);
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(`No Chromium at ${chromium}. Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH.`);
}

export default defineConfig({
  testDir: './src',
  outputDir: process.env['E2E_OUTPUT_DIR'] ?? '../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node scripts/start.mjs',
    cwd: '..',
    url: `http://127.0.0.1:${webPort}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: process.env['E2E_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/lava_e2e',
      REDIS_URL: process.env['E2E_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: process.env['E2E_QUEUE_PREFIX'] ?? 'lava-e2e',
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      // The mail sink's inbox gets its own port, so a test run and `npm start` can run side by side.
      MAIL_SINK_PORT: process.env['E2E_MAIL_SINK_PORT'] ?? String(webPort + 1),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
  },
});

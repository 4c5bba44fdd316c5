// `npm run bench:web`: Lighthouse (mobile, simulated slow 4G and a 4× slower CPU) with Debian's Chromium
// against what `npm start` serves: the sign-in page, the assessment list and an assessment. Prints the
// Performance and Accessibility scores with the metrics behind them and the audits that lost points.
//
// It starts `scripts/start.mjs` on ports of its own (BENCH_API_PORT, BENCH_WEB_PORT) with the usual
// environment (DATABASE_URL, else the embedded PostgreSQL), or measures a running app at BENCH_WEB_URL.
// Signed-in pages: the bench signs in through the API and hands Lighthouse the refresh cookie as an
// extra request header, so the app restores the session on load as it does after a reload.
// BENCH_WEB_RUNS=3 runs each page three times and reports the median Performance run; BENCH_WEB_SAVE=<dir>
// keeps each run's Lighthouse report (JSON) there, for the audits' details.
// Figures from a shared or busy machine are lower than on a quiet one (Lighthouse times the CPU), so the
// same run also measures the floor (web-floor.mjs): a bare Angular page (router, HttpClient, a lazy page
// with six rows fetched as JSON) built and served the same way. BENCH_WEB_FLOOR=0 leaves it out.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { precompress } from '../lib/build.mjs';
import { childEnv, loadDotEnv, repoRoot } from '../lib/env.mjs';
import { waitForHttp } from '../lib/processes.mjs';
import { startWebServer } from '../lib/web-server.mjs';
import { buildFloorApp } from './web-floor.mjs';

loadDotEnv();
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromePath)) {
  console.error(`No Chromium at ${chromePath}. Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
const runs = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 1));
const desktop = process.argv.includes('--desktop');
// Lighthouse's default simulates the slow phone from a trace taken at full speed; `--devtools` slows the
// browser's CPU and network for real while it loads the page (closer to a phone: work is split where the
// slow CPU would split it), at the cost of more variance between runs.
const devtoolsThrottling = process.argv.includes('--devtools');
const email = process.env.BENCH_WEB_EMAIL ?? 'official@kotka.example';
const password = process.env.BENCH_WEB_PASSWORD ?? 'lava-demo-2026';

let app = null;
let baseUrl = process.env.BENCH_WEB_URL;
if (!baseUrl) {
  const apiPort = Number(process.env.BENCH_API_PORT ?? 3300);
  const webPort = Number(process.env.BENCH_WEB_PORT ?? 4500);
  baseUrl = `http://127.0.0.1:${webPort}`;
  console.log(`Starting the app (production build) on ${baseUrl}…`);
  app = spawn('node', ['scripts/start.mjs'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: childEnv({
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      MAIL_SINK_PORT: process.env.BENCH_MAIL_SINK_PORT ?? String(webPort + 1),
      QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? 'lava-bench-web',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    }),
  });
}
const stopApp = () => {
  if (app && app.exitCode === null) process.kill(-app.pid, 'SIGTERM');
};
process.on('SIGINT', () => {
  stopApp();
  process.exit(130);
});

/** Signs in through the API; returns the refresh cookie ("lava_refresh=…") and an access token. */
async function signIn() {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`signing in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('lava_refresh='));
  if (!cookie) throw new Error('the sign-in answer set no refresh cookie');
  const { accessToken } = await response.json();
  return { cookie: cookie.split(';')[0], accessToken };
}

async function firstAssessmentPath() {
  const { accessToken } = await signIn();
  const response = await fetch(`${baseUrl}/api/assessments?limit=1`, { headers: { authorization: `Bearer ${accessToken}` } });
  if (!response.ok) throw new Error(`GET /api/assessments: ${response.status}`);
  const page = await response.json();
  const first = page.items?.[0];
  if (!first) throw new Error(`${email} sees no assessment: is the demo data there?`);
  return `/assessments/${first.id}`;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => (value === undefined ? '–' : `${(value / 1000).toFixed(1)} s`);

async function measure(chrome, path, signedIn, base = baseUrl) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const extraHeaders = signedIn ? { Cookie: (await signIn()).cookie } : undefined;
    const result = await lighthouse(
      `${base}${path}`,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        extraHeaders,
        ...(devtoolsThrottling ? { throttlingMethod: 'devtools' } : {}),
        ...(desktop
          ? {
              formFactor: 'desktop',
              screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
              throttling: { rttMs: 40, throughputKbps: 10_240, cpuSlowdownMultiplier: 1 },
            }
          : {}),
      },
      desktop ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined,
    );
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    results.push(lhr);
    if (process.env.BENCH_WEB_SAVE) {
      const file = join(process.env.BENCH_WEB_SAVE, `${path.replace(/[^\w]+/g, '_')}-${i + 1}.json`);
      writeFileSync(file, JSON.stringify(lhr));
    }
  }
  const performance = median(results.map((lhr) => lhr.categories.performance.score));
  const lhr = results.find((candidate) => candidate.categories.performance.score === performance);
  const finalUrl = new URL(lhr.finalDisplayedUrl ?? lhr.finalUrl).pathname;
  if (signedIn && finalUrl.startsWith('/login')) throw new Error(`${path} ended at the sign-in page: the session was not restored`);
  const audit = (id) => lhr.audits[id]?.numericValue;
  const lost = (category) =>
    lhr.categories[category].auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => ref.id);
  return {
    path,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    performance: Math.round(performance * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    lostPerformance: lost('performance'),
    lostAccessibility: lost('accessibility'),
  };
}

/** Lighthouse on the floor app (web-floor.mjs), built into a temporary folder and removed afterwards. */
async function measureFloor(chrome) {
  const { browserDir, remove } = await buildFloorApp();
  try {
    await precompress(browserDir);
    const port = Number(process.env.BENCH_FLOOR_PORT ?? 4590);
    // The floor calls no API; the server wants an address for /api/ all the same.
    const server = await startWebServer({ root: browserDir, port, host: '127.0.0.1', apiUrl: 'http://127.0.0.1:9' });
    try {
      return { ...(await measure(chrome, '/', false, `http://127.0.0.1:${port}`)), path: 'floor: bare Angular page (6 rows)' };
    } finally {
      await server.close();
    }
  } finally {
    await remove();
  }
}

let chrome;
let exitCode = 0;
try {
  await waitForHttp(`${baseUrl}/`, { timeoutMs: 600_000, child: app ?? undefined });
  const pages = [
    ['/login', false],
    ['/assessments', true],
    [await firstAssessmentPath(), true],
  ];
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync', '--no-first-run'],
  });
  const rows = [];
  for (const [path, signedIn] of pages) {
    console.log(`Lighthouse (${desktop ? 'desktop' : 'mobile'}${runs > 1 ? `, ${runs} runs` : ''}): ${path}…`);
    rows.push(await measure(chrome, path, signedIn));
  }
  if (process.env.BENCH_WEB_FLOOR !== '0') {
    console.log('Building and measuring the floor: a bare Angular page…');
    // Lava's figures are printed even when the floor cannot be built or measured.
    await measureFloor(chrome)
      .then((row) => rows.push(row))
      .catch((error) => console.error(`[bench:web] the floor was not measured: ${error.message}`));
  }
  console.log(`\nLighthouse ${desktop ? 'desktop' : 'mobile'}${devtoolsThrottling ? ' (devtools throttling)' : ''} against ${baseUrl}`);
  console.log('page                                       Perf  A11y     FCP     LCP      TBT    CLS');
  for (const row of rows) {
    console.log(
      `${row.path.padEnd(42)} ${String(row.performance).padStart(4)}  ${String(row.accessibility).padStart(4)}  ${ms(row.fcp).padStart(6)}  ${ms(row.lcp).padStart(6)}  ${`${Math.round(row.tbt)} ms`.padStart(7)}  ${row.cls.toFixed(3)}`,
    );
  }
  for (const row of rows) {
    if (row.lostPerformance.length) console.log(`  ${row.path} performance audits below 100: ${row.lostPerformance.join(', ')}`);
    if (row.lostAccessibility.length) console.log(`  ${row.path} accessibility audits failed: ${row.lostAccessibility.join(', ')}`);
  }
  // Lighthouse's own CPU benchmark: about 1,000–2,000 on a quiet desktop machine; far lower means the
  // scores are held down by the machine, not the app.
  const index = Math.round(median(rows.map((row) => row.benchmarkIndex)));
  console.log(`(Lighthouse CPU benchmark index ${index}; load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
} catch (error) {
  console.error(`\n[bench:web] ${error.message}`);
  exitCode = 1;
} finally {
  await chrome?.kill();
  stopApp();
}
process.exit(exitCode);

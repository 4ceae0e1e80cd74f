// Part of `npm run bench:web`: the admin console's data pages on the reports bench's data set (10,000
// developers, 1.8 million usage rows on PostgreSQL, see report-data.ts), in Debian's headless Chromium
// against the started app. For each page, from the navigation to it: when the last of its API reads
// arrived (budget 300 ms), the slowest single read, and when its charts or table were drawn (budget 1 s).
// Each run is a new browser context, so nothing comes from a cache. Env: BENCH_RUNS (5), BENCH_DEVELOPERS.
import { cpus, loadavg } from 'node:os';
import { type Browser, chromium, type Page } from 'playwright-core';
import { it } from 'vitest';
// Relative: this file sits outside the root tsconfig (it holds page code), whose path aliases resolve imports.
import { loadConfig } from '../libs/config/src';
import { createApp } from '../apps/portal-api/src/app.factory';
import { withReportData } from './report-data';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ADMIN = { email: 'bench-admin@keyport.test', password: 'Bench-Passw0rd!' };
const DATA_BUDGET_MS = 300;
const DRAWN_BUDGET_MS = 1_000;

/** The pages measured, and what "drawn" means on each (a CSS selector every one of which must match). */
const PAGES: Record<string, string[]> = {
  // Quota utilisation is not waited for: on this data set nobody is near their quota, so it shows no table.
  '/admin/reports': ['[data-report-chart="by-day"] [data-bar]', '[data-report-chart="by-tier"] [data-bar]', 'table[aria-label="Top developers"] tbody tr'],
  '/admin/developers': ['table[aria-label="Developers"] tbody tr'],
  '/admin/audit-log': ['table[aria-label="Audit entries"]'],
};

interface Sample {
  data: number;
  slowestRead: number;
  drawn: number;
}

async function measure(databaseUrl: string, dataDir: string): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    GATEWAY_PORT: '0',
    RATE_LIMIT_USER_MAX: '1000000',
    RATE_LIMIT_AUTH_MAX: '1000000',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    COGNITO_LOCAL_PORT: '0',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DATABASE_URL: databaseUrl,
    RUN_WORKER_IN_PROCESS: 'false',
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    console.log(`\nadmin console pages, ${RUNS} runs each (after one warm-up); ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`);
    console.log('page                 data p50  data max  slowest read  drawn p50  drawn max');
    for (const [path, drawn] of Object.entries(PAGES)) {
      await visit(browser, base, path, drawn); // warm-up: the server's query plans, Chromium's compile caches
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) samples.push(await visit(browser, base, path, drawn));
      const column = (pick: (sample: Sample) => number) => samples.map(pick).sort((a, b) => a - b);
      const data = column((sample) => sample.data);
      const shown = column((sample) => sample.drawn);
      const verdict = data[data.length - 1] <= DATA_BUDGET_MS && shown[shown.length - 1] <= DRAWN_BUDGET_MS ? 'OK' : 'OVER BUDGET';
      console.log(
        `${path.padEnd(20)} ${ms(median(data))} ${ms(data[data.length - 1])} ${ms(Math.max(...samples.map((sample) => sample.slowestRead)), 13)} ${ms(median(shown), 10)} ${ms(shown[shown.length - 1], 10)}  ${verdict}`,
      );
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

/** Signs in, then moves to the page inside the app (as the navigation does) and times it in the page's clock. */
async function visit(browser: Browser, base: string, path: string, drawn: string[]): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).waitFor();
  await page.waitForLoadState('networkidle');
  const sample = await timeNavigation(page, path, drawn);
  await context.close();
  return sample;
}

async function timeNavigation(page: Page, path: string, drawn: string[]): Promise<Sample> {
  // No named functions inside: tsx or vitest may wrap them in a helper the page does not have.
  await page.evaluate(
    ({ path, drawn }) => {
      const marks: Record<string, number> = {};
      (window as any).__marks = marks;
      const observer = new MutationObserver(() => {
        if (!drawn.every((selector) => document.querySelector(selector))) return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => (marks.drawn = performance.now())));
      });
      observer.observe(document.body, { childList: true, subtree: true });
      marks.start = performance.now();
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    },
    { path, drawn },
  );
  await page.waitForFunction(() => (window as any).__marks?.drawn, undefined, { timeout: 30_000 });
  // Let reads still under way (a chart's second query) finish, so "data" sees them all.
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => {
    const marks = (window as any).__marks as Record<string, number>;
    const reads = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (entry) => entry.name.includes('/v1/admin/') && entry.startTime >= marks.start,
    );
    return {
      data: Math.round(Math.max(...reads.map((entry) => entry.responseEnd)) - marks.start),
      slowestRead: Math.round(Math.max(...reads.map((entry) => entry.responseEnd - entry.startTime))),
      drawn: Math.round(marks.drawn - marks.start),
    };
  });
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)];
const ms = (value: number, width = 9) => `${value} ms`.padStart(width);

it('the admin console on 10,000 developers and 1.8 million usage rows', () => withReportData(measure), 30 * 60_000);

// npm run bench:reports (run through Vitest, whose transform keeps the decorator metadata Nest needs): seeds PostgreSQL with 10,000 developers, 2 keys each and 90 days of daily
// usage (1.8 million rows), starts the real app and measures the admin report routes over HTTP.
// BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) names the server; the
// bench creates its own database there and drops it at the end (BENCH_KEEP_DATABASE=true keeps it).
import { execFile } from 'node:child_process';
import { it } from 'vitest';
import { loadConfig } from '@keyport/config';
import { createApp } from '../apps/portal-api/src/app.factory';
import { day, today, withClient, withReportData } from './report-data';

// CI runs a small data set (BENCH_DEVELOPERS, see report-data.ts) and few rounds to stay quick.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const ADMIN_EMAIL = 'bench-admin@keyport.test';
const ADMIN_PASSWORD = 'Bench-Passw0rd!';

const main = () => withReportData(measure);

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
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    DATABASE_URL: databaseUrl,
    RUN_WORKER_IN_PROCESS: 'false',
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const login = await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const headers = { authorization: `Bearer ${token}` };
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
    const lastMonth = {
      from: month.toISOString().slice(0, 10),
      to: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0)).toISOString().slice(0, 10),
    };
    // Last 7, 30 and 90 days, the last calendar month, and a mid-month to mid-month range (the worst case for the rollups).
    const ranges = [
      `from=${day(6)}&to=${day(0)}`,
      `from=${day(29)}&to=${day(0)}`,
      `from=${day(89)}&to=${day(0)}`,
      `from=${lastMonth.from}&to=${lastMonth.to}`,
      `from=${day(74)}&to=${day(30)}`,
    ];
    const routes: Record<string, string[]> = {
      'usage groupBy=day': ranges.map((r) => `/v1/admin/usage?${r}&groupBy=day`).concat(`/v1/admin/usage?${ranges[2]}&groupBy=day&tier=premium`),
      'usage groupBy=tier': ranges.map((r) => `/v1/admin/usage?${r}&groupBy=tier`),
      'usage groupBy=developer': ranges
        .map((r) => `/v1/admin/usage?${r}&groupBy=developer`)
        .concat(`/v1/admin/usage?${ranges[2]}&groupBy=developer&tier=premium`),
      'usage groupBy=key': ranges.map((r) => `/v1/admin/usage?${r}&groupBy=key`),
      'usage developerId filter': ranges.map((r) => `/v1/admin/usage?${r}&groupBy=key&developerId=dev-00042`),
      'usage/top': ranges.map((r) => `/v1/admin/usage/top?${r}&limit=20`),
      'usage/quota-utilization': ['0.8', '0.5', '0.1'].map((t) => `/v1/admin/usage/quota-utilization?threshold=${t}`),
      'developers list': ['', '?search=dev12', '?tier=premium&status=active'].map((q) => `/v1/admin/developers${q}`),
    };
    for (const paths of Object.values(routes)) for (const p of paths) await timed(base + p, headers); // warm-up
    console.log('\nroute                          queries  p50 ms   p95 ms   max ms  response');
    for (const [route, paths] of Object.entries(routes)) {
      const samples: number[] = [];
      let bytes = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const p of paths) {
          const result = await timed(base + p, headers);
          samples.push(result.ms);
          bytes = Math.max(bytes, result.bytes);
        }
      }
      samples.sort((a, b) => a - b);
      const pct = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
      console.log(
        `${route.padEnd(30)} ${String(paths.length).padStart(7)} ${pct(0.5).padStart(7)} ${pct(0.95).padStart(8)} ${samples[samples.length - 1].toFixed(1).padStart(8)}  ≤${Math.round(bytes / 1024)} KiB`,
      );
    }
    await naiveBaseline(databaseUrl);
    // Twice: the second pass shows whether memory left by the first is taken again rather than added to.
    for (let pass = 1; pass <= 2; pass++) await csvExport(base, headers);
  } finally {
    await app.close();
  }
}

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${Buffer.from(body).toString()}`);
  return { ms: performance.now() - started, bytes: body.byteLength };
}

/** The same 90-day top query straight from usage_daily, as it would run without the rollups. */
async function naiveBaseline(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (db) => {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await db.query(`SELECT developer_id, sum(requests) s FROM usage_daily WHERE day BETWEEN $1 AND $2 GROUP BY 1 ORDER BY s DESC LIMIT 20`, [
        day(89),
        day(0),
      ]);
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    console.log(`\nbaseline: 90-day top straight from usage_daily (SQL only, no HTTP): p50 ${samples[2].toFixed(1)} ms`);
  });
}

/** Reads the CSV in a child process, so the RSS measured here is the server's alone. */
const CSV_CLIENT = `
  const started = performance.now();
  fetch(process.env.CSV_URL, { headers: { authorization: 'Bearer ' + process.env.CSV_TOKEN } }).then(async (response) => {
    let lines = 0, bytes = 0;
    for await (const chunk of response.body) { bytes += chunk.length; for (const b of chunk) if (b === 10) lines++; }
    process.stdout.write(JSON.stringify({ status: response.status, lines, bytes, ms: performance.now() - started }));
  });`;

async function csvExport(base: string, headers: Record<string, string>): Promise<void> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const output = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', CSV_CLIENT],
      {
        env: { ...process.env, CSV_URL: `${base}/v1/admin/usage.csv?from=${day(89)}&to=${day(0)}`, CSV_TOKEN: headers.authorization.slice(7) },
        maxBuffer: 1 << 20,
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.on('error', reject);
  });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const { status, lines, bytes, ms } = JSON.parse(output) as { status: number; lines: number; bytes: number; ms: number };
  if (status !== 200) throw new Error(`CSV export answered ${status}`);
  const rows = lines - 1;
  console.log(
    `\nCSV export, 90 days: ${rows} rows, ${(bytes / 1048576).toFixed(0)} MiB in ${(ms / 1000).toFixed(2)} s = ${Math.round(rows / (ms / 1000))} rows/s`,
  );
  console.log(`server RSS: ${mb(baseline)} MB before, peak ${mb(peak)} MB, growth ${mb(peak - baseline)} MB`);
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

it('admin reports at 10,000 developers and 1.8 million usage rows', main, 30 * 60_000);

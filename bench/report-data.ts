// The reports bench's data set, shared by `npm run bench:reports` (the routes over HTTP) and
// `npm run bench:web` (the console's report pages in Chromium): 10,000 developers, 2 keys each and
// 90 days of daily usage (1.8 million rows) in a database of its own on BENCH_DATABASE_URL
// (default postgresql://postgres@127.0.0.1:5432/postgres), dropped at the end unless BENCH_KEEP_DATABASE=true.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migratePostgres } from '@keyport/db';

// The size by default; CI runs a small one (BENCH_DEVELOPERS) to stay quick.
const DEVELOPERS = Number(process.env.BENCH_DEVELOPERS ?? 10_000);
const DAYS = 90;
const DAY_MS = 86_400_000;
export const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
export const day = (ago: number) => new Date(today.getTime() - ago * DAY_MS).toISOString().slice(0, 10);

/** Creates, migrates and seeds a database, runs `work` on it with a temporary data folder, then drops it. */
export async function withReportData(work: (databaseUrl: string, dataDir: string) => Promise<void>): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `kp_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kp-bench-'));
  try {
    await migratePostgres(url.toString());
    await withClient(url.toString(), seed);
    await work(url.toString(), dataDir);
  } finally {
    if (process.env.BENCH_KEEP_DATABASE === 'true') console.log(`kept database ${name}`);
    else await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function seed(db: Client): Promise<void> {
  const started = performance.now();
  await db.query(`INSERT INTO tiers (slug, name, rate_limit, burst_limit, quota_limit, quota_period, sort_order, updated_at) VALUES
    ('standard', 'Standard', 100, 200, 1000000, 'MONTH', 0, now()), ('premium', 'Premium', 1000, 2000, 50000000, 'MONTH', 1, now())`);
  await db.query(`INSERT INTO developers (id, email, tier_slug, confirmed_at, created_at, updated_at)
    SELECT 'dev-' || lpad(g::text, 5, '0'), 'dev' || g || '@bench.example', CASE WHEN g % 5 = 0 THEN 'premium' ELSE 'standard' END,
           now(), now() - (g || ' seconds')::interval, now()
    FROM generate_series(1, ${DEVELOPERS}) g`);
  // Every 50th developer works on a weekly quota of their own, so utilization reads two rollups.
  await db.query(`UPDATE developers SET quota_limit_override = 200000, quota_period_override = 'WEEK' WHERE right(id, 2) = '50'`);
  await db.query(`INSERT INTO api_keys (id, developer_id, name, hash, prefix, last4, status, lineage_id, created_at, updated_at)
    SELECT k.id, k.developer_id, 'key ' || k.n, md5(k.id::text), 'kpbench0', 'abcd', 'ACTIVE', k.id, now(), now()
    FROM (SELECT md5(d.id || '/' || n)::uuid AS id, d.id AS developer_id, n FROM developers d, generate_series(0, 1) n) k`);
  // Bulk load with the row trigger off, then one rebuild: what an operator does for a backfill.
  await db.query('ALTER TABLE usage_daily DISABLE TRIGGER usage_daily_rollups, DISABLE TRIGGER usage_daily_running_totals');
  await db.query(`INSERT INTO usage_daily (key_id, day, developer_id, requests, updated_at)
    SELECT k.id, current_date - s, k.developer_id, (abs(hashtext(k.id::text || s)) % 2000)::bigint, now()
    FROM api_keys k, generate_series(0, ${DAYS - 1}) s`);
  await db.query('ALTER TABLE usage_daily ENABLE TRIGGER usage_daily_rollups, ENABLE TRIGGER usage_daily_running_totals');
  await db.query('SELECT usage_rollups_rebuild()');
  await db.query('VACUUM ANALYZE');
  const rows = (await db.query('SELECT count(*)::int AS n FROM usage_daily')).rows[0].n as number;
  console.log(`seeded ${DEVELOPERS} developers, ${DEVELOPERS * 2} keys, ${rows} usage rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// `npm run bench`: Keyport on PostgreSQL under autocannon (64 connections, from this process; the
// servers are child processes), against a floor: a bare node:http server verifying the same RS256
// access token with an already-fetched key and making one PostgreSQL query. Prints requests/s and
// p99 of each, and each authenticated route's ratio to the floor. Env: BENCH_DURATION (seconds per
// target and round, default 10), BENCH_ROUNDS (3; medians are reported), BENCH_CONNECTIONS (64),
// BENCH_ONLY (a substring: only the floor and the targets whose name contains it),
// BENCH_DATABASE_URL (an admin URL on PostgreSQL; a fresh database is created and dropped),
// BENCH_CPU_PROF (a folder: the API runs with `--cpu-prof` and writes its profile there on exit).
// The API gets this process's environment: ROW_CACHE_TTL_MS=0 measures it without its developer row cache.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { LocalCognitoServer } from '../libs/cognito/src/local/local-cognito.server';
import { migratePostgres } from '../libs/db/src/database.factory';
import { startNodeProcess, type StartedProcess } from '../test/support/node-process';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
/** Targets are measured in turns, round after round, so a neighbour's load spike hits them all alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ADMIN = { email: 'admin@bench.test', password: 'Bench-Admin-Passw0rd!' };
const DEV = { email: 'dev@bench.test', password: 'Bench-Dev-Passw0rd!' };

/** Issue 12's goals against the floor: requests/s at least this share of the floor's ... */
const THROUGHPUT_GOALS: Record<string, number> = { 'GET /v1/keys': 0.8, 'GET /v1/me': 1.0 };
/** ... with p99 at most this multiple of the floor's. */
const P99_GOAL = 1.5;

interface Figure {
  name: string;
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU time of the server process per request: independent of how busy the machine is. */
  cpuUsPerRequest: number;
}

async function main(): Promise<void> {
  const dbName = `kp_bench_${randomBytes(5).toString('hex')}`;
  const databaseUrl = await createDatabase(dbName);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kp-bench-'));
  const processes: StartedProcess[] = [];
  let cognito: LocalCognitoServer | undefined;
  try {
    await migratePostgres(databaseUrl);
    cognito = await LocalCognitoServer.start({ port: 0, dataDir: path.join(dataDir, 'cognito-server') });
    const api = await startNodeProcess(
      'dist/apps/portal-api/src/main.js',
      {
        NODE_ENV: 'production',
        AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        PORT: '0',
        GATEWAY_PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        COGNITO_ENDPOINT: cognito.endpoint,
        // Production settings, with the local emulator on purpose: the benchmark has no real pool.
        ALLOW_EMBEDDED_COGNITO_IN_PRODUCTION: 'true',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        // Production defaults otherwise (LOG_LEVEL info: one JSON line per request), but one user
        // sending 64 connections' worth must not be rate limited here.
        RATE_LIMIT_USER_MAX: '1000000',
        LOG_FILE: path.join(dataDir, 'api.log'),
      },
      /Keyport API on http:\/\/[^\s:]+:(\d+)/,
      undefined,
      process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [],
    );
    processes.push(api);
    const base = `http://127.0.0.1:${api.ready[1]}`;
    const token = await developerToken(base);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iss: string; client_id: string };
    const floor = await startNodeProcess(
      'bench/floor-server.mjs',
      { PORT: '0', DATABASE_URL: databaseUrl, JWKS_URI: `${claims.iss}/.well-known/jwks.json`, ISSUER: claims.iss, CLIENT_ID: claims.client_id },
      /floor on (\d+)/,
    );
    processes.push(floor);
    const floorBase = `http://127.0.0.1:${floor.ready[1]}`;
    const auth = { authorization: `Bearer ${token}` };

    const targets: Array<[string, string, Record<string, string>]> = [
      ['floor: node:http + RS256 + 1 query', `${floorBase}/`, auth],
      ['GET /v1/me', `${base}/v1/me`, auth],
      ['GET /v1/keys', `${base}/v1/keys`, auth],
      ['GET /health/live', `${base}/health/live`, {}],
    ];
    const selected = targets.filter((t, i) => !process.env.BENCH_ONLY || i === 0 || t[0].includes(process.env.BENCH_ONLY));
    const rounds: Figure[][] = selected.map(() => []);
    for (const [name, url, headers] of selected) await load(name, url, headers, Math.min(2, DURATION), pidOf(name, api, floor)); // warm-up: JIT, pools, token cache
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, [name, url, headers]] of selected.entries()) rounds[index].push(await load(name, url, headers, DURATION, pidOf(name, api, floor)));
    }
    const figures = rounds.map(median);
    report(figures);
  } finally {
    await Promise.all(processes.map((p) => p.stop(10_000)));
    await cognito?.close();
    await dropDatabase(dbName);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function load(name: string, url: string, headers: Record<string, string>, seconds: number, pid: number): Promise<Figure> {
  const cpuBefore = await cpuMs(pid);
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
  const cpu = (await cpuMs(pid)) - cpuBefore;
  return {
    name,
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpuUsPerRequest: Math.round((cpu * 1000) / Math.max(1, result.requests.total)),
  };
}

function pidOf(name: string, api: StartedProcess, floor: StartedProcess): number {
  return (name.startsWith('floor') ? floor : api).child.pid!;
}

/** user + system CPU time of a process, in ms (Linux /proc; 0 elsewhere). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 || 0;
}

function median(runs: Figure[]): Figure {
  const middle = <T>(values: T[], by: (v: T) => number) => [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)];
  return {
    name: runs[0].name,
    rps: middle(runs, (r) => r.rps).rps,
    p99: middle(runs, (r) => r.p99).p99,
    cpuUsPerRequest: middle(runs, (r) => r.cpuUsPerRequest).cpuUsPerRequest,
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

function report(figures: Figure[]): void {
  const floor = figures[0];
  const rowCache = process.env.ROW_CACHE_TTL_MS ?? '1000 (default)';
  console.log(
    `\nKeyport bench: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per target (medians), PostgreSQL, Node ${process.version}, ROW_CACHE_TTL_MS ${rowCache}\n`,
  );
  console.log('| target | requests/s | p99 ms | rps / floor | p99 / floor | server CPU µs / request | non-2xx |');
  console.log('|---|---|---|---|---|---|---|');
  for (const f of figures) {
    const ratio = f === floor ? '1.00' : (f.rps / floor.rps).toFixed(2);
    const p99Ratio = f === floor ? '1.00' : (f.p99 / Math.max(floor.p99, 1)).toFixed(2);
    console.log(`| ${f.name} | ${f.rps} | ${f.p99} | ${ratio} | ${p99Ratio} | ${f.cpuUsPerRequest} | ${f.non2xx + f.errors} |`);
  }
  for (const f of figures.slice(1)) {
    const goal = THROUGHPUT_GOALS[f.name];
    if (goal === undefined) continue;
    const ok = f.rps >= goal * floor.rps && f.p99 <= P99_GOAL * Math.max(floor.p99, 1);
    console.log(`${f.name}: ${ok ? 'meets' : 'MISSES'} the goal (>= ${goal} x floor rps, p99 <= ${P99_GOAL} x floor p99)`);
  }
  if (figures.some((f) => f.non2xx + f.errors > 0)) {
    console.error('Some requests failed: the figures are not valid');
    process.exitCode = 1;
  }
}

async function developerToken(base: string): Promise<string> {
  const post = async (route: string, body: unknown, token?: string) => {
    const response = await fetch(base + route, {
      method: 'POST',
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${route}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const signup = await post('/v1/auth/signup', DEV);
  const admin = await post('/v1/auth/login', ADMIN);
  await post(`/v1/admin/developers/${signup.userId}/confirm`, undefined, admin.accessToken);
  const dev = await post('/v1/auth/login', DEV);
  for (const name of ['one', 'two', 'three']) await post('/v1/keys', { name }, dev.accessToken);
  return dev.accessToken;
}

async function createDatabase(name: string): Promise<string> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

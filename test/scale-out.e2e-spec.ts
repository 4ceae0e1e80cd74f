import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCognitoServer } from '@keyport/cognito';
import { migratePostgres } from '@keyport/db';
import { eventually } from './support/eventually';
import { HttpClient } from './support/http-client';
import { expectErrorShape } from './support/journey';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_LOG_DIR } from './support/keyport-harness';
import { freePort, type StartedProcess, startNodeProcess } from './support/node-process';
import { redisAnswers, TEST_REDIS_URL } from './support/redis-probe';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const PASSWORD = 'Scale-Out-Passw0rd!';
const DEVELOPERS = 8;
const KEYS_EACH = 5;
const USER_LIMIT = 30;

/**
 * Two compiled API processes and two compiled workers on one PostgreSQL database and one Redis,
 * sharing one external cognito-local: a per-user limit holds across both APIs, and keys created
 * through both APIs are each provisioned exactly once by the two workers. Needs PostgreSQL (runs
 * under `npm run test:postgres`) and Redis.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('scale-out: two APIs and two workers on PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let cognito: LocalCognitoServer;
  let apis: StartedProcess[] = [];
  let workers: StartedProcess[] = [];
  let workerMetricsPorts: number[] = [];
  let clients: HttpClient[];

  beforeAll(async () => {
    expect(redisAnswers(), 'Redis must answer on 127.0.0.1:6379').toBe(true);
    await promisify(execFile)(process.execPath, ['scripts/build.cjs'], { cwd: path.resolve('.'), maxBuffer: 16 * 1024 * 1024 });
    database = await createTestDatabase();
    await migratePostgres(database.databaseUrl!);
    cognito = await LocalCognitoServer.start({ port: 0, dataDir: path.join(database.dataDir, 'cognito-server') });

    const shared = {
      NODE_ENV: 'test',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      HOST: '127.0.0.1',
      DATABASE_URL: database.databaseUrl!,
      DATA_DIR: database.dataDir,
      KEY_ENCRYPTION_SECRET: randomBytes(32).toString('hex'),
      RUN_WORKER_IN_PROCESS: 'false',
      LOG_LEVEL: 'info',
    };
    const apiEnv = {
      ...shared,
      PORT: '0',
      // Each replica runs its own embedded gateway; two cannot share the default port.
      GATEWAY_PORT: '0',
      COGNITO_ENDPOINT: cognito.endpoint,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: `kp-scale-${randomUUID()}:`,
      RATE_LIMIT_USER_MAX: String(USER_LIMIT),
      RATE_LIMIT_AUTH_MAX: '100000',
    };
    // One after the other: the first provisions the shared pool (ids in DATA_DIR) and the admin.
    for (let i = 0; i < 2; i += 1) {
      apis.push(await startNodeProcess('dist/apps/portal-api/src/main.js', { ...apiEnv, LOG_FILE: logFile() }, /Keyport API on http:\/\/[^\s:]+:(\d+)/));
    }
    workerMetricsPorts = [await freePort(), await freePort()];
    workers = await Promise.all(
      workerMetricsPorts.map((port) =>
        startNodeProcess('dist/apps/worker/src/main.js', { ...shared, METRICS_PORT: String(port), LOG_FILE: logFile() }, /Keyport worker started/),
      ),
    );
    clients = apis.map((api) => new HttpClient(`http://127.0.0.1:${api.ready[1]}`));
  }, 400_000);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((process) => process.stop(5_000)));
    await cognito?.close();
    await database?.drop();
  }, 60_000);

  it('enforces one per-user rate limit across both APIs', async () => {
    const dev = await signUp(clients, 'limited');
    const statuses: number[] = [];
    for (let i = 0; i < USER_LIMIT + 6; i += 1) statuses.push((await clients[i % 2].get('/v1/me', { token: dev.token })).status);
    expect(statuses.slice(0, USER_LIMIT).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(USER_LIMIT)).toEqual(Array(6).fill(429));
    const refused = await clients[0].get('/v1/keys', { token: dev.token });
    expectErrorShape(refused.body, 429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('provisions every key created through either API exactly once, with two workers sharing the outbox', async () => {
    const devs = await Promise.all(Array.from({ length: DEVELOPERS }, (_, i) => signUp([clients[i % 2], clients[(i + 1) % 2]], `dev${i}`)));
    const creations = await Promise.all(
      devs.flatMap((dev, d) => Array.from({ length: KEYS_EACH }, (_, k) => clients[(d + k) % 2].post('/v1/keys', { name: `k${k}` }, { token: dev.token }))),
    );
    expect(creations.map((r) => r.status)).toEqual(Array(DEVELOPERS * KEYS_EACH).fill(201));
    const ids = creations.map((r) => r.body.id as string);

    const db = new Client({ connectionString: database.databaseUrl });
    await db.connect();
    try {
      await eventually(
        async () => {
          const { rows } = await db.query(`SELECT count(*)::int AS n FROM api_keys WHERE id = ANY($1::uuid[]) AND status = 'ACTIVE'`, [ids]);
          return rows[0].n === ids.length;
        },
        'every key provisioned',
        60_000,
      );
      const gateway = await db.query(`SELECT name FROM gateway_api_keys WHERE name = ANY($1::text[])`, [ids.map((id) => `keyport-${id}`)]);
      expect(gateway.rows).toHaveLength(ids.length);
      const outbox = await db.query(`SELECT status, count(*)::int AS n, count(DISTINCT locked_by)::int AS workers FROM outbox GROUP BY status`);
      expect(outbox.rows.filter((row) => row.status !== 'DONE')).toEqual([]);
    } finally {
      await db.end();
    }

    // Each worker counts its own driver calls: together, one createApiKey per key, not one more.
    const counts = await Promise.all(
      workerMetricsPorts.map(async (port) => {
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        return Number(/keyport_gateway_driver_calls_total\{driver="local",operation="createApiKey",result="ok"\} (\d+)/.exec(text)?.[1] ?? 0);
      }),
    );
    console.info(`createApiKey calls per worker: ${counts.join(', ')}`);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ids.length);
  });

  it('stops every process on SIGTERM, draining first', async () => {
    const results = await Promise.all([...apis, ...workers].map((process) => process.stop(20_000)));
    for (const result of results) expect(result.killed).toBe(false);
    apis = [];
    workers = [];
  });
});

interface Developer {
  token: string;
}

async function signUp(via: HttpClient[], label: string): Promise<Developer> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
  const signup = await via[0].post('/v1/auth/signup', { email, password: PASSWORD });
  expect(signup.status).toBe(201);
  const admin = await via[1].post('/v1/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  expect((await via[1].post(`/v1/admin/developers/${signup.body.userId}/confirm`, undefined, { token: admin.body.accessToken })).status).toBe(204);
  const login = await via[0].post('/v1/auth/login', { email, password: PASSWORD });
  expect(login.status).toBe(200);
  return { token: login.body.accessToken };
}

function logFile(): string {
  return path.join(TEST_LOG_DIR, `${randomUUID()}.log`);
}

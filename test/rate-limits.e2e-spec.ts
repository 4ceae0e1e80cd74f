import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, PASSWORD, signUpDeveloper, type SignedInDeveloper } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';
import { redisAnswers, TEST_REDIS_URL } from './support/redis-probe';

describe('rate limits of the portal itself (in memory)', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let first: SignedInDeveloper;
  let second: SignedInDeveloper;

  beforeAll(async () => {
    // Generous while the developers are set up, then tight: the harness restarts with the same database.
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    const admin = await adminToken(http);
    first = await signUpDeveloper(http, admin);
    second = await signUpDeveloper(http, admin);
    await harness.restart({ RATE_LIMIT_AUTH_MAX: '5', RATE_LIMIT_USER_MAX: '4', RATE_LIMIT_WINDOW_SECONDS: '60' });
    http = new HttpClient(harness.baseUrl);
    // The restarted app runs a new embedded pool (new issuer): sign in again. Two of the five auth calls.
    first = await signIn(http, first);
    second = await signIn(http, second);
  });

  afterAll(() => harness?.close());

  it('limits the auth routes per client IP, answering 429 with Retry-After in the error shape', async () => {
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<HttpClient['post']>> | undefined;
    for (let i = 0; i < 5; i += 1) {
      // Three left of the five this IP may make in the window.
      const result = await http.post('/v1/auth/login', { email: first.email, password: PASSWORD });
      statuses.push(result.status);
      if (result.status === 429) refused = result;
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expectErrorShape(refused!.body, 429);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another auth route shares the IP's budget.
    expect((await http.post('/v1/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(429);
  });

  it('limits signed-in routes per user, across routes, without touching other users', async () => {
    const statuses: number[] = [];
    for (const path of ['/v1/me', '/v1/keys', '/v1/me', '/v1/keys', '/v1/me']) statuses.push((await http.get(path, { token: first.token })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await http.get('/v1/me', { token: second.token })).status).toBe(200);
    // Health is for load balancers: never limited.
    for (let i = 0; i < 6; i += 1) expect((await http.get('/health/live')).status).toBe(200);
    const metrics = await http.get('/metrics');
    expect(metrics.text).toMatch(/keyport_rate_limited_total\{limit="user"\} [1-9]/);
    expect(metrics.text).toMatch(/keyport_rate_limited_total\{limit="auth"\} [1-9]/);
  });
});

async function signIn(http: HttpClient, dev: SignedInDeveloper): Promise<SignedInDeveloper> {
  const login = await http.post('/v1/auth/login', { email: dev.email, password: PASSWORD });
  expect(login.status).toBe(200);
  return { ...dev, token: login.body.accessToken, refreshToken: login.body.refreshToken };
}

// CI always has Redis; a laptop without one skips this part.
describe.skipIf(!redisAnswers())('rate limits shared through Redis by two replicas (skipped when Redis does not answer on 127.0.0.1:6379)', () => {
  let a: KeyportHarness;
  let b: KeyportHarness;

  beforeAll(async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: `kp-test-${randomUUID()}:`, RATE_LIMIT_AUTH_MAX: '4' };
    [a, b] = await Promise.all([KeyportHarness.start({ env }), KeyportHarness.start({ env })]);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('enforces one limit whichever replica answers', async () => {
    const replicas = [new HttpClient(a.baseUrl), new HttpClient(b.baseUrl)];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push((await replicas[i % 2].post('/v1/auth/login', { email: 'nobody@example.com', password: 'Wrong-Passw0rd!' })).status);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(4);
    expect(statuses.slice(4)).toEqual([429, 429, 429, 429]);
  });
});

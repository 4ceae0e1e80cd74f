import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually';
import { type HttpResult, HttpClient } from './support/http-client';
import { adminToken, expectErrorShape } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

/** Concurrent requests per wave (the issue asks 200; LOAD_SIZE scales it). */
const SIZE = Number(process.env.LOAD_SIZE ?? 200);
const MAX_KEYS = 3;
const PASSWORD = 'Load-Test-Passw0rd!';

/**
 * 200 concurrent sign-ups (every address twice) and 200 concurrent key creations (past the key
 * limit on purpose): no 5xx, exactly one account per address, no duplicate key, the limit holds,
 * and every created key reaches the gateway exactly once.
 */
describe(`load: ${SIZE} concurrent sign-ups and ${SIZE} concurrent key creations`, () => {
  let harness: KeyportHarness;
  let http: HttpClient;

  beforeAll(async () => {
    harness = await KeyportHarness.start({ env: { MAX_KEYS_PER_DEVELOPER: String(MAX_KEYS) } });
    http = new HttpClient(harness.baseUrl);
  });

  afterAll(() => harness?.close());

  it('holds every constraint', async () => {
    const run = randomUUID().slice(0, 8);
    const emails = Array.from({ length: SIZE / 2 }, (_, i) => `load-${run}-${i}@example.com`);
    const signups = await Promise.all([...emails, ...emails].map((email) => http.post('/v1/auth/signup', { email, password: PASSWORD })));
    expectNo5xx(signups);
    expect(signups.filter((r) => r.status === 201)).toHaveLength(emails.length);
    expect(signups.filter((r) => r.status === 409)).toHaveLength(emails.length);
    signups.filter((r) => r.status === 409).forEach((r) => expectErrorShape(r.body, 409));
    const userIds = signups.filter((r) => r.status === 201).map((r) => r.body.userId as string);
    expect(new Set(userIds).size).toBe(emails.length);

    const admin = await adminToken(http);
    const confirmations = await Promise.all(userIds.map((id) => http.post(`/v1/admin/developers/${id}/confirm`, undefined, { token: admin })));
    expectNo5xx(confirmations);
    expect(confirmations.every((r) => r.status === 204)).toBe(true);

    // Each developer asks for MAX_KEYS + 2 keys at once; SIZE requests in one wave.
    const perDeveloper = MAX_KEYS + 2;
    const developers = emails.slice(0, Math.ceil(SIZE / perDeveloper));
    const logins = await Promise.all(developers.map((email) => http.post('/v1/auth/login', { email, password: PASSWORD })));
    expectNo5xx(logins);
    const tokens = logins.map((r) => r.body.accessToken as string);
    const creations = await Promise.all(Array.from({ length: SIZE }, (_, i) => http.post('/v1/keys', { name: `k${i}` }, { token: tokens[i % tokens.length] })));
    expectNo5xx(creations);
    const created = creations.filter((r) => r.status === 201);
    creations
      .filter((r) => r.status !== 201)
      .forEach((r) => {
        expect(r.status).toBe(409);
        expectErrorShape(r.body, 409);
      });
    expect(new Set(created.map((r) => r.body.id)).size).toBe(created.length);
    expect(new Set(created.map((r) => r.body.value)).size).toBe(created.length);

    const listed = await Promise.all(tokens.map((token) => http.get('/v1/keys', { token })));
    for (const list of listed) expect(list.body.items.length).toBeLessThanOrEqual(MAX_KEYS);
    expect(listed.reduce((sum, list) => sum + list.body.items.length, 0)).toBe(created.length);
    const asked = tokens.map((_, d) => Array.from({ length: SIZE }, (_, i) => i).filter((i) => i % tokens.length === d).length);
    expect(created.length).toBe(asked.reduce((sum, n) => sum + Math.min(n, MAX_KEYS), 0));

    // Every key reaches the gateway, and the driver was asked to create each exactly once.
    await eventually(
      async () => {
        const lists = await Promise.all(tokens.map((token) => http.get('/v1/keys', { token })));
        return lists.every((list) => list.body.items.every((key: { status: string }) => key.status === 'active'));
      },
      'every key active',
      60_000,
    );
    const metrics = (await http.get('/metrics')).text;
    const calls = /keyport_gateway_driver_calls_total\{driver="local",operation="createApiKey",result="ok"\} (\d+)/.exec(metrics);
    expect(Number(calls?.[1])).toBe(created.length);
    // A load test: on a busy 2-core machine it takes most of a minute, beside another suite.
  }, 180_000);
});

function expectNo5xx(results: HttpResult[]): void {
  const failures = results.filter((r) => r.status >= 500).map((r) => `${r.status} ${r.text.slice(0, 200)}`);
  expect(failures).toEqual([]);
}

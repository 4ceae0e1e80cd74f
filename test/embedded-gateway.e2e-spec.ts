import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@keyport/db';
import { UsageFlusher } from '@keyport/embedded-gateway';
import { KeysRepository } from '../libs/keys/src/keys.repository';
import {
  FORBIDDEN,
  forbiddenWithCode,
  LIMIT_EXCEEDED,
  TOO_MANY_REQUESTS,
  callGateway,
  developerOnTier,
  gatewayHeaders,
  rememberKeyOwner,
  eventually,
  gatewayCaughtUp,
  issueKey,
  outboxDrained,
  statuses,
} from './support/gateway-journey';
import { HttpClient } from './support/http-client';
import { adminToken, signUpDeveloper, waitForKeyStatus } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

const GENEROUS = { rateLimit: 1_000, burstLimit: 1_000 };

describe('embedded gateway: admission the way API Gateway does it', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let gateway: HttpClient;
  let admin: string;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    gateway = new HttpClient(harness.gatewayUrl);
    admin = await adminToken(http);
  });

  afterAll(() => harness?.close());

  it('forwards a request with a valid key to the echo upstream, which never sees the key', async () => {
    const dev = await signUpDeveloper(http, admin);
    const key = await issueKey(harness, http, dev);
    const echoed = await gateway.request('POST', '/orders/7?expand=items', {
      headers: { ...gatewayHeaders(key.value), 'content-type': 'application/json' },
      rawBody: '{"qty":2}',
    });
    expect(echoed.status).toBe(200);
    expect(echoed.body).toMatchObject({
      method: 'POST',
      path: '/orders/7',
      query: { expand: 'items' },
      body: '{"qty":2}',
      keyId: key.id,
      developerId: dev.id,
    });
    expect(echoed.text).not.toContain(key.value);
  });

  it('refuses a missing, unknown, malformed or oversize key with 403 Forbidden (a missing one with the code KEY_MISSING)', async () => {
    const dev = await signUpDeveloper(http, admin);
    const key = await issueKey(harness, http, dev);
    const lastChar = key.value.at(-1) === 'A' ? 'B' : 'A';
    for (const bad of [
      undefined,
      '',
      `xx${key.value.slice(2)}`, // wrong prefix
      key.value.slice(0, -1) + lastChar, // bad checksum
      key.value + 'A'.repeat(10_000), // oversize
      `${key.value}, ${key.value}`, // the header twice
    ]) {
      const refused = await callGateway(gateway, bad, '/things', dev.token);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(bad === undefined ? forbiddenWithCode('KEY_MISSING') : FORBIDDEN);
      expect(refused.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
    }
    const generated = await issueKey(harness, http, await signUpDeveloper(http, admin));
    await http.delete(`/v1/keys/${generated.id}`, { token: dev.token }); // not theirs: 404, the key stays valid
    expect((await callGateway(gateway, generated.value)).status).toBe(200);
  });

  it('admits the burst, then answers 429 Too Many Requests; a tier edit raises the limits within a second', async () => {
    const { tier, key } = await developerOnTier(harness, http, admin, {
      throttle: { rateLimit: 0.001, burstLimit: 5 },
      quota: { limit: 1_000, period: 'MONTH' },
    });

    expect(await statuses(gateway, key.value, 5)).toEqual([200, 200, 200, 200, 200]);
    const throttled = await callGateway(gateway, key.value);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual(TOO_MANY_REQUESTS);

    const edit = await http.put(`/v1/admin/tiers/${tier.slug}`, { throttle: GENEROUS }, { token: admin });
    expect(edit.status).toBe(200);
    expect(edit.body.quota).toEqual({ limit: 1_000, period: 'MONTH' });
    const edited = Date.now();
    await eventually(async () => (await callGateway(gateway, key.value)).status === 200);
    // The 1-second promise, with room for a loaded machine: the worker applies the edit, then the feed reloads.
    expect(Date.now() - edited).toBeLessThan(5_000);
    expect(await statuses(gateway, key.value, 20)).toEqual(Array(20).fill(200));

    const scrape = await http.get('/metrics');
    const count = (outcome: string) => Number(new RegExp(`keyport_gateway_admissions_total\\{outcome="${outcome}"\\} (\\d+)`).exec(scrape.text)?.[1] ?? 0);
    expect(count('admitted')).toBeGreaterThanOrEqual(20);
    expect(count('throttled')).toBeGreaterThan(0);
  });

  it('refuses with 429 Limit Exceeded once the quota is used; an adjustment adds room; rotation does not reset it', async () => {
    const { dev, key } = await developerOnTier(harness, http, admin, { throttle: GENEROUS, quota: { limit: 3, period: 'MONTH' } });

    expect(await statuses(gateway, key.value, 3)).toEqual([200, 200, 200]);
    const exceeded = await callGateway(gateway, key.value);
    expect(exceeded.status).toBe(429);
    expect(exceeded.body).toEqual(LIMIT_EXCEEDED);
    expect(exceeded.headers.get('x-amzn-errortype')).toBe('LimitExceededException');

    // An admin's grant is an adjustment of the key's remaining quota at the gateway (UpdateUsage).
    expect((await http.post(`/v1/admin/developers/${dev.id}/quota/grants`, { requests: 2 }, { token: admin })).status).toBe(201);
    await outboxDrained(http, admin);
    await gatewayCaughtUp(harness);
    expect(await statuses(gateway, key.value, 3)).toEqual([200, 200, 429]);

    const rotated = await http.post(`/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 3600 }, { token: dev.token });
    expect(rotated.status).toBe(201);
    rememberKeyOwner(rotated.body.value, dev.token);
    await waitForKeyStatus(http, dev.token, rotated.body.id, 'active');
    await gatewayCaughtUp(harness);
    const successor = await callGateway(gateway, rotated.body.value);
    expect(successor.status).toBe(429);
    expect(successor.body).toEqual(LIMIT_EXCEEDED);

    await harness.app.get(UsageFlusher).flush();
    const today = new Date().toISOString().slice(0, 10);
    const usage = await http.get(`/v1/usage?from=${today}&to=${today}`, { token: dev.token });
    expect(usage.status).toBe(200);
    expect(usage.body.items).toEqual([{ date: today, keyId: key.id, requests: 5 }]);
    expect(usage.body.quota).toMatchObject({ limit: 5, period: 'MONTH', used: 5, remaining: 0 }); // the tier's 3 and the 2 granted
  });

  it('refuses a revoked key and the keys of a suspended developer with 403', async () => {
    const dev = await signUpDeveloper(http, admin);
    const revoked = await issueKey(harness, http, dev, 'revoked');
    const kept = await issueKey(harness, http, dev, 'kept');
    expect((await callGateway(gateway, revoked.value)).status).toBe(200);
    expect((await http.delete(`/v1/keys/${revoked.id}`, { token: dev.token })).status).toBe(204);
    await eventually(async () => (await callGateway(gateway, revoked.value)).status === 403);
    expect((await callGateway(gateway, kept.value)).status).toBe(200);

    expect((await http.post(`/v1/admin/developers/${dev.id}/suspend`, { reason: 'abuse' }, { token: admin })).status).toBe(200);
    await eventually(async () => (await callGateway(gateway, kept.value)).status === 403);
    expect((await callGateway(gateway, kept.value)).body).toEqual(FORBIDDEN);
  });

  it('keeps both keys working during a rotation grace, and refuses the old one after it', async () => {
    const dev = await signUpDeveloper(http, admin);
    const old = await issueKey(harness, http, dev);
    const rotated = await http.post(`/v1/keys/${old.id}/rotate`, { gracePeriodSeconds: 3600 }, { token: dev.token });
    rememberKeyOwner(rotated.body.value, dev.token);
    await waitForKeyStatus(http, dev.token, rotated.body.id, 'active');
    await gatewayCaughtUp(harness);
    expect((await callGateway(gateway, old.value)).status).toBe(200);
    expect((await callGateway(gateway, rotated.body.value)).status).toBe(200);

    // End the grace now rather than waiting an hour (no route moves time); the worker's expiry sweep does the rest.
    await harness.app.get(KeysRepository).scheduleExpiry(old.id, new Date());
    await eventually(async () => (await callGateway(gateway, old.value)).status === 403);
    expect((await callGateway(gateway, rotated.body.value)).status).toBe(200);
  });

  // PGlite lives inside the one Keyport process, so only on PostgreSQL can another process write.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'notices a change another process wrote to the gateway tables, without the in-process feed (PostgreSQL only: skipped without TEST_DATABASE_URL)',
    async () => {
      const dev = await signUpDeveloper(http, admin);
      const key = await issueKey(harness, http, dev);
      expect((await callGateway(gateway, key.value)).status).toBe(200);
      // Another process's write, staged in the gateway tables themselves: no route of this process may make it.
      await harness.app.get(Db).client.gatewayApiKey.updateMany({ where: { name: `keyport-${key.id}` }, data: { enabled: false } });
      const written = Date.now();
      await eventually(async () => (await callGateway(gateway, key.value)).status === 403);
      expect(Date.now() - written).toBeLessThan(5_000);
    },
  );

  it('reports exactly the admitted requests after a flush, per key and day, with the quota', async () => {
    const { dev, key: a } = await developerOnTier(harness, http, admin, { throttle: GENEROUS, quota: { limit: 100, period: 'DAY' } });
    const b = await issueKey(harness, http, dev, 'b');
    await statuses(gateway, a.value, 7);
    await statuses(gateway, b.value, 2);
    await callGateway(gateway, undefined); // refused: never counted
    await harness.app.get(UsageFlusher).flush();

    const today = new Date().toISOString().slice(0, 10);
    const all = await http.get(`/v1/usage?from=${today}&to=${today}`, { token: dev.token });
    expect(all.status).toBe(200);
    expect(all.body.items).toEqual(
      [
        { date: today, keyId: a.id, requests: 7 },
        { date: today, keyId: b.id, requests: 2 },
      ].sort((x, y) => x.keyId.localeCompare(y.keyId)),
    );
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(all.body.quota).toEqual({
      limit: 100,
      period: 'DAY',
      used: 7,
      remaining: 93,
      resetsAt: new Date(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate())).toISOString(),
    });
    const onlyB = await http.get(`/v1/usage?from=${today}&to=${today}&keyId=${b.id}`, { token: dev.token });
    expect(onlyB.body.items).toEqual([{ date: today, keyId: b.id, requests: 2 }]);
    expect(onlyB.body.quota).toMatchObject({ used: 2, remaining: 98 });

    // A second flush with nothing new changes nothing: nothing is counted twice.
    await harness.app.get(UsageFlusher).flush();
    expect((await http.get(`/v1/usage?from=${today}&to=${today}`, { token: dev.token })).body.items).toEqual(all.body.items);
  });

  it('validates the usage range and hides other developers keys', async () => {
    const dev = await signUpDeveloper(http, admin);
    const other = await signUpDeveloper(http, admin);
    const theirs = await http.post('/v1/keys', { name: 'theirs' }, { token: other.token });
    const cases: Array<[string, number]> = [
      ['/v1/usage?from=2026-01-01&to=2026-03-31', 200], // 90 days counting both ends
      ['/v1/usage?from=2026-01-01&to=2026-04-01', 400],
      ['/v1/usage?from=2026-02-01&to=2026-01-31', 400],
      ['/v1/usage?from=2026-02-30&to=2026-03-01', 400],
      ['/v1/usage?from=20260101&to=2026-01-02', 400],
      ['/v1/usage?to=2026-01-02', 400],
      ['/v1/usage?from=2026-01-01&to=2026-01-02&keyId=nope', 400],
      ['/v1/usage?from=2026-01-01&to=2026-01-02&extra=1', 400],
      [`/v1/usage?from=2026-01-01&to=2026-01-02&keyId=${theirs.body.id}`, 404],
    ];
    for (const [path, status] of cases) {
      const result = await http.get(path, { token: dev.token });
      expect({ path, status: result.status }).toEqual({ path, status });
      if (status !== 200) expect(result.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
    }
    const empty = await http.get('/v1/usage?from=2026-01-01&to=2026-01-02', { token: dev.token });
    expect(empty.body).toEqual({
      items: [],
      quota: { limit: 1_000_000, period: 'MONTH', used: 0, remaining: 1_000_000, resetsAt: expect.any(String) },
    });
    expect((await http.get('/v1/usage?from=2026-01-01&to=2026-01-02')).status).toBe(401);
  });

  it('keeps usage and quota counts across a restart, counting nothing twice', async () => {
    const { dev, key } = await developerOnTier(harness, http, admin, { throttle: GENEROUS, quota: { limit: 5, period: 'MONTH' } });
    expect(await statuses(gateway, key.value, 3)).toEqual([200, 200, 200]);

    await harness.restart(); // no explicit flush: shutdown flushes
    http = new HttpClient(harness.baseUrl);
    gateway = new HttpClient(harness.gatewayUrl);
    admin = await adminToken(http);
    // The embedded Cognito came back on another free port, so another issuer: sign in again.
    const login = await http.post('/v1/auth/login', { email: dev.email, password: 'Sup3r-Secret!' });
    rememberKeyOwner(key.value, login.body.accessToken);

    expect(await statuses(gateway, key.value, 3)).toEqual([200, 200, 429]);
    await harness.app.get(UsageFlusher).flush();
    const today = new Date().toISOString().slice(0, 10);
    const usage = await http.get(`/v1/usage?from=${today}&to=${today}`, { token: login.body.accessToken });
    expect(usage.body.items).toEqual([{ date: today, keyId: key.id, requests: 5 }]);
    expect(usage.body.quota).toMatchObject({ limit: 5, used: 5, remaining: 0 });
  });
});

describe('embedded gateway with UPSTREAM_URL', () => {
  let upstream: Server;
  let seen: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }>;
  let harness: KeyportHarness;

  beforeAll(async () => {
    seen = [];
    upstream = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, headers: request.headers, body });
        response.writeHead(201, { 'content-type': 'text/plain', 'x-upstream': 'yes' });
        response.end('made');
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const port = (upstream.address() as AddressInfo).port;
    harness = await KeyportHarness.start({ env: { UPSTREAM_URL: `http://127.0.0.1:${port}/base` } });
  });

  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('streams admitted requests to the upstream with the caller identified and the key removed', async () => {
    const http = new HttpClient(harness.baseUrl);
    const dev = await signUpDeveloper(http, await adminToken(http));
    const key = await issueKey(harness, http, dev);
    const gateway = new HttpClient(harness.gatewayUrl);
    const result = await gateway.request('PUT', '/items/1?x=1', {
      headers: { ...gatewayHeaders(key.value), 'x-keyport-key-id': 'spoofed', 'x-keyport-application-id': 'spoofed', 'x-keyport-scopes': 'spoofed' },
      rawBody: 'payload',
    });
    expect(result.status).toBe(201);
    expect(result.text).toBe('made');
    expect(result.headers.get('x-upstream')).toBe('yes');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'PUT', url: '/base/items/1?x=1', body: 'payload' });
    expect(seen[0].headers['x-api-key']).toBeUndefined();
    expect(seen[0].headers['x-keyport-key-id']).toBe(key.id);
    expect(seen[0].headers['x-keyport-developer-id']).toBe(dev.id);
    // A person's token: no application; the token itself never reaches the upstream.
    expect(seen[0].headers['x-keyport-application-id']).toBeUndefined();
    expect(seen[0].headers['x-keyport-scopes']).toBe('');
    expect(seen[0].headers.authorization).toBeUndefined();

    expect((await callGateway(gateway, undefined, '/things', dev.token)).status).toBe(403);
    expect(seen).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FORBIDDEN,
  LIMIT_EXCEEDED,
  TOO_MANY_REQUESTS,
  callGateway,
  developerOnTier,
  eventually,
  gatewayCaughtUp,
  issueKey,
  outboxDrained,
  statuses,
} from './support/gateway-journey';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, signUpDeveloper } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

const GENEROUS = { rateLimit: 1_000, burstLimit: 1_000 };

/** What admins do, proven by what the embedded gateway then admits over HTTP. */
describe('admin actions at the gateway', () => {
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

  /** Waits until the gateway applies every admin change made so far, without spending requests on it. */
  async function gatewayApplied(): Promise<void> {
    await outboxDrained(http, admin);
    await gatewayCaughtUp(harness);
  }

  /** The usage plans at the gateway, as an admin's reconciliation dry run reads them. */
  async function gatewayPlans(): Promise<number> {
    const dryRun = await http.post('/v1/admin/gateway/reconciliation/dry-run', undefined, { token: admin });
    expect(dryRun.status).toBe(200);
    return dryRun.body.plans;
  }

  it('a quota override of 3 a day refuses the 4th request with Limit Exceeded; a grant of 2 admits exactly 2 more; removing it restores the tier quota', async () => {
    const { dev, key } = await developerOnTier(harness, http, admin, { throttle: GENEROUS, quota: { limit: 1_000, period: 'MONTH' } });
    expect(await statuses(gateway, key.value, 2)).toEqual([200, 200]);
    const plansBefore = await gatewayPlans();

    const set = await http.put(`/v1/admin/developers/${dev.id}/quota`, { limit: 3, period: 'DAY' }, { token: admin });
    expect(set.status).toBe(200);
    await gatewayApplied();
    // The developer's own plan now stands beside the tiers' plans at the gateway.
    expect(await gatewayPlans()).toBe(plansBefore + 1);
    // The 2 requests already made today count against the new daily quota.
    expect(await statuses(gateway, key.value, 2)).toEqual([200, 429]);
    const exceeded = await callGateway(gateway, key.value);
    expect(exceeded.body).toEqual(LIMIT_EXCEEDED);
    expect(exceeded.headers.get('x-amzn-errortype')).toBe('LimitExceededException');

    const grant = await http.post(`/v1/admin/developers/${dev.id}/quota/grants`, { requests: 2 }, { token: admin });
    expect(grant.status).toBe(201);
    await gatewayApplied();
    expect(await statuses(gateway, key.value, 3)).toEqual([200, 200, 429]);

    const detail = await http.get(`/v1/admin/developers/${dev.id}`, { token: admin });
    expect(detail.body.usage).toMatchObject({ period: 'DAY', limit: 3, granted: 2 });
    expect(detail.body.keys.map((k: any) => k.id)).toEqual([key.id]);
    expect(detail.text).not.toMatch(/"value"/);
    expect(detail.body.billing).toBeNull(); // billing is off here

    expect((await http.delete(`/v1/admin/developers/${dev.id}/quota`, { token: admin })).status).toBe(200);
    await gatewayApplied();
    expect(await statuses(gateway, key.value, 3)).toEqual([200, 200, 200]);
    // The developer's own plan is gone from the gateway once nothing uses it, and nothing else drifted.
    await eventually(async () => (await gatewayPlans()) === plansBefore);
    const dryRun = await http.post('/v1/admin/gateway/reconciliation/dry-run', undefined, { token: admin });
    expect(dryRun.body.findings).toEqual([]);
  });

  it('suspension makes every key of the developer Forbidden at the gateway and their routes 403; reinstatement restores both', async () => {
    const dev = await signUpDeveloper(http, admin);
    const keys = [await issueKey(harness, http, dev, 'a'), await issueKey(harness, http, dev, 'b')];
    const bystander = await issueKey(harness, http, await signUpDeveloper(http, admin), 'other');
    for (const key of keys) expect((await callGateway(gateway, key.value)).status).toBe(200);

    const suspended = await http.post(`/v1/admin/developers/${dev.id}/suspend`, { reason: 'abuse' }, { token: admin });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', suspendedReason: 'abuse' });
    for (const key of keys) {
      await eventually(async () => (await callGateway(gateway, key.value)).status === 403);
      const refused = await callGateway(gateway, key.value);
      expect(refused.body).toEqual(FORBIDDEN);
      expect(refused.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
    }
    expect((await callGateway(gateway, bystander.value)).status).toBe(200);
    for (const [method, path] of [
      ['GET', '/v1/me'],
      ['GET', '/v1/keys'],
      ['GET', `/v1/keys/${keys[0].id}`],
      ['POST', '/v1/keys'],
    ]) {
      const refused = await http.request(method, path, { token: dev.token, body: method === 'POST' ? { name: 'c' } : undefined });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expectErrorShape(refused.body, 403);
    }

    expect((await http.post(`/v1/admin/developers/${dev.id}/suspend`, { reason: 'again' }, { token: admin })).status).toBe(409);
    const listed = await http.get('/v1/admin/developers?status=suspended&limit=200', { token: admin });
    expect(listed.body.items.map((d: any) => d.id)).toContain(dev.id);

    const reinstated = await http.post(`/v1/admin/developers/${dev.id}/reinstate`, undefined, { token: admin });
    expect(reinstated.body.status).toBe('active');
    for (const key of keys) await eventually(async () => (await callGateway(gateway, key.value)).status === 200);
    expect((await http.get('/v1/me', { token: dev.token })).status).toBe(200);
    expect((await http.post(`/v1/admin/developers/${dev.id}/reinstate`, undefined, { token: admin })).status).toBe(409);
  });

  it('a tier edit raises the throttle and the quota at the gateway within a second', async () => {
    const { tier, key } = await developerOnTier(harness, http, admin, {
      throttle: { rateLimit: 0.001, burstLimit: 3 },
      quota: { limit: 5, period: 'MONTH' },
    });
    expect(await statuses(gateway, key.value, 3)).toEqual([200, 200, 200]);
    const throttled = await callGateway(gateway, key.value);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual(TOO_MANY_REQUESTS);

    const edit = await http.put(`/v1/admin/tiers/${tier.slug}`, { throttle: GENEROUS, quota: { limit: 20, period: 'MONTH' } }, { token: admin });
    expect(edit.status).toBe(200);
    const edited = Date.now();
    await eventually(async () => (await callGateway(gateway, key.value)).status === 200);
    // The 1-second promise, with room for a loaded machine: the worker applies the edit, then the gateway reloads.
    expect(Date.now() - edited).toBeLessThan(5_000);
    // Throttled requests are not counted: 3 before the edit and the first admitted poll leave 16 of 20.
    expect(await statuses(gateway, key.value, 20)).toEqual([...Array(16).fill(200), ...Array(4).fill(429)]);
    expect((await callGateway(gateway, key.value)).body).toEqual(LIMIT_EXCEEDED);
  });
});

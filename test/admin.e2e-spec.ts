import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, PASSWORD, signUpDeveloper, uniqueEmail } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';
import { decodeClaims } from './support/token-forge';

describe('admin API', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    // Two tier plans + three developer plans: the fourth developer quota is refused.
    harness = await KeyportHarness.start({ env: { MAX_USAGE_PLANS: '5' } });
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
  });

  afterAll(() => harness?.close());

  const auditOf = async (target: string) => (await http.get(`/v1/admin/audit-log?target=${encodeURIComponent(target)}`, { token: admin })).body.items;

  it('answers 401 without a token, 403 to a developer and never 401/403/5xx to an admin, on every admin route', async () => {
    const dev = await signUpDeveloper(http, admin);
    const target = await signUpDeveloper(http, admin);
    const id = target.id;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/v1/admin/developers'],
      ['GET', `/v1/admin/developers/${id}`],
      ['POST', `/v1/admin/developers/${id}/confirm`],
      ['PUT', `/v1/admin/developers/${id}/tier`, { tier: 'premium' }],
      ['PUT', `/v1/admin/developers/${id}/quota`, { limit: 5000, period: 'DAY' }],
      ['POST', `/v1/admin/developers/${id}/quota/grants`, { requests: 100 }],
      ['DELETE', `/v1/admin/developers/${id}/quota`],
      ['POST', `/v1/admin/developers/${id}/suspend`, { reason: 'matrix' }],
      ['POST', `/v1/admin/developers/${id}/reinstate`],
      ['GET', '/v1/admin/tiers'],
      ['PUT', '/v1/admin/tiers/premium', { name: 'Premium' }],
      ['GET', '/v1/admin/audit-log'],
      ['GET', '/v1/admin/usage?groupBy=developer'],
      ['GET', '/v1/admin/usage/top'],
      ['GET', '/v1/admin/usage/quota-utilization?threshold=0.8'],
      ['GET', '/v1/admin/usage.csv'],
    ];
    for (const [method, path, body] of routes) {
      const anonymous = await http.request(method, path, { body });
      expect(anonymous.status, `${method} ${path} without a token`).toBe(401);
      expectErrorShape(anonymous.body, 401);
      const developer = await http.request(method, path, { body, token: dev.token });
      expect(developer.status, `${method} ${path} as a developer`).toBe(403);
      expectErrorShape(developer.body, 403);
    }
    for (const [method, path, body] of routes) {
      const result = await http.request(method, path, { body, token: admin });
      expect(result.status, `${method} ${path} as an admin: ${result.text.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
      expect(result.status, `${method} ${path} as an admin: ${result.text.slice(0, 200)}`).toBeLessThan(300);
    }
    expect((await http.get('/v1/admin/developers/no-such-developer', { token: admin })).status).toBe(404);
    expect((await http.put('/v1/admin/tiers/gold', { name: 'Gold' }, { token: admin })).status).toBe(404);
  });

  it('records every mutation as exactly one audit entry with actor, before, after and request id', async () => {
    const dev = await signUpDeveloper(http, admin);
    const adminId = decodeClaims(admin).sub as string;
    const mutations: Array<[string, string, unknown, string]> = [
      ['PUT', `/v1/admin/developers/${dev.id}/tier`, { tier: 'premium' }, 'developer.tier_changed'],
      ['PUT', `/v1/admin/developers/${dev.id}/quota`, { limit: 777, period: 'WEEK' }, 'developer.quota_overridden'],
      ['POST', `/v1/admin/developers/${dev.id}/quota/grants`, { requests: 50 }, 'developer.quota_granted'],
      ['DELETE', `/v1/admin/developers/${dev.id}/quota`, undefined, 'developer.quota_override_removed'],
      ['POST', `/v1/admin/developers/${dev.id}/suspend`, { reason: 'abuse' }, 'developer.suspended'],
      ['POST', `/v1/admin/developers/${dev.id}/reinstate`, undefined, 'developer.reinstated'],
      ['POST', `/v1/admin/developers/${dev.id}/confirm`, undefined, 'developer.confirmed'],
    ];
    for (const [method, path, body, action] of mutations) {
      const before = await auditOf(dev.id);
      const requestId = `audit-${action}`;
      const result = await http.request(method, path, { body, token: admin, headers: { 'x-request-id': requestId } });
      expect(result.status, `${method} ${path}: ${result.text}`).toBeLessThan(300);
      const after = await auditOf(dev.id);
      expect(after.length - before.length, action).toBe(1);
      expect(after[0]).toMatchObject({ action, actor: { type: 'admin', id: adminId }, target: { type: 'developer', id: dev.id }, requestId });
      expect(after[0].before, action).not.toBeNull();
      expect(after[0].after, action).not.toBeNull();
      // Confirming an already confirmed sign-up is recorded, and changes nothing.
      if (action !== 'developer.confirmed') expect(after[0].before).not.toEqual(after[0].after);
    }
    const tierEdit = await http.put('/v1/admin/tiers/premium', { throttle: { rateLimit: 900, burstLimit: 1800 } }, { token: admin });
    expect(tierEdit.status).toBe(200);
    const [tierEntry, ...older] = await auditOf('premium');
    expect(tierEntry).toMatchObject({ action: 'tier.updated', before: { throttle: { rateLimit: 1000 } }, after: { throttle: { rateLimit: 900 } } });
    expect(older.filter((entry: any) => entry.requestId === tierEntry.requestId)).toEqual([]);
  });

  it('records the security events and filters the log by actor, action and time, newest first, in pages', async () => {
    const dev = await signUpDeveloper(http, admin);
    const started = new Date().toISOString();
    expect((await http.post('/v1/auth/login', { email: dev.email, password: 'Wrong-Passw0rd!' })).status).toBe(401);
    const key = await http.post('/v1/keys', { name: 'audited' }, { token: dev.token });
    const rotated = await http.post(`/v1/keys/${key.body.id}/rotate`, { gracePeriodSeconds: 0 }, { token: dev.token });
    await http.delete(`/v1/keys/${rotated.body.id}`, { token: dev.token });

    const failed = await http.get(`/v1/admin/audit-log?action=auth.sign_in_failed&target=${encodeURIComponent(dev.email)}`, { token: admin });
    expect(failed.body.items).toHaveLength(1);
    const byDeveloper = await http.get(`/v1/admin/audit-log?actor=${dev.id}&from=${started}`, { token: admin });
    expect(byDeveloper.body.items.map((entry: any) => entry.action)).toEqual(['key.revoked', 'key.revoked', 'key.rotated', 'key.created']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/v1/admin/audit-log?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await http.get(query, { token: admin });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((entry: any) => entry.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map(BigInt)).toEqual([...seen.map(BigInt)].sort((a, b) => (a > b ? -1 : 1)));
    expect((await http.get('/v1/admin/audit-log?cursor=abc', { token: admin })).status).toBe(400);
    expect((await http.get('/v1/admin/audit-log?from=yesterday', { token: admin })).status).toBe(400);
  });

  it('refuses a developer quota with 409 once the usage-plan limit is reached', async () => {
    const existing = (await http.get('/v1/admin/developers?limit=200', { token: admin })).body.items.filter((d: any) => d.quotaOverride).length;
    const devs = [];
    for (let i = 0; i < 4 - existing; i++) devs.push(await signUpDeveloper(http, admin));
    const results = [];
    for (const dev of devs) results.push((await http.put(`/v1/admin/developers/${dev.id}/quota`, { limit: 10, period: 'DAY' }, { token: admin })).status);
    expect(results.slice(0, 3 - existing).every((status) => status === 200)).toBe(true);
    const refused = await http.put(`/v1/admin/developers/${devs[devs.length - 1].id}/quota`, { limit: 10, period: 'DAY' }, { token: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/usage plan limit/i);
    // Changing an existing override takes no new plan.
    expect((await http.put(`/v1/admin/developers/${devs[0].id}/quota`, { limit: 20, period: 'WEEK' }, { token: admin })).status).toBe(200);
  });

  it('validates input: bodies, ids, ranges and cursors', async () => {
    const dev = await signUpDeveloper(http, admin);
    for (const [method, path, body] of [
      ['PUT', `/v1/admin/developers/${dev.id}/quota`, { limit: 0, period: 'DAY' }],
      ['PUT', `/v1/admin/developers/${dev.id}/quota`, { limit: 10, period: 'YEAR' }],
      ['POST', `/v1/admin/developers/${dev.id}/quota/grants`, { requests: -5 }],
      ['POST', `/v1/admin/developers/${dev.id}/suspend`, {}],
      ['PUT', `/v1/admin/developers/${dev.id}/tier`, { tier: 'gold' }],
      ['PUT', '/v1/admin/tiers/standard', { throttle: { rateLimit: 'fast' } }],
      ['PUT', '/v1/admin/tiers/standard', { quota: { limit: 1 }, extra: true }],
      ['GET', '/v1/admin/developers?limit=0'],
      ['GET', '/v1/admin/developers?cursor=not-a-cursor'],
      ['GET', '/v1/admin/developers/bad%20id'],
      ['GET', '/v1/admin/usage?from=2025-01-01&to=2026-01-02'],
      ['GET', '/v1/admin/usage?from=2026-02-30'],
      ['GET', '/v1/admin/usage?groupBy=week'],
      ['GET', '/v1/admin/usage.csv?from=2024-01-01&to=2026-01-01'],
      ['GET', '/v1/admin/usage/quota-utilization?threshold=abc'],
      ['GET', '/v1/admin/usage/top?limit=100000'],
    ] as Array<[string, string, unknown?]>) {
      const result = await http.request(method, path, { body, token: admin });
      expect(result.status, `${method} ${path}: ${result.text}`).toBe(400);
      expectErrorShape(result.body, 400);
    }
  });

  it('pages developers without repeating or skipping anyone while others sign up', async () => {
    for (let i = 0; i < 3; i++) await signUpDeveloper(http, admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await http.get(`/v1/admin/developers?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: admin });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((d: any) => d.id));
      cursor = page.body.nextCursor;
      if (pages++ < 4) expect((await http.post('/v1/auth/signup', { email: uniqueEmail('between'), password: PASSWORD })).status).toBe(201);
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    // Everyone, on one page with no boundary to fall through.
    const all = await http.get('/v1/admin/developers?limit=200', { token: admin });
    expect(all.body.nextCursor).toBeNull();
    expect(seen.sort()).toEqual(all.body.items.map((d: any) => d.id).sort());

    const search = await http.get(`/v1/admin/developers?search=${encodeURIComponent('BETWEEN-')}`, { token: admin });
    expect(search.body.items.length).toBe(Math.min(4, pages));
    expect((await http.get('/v1/admin/developers?search=%25', { token: admin })).body.items).toEqual([]);
    const premium = await http.get('/v1/admin/developers?tier=premium&limit=200', { token: admin });
    expect(premium.body.items.every((d: any) => d.tier === 'premium')).toBe(true);
  });
});

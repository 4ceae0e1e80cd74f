import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayDriver } from '@keyport/api-gateway';
import { OPENED_COGNITO_CONNECTION, type OpenedCognitoConnection } from '@keyport/cognito';
import { tierPlanId } from './support/gateway-plans';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, PASSWORD, signUpDeveloper, uniqueEmail, waitForKeyStatus } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

describe('developer journey on the embedded default', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
  });

  afterAll(() => harness?.close());

  it('lists the default tiers publicly', async () => {
    const tiers = await http.get('/v1/tiers');
    expect(tiers.status).toBe(200);
    expect(tiers.body).toEqual([
      {
        slug: 'standard',
        name: 'Standard',
        throttle: { rateLimit: 100, burstLimit: 200 },
        quota: { limit: 1_000_000, period: 'MONTH' },
        paid: false,
        price: null,
      },
      {
        slug: 'premium',
        name: 'Premium',
        throttle: { rateLimit: 1_000, burstLimit: 2_000 },
        quota: { limit: 50_000_000, period: 'MONTH' },
        paid: false,
        price: null,
      },
    ]);
  });

  it('signs up, is refused before confirmation, confirmed by an admin, then signs in and refreshes', async () => {
    const email = uniqueEmail();
    const signup = await http.post('/v1/auth/signup', { email, password: PASSWORD });
    expect(signup.status).toBe(201);
    expect(signup.body).toEqual({ userId: expect.any(String), confirmed: false });

    const early = await http.post('/v1/auth/login', { email, password: PASSWORD });
    expect(early.status).toBe(401);
    expectErrorShape(early.body, 401);

    expect((await http.post(`/v1/admin/developers/${signup.body.userId}/confirm`, undefined, { token: admin })).status).toBe(204);
    const login = await http.post('/v1/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      accessToken: expect.any(String),
      idToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: expect.any(Number),
    });

    const me = await http.get('/v1/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: signup.body.userId, email, tier: 'standard', status: 'active', createdAt: expect.any(String) });

    const refreshed = await http.post('/v1/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await http.get('/v1/me', { token: refreshed.body.accessToken })).status).toBe(200);
  });

  it('confirms a sign-up with the code the pool sent', async () => {
    const email = uniqueEmail('coded');
    const signup = await http.post('/v1/auth/signup', { email, password: PASSWORD });
    const server = harness.app.get<OpenedCognitoConnection>(OPENED_COGNITO_CONNECTION).server!;
    const wrong = await http.post('/v1/auth/confirm', { email, code: '000000' });
    expect(wrong.status).toBe(400);
    const code = server.lastCodeFor(email)!;
    expect((await http.post('/v1/auth/confirm', { email, code })).status).toBe(204);
    const login = await http.post('/v1/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect((await http.get('/v1/me', { token: login.body.accessToken })).body.id).toBe(signup.body.userId);
  });

  it('refuses a taken email with 409 and a wrong password with 401', async () => {
    const dev = await signUpDeveloper(http, admin);
    const again = await http.post('/v1/auth/signup', { email: dev.email.toUpperCase(), password: PASSWORD });
    expect(again.status).toBe(409);
    expectErrorShape(again.body, 409);
    const wrong = await http.post('/v1/auth/login', { email: dev.email, password: 'Wrong-Passw0rd!' });
    expect(wrong.status).toBe(401);
    const nobody = await http.post('/v1/auth/login', { email: uniqueEmail('nobody'), password: PASSWORD });
    expect(nobody.status).toBe(401);
    expect(nobody.body.message).toBe(wrong.body.message);
  });

  it('creates, lists, rotates and revokes keys; the value is shown once and the gateway follows', async () => {
    const dev = await signUpDeveloper(http, admin);
    const created = await http.post('/v1/keys', { name: 'production' }, { token: dev.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'production', status: 'provisioning' });
    const value: string = created.body.value;
    expect(value).toMatch(/^kp[0-9A-Za-z]{38}$/);
    expect(created.body.prefix).toBe(value.slice(0, 8));
    expect(created.body.last4).toBe(value.slice(-4));

    const active = await waitForKeyStatus(http, dev.token, created.body.id, 'active');
    expect(active.value).toBeUndefined();
    const list = await http.get('/v1/keys', { token: dev.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.text).not.toContain(value);

    const driver = harness.app.get(GatewayDriver);
    const gatewayKey = await driver.findApiKeyByName(`keyport-${created.body.id}`);
    expect(gatewayKey?.enabled).toBe(true);
    expect(await driver.plansOfKey(gatewayKey!.id)).toEqual([await tierPlanId(driver, 'standard')]);

    const rotated = await http.post(`/v1/keys/${created.body.id}/rotate`, { gracePeriodSeconds: 3600 }, { token: dev.token });
    expect(rotated.status).toBe(201);
    expect(rotated.body.value).toMatch(/^kp/);
    expect(rotated.body.value).not.toBe(value);
    expect(rotated.body.rotatedFromId).toBe(created.body.id);
    const old = await http.get(`/v1/keys/${created.body.id}`, { token: dev.token });
    expect(old.body.status).toBe('active');
    expect(Date.parse(old.body.expiresAt) - Date.now()).toBeGreaterThan(3500_000);
    expect((await http.post(`/v1/keys/${created.body.id}/rotate`, {}, { token: dev.token })).status).toBe(409);

    const revoke = await http.delete(`/v1/keys/${created.body.id}`, { token: dev.token });
    expect(revoke.status).toBe(204);
    const revoked = await http.get(`/v1/keys/${created.body.id}`, { token: dev.token });
    expect(revoked.body.status).toBe('revoked');
    await expectEventually(async () => (await driver.findApiKeyByName(`keyport-${created.body.id}`)) === null);

    const all = await http.get('/v1/keys', { token: dev.token });
    expect(all.body.items.map((k: any) => k.status).sort()).toEqual(['active', 'revoked']);
    expect(all.text).not.toContain(value);
    expect(all.text).not.toContain(rotated.body.value);
  });

  it('revokes the old key when a rotation grace of 0 is asked, and lists it as expired after the grace otherwise', async () => {
    const dev = await signUpDeveloper(http, admin);
    const first = await http.post('/v1/keys', { name: 'a' }, { token: dev.token });
    await http.post(`/v1/keys/${first.body.id}/rotate`, { gracePeriodSeconds: 0 }, { token: dev.token });
    expect((await http.get(`/v1/keys/${first.body.id}`, { token: dev.token })).body.status).toBe('revoked');

    const second = await http.post('/v1/keys', { name: 'b' }, { token: dev.token });
    await http.post(`/v1/keys/${second.body.id}/rotate`, { gracePeriodSeconds: 1 }, { token: dev.token });
    await expectEventually(async () => (await http.get(`/v1/keys/${second.body.id}`, { token: dev.token })).body.status === 'expired');
  });

  it('moves every key to the new tier plan on a tier change', async () => {
    const dev = await signUpDeveloper(http, admin);
    const a = await http.post('/v1/keys', { name: 'a' }, { token: dev.token });
    const b = await http.post('/v1/keys', { name: 'b' }, { token: dev.token });
    await waitForKeyStatus(http, dev.token, a.body.id, 'active');
    await waitForKeyStatus(http, dev.token, b.body.id, 'active');

    const change = await http.put('/v1/me/tier', { tier: 'premium' }, { token: dev.token });
    expect(change.status).toBe(200);
    expect(change.body).toEqual({ tier: 'premium' });
    expect((await http.get('/v1/me', { token: dev.token })).body.tier).toBe('premium');

    const driver = harness.app.get(GatewayDriver);
    const premiumPlan = await tierPlanId(driver, 'premium');
    for (const id of [a.body.id, b.body.id]) {
      const key = await driver.findApiKeyByName(`keyport-${id}`);
      await expectEventually(async () => JSON.stringify(await driver.plansOfKey(key!.id)) === JSON.stringify([premiumPlan]));
    }
  });

  it('enforces the key limit with 409, and a revoked key frees a place', async () => {
    const dev = await signUpDeveloper(http, admin);
    const ids = [];
    for (let i = 0; i < 5; i++) {
      const created = await http.post('/v1/keys', { name: `k${i}` }, { token: dev.token });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const sixth = await http.post('/v1/keys', { name: 'k5' }, { token: dev.token });
    expect(sixth.status).toBe(409);
    expectErrorShape(sixth.body, 409);
    expect((await http.delete(`/v1/keys/${ids[0]}`, { token: dev.token })).status).toBe(204);
    expect((await http.post('/v1/keys', { name: 'k6' }, { token: dev.token })).status).toBe(201);
  });

  it('never lets concurrent creations pass the key limit', async () => {
    const dev = await signUpDeveloper(http, admin);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => http.post('/v1/keys', { name: `c${i}` }, { token: dev.token })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
  });

  it('answers 404 to developer B for everything about developer A keys (BOLA)', async () => {
    const a = await signUpDeveloper(http, admin);
    const b = await signUpDeveloper(http, admin);
    const key = await http.post('/v1/keys', { name: 'mine' }, { token: a.token });
    const id = key.body.id;
    for (const attempt of [
      http.get(`/v1/keys/${id}`, { token: b.token }),
      http.post(`/v1/keys/${id}/rotate`, {}, { token: b.token }),
      http.delete(`/v1/keys/${id}`, { token: b.token }),
    ]) {
      const result = await attempt;
      expect(result.status).toBe(404);
      expectErrorShape(result.body, 404);
    }
    expect((await http.get('/v1/keys', { token: b.token })).body.items).toEqual([]);
    expect((await http.get(`/v1/keys/${id}`, { token: a.token })).body.status).not.toBe('revoked');
  });

  it('keeps users, tiers and keys across a restart', async () => {
    const dev = await signUpDeveloper(http, admin);
    const key = await http.post('/v1/keys', { name: 'survivor' }, { token: dev.token });
    await waitForKeyStatus(http, dev.token, key.body.id, 'active');
    const before = await http.get('/v1/keys', { token: dev.token });

    await harness.restart();
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);

    const login = await http.post('/v1/auth/login', { email: dev.email, password: PASSWORD });
    expect(login.status).toBe(200);
    const after = await http.get('/v1/keys', { token: login.body.accessToken });
    expect(after.body).toEqual(before.body);
    expect((await http.get('/v1/me', { token: login.body.accessToken })).body.id).toBe(dev.id);
    expect((await http.get('/v1/tiers')).body).toHaveLength(2);
  });

  it('serves health and the OpenAPI document', async () => {
    expect((await http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ok',
      checks: { database: 'ok', identity: 'ok', gateway: 'ok' },
      gateway: { driver: 'local', keys: { used: expect.any(Number), limit: null }, sync: expect.objectContaining({ dead: 0 }) },
    });
    const doc = await http.get('/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/auth/signup', '/v1/auth/login', '/v1/keys', '/v1/keys/{id}/rotate', '/v1/me/tier', '/v1/admin/developers/{id}/confirm']),
    );
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { AppClients } from '@keyport/applications';
import { PrismaService } from '@keyport/db';
import { UsageFlusher } from '@keyport/embedded-gateway';
import { clientToken, createApplication, requestClientToken } from './support/applications';
import { TOO_MANY_REQUESTS, createTier, forbiddenWithCode, issueKey, joinTier } from './support/gateway-journey';
import { HttpClient } from './support/http-client';
import { adminToken, signUpDeveloper, startWithAdmin } from './support/journey';
import { type KeyportHarness } from './support/keyport-harness';
import { managedKeyReady } from './support/managed-keys';

const GENEROUS = { rateLimit: 1_000, burstLimit: 1_000 };
const QUOTA = { limit: 1_000, period: 'DAY' as const };
const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** GATEWAY_API_KEY_SOURCE=AUTHORIZER: callers send only a token; the key comes from who they are. */
describe('embedded gateway, GATEWAY_API_KEY_SOURCE=AUTHORIZER', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let gateway: HttpClient;
  let admin: string;

  beforeAll(async () => {
    ({ harness, http, admin } = await startWithAdmin({ env: { GATEWAY_API_KEY_SOURCE: 'AUTHORIZER' } }));
    gateway = new HttpClient(harness.gatewayUrl);
  });

  afterAll(() => harness?.close());

  it("admits an application's token alone, metered on its managed key (in usage, not in /v1/keys)", async () => {
    const tier = await createTier(harness, { throttle: GENEROUS, quota: QUOTA });
    const dev = await signUpDeveloper(http, admin);
    await joinTier(http, dev, tier);
    const app = await createApplication(http, dev.token, { name: 'metered' });
    const managedKeyId = await managedKeyReady(harness, app.id);
    const token = await clientToken(app);

    for (let i = 0; i < 3; i++) expect((await gateway.get('/things', { headers: bearer(token) })).status).toBe(200);
    // A header key is not how this mode works: it is ignored, the token decides.
    expect((await gateway.get('/things', { headers: { ...bearer(token), 'x-api-key': 'not-a-key' } })).status).toBe(200);
    expect((await gateway.get('/things')).status).toBe(401);

    await harness.app.get(UsageFlusher).flush();
    const today = new Date().toISOString().slice(0, 10);
    const usage = await http.get(`/v1/usage?from=${today}&to=${today}`, { token: dev.token });
    expect(usage.status).toBe(200);
    expect(usage.body.items).toEqual([{ date: today, keyId: managedKeyId, requests: 4 }]);
    // Never shown, never counted against the developer's key limit.
    const keys = await http.get('/v1/keys', { token: dev.token });
    expect(keys.body.items).toEqual([]);
    const revoke = await http.delete(`/v1/keys/${managedKeyId}`, { token: dev.token });
    expect(revoke.status).toBe(404);
  });

  it("throttles an application at its tier's rate", async () => {
    const tier = await createTier(harness, { throttle: { rateLimit: 0.001, burstLimit: 3 }, quota: QUOTA });
    const dev = await signUpDeveloper(http, admin);
    await joinTier(http, dev, tier);
    const app = await createApplication(http, dev.token, { name: 'throttled' });
    await managedKeyReady(harness, app.id);
    const token = await clientToken(app);
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push((await gateway.get('/things', { headers: bearer(token) })).status);
    expect(seen).toEqual([200, 200, 200, 429, 429]);
    expect((await gateway.get('/things', { headers: bearer(token) })).body).toEqual(TOO_MANY_REQUESTS);
  });

  it("meters a person's token on their oldest key, and refuses one who has no key (403 PERSON_TOKEN_NOT_METERED)", async () => {
    const tier = await createTier(harness, { throttle: GENEROUS, quota: QUOTA });
    const dev = await signUpDeveloper(http, admin);
    await joinTier(http, dev, tier);
    const none = await gateway.get('/things', { headers: bearer(dev.token) });
    expect(none.status).toBe(403);
    expect(none.body).toEqual(forbiddenWithCode('PERSON_TOKEN_NOT_METERED'));
    expect(none.headers.get('x-amzn-errortype')).toBe('ForbiddenException');

    const oldest = await issueKey(harness, http, dev, 'first');
    await issueKey(harness, http, dev, 'second');
    expect((await gateway.get('/things', { headers: bearer(dev.token) })).status).toBe(200);
    await harness.app.get(UsageFlusher).flush();
    const today = new Date().toISOString().slice(0, 10);
    const usage = await http.get(`/v1/usage?from=${today}&to=${today}`, { token: dev.token });
    expect(usage.body.items).toEqual([{ date: today, keyId: oldest.id, requests: 1 }]);
  });

  it('refuses the token of a deleted application at once (its managed key is revoked with it)', async () => {
    const tier = await createTier(harness, { throttle: GENEROUS, quota: QUOTA });
    const dev = await signUpDeveloper(http, admin);
    await joinTier(http, dev, tier);
    const app = await createApplication(http, dev.token, { name: 'short-lived' });
    await managedKeyReady(harness, app.id);
    const token = await clientToken(app);
    expect((await gateway.get('/things', { headers: bearer(token) })).status).toBe(200);
    expect((await http.delete(`/v1/applications/${app.id}`, { token: dev.token })).status).toBe(204);
    expect((await gateway.get('/things', { headers: bearer(token) })).status).toBe(401);
  });

  it("deletes a deleted developer's applications, by themselves or by an admin: no new token, the old one refused at the gateway", async () => {
    const tier = await createTier(harness, { throttle: GENEROUS, quota: QUOTA });
    for (const deleteAccount of [
      (dev: { token: string }) => http.delete('/v1/me', { token: dev.token }),
      (dev: { id: string }) => http.delete(`/v1/admin/developers/${dev.id}`, { token: admin }),
    ]) {
      const dev = await signUpDeveloper(http, admin);
      await joinTier(http, dev, tier);
      const app = await createApplication(http, dev.token, { name: 'orphan' });
      await managedKeyReady(harness, app.id);
      const token = await clientToken(app);
      expect((await gateway.get('/things', { headers: bearer(token) })).status).toBe(200);

      expect((await deleteAccount(dev)).status).toBe(204);
      const refused = await requestClientToken(app.tokenEndpoint, app.clientId, app.clientSecret);
      expect([refused.status, refused.body.error]).toEqual([400, 'invalid_client']);
      expect((await gateway.get('/things', { headers: bearer(token) })).status).toBe(401);
      const audit = await http.get(`/v1/admin/audit-log?target=${app.id}&action=application.deleted`, { token: admin });
      expect(audit.body.items).toHaveLength(1);
    }
  });

  // Last: it restarts the app.
  it('gives an application made before managed keys existed its key at the next start, so its calls pass', async () => {
    const tier = await createTier(harness, { throttle: GENEROUS, quota: QUOTA });
    const dev = await signUpDeveloper(http, admin);
    await joinTier(http, dev, tier);
    // The state the managed-keys migration left: an app client and its row, no managed key.
    const clients = harness.app.get(AppClients);
    const client = await clients.create('legacy', ['keyport-api/read']);
    const id = randomUUID();
    await harness.app.get(PrismaService).application.create({
      data: { id, developerId: dev.id, name: 'legacy', clientId: client.clientId, scopes: ['keyport-api/read'] },
    });
    const legacy = { tokenEndpoint: clients.tokenEndpoint, ...client };
    expect((await gateway.get('/things', { headers: bearer(await clientToken(legacy)) })).status).toBe(403);

    await harness.restart();
    http = new HttpClient(harness.baseUrl);
    gateway = new HttpClient(harness.gatewayUrl);
    admin = await adminToken(http);
    await managedKeyReady(harness, id);
    // cognito-local listens on a new port after the restart.
    const token = await clientToken({ ...legacy, tokenEndpoint: harness.app.get(AppClients).tokenEndpoint });
    expect((await gateway.get('/things', { headers: bearer(token) })).status).toBe(200);
  });
});

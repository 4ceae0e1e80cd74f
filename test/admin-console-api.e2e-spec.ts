import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, PASSWORD, type SignedInDeveloper, signUpDeveloper, startWithAdmin } from './support/journey';
import { type KeyportHarness } from './support/keyport-harness';

const subOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;

/** The admin API the console adds: gateway status with its dry run, and roles (Cognito group membership). */
describe('the admin console API', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;
  let dev: SignedInDeveloper;

  beforeAll(async () => {
    ({ harness, http, admin } = await startWithAdmin());
    dev = await signUpDeveloper(http, admin);
  });

  afterAll(() => harness?.close());

  const role = (id: string, token: string, body?: unknown) =>
    body === undefined ? http.get(`/v1/admin/developers/${id}/role`, { token }) : http.put(`/v1/admin/developers/${id}/role`, body, { token });

  describe('GET /v1/admin/gateway/status and the reconciliation dry run', () => {
    it('answers the driver and the outbox, with no runs before any', async () => {
      const status = await http.get('/v1/admin/gateway/status', { token: admin });
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ driver: 'local', keys: { used: expect.any(Number) }, outbox: { depth: expect.any(Number), dead: 0 } });
      expect(status.body.outbox.oldestSeconds === null || typeof status.body.outbox.oldestSeconds === 'number').toBe(true);
      expect(status.body.lastReconciliation).toBeNull();
    });

    it('keeps the last usage ingestion and the last reconciliation (a dry run changes nothing) with their results', async () => {
      const synced = await http.post('/v1/admin/gateway/usage-sync', { days: 2 }, { token: admin });
      expect(synced.status).toBe(200);
      const dryRun = await http.post('/v1/admin/gateway/reconciliation/dry-run', undefined, { token: admin });
      expect(dryRun.status).toBe(200);
      expect(dryRun.body).toMatchObject({ dryRun: true, findings: [], repaired: 0, plans: expect.any(Number) });

      const status = (await http.get('/v1/admin/gateway/status', { token: admin })).body;
      expect(status.lastUsageIngestion).toMatchObject({ ok: true, result: synced.body });
      expect(status.lastReconciliation).toMatchObject({ ok: true, result: dryRun.body });
      expect(Date.parse(status.lastReconciliation.finishedAt)).toBeGreaterThanOrEqual(Date.parse(status.lastReconciliation.startedAt));
    });

    it('refuses a developer with 403 NOT_AN_ADMIN', async () => {
      for (const [method, path] of [
        ['GET', '/v1/admin/gateway/status'],
        ['POST', '/v1/admin/gateway/reconciliation/dry-run'],
      ]) {
        const refused = await http.request(method, path, { token: dev.token });
        expect(refused.status, `${method} ${path}`).toBe(403);
        expectErrorShape(refused.body, 403);
        expect(refused.body.code).toBe('NOT_AN_ADMIN');
      }
    });
  });

  it('refuses a developer with 403 on both role routes, and bad input with 400', async () => {
    for (const refused of [await role(dev.id, dev.token), await role(dev.id, dev.token, { role: 'admin' })]) {
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('NOT_AN_ADMIN');
    }
    const invalid = await role(dev.id, admin, { role: 'owner' });
    expect(invalid.status).toBe(400);
    expectErrorShape(invalid.body, 400);
    expect((await role('00000000-0000-4000-8000-000000000000', admin)).status).toBe(404);
  });

  it('makes a developer an admin (their next token opens the admin API), audited once', async () => {
    expect((await role(dev.id, admin)).body).toEqual({ role: 'developer' });
    expect((await role(dev.id, admin, { role: 'admin' })).body).toEqual({ role: 'admin' });
    expect((await role(dev.id, admin, { role: 'admin' })).status).toBe(200); // no change, no second entry
    const audit = await http.get(`/v1/admin/audit-log?target=${dev.id}&action=developer.role_changed`, { token: admin });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ before: { role: 'developer' }, after: { role: 'admin' }, actor: { type: 'admin', id: subOf(admin) } });

    const promoted = (await http.post('/v1/auth/login', { email: dev.email, password: PASSWORD })).body.accessToken;
    expect((await http.get('/v1/admin/gateway/status', { token: promoted })).status).toBe(200);
  });

  it('refuses removing your own admin role, and removing the last admin', async () => {
    const own = await role(subOf(admin), admin, { role: 'developer' });
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('CANNOT_REMOVE_OWN_ADMIN');

    // The promoted developer removes the first admin; then they are the last one.
    const promoted = (await http.post('/v1/auth/login', { email: dev.email, password: PASSWORD })).body.accessToken;
    expect((await role(subOf(admin), promoted, { role: 'developer' })).body).toEqual({ role: 'developer' });
    // The first admin's old token still says admin until it expires; the pool has one admin left.
    const last = await role(dev.id, admin, { role: 'developer' });
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('LAST_ADMIN');
    expect((await role(dev.id, promoted)).body).toEqual({ role: 'admin' });
    // Put things back for the suites' admin.
    expect((await role(subOf(admin), promoted, { role: 'admin' })).status).toBe(200);
    expect((await http.get('/v1/admin/tiers', { token: await adminToken(http) })).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { expectErrorShape, type SignedInDeveloper, signUpDeveloper, startWithAdmin } from './support/journey';
import { type KeyportHarness } from './support/keyport-harness';

/** The figures the console's Gateway page shows, and its reconciliation dry run, over HTTP. */
describe('GET /v1/admin/gateway/status and the reconciliation dry run', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;
  let dev: SignedInDeveloper;

  beforeAll(async () => {
    ({ harness, http, admin } = await startWithAdmin());
    dev = await signUpDeveloper(http, admin);
  });

  afterAll(() => harness?.close());

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

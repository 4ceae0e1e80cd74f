import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, signUpDeveloper, waitForKeyStatus } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

/**
 * The developer's row, and their key list, are reused for up to ROW_CACHE_TTL_MS (set to its maximum here) by the replica
 * that read it. A write in the same replica must still take effect for every request sent after its
 * response: suspension above all, but also reinstatement and tier changes.
 */
describe('the per-replica developer row cache', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    harness = await KeyportHarness.start({ env: { ROW_CACHE_TTL_MS: '1000' } });
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
  });

  afterAll(() => harness?.close());

  it('refuses a suspended developer at once, and lets a reinstated one in at once', async () => {
    const dev = await signUpDeveloper(http, admin);
    for (let round = 0; round < 3; round += 1) {
      // Read twice so the row is in the cache when the admin acts.
      expect((await http.get('/v1/me', { token: dev.token })).status).toBe(200);
      expect((await http.get('/v1/keys', { token: dev.token })).status).toBe(200);
      expect((await http.post(`/v1/admin/developers/${dev.id}/suspend`, { reason: `round ${round}` }, { token: admin })).status).toBe(200);
      for (const path of ['/v1/me', '/v1/keys']) {
        const refused = await http.get(path, { token: dev.token });
        expect(refused.status, `${path} right after the suspension`).toBe(403);
        expectErrorShape(refused.body, 403);
      }
      expect((await http.post(`/v1/admin/developers/${dev.id}/reinstate`, undefined, { token: admin })).status).toBe(200);
      expect((await http.get('/v1/me', { token: dev.token })).status, 'right after the reinstatement').toBe(200);
    }
  });

  it('never answers 200 to a request sent after the suspension response, while requests race it', async () => {
    const dev = await signUpDeveloper(http, admin);
    for (let round = 0; round < 5; round += 1) {
      let suspendedAt = Number.POSITIVE_INFINITY;
      let stop = false;
      const late: Array<{ status: number; sentAt: number }> = [];
      // Several callers keep reading while the admin suspends, so reads that started before the
      // commit are still under way when it lands (the case a naive cache gets wrong).
      const readers = Array.from({ length: 6 }, async () => {
        while (!stop) {
          const sentAt = performance.now();
          const response = await http.get(round % 2 === 0 ? '/v1/me' : '/v1/keys', { token: dev.token });
          if (sentAt > suspendedAt) late.push({ status: response.status, sentAt });
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 30));
      const suspension = await http.post(`/v1/admin/developers/${dev.id}/suspend`, { reason: 'race' }, { token: admin });
      expect(suspension.status).toBe(200);
      suspendedAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 150));
      stop = true;
      await Promise.all(readers);
      expect(late.length).toBeGreaterThan(0);
      expect(late.filter((r) => r.status !== 403)).toEqual([]);
      expect((await http.post(`/v1/admin/developers/${dev.id}/reinstate`, undefined, { token: admin })).status).toBe(200);
    }
  });

  it('shows a tier change at once', async () => {
    const dev = await signUpDeveloper(http, admin);
    expect((await http.get('/v1/me', { token: dev.token })).body.tier).toBe('standard');
    expect((await http.put(`/v1/admin/developers/${dev.id}/tier`, { tier: 'premium' }, { token: admin })).status).toBe(200);
    expect((await http.get('/v1/me', { token: dev.token })).body.tier).toBe('premium');
    expect((await http.put('/v1/me/tier', { tier: 'standard' }, { token: dev.token })).status).toBe(200);
    expect((await http.get('/v1/me', { token: dev.token })).body.tier).toBe('standard');
  });

  it("shows the developer's own key changes in GET /v1/keys at once, while the list is cached", async () => {
    const dev = await signUpDeveloper(http, admin);
    const names = async () =>
      (await http.get('/v1/keys', { token: dev.token })).body.items as Array<{ id: string; name: string; status: string; expiresAt: string | null }>;
    expect(await names()).toEqual([]);
    const created = await http.post('/v1/keys', { name: 'first' }, { token: dev.token });
    expect(created.status).toBe(201);
    expect(
      (await names()).map((key) => key.name),
      'right after the creation',
    ).toEqual(['first']);
    // Provisioned by the outbox worker in this process: the list follows without waiting for the TTL.
    await waitForKeyStatus(http, dev.token, created.body.id, 'active');
    expect((await names())[0].status, 'right after the worker provisioned it').toBe('active');
    const rotated = await http.post(`/v1/keys/${created.body.id}/rotate`, { gracePeriodSeconds: 3600 }, { token: dev.token });
    expect(rotated.status).toBe(201);
    const afterRotation = await names();
    expect(
      afterRotation.map((key) => key.name),
      'right after the rotation',
    ).toHaveLength(2);
    expect(afterRotation.find((key) => key.id === created.body.id)?.expiresAt, 'the old key ends with its grace').not.toBeNull();
    expect((await http.delete(`/v1/keys/${rotated.body.id}`, { token: dev.token })).status).toBe(204);
    expect((await names()).find((key) => key.id === rotated.body.id)?.status, 'right after the revocation').toBe('revoked');
  });
});

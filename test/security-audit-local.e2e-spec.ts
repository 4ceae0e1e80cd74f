import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, signUpDeveloper, startWithAdmin } from './support/journey';
import { type KeyportHarness } from './support/keyport-harness';

const statusOf = (report: any, check: string) => report.findings.find((f: any) => f.check === check);

describe('the security audit on the local driver (the embedded gateway)', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    ({ harness, http, admin } = await startWithAdmin({ env: { GATEWAY_AUTH: 'none' } }));
  });
  afterAll(() => harness?.close());

  it('is for admins only: 401 without a token, 403 for a developer', async () => {
    const anonymous = await http.get('/v1/admin/security');
    expect(anonymous.status).toBe(401);
    expectErrorShape(anonymous.body, 401);
    const dev = await signUpDeveloper(http, admin);
    const developer = await http.get('/v1/admin/security', { token: dev.token });
    expect(developer.status).toBe(403);
    expect(developer.body.code).toBe('NOT_AN_ADMIN');
    expect((await http.get('/v1/admin/security/history', { token: dev.token })).status).toBe(403);
  });

  it('fails gateway-auth-mode with GATEWAY_AUTH=none and warns that no IP rule is set', async () => {
    const report = await http.get('/v1/admin/security', { token: admin });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ driver: 'local', checkedAt: expect.any(String) });
    expect(statusOf(report.body, 'gateway-auth-mode')).toMatchObject({
      layer: 'authentication',
      status: 'fail',
      severity: 'critical',
      resource: 'embedded-gateway',
      fix: expect.stringContaining('GATEWAY_AUTH'),
    });
    expect(statusOf(report.body, 'gateway-ip-rule')).toMatchObject({ layer: 'waf', status: 'warn', fix: expect.stringContaining('GATEWAY_IP_RATE_LIMIT') });
    expect(report.body.summary).toEqual({
      pass: report.body.findings.filter((f: any) => f.status === 'pass').length,
      warn: report.body.findings.filter((f: any) => f.status === 'warn').length,
      fail: report.body.findings.filter((f: any) => f.status === 'fail').length,
    });
  });

  it('refuses a malformed fresh or limit with 400 and changes nothing', async () => {
    for (const path of ['/v1/admin/security?fresh=yes', '/v1/admin/security/history?limit=0', '/v1/admin/security/history?limit=abc']) {
      const refused = await http.get(path, { token: admin });
      expect(refused.status, path).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('passes gateway-ip-rule with a note in count mode, and keeps each fresh audit in the history', async () => {
    await harness.restart({ GATEWAY_IP_RATE_LIMIT: '100', GATEWAY_IP_RATE_WINDOW: '1m' });
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
    const report = await http.get('/v1/admin/security?fresh=1', { token: admin });
    expect(statusOf(report.body, 'gateway-ip-rule')).toMatchObject({ status: 'pass', fix: '', message: expect.stringContaining('count mode') });
    await harness.restart({ GATEWAY_IP_RULE_MODE: 'block' });
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
    const blocking = await http.get('/v1/admin/security?fresh=1', { token: admin });
    expect(statusOf(blocking.body, 'gateway-ip-rule')).toMatchObject({ status: 'pass', message: expect.stringContaining('blocks with 403') });

    const history = await http.get('/v1/admin/security/history', { token: admin });
    expect(history.status).toBe(200);
    expect(history.body.items.length).toBeGreaterThanOrEqual(3);
    expect(history.body.items[0]).toMatchObject({ driver: 'local', summary: blocking.body.summary, checkedAt: blocking.body.checkedAt, newFails: [] });
    const oldest = history.body.items.at(-1);
    expect(oldest.newFails).toContain('gateway-auth-mode embedded-gateway');
  });
});

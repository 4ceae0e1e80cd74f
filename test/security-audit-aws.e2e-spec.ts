import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayBootstrapService } from '@keyport/gateway-sync';
import { CHECKS } from '@keyport/security-posture';
import { FakeApiGateway } from './fakes/api-gateway/fake-api-gateway';
import { FakeWafV2 } from './fakes/api-gateway/fake-wafv2';
import { awsEnv, useFakeAwsCredentials } from './support/aws-keyport';
import { tierPlanAtFake } from './support/gateway-plans';
import { HttpClient } from './support/http-client';
import { adminToken, signUpDeveloper } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';
import { INSECURE_API, SECURE_API, STAGE, seedCountingApi, seedInsecureApi, seedSecureApi } from './support/security-fixtures';

const COUNTING_API = 'counting01';
const MISSING_API = 'missing001';
const AWS_CHECK_IDS = Object.keys(CHECKS).filter((check) => !check.startsWith('gateway-'));
const RANK = { pass: 0, warn: 1, fail: 2 } as const;

/** The worst status of each check among the findings about one API (its stage, methods, id and mapped domains). */
function worstByCheck(report: any, apiId: string, domains: string[] = []): Record<string, string> {
  const worst: Record<string, string> = {};
  for (const f of report.findings) {
    const about = f.resource === apiId || f.resource.startsWith(`${apiId}:`) || f.resource.startsWith(`${apiId} `) || domains.includes(f.resource);
    if (!about) continue;
    if (!worst[f.check] || RANK[f.status as keyof typeof RANK] > RANK[worst[f.check] as keyof typeof RANK]) worst[f.check] = f.status;
  }
  return worst;
}

describe('the security audit on the aws driver, against the fake API Gateway and WAFv2', () => {
  let fake: FakeApiGateway;
  let waf: FakeWafV2;
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    useFakeAwsCredentials();
    fake = await new FakeApiGateway({ quotas: { planUpdateWindowMs: 1_000 } }).start();
    waf = await new FakeWafV2().start();
    seedSecureApi(fake, waf);
    seedInsecureApi(fake, waf);
    seedCountingApi(fake, waf, COUNTING_API);
    const stages = [SECURE_API, INSECURE_API, COUNTING_API, MISSING_API].map((id) => `${id}:${STAGE}`).join(',');
    harness = await KeyportHarness.start({ env: awsEnv(fake, { API_STAGES: stages, AWS_ENDPOINT_URL_WAFV2: waf.url }) });
    await harness.app.get(GatewayBootstrapService).run();
    // The insecure stage drifted out of the standard tier's plan.
    const planId = tierPlanAtFake(fake, 'standard')!;
    const plan = fake.state.plan(planId);
    plan.apiStages = plan.apiStages.filter((s) => s.apiId !== INSECURE_API);
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
  });

  afterAll(async () => {
    await harness?.close();
    await fake?.stop();
    await waf?.stop();
  });

  it('answers 401 without a token, 403 to a developer and the report to an admin', async () => {
    expect((await http.get('/v1/admin/security')).status).toBe(401);
    const dev = await signUpDeveloper(http, admin);
    expect((await http.get('/v1/admin/security', { token: dev.token })).status).toBe(403);
    const report = await http.get('/v1/admin/security', { token: admin });
    expect(report.status).toBe(200);
    expect(report.body.driver).toBe('aws');
    for (const f of report.body.findings) {
      expect(Object.keys(f).sort()).toEqual(['check', 'fix', 'layer', 'message', 'resource', 'severity', 'status']);
      expect(f.layer).toBe((CHECKS as any)[f.check].layer);
    }
  });

  it('passes every check on the well-configured API', async () => {
    const report = (await http.get('/v1/admin/security', { token: admin })).body;
    const secure = worstByCheck(report, SECURE_API, ['domain api.orders.example.com']);
    expect(secure).toEqual(Object.fromEntries(AWS_CHECK_IDS.map((check) => [check, 'pass'])));
  });

  it('reports each check with the expected status on the API that breaks them all', async () => {
    const report = (await http.get('/v1/admin/security', { token: admin })).body;
    expect(worstByCheck(report, INSECURE_API, ['domain legacy.example.com'])).toEqual({
      'api-stage-exists': 'pass',
      'method-authorization': 'fail',
      'method-api-key': 'warn',
      'cognito-scopes': 'warn',
      'stage-usage-plans': 'fail',
      'stage-throttling': 'warn',
      'waf-attached': 'fail',
      'waf-rate-rule': 'warn',
      'tls-policy': 'fail',
      'backend-tls-verification': 'fail',
      'execute-api-endpoint': 'warn',
      'resource-policy': 'fail',
      'execution-logging': 'warn',
      'access-logging': 'warn',
      tracing: 'warn',
      'cache-encryption': 'fail',
    });
    const methodFail = report.findings.find((f: any) => f.check === 'method-authorization' && f.status === 'fail');
    expect(methodFail).toMatchObject({
      resource: `${INSECURE_API} GET /legacy`,
      severity: 'critical',
      message: expect.stringContaining('keys are not authentication'),
      fix: expect.any(String),
    });
    expect(report.findings.find((f: any) => f.check === 'tls-policy' && f.status === 'fail').resource).toBe('domain legacy.example.com');
    expect(report.findings.find((f: any) => f.check === 'stage-usage-plans' && f.status === 'fail').message).toContain('standard');
  });

  it('passes a count-mode rate rule with a note, warns on a policy open to everyone, fails a stage that does not exist', async () => {
    const report = (await http.get('/v1/admin/security', { token: admin })).body;
    const counting = report.findings.filter((f: any) => f.resource.startsWith(COUNTING_API));
    expect(counting.find((f: any) => f.check === 'waf-rate-rule')).toMatchObject({ status: 'pass', message: expect.stringContaining('only count') });
    expect(counting.find((f: any) => f.check === 'resource-policy')).toMatchObject({ status: 'warn', message: expect.stringContaining('Principal "*"') });
    expect(report.findings.filter((f: any) => f.resource.startsWith(MISSING_API))).toEqual([
      expect.objectContaining({ check: 'api-stage-exists', status: 'fail', resource: `${MISSING_API}:${STAGE}` }),
    ]);
    expect(report.summary.fail).toBeGreaterThan(0);
  });

  it('serves the kept result for SECURITY_AUDIT_TTL and audits again with fresh=1', async () => {
    const first = (await http.get('/v1/admin/security', { token: admin })).body;
    const reads = fake.count('GetRestApi');
    const again = (await http.get('/v1/admin/security', { token: admin })).body;
    expect(again.checkedAt).toBe(first.checkedAt);
    expect(fake.count('GetRestApi')).toBe(reads);
    const fresh = (await http.get('/v1/admin/security?fresh=1', { token: admin })).body;
    expect(fresh.checkedAt).not.toBe(first.checkedAt);
    expect(fake.count('GetRestApi')).toBeGreaterThan(reads);
  });

  it('shows when a regression appeared: a new fail in the history, logged at warn and counted in /metrics', async () => {
    const newWafFails = async () =>
      Number(/keyport_security_audit_new_fails_total\{check="waf-attached"\} (\d+)/.exec((await http.get('/metrics')).text)?.[1] ?? 0);
    const before = await newWafFails();
    const stage = fake.restApis.stage(SECURE_API, STAGE);
    const acl = stage.webAclArn;
    delete stage.webAclArn;
    try {
      const report = (await http.get('/v1/admin/security?fresh=1', { token: admin })).body;
      expect(report.findings).toContainEqual(expect.objectContaining({ check: 'waf-attached', status: 'fail', resource: `${SECURE_API}:${STAGE}` }));
      const history = (await http.get('/v1/admin/security/history?limit=5', { token: admin })).body;
      expect(history.items[0]).toMatchObject({ checkedAt: report.checkedAt, newFails: [`waf-attached ${SECURE_API}:${STAGE}`] });
      expect(history.items[1].newFails).toEqual([]);
      expect(await newWafFails()).toBe(before + 1);
      expect((await http.get('/metrics')).text).toMatch(/keyport_security_audit_findings\{status="fail"\} \d+/);
      const log = await readFile(harness.logFile, 'utf8');
      const line = log.split('\n').find((l) => l.includes(`New security audit fail: waf-attached on ${SECURE_API}:${STAGE}`));
      expect(line && JSON.parse(line).level).toBe('warn');
    } finally {
      stage.webAclArn = acl;
    }
  });

  it('turns a missing IAM permission into warn findings naming the action, and still reports the rest', async () => {
    fake.denied.add('GetDomainNames');
    waf.denied.add('GetWebACL');
    try {
      const report = await http.get('/v1/admin/security?fresh=1', { token: admin });
      expect(report.status).toBe(200);
      const secure = report.body.findings.filter((f: any) => f.resource === `${SECURE_API}:${STAGE}`);
      expect(secure.find((f: any) => f.check === 'tls-policy')).toMatchObject({ status: 'warn', message: expect.stringContaining('apigateway:GET') });
      expect(secure.find((f: any) => f.check === 'execute-api-endpoint')).toMatchObject({ status: 'warn', message: expect.stringContaining('/domainnames') });
      expect(secure.find((f: any) => f.check === 'waf-rate-rule')).toMatchObject({ status: 'warn', message: expect.stringContaining('wafv2:GetWebACL') });
      expect(worstByCheck(report.body, INSECURE_API)['method-authorization']).toBe('fail');
      expect(secure.find((f: any) => f.check === 'tracing')).toMatchObject({ status: 'pass' });
    } finally {
      fake.denied.clear();
      waf.denied.clear();
    }
  });

  it('answers 503 when API Gateway cannot be reached, with nothing kept', async () => {
    const before = (await http.get('/v1/admin/security/history?limit=365', { token: admin })).body.items.length;
    fake.faults.serverErrorRate = 1;
    try {
      const report = await http.get('/v1/admin/security?fresh=1', { token: admin });
      expect(report.status).toBe(503);
      expect(report.body.code).toBe('UNAVAILABLE');
    } finally {
      fake.faults.serverErrorRate = 0;
    }
    expect((await http.get('/v1/admin/security/history?limit=365', { token: admin })).body.items.length).toBe(before);
  });
});

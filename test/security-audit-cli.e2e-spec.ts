import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayBootstrapService } from '@keyport/gateway-sync';
import { SecurityAuditService } from '@keyport/security-posture';
import { FakeApiGateway } from './fakes/api-gateway/fake-api-gateway';
import { FakeWafV2 } from './fakes/api-gateway/fake-wafv2';
import { awsEnv, useFakeAwsCredentials } from './support/aws-keyport';
import { tierPlanAtFake } from './support/gateway-plans';
import { CompiledWorker } from './support/compiled-worker';
import { KeyportHarness } from './support/keyport-harness';
import { INSECURE_API, SECURE_API, SECURE_METHOD, STAGE, manyResources, seedInsecureApi, seedSecureApi } from './support/security-fixtures';

const BIG_APIS = ['big0000001', 'big0000002', 'big0000003'];

describe('npm run gateway:audit in a pipeline, and an audit of large APIs under the GetResources quota', () => {
  let fake: FakeApiGateway;
  let waf: FakeWafV2;
  let harness: KeyportHarness;
  let worker: CompiledWorker;

  beforeAll(async () => {
    useFakeAwsCredentials();
    fake = await new FakeApiGateway({ quotas: { planUpdateWindowMs: 1_000 } }).start();
    waf = await new FakeWafV2().start();
    seedSecureApi(fake, waf);
    seedInsecureApi(fake, waf);
    for (const id of BIG_APIS) seedSecureApi(fake, waf, id, manyResources(600, SECURE_METHOD));
    const stages = [SECURE_API, INSECURE_API, ...BIG_APIS].map((id) => `${id}:${STAGE}`).join(',');
    [harness, worker] = await Promise.all([
      KeyportHarness.start({ env: awsEnv(fake, { API_STAGES: stages, AWS_ENDPOINT_URL_WAFV2: waf.url }) }),
      CompiledWorker.build(),
    ]);
    await harness.app.get(GatewayBootstrapService).run();
  }, 300_000);

  afterAll(async () => {
    await harness?.close();
    await fake?.stop();
    await waf?.stop();
    if (worker) await rm(worker.outDir, { recursive: true, force: true });
  });

  it('audits three APIs of 600 resources twice in a row without AWS throttling a call', async () => {
    fake.resetQuotas();
    const throttledBefore = fake.quotaThrottled;
    const audit = harness.app.get(SecurityAuditService);
    const started = Date.now();
    const first = await audit.report({ fresh: true });
    const second = await audit.report({ fresh: true });
    // 500 resources a page: two pages per API and run, under the quota of 5 every 2 seconds.
    expect(fake.count('GetResources')).toBe(BIG_APIS.length * 2 * 2 + 2 * 2);
    expect(fake.quotaThrottled - throttledBefore).toBe(0);
    for (const report of [first, second]) {
      const big = report.findings.filter((f) => BIG_APIS.some((id) => f.resource.startsWith(id)));
      expect(big.filter((f) => f.status !== 'pass')).toEqual([]);
      expect(big.find((f) => f.check === 'method-authorization')?.message).toContain('600 method(s)');
    }
    expect(Date.now() - started).toBeGreaterThan(1_000);
  });

  const cliEnv = (apiStages: string) => ({
    ...awsEnv(fake, { API_STAGES: apiStages, AWS_ENDPOINT_URL_WAFV2: waf.url }),
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: harness.dataDir,
    ...(harness.config.database.url ? { DATABASE_URL: harness.config.database.url } : {}),
  });

  it('exits 1 on the insecure API with --json listing the fails, and 0 on the secure one', { timeout: 180_000 }, async () => {
    // The CLI opens the same database (PGlite allows one process at a time).
    await harness.stop();
    const insecure = await worker.run('apps/worker/src/cli/gateway-audit.js', cliEnv(`${SECURE_API}:${STAGE},${INSECURE_API}:${STAGE}`), ['--json']);
    expect(insecure.stderr).toBe('');
    expect(insecure.code).toBe(1);
    const report = JSON.parse(insecure.stdout);
    expect(report).toMatchObject({ driver: 'aws', summary: { fail: expect.any(Number) } });
    expect(report.summary.fail).toBeGreaterThan(0);
    expect(report.findings).toContainEqual(expect.objectContaining({ check: 'method-authorization', status: 'fail', resource: `${INSECURE_API} GET /legacy` }));

    const secure = await worker.run('apps/worker/src/cli/gateway-audit.js', cliEnv(`${SECURE_API}:${STAGE}`));
    expect(secure.code).toBe(0);
    expect(secure.stdout).toMatch(/^Security audit \(aws driver\) at .*: \d+ pass, 0 warn, 0 fail$/m);
    expect(secure.stdout).toMatch(/^PASS method-authorization \[authentication, critical\] /m);

    // The tier plan losing the secure stage is a fail the pipeline catches.
    const planId = tierPlanAtFake(fake, 'premium')!;
    const plan = fake.state.plan(planId);
    plan.apiStages = plan.apiStages.filter((s) => s.apiId !== SECURE_API);
    const drifted = await worker.run('apps/worker/src/cli/gateway-audit.js', cliEnv(`${SECURE_API}:${STAGE}`));
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toMatch(/^FAIL stage-usage-plans \[rate-limiting, high\] secure0001:prod: Tier premium/m);
    expect(drifted.stdout).toContain('fix: Run `npm run gateway:bootstrap`');
  });
});

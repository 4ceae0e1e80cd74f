import { beforeAll, describe, expect, it } from 'vitest';
import { GatewayBootstrapService } from '@keyport/gateway-sync';
import { TiersRepository } from '../libs/tiers/src/tiers.repository';
import { API_STAGE, eventually, today, useAwsKeyport } from './support/aws-keyport';
import { outboxDrained } from './support/gateway-journey';
import { tierPlanAtFake } from './support/gateway-plans';
import { adminToken, expectErrorShape, signUpDeveloper, waitForKeyStatus } from './support/journey';

describe('developer journey on the aws driver, against a fake API Gateway with AWS quotas', () => {
  const aws = useAwsKeyport({ env: { AWS_MAX_API_KEYS: '3' } });
  let admin: string;

  beforeAll(async () => {
    admin = await adminToken(aws.http);
  });

  const planOf = (tier: string) => tierPlanAtFake(aws.fake, tier);
  const gatewayKey = (keyportId: string) => [...aws.fake.state.keys.values()].find((key) => key.name === `keyport-${keyportId}`);
  const plansOfGatewayKey = (id: string) => aws.fake.state.plansOfKey(id).map((plan) => plan.id);

  it('bootstraps one tagged plan per tier on the API stages, and running it again changes nothing', async () => {
    const bootstrap = aws.harness.app.get(GatewayBootstrapService);
    const first = await bootstrap.run();
    expect(first.map((plan) => plan.tier)).toEqual(['standard', 'premium']);
    expect(aws.fake.state.plans.size).toBe(2);
    const standard = aws.fake.state.plans.get(first[0].planId)!;
    expect(standard).toMatchObject({
      name: 'keyport-standard',
      apiStages: [{ apiId: API_STAGE.split(':')[0], stage: 'prod' }],
      throttle: { rateLimit: 100, burstLimit: 200 },
      quota: { limit: 1_000_000, period: 'MONTH' },
      tags: { 'keyport:tier': 'standard' },
    });

    const second = await bootstrap.run();
    expect(second.map((plan) => plan.planId)).toEqual(first.map((plan) => plan.planId));
    expect(second.every((plan) => !plan.newlyBound)).toBe(true);
    expect(aws.fake.state.plans.size).toBe(2);
    expect(aws.fake.appliedCount('CreateUsagePlan')).toBe(2);
    expect(aws.fake.appliedCount('UpdateUsagePlan')).toBe(0);

    // An edited tier is patched onto its plan by the next run; both tiers edited wait out the 1/window quota.
    // Edited in the database alone, without the outbox item the tier route queues, so only the run can patch the plans.
    const tiers = aws.harness.app.get(TiersRepository);
    await tiers.update('standard', { throttle: { rateLimit: 50, burstLimit: 100 } });
    await tiers.update('premium', { quota: { limit: 40_000_000, period: 'MONTH' } });
    await bootstrap.run();
    expect(aws.fake.state.plans.get(first[0].planId)!.throttle).toEqual({ rateLimit: 50, burstLimit: 100 });
    expect(aws.fake.state.plans.get(first[1].planId)!.quota).toMatchObject({ limit: 40_000_000 });
    expect(aws.fake.appliedCount('UpdateUsagePlan')).toBe(2);
  });

  it('creates a key with Keyport value and tags, places it, and answers provisioning then active', async () => {
    const dev = await signUpDeveloper(aws.http, admin);
    const created = await aws.http.post('/v1/keys', { name: 'production' }, { token: dev.token });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('provisioning');
    await waitForKeyStatus(aws.http, dev.token, created.body.id, 'active');

    const key = gatewayKey(created.body.id)!;
    expect(key.value).toBe(created.body.value);
    expect(key.enabled).toBe(true);
    expect(key.tags).toMatchObject({ 'keyport:key': created.body.id, 'keyport:developer': dev.id });
    expect(plansOfGatewayKey(key.id)).toEqual([planOf('standard')]);
    expect(aws.fake.state.creationsByName.get(key.name)).toBe(1);

    // Tier change: the key leaves the standard plan and joins the premium one.
    const deletesBefore = aws.fake.appliedCount('DeleteUsagePlanKey');
    const createsBefore = aws.fake.appliedCount('CreateUsagePlanKey');
    expect((await aws.http.put('/v1/me/tier', { tier: 'premium' }, { token: dev.token })).status).toBe(200);
    const premium = planOf('premium');
    await eventually(() => JSON.stringify(plansOfGatewayKey(key.id)) === JSON.stringify([premium]), 'key in the premium plan');
    expect(aws.fake.appliedCount('DeleteUsagePlanKey') - deletesBefore).toBe(1);
    expect(aws.fake.appliedCount('CreateUsagePlanKey') - createsBefore).toBe(1);

    // Rotation: the successor starts with what the old key had left, not a fresh quota.
    aws.fake.state.recordUsage(premium!, key.id, today(), 1_234);
    const rotated = await aws.http.post(`/v1/keys/${created.body.id}/rotate`, { gracePeriodSeconds: 3600 }, { token: dev.token });
    expect(rotated.status).toBe(201);
    await waitForKeyStatus(aws.http, dev.token, rotated.body.id, 'active');
    const successor = gatewayKey(rotated.body.id)!;
    expect(successor.value).toBe(rotated.body.value);
    const usage = aws.fake.state.usage(premium!, today(), today(), successor.id).get(successor.id)!;
    expect(usage.at(-1)![1]).toBe(40_000_000 - 1_234);

    // Revocation deletes the key at the gateway.
    expect((await aws.http.delete(`/v1/keys/${created.body.id}`, { token: dev.token })).status).toBe(204);
    await eventually(() => !aws.fake.state.keys.has(key.id), 'old key deleted at the gateway');
    expect(aws.fake.state.keys.has(successor.id)).toBe(true);

    // Capacity: AWS_MAX_API_KEYS=3 here; the fourth live key is refused before AWS would refuse it.
    expect((await aws.http.post('/v1/keys', { name: 'two' }, { token: dev.token })).status).toBe(201);
    expect((await aws.http.post('/v1/keys', { name: 'three' }, { token: dev.token })).status).toBe(201);
    const refused = await aws.http.post('/v1/keys', { name: 'four' }, { token: dev.token });
    expect(refused.status).toBe(409);
    expectErrorShape(refused.body, 409);
    expect(refused.body.message).toContain('at most 3 API keys');
  });

  it('coalesces tier edits inside the UpdateUsagePlan window into one call', async () => {
    const planId = planOf('standard')!;
    const edit = async (rateLimit: number) => {
      expect((await aws.http.put('/v1/admin/tiers/standard', { throttle: { rateLimit, burstLimit: 100 } }, { token: admin })).status).toBe(200);
    };
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // an open window
    const before = aws.fake.appliedCount('UpdateUsagePlan');
    await edit(61);
    await eventually(() => aws.fake.state.plan(planId).throttle?.rateLimit === 61, 'first edit applied');
    // Three more edits inside the window: they wait for it, then one call applies the newest.
    await edit(62);
    await edit(63);
    await edit(64);
    await outboxDrained(aws.http, admin);
    expect(aws.fake.state.plan(planId).throttle?.rateLimit).toBe(64);
    expect(aws.fake.appliedCount('UpdateUsagePlan') - before).toBe(2);
  });

  it('reports the aws driver in /health/ready', async () => {
    const ready = await aws.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.gateway).toBe('ok');
    expect(ready.body.gateway).toMatchObject({ driver: 'aws', region: 'us-east-1', keys: { used: 3, limit: 3 }, sync: { dead: 0 } });
    expect(ready.body.gateway.calls.sent).toBeGreaterThan(0);
  });

  it('answers 503 in the one error shape when an on-demand usage sync finds AWS down', async () => {
    aws.fake.faults.serverErrorRate = 1;
    try {
      const result = await aws.http.post('/v1/admin/gateway/usage-sync', { days: 1 }, { token: admin });
      expect(result.status).toBe(503);
      expectErrorShape(result.body, 503);
    } finally {
      aws.fake.faults.serverErrorRate = 0;
    }
    const again = await aws.http.post('/v1/admin/gateway/usage-sync', { days: 1 }, { token: admin });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ from: today(), to: today(), plans: 2 });
    expect((await aws.http.post('/v1/admin/gateway/usage-sync', { days: 91 }, { token: admin })).status).toBe(400);
  });
});

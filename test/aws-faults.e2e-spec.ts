import { describe, expect, it } from 'vitest';
import { useAwsKeyport } from './support/aws-keyport';
import { outboxDrained } from './support/gateway-journey';
import { tierPlanAtFake } from './support/gateway-plans';
import { adminToken, signUpDeveloper } from './support/journey';

describe('aws driver under 20% injected throttles and 5xx', () => {
  const aws = useAwsKeyport({ fake: { seed: 7 } });

  it('converges on every operation, with no duplicate key and no error reaching a developer', async () => {
    const admin = await adminToken(aws.http);
    aws.fake.faults = { latencyMs: 3, throttleRate: 0.1, serverErrorRate: 0.1 };
    const developers = [];
    for (let i = 0; i < 4; i++) developers.push(await signUpDeveloper(aws.http, admin));
    const userErrors: string[] = [];
    const check = (what: string, status: number, expected: number) => {
      if (status !== expected) userErrors.push(`${what}: ${status}`);
    };

    const keys: Array<{ id: string; dev: number }> = [];
    for (const [index, dev] of developers.entries()) {
      for (let k = 0; k < 3; k++) {
        const created = await aws.http.post('/v1/keys', { name: `k${k}` }, { token: dev.token });
        check('create', created.status, 201);
        keys.push({ id: created.body.id, dev: index });
      }
    }
    // Meanwhile: two developers change tier, two keys are revoked, two rotated with no grace.
    for (const dev of developers.slice(0, 2)) check('tier', (await aws.http.put('/v1/me/tier', { tier: 'premium' }, { token: dev.token })).status, 200);
    for (const key of [keys[2], keys[5]]) check('revoke', (await aws.http.delete(`/v1/keys/${key.id}`, { token: developers[key.dev].token })).status, 204);
    for (const key of [keys[6], keys[9]]) {
      const rotated = await aws.http.post(`/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 0 }, { token: developers[key.dev].token });
      check('rotate', rotated.status, 201);
      keys.push({ id: rotated.body.id, dev: key.dev });
    }
    expect(userErrors).toEqual([]);

    await outboxDrained(aws.http, admin, 120_000);

    const plan = { standard: tierPlanAtFake(aws.fake, 'standard'), premium: tierPlanAtFake(aws.fake, 'premium') };
    const liveAtGateway = new Map([...aws.fake.state.keys.values()].map((key) => [key.tags['keyport:key'], key]));
    for (const key of keys) {
      const listed = await aws.http.get(`/v1/keys/${key.id}`, { token: developers[key.dev].token });
      const gatewayKey = liveAtGateway.get(key.id);
      if (listed.body.status === 'revoked') {
        expect(gatewayKey, `revoked key ${key.id} still at the gateway`).toBeUndefined();
        continue;
      }
      expect(listed.body.status).toBe('active');
      expect(gatewayKey, `live key ${key.id} missing at the gateway`).toBeDefined();
      expect(gatewayKey!.enabled).toBe(true);
      const wanted = key.dev < 2 ? plan.premium : plan.standard;
      expect(aws.fake.state.plansOfKey(gatewayKey!.id).map((p) => p.id)).toEqual([wanted]);
    }
    expect(aws.fake.state.keys.size).toBe(keys.length - 4);
    expect([...aws.fake.state.creationsByName.values()].every((count) => count === 1)).toBe(true);
    // The faults really happened, at about the rate asked for.
    const received = [...aws.fake.received.values()].reduce((sum, n) => sum + n, 0);
    expect(aws.fake.injected.throttles).toBeGreaterThan(0);
    expect(aws.fake.injected.serverErrors).toBeGreaterThan(0);
    expect(aws.fake.injected.throttles + aws.fake.injected.serverErrors).toBeGreaterThan(received * 0.1);
  });
});

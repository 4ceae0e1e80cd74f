import { describe, expect, it } from 'vitest';
import { GatewayReconcilerService } from '@keyport/gateway-sync';
import { useAwsKeyport } from './support/aws-keyport';
import { tierPlanAtFake } from './support/gateway-plans';
import { adminToken, signUpDeveloper, waitForKeyStatus } from './support/journey';

describe('reconciliation with AWS after drift behind Keyport back', () => {
  const aws = useAwsKeyport({ bootstrap: true });

  it('finds a deleted key, a moved key, a disabled key, a stray key and an edited plan; a dry run changes nothing; a run repairs all', async () => {
    const dev = await signUpDeveloper(aws.http, await adminToken(aws.http));
    const ids: string[] = [];
    for (const name of ['deleted', 'moved', 'disabled', 'untouched']) {
      const created = await aws.http.post('/v1/keys', { name }, { token: dev.token });
      await waitForKeyStatus(aws.http, dev.token, created.body.id, 'active');
      ids.push(created.body.id);
    }
    const gatewayId = (keyportId: string) => [...aws.fake.state.keys.values()].find((key) => key.tags['keyport:key'] === keyportId)!.id;
    const [deleted, moved, disabled] = ids.map(gatewayId);
    const standard = tierPlanAtFake(aws.fake, 'standard')!;
    const premium = tierPlanAtFake(aws.fake, 'premium')!;

    // Drift made directly in the account, as a colleague with the console might.
    aws.fake.state.deleteKey(deleted);
    aws.fake.state.removeKeyFromPlan(standard, moved);
    aws.fake.state.addKeyToPlan(premium, moved);
    aws.fake.state.updateKey(disabled, [{ op: 'replace', path: '/enabled', value: 'false' }]);
    const stray = aws.fake.state.createKey({
      name: 'keyport-stray',
      value: 'kpStrayValue0123456789abcdefghij',
      enabled: true,
      tags: { 'keyport:key': '00000000-0000-4000-8000-000000000000' },
    });
    const foreign = aws.fake.state.createKey({ name: 'someone-else', value: 'foreignValue0123456789abcdefghij', enabled: true });
    aws.fake.state.updatePlan(premium, [{ op: 'replace', path: '/throttle/rateLimit', value: '5' }]);

    const reconciler = aws.harness.app.get(GatewayReconcilerService);
    const dry = await reconciler.run({ dryRun: true, trigger: { by: 'command' } });
    expect(dry.findings.map((finding) => finding.kind).sort()).toEqual(['missing-key', 'plan-settings', 'stray-key', 'wrong-enabled', 'wrong-plan']);
    expect(dry.repaired).toBe(0);
    expect(aws.fake.state.keys.has(stray.id)).toBe(true);
    expect(aws.fake.state.plansOfKey(moved).map((plan) => plan.id)).toEqual([premium]);

    const report = await reconciler.run({ dryRun: false, trigger: { by: 'command' } });
    expect(report.repaired).toBe(5);
    expect(aws.fake.state.keys.has(stray.id)).toBe(false);
    expect(aws.fake.state.keys.has(foreign.id)).toBe(true);
    expect(aws.fake.state.plansOfKey(moved).map((plan) => plan.id)).toEqual([standard]);
    expect(aws.fake.state.key(disabled).enabled).toBe(true);
    expect(aws.fake.state.plan(premium).throttle?.rateLimit).toBe(1_000);
    // The lost key's value cannot come back: Keyport now shows it revoked.
    expect((await aws.http.get(`/v1/keys/${ids[0]}`, { token: dev.token })).body.status).toBe('revoked');
    expect((await aws.http.get(`/v1/keys/${ids[3]}`, { token: dev.token })).body.status).toBe('active');

    const again = await reconciler.run({ dryRun: false, trigger: { by: 'command' } });
    expect(again.findings).toEqual([]);
  });
});

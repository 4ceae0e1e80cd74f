import { describe, expect, it } from 'vitest';
import { type GatewayDriver } from '@keyport/api-gateway';
import { type ApiKey, type KeyGatewayStateService } from '@keyport/keys';
import { apiKeyFixture } from '../../../test/support/api-key-fixture';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { outboxItemFixture } from '../../../test/support/outbox-item-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type PlanSyncService } from './plan-sync.service';
import { QuotaGrantHandler } from './quota-grant.handler';
import { type QuotaGrantMarksRepository } from './quota-grant-marks.repository';

const GRANT = { grantId: '12', keyId: 'key-1', requests: 500 };

function world(key: ApiKey | null, alreadyApplied = false) {
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const inside = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (outside the transaction)'}`);
  const driver = strictFake<GatewayDriver>('GatewayDriver', {
    adjustRemainingQuota: async (planId: string, gatewayKeyId: string, delta: number) => void inside(`adjust ${planId} ${gatewayKeyId} ${delta}`),
  });
  const keys = strictFake<KeyGatewayStateService>('KeyGatewayStateService', { find: async () => key });
  const plans = strictFake<PlanSyncService>('PlanSyncService', { planIdForDeveloper: recorder(async () => 'plan-dev') });
  const marks = strictFake<QuotaGrantMarksRepository>('QuotaGrantMarksRepository', {
    isApplied: recorder(async () => alreadyApplied),
    markApplied: async (grantId: bigint, keyId: string) => void inside(`mark ${grantId} ${keyId}`),
  });
  return { handler: new QuotaGrantHandler(driver, keys, plans, marks, transactions.asTransactions()), effects, marks, plans };
}

describe('QuotaGrantHandler', () => {
  it("adds the grant to the key's remaining quota in its plan and marks it applied, together", async () => {
    const { handler, effects, marks, plans } = world(apiKeyFixture());
    await handler.handle(outboxItemFixture(GRANT));
    expect(plans.planIdForDeveloper).toHaveProperty('calls', [['dev-1']]);
    expect(marks.isApplied).toHaveProperty('calls', [[12n, 'key-1']]);
    expect(effects).toEqual(['adjust plan-dev gw-key-1 500', 'mark 12 key-1']);
  });

  it('adds nothing twice when the item is retried after it was applied', async () => {
    const { handler, effects } = world(apiKeyFixture(), true);
    await handler.handle(outboxItemFixture(GRANT, 2));
    expect(effects).toEqual([]);
  });

  it('skips a key gone or revoked, and retries later for a key not at the gateway yet', async () => {
    for (const key of [null, apiKeyFixture({ status: 'REVOKED' })]) {
      const { handler, effects } = world(key);
      await handler.handle(outboxItemFixture(GRANT));
      expect(effects).toEqual([]);
    }
    const { handler, effects } = world(apiKeyFixture({ status: 'PROVISIONING', gatewayKeyId: null }));
    await expect(handler.handle(outboxItemFixture(GRANT))).rejects.toThrow('Key key-1 is not at the gateway yet');
    expect(effects).toEqual([]);
  });
});

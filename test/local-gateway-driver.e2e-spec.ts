import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayChangeFeed, LocalGatewayDriver } from '@keyport/api-gateway';
import { Db } from '@keyport/db';
import { GatewayStateSync } from '@keyport/embedded-gateway';
import { KeyportHarness } from './support/keyport-harness';

/**
 * The embedded default's gateway driver is idempotent as API Gateway's name lookups make the AWS
 * driver: two callers that both find no plan or key of a name (a start's bootstrap and a queued sync,
 * two workers) end with one, and neither fails.
 */
describe('the local gateway driver under concurrent calls', () => {
  let harness: KeyportHarness;
  let driver: LocalGatewayDriver;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    driver = harness.app.get(LocalGatewayDriver);
  });

  afterAll(() => harness?.close());

  it('makes one usage plan of a new name upserted five times at once, and none of the calls fails', async () => {
    const name = `keyport-race-${Date.now()}`;
    const settings = (rateLimit: number) => ({ name, throttle: { rateLimit, burstLimit: 10 }, quota: { limit: 1000, period: 'DAY' as const }, tags: {} });
    const ids = await Promise.all([1, 2, 3, 4, 5].map((rate) => driver.upsertUsagePlan(settings(rate))));
    expect(new Set(ids).size).toBe(1);
    const plans = (await driver.listPlans()).filter((plan) => plan.name === name);
    expect(plans).toHaveLength(1);
    expect(plans[0].id).toBe(ids[0]);
  });

  it('makes one key of a new name created five times at once', async () => {
    const spec = { name: `keyport-race-key-${Date.now()}`, value: 'kp-race-value-0123456789', enabled: true, tags: {} };
    const keys = await Promise.all([1, 2, 3, 4, 5].map(() => driver.createApiKey(spec)));
    expect(new Set(keys.map((key) => key.id)).size).toBe(1);
    expect((await driver.listApiKeys()).filter((key) => key.name === spec.name)).toHaveLength(1);
  });

  it('tells the embedded gateway of a change made inside a transaction only once it has committed, and the reload it wakes succeeds', async () => {
    const db = harness.app.get(Db);
    const sync = harness.app.get(GatewayStateSync);
    const publishedInTransaction: boolean[] = [];
    const unsubscribe = harness.app.get(GatewayChangeFeed).subscribe(() => publishedInTransaction.push(db.inTransaction));
    try {
      const key = await driver.createApiKey({ name: `keyport-tx-key-${Date.now()}`, value: 'kp-tx-value-0123456789', enabled: true, tags: {} });
      // As the quota-grant handler does: the driver's write and the handler's mark commit together.
      await db.transaction(() => driver.setApiKeyEnabled(key.id, false));
      // Before the fix the reload woken inside the transaction read through its closed client and failed.
      await expect(sync.reload()).resolves.toBeUndefined();
      expect(publishedInTransaction.length).toBeGreaterThanOrEqual(2);
      expect(publishedInTransaction).not.toContain(true);
    } finally {
      unsubscribe();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { type ApiKey, type KeyGatewayStateService } from '@keyport/keys';
import { apiKeyFixture } from '../../../test/support/api-key-fixture';
import { outboxItemFixture } from '../../../test/support/outbox-item-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type KeyPlacement } from './key-placement';
import { KeySyncHandler } from './key-sync.handler';

function handle(key: ApiKey | null) {
  const keys = strictFake<KeyGatewayStateService>('KeyGatewayStateService', { find: async () => key });
  const placement = strictFake<KeyPlacement>('KeyPlacement', {
    place: recorder(async () => ({ planId: 'plan-1', quota: { limit: 1, period: 'DAY' as const } })),
  });
  return { done: new KeySyncHandler(keys, placement).handle(outboxItemFixture({ keyId: 'key-1', reason: 'tier-change' })), placement };
}

describe('KeySyncHandler', () => {
  it("places a key at the gateway in its developer's plan", async () => {
    const { done, placement } = handle(apiKeyFixture());
    await done;
    expect(placement.place).toHaveProperty('calls', [[{ id: 'key-1', gatewayKeyId: 'gw-key-1', developerId: 'dev-1' }]]);
  });

  it('leaves a key gone, revoked, or not yet at the gateway (its provisioning places it)', async () => {
    for (const key of [null, apiKeyFixture({ status: 'REVOKED' }), apiKeyFixture({ status: 'PROVISIONING', gatewayKeyId: null })]) {
      const { done, placement } = handle(key);
      await done;
      expect(placement.place).toHaveProperty('calls', []);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { type GatewayDriver, type PlanBindingsService } from '@keyport/api-gateway';
import { type Developer, type DeveloperAccountsService } from '@keyport/developers';
import { type KeysService } from '@keyport/keys';
import { apiKeyFixture } from '../../../test/support/api-key-fixture';
import { developerFixture } from '../../../test/support/developer-fixture';
import { outboxItemFixture } from '../../../test/support/outbox-item-fixture';
import { strictFake } from '../../../test/support/strict-fake';
import { DeveloperPlanCleanupHandler } from './developer-plan-cleanup.handler';
import { type KeyPlacement, type PlacedKey } from './key-placement';

function world(developer: Developer | null, ownPlan: string | null = 'plan-own') {
  const calls: string[] = [];
  const driver = strictFake<GatewayDriver>('GatewayDriver', { deleteUsagePlan: async (planId: string) => void calls.push(`deletePlan ${planId}`) });
  const bindings = strictFake<PlanBindingsService>('PlanBindingsService', {
    planIdOf: async (owner: string) => (owner === 'developer:dev-1' ? ownPlan : null),
    unbind: async (owner: string) => void calls.push(`unbind ${owner}`),
  });
  const developers = strictFake<DeveloperAccountsService>('DeveloperAccountsService', { find: async () => developer });
  const keys = strictFake<KeysService>('KeysService', {
    listLive: async () => [apiKeyFixture(), apiKeyFixture({ id: 'key-2', status: 'PROVISIONING', gatewayKeyId: null })],
  });
  const placement = strictFake<KeyPlacement>('KeyPlacement', {
    place: async (key: PlacedKey) => (calls.push(`place ${key.id} ${key.gatewayKeyId}`), { planId: 'plan-tier', quota: { limit: 1, period: 'DAY' as const } }),
  });
  return { handler: new DeveloperPlanCleanupHandler(driver, bindings, developers, keys, placement), calls };
}

const ITEM = outboxItemFixture({ developerId: 'dev-1' });

describe('DeveloperPlanCleanupHandler', () => {
  it("moves every provisioned key back to the tier's plan before deleting the developer's own plan", async () => {
    const { handler, calls } = world(developerFixture());
    await handler.handle(ITEM);
    expect(calls).toEqual(['place key-1 gw-key-1', 'deletePlan plan-own', 'unbind developer:dev-1']);
  });

  it('does nothing when the developer got an override again, or has no plan of their own', async () => {
    const again = world(developerFixture({ quotaOverride: { limit: 10, period: 'DAY' } }));
    await again.handler.handle(ITEM);
    expect(again.calls).toEqual([]);
    const none = world(developerFixture(), null);
    await none.handler.handle(ITEM);
    expect(none.calls).toEqual([]);
  });

  it('deletes the plan of a developer who is gone without moving keys', async () => {
    const { handler, calls } = world(null);
    await handler.handle(ITEM);
    expect(calls).toEqual(['deletePlan plan-own', 'unbind developer:dev-1']);
  });
});

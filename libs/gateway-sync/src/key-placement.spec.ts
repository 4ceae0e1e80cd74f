import { describe, expect, it } from 'vitest';
import { type GatewayDriver, GatewayConflictError } from '@keyport/api-gateway';
import { type Developer, type DeveloperAccountsService } from '@keyport/developers';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { KeyPlacement, type KnownPlacement } from './key-placement';
import { type KeyPlacementsRepository, type RecordedPlacement } from './key-placements.repository';
import { type PlanSyncService } from './plan-sync.service';

const KEY = { id: 'key-1', gatewayKeyId: 'gw-1', developerId: 'dev-1' };

function world(options: { recorded?: RecordedPlacement | null; atGateway?: string[]; developer?: Developer; attachConflicts?: boolean } = {}) {
  const calls: string[] = [];
  let conflicts = options.attachConflicts ?? false;
  const driver = strictFake<GatewayDriver>('GatewayDriver', {
    plansOfKey: async () => (calls.push('plansOfKey'), options.atGateway ?? []),
    detachKeyFromPlan: async (_key: string, planId: string) => void calls.push(`detach ${planId}`),
    attachKeyToPlan: async (_key: string, planId: string) => {
      calls.push(`attach ${planId}`);
      if (conflicts) {
        conflicts = false;
        throw new GatewayConflictError('already in a plan of this stage');
      }
    },
    setApiKeyEnabled: async (_key: string, enabled: boolean) => void calls.push(`enabled ${enabled}`),
  });
  const plans = strictFake<PlanSyncService>('PlanSyncService', {
    targetForDeveloper: async () => ({ planId: 'plan-new', quota: { limit: 5, period: 'DAY' as const } }),
  });
  const developers = strictFake<DeveloperAccountsService>('DeveloperAccountsService', { find: async () => options.developer ?? developerFixture() });
  const placements = strictFake<KeyPlacementsRepository>('KeyPlacementsRepository', {
    find: async () => options.recorded ?? null,
    record: recorder(async () => undefined),
  });
  return { placement: new KeyPlacement(driver, plans, developers, placements), calls, placements };
}

describe('KeyPlacement', () => {
  it('moves a key from the plan last applied to its target, with two calls and no lookup, and records it', async () => {
    const { placement, calls, placements } = world({ recorded: { keyId: 'key-1', gatewayKeyId: 'gw-1', planId: 'plan-old', enabled: true } });
    expect(await placement.place(KEY)).toEqual({ planId: 'plan-new', quota: { limit: 5, period: 'DAY' } });
    expect(calls).toEqual(['detach plan-old', 'attach plan-new']);
    expect(placements.record).toHaveProperty('calls', [[{ keyId: 'key-1', gatewayKeyId: 'gw-1', planId: 'plan-new', enabled: true }]]);
  });

  it('touches nothing for a key already where it belongs', async () => {
    const { placement, calls } = world({ recorded: { keyId: 'key-1', gatewayKeyId: 'gw-1', planId: 'plan-new', enabled: true } });
    await placement.place(KEY);
    expect(calls).toEqual([]);
  });

  it("asks the gateway when the record is missing or is of another gateway key, and disables a suspended developer's key", async () => {
    const { placement, calls } = world({
      recorded: { keyId: 'key-1', gatewayKeyId: 'gw-old', planId: 'plan-new', enabled: true },
      atGateway: ['plan-a', 'plan-new'],
      developer: developerFixture({ status: 'SUSPENDED' }),
    });
    await placement.place(KEY);
    expect(calls).toEqual(['plansOfKey', 'detach plan-a', 'enabled false']);
  });

  it('trusts what the caller knows over the record', async () => {
    const known: KnownPlacement = { planIds: [], enabled: true };
    const { placement, calls } = world({ recorded: { keyId: 'key-1', gatewayKeyId: 'gw-1', planId: 'plan-new', enabled: false } });
    await placement.place(KEY, known);
    expect(calls).toEqual(['attach plan-new']);
  });

  it('on a conflict (a stale record), moves the key from where the gateway says it is', async () => {
    const { placement, calls } = world({ recorded: null, atGateway: ['plan-elsewhere'], attachConflicts: true });
    await placement.place(KEY, { planIds: [], enabled: true });
    expect(calls).toEqual(['attach plan-new', 'plansOfKey', 'detach plan-elsewhere', 'attach plan-new']);
  });
});

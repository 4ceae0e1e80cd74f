import { describe, expect, it } from 'vitest';
import { GatewayUnavailableError, type PlanBindingsService } from '@keyport/api-gateway';
import { DEFAULT_TIERS, type Tier, type TiersService } from '@keyport/tiers';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { GatewayBootstrapService } from './gateway-bootstrap.service';
import { type PlanSyncService } from './plan-sync.service';

describe('GatewayBootstrapService', () => {
  it('syncs one plan per tier, waiting out a gateway that asks for patience, and says which plans it bound anew', async () => {
    let paced = true;
    const tiers = strictFake<TiersService>('TiersService', { list: async () => [...DEFAULT_TIERS] });
    const plans = strictFake<PlanSyncService>('PlanSyncService', {
      syncTier: recorder(async (tier: Tier) => {
        if (tier.slug === 'premium' && paced) {
          paced = false;
          throw new GatewayUnavailableError('UpdateUsagePlan is paced', 1);
        }
        return `plan-${tier.slug}`;
      }),
    });
    const bindings = strictFake<PlanBindingsService>('PlanBindingsService', {
      // Premium's recorded plan was deleted at the gateway: the sync made another.
      planIdOf: async (owner: string) => (owner === 'tier:standard' ? 'plan-standard' : 'plan-deleted'),
    });
    expect(await new GatewayBootstrapService(tiers, plans, bindings).run()).toEqual([
      { tier: 'standard', planName: 'keyport-standard', planId: 'plan-standard', newlyBound: false },
      { tier: 'premium', planName: 'keyport-premium', planId: 'plan-premium', newlyBound: true },
    ]);
    expect((plans.syncTier as unknown as { calls: unknown[] }).calls).toHaveLength(3);
  });
});

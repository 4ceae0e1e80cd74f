import { describe, expect, it } from 'vitest';
import { PermanentOutboxError } from '@keyport/outbox';
import { DEFAULT_TIERS, type Tier, type TiersService } from '@keyport/tiers';
import { outboxItemFixture } from '../../../test/support/outbox-item-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { PlanSyncHandler } from './plan-sync.handler';
import { type PlanSyncService } from './plan-sync.service';

function handler(stored: Tier | null) {
  const tiers = strictFake<TiersService>('TiersService', { find: recorder(async () => stored) });
  const plans = strictFake<PlanSyncService>('PlanSyncService', { syncTier: recorder(async () => 'plan-1') });
  return { handler: new PlanSyncHandler(tiers, plans), tiers, plans };
}

describe('PlanSyncHandler', () => {
  it('applies the tier as stored now to its plan (queued edits converge on the newest)', async () => {
    const { handler: sync, tiers, plans } = handler(DEFAULT_TIERS[1]);
    await sync.handle(outboxItemFixture({ tier: 'premium' }));
    expect(tiers.find).toHaveProperty('calls', [['premium']]);
    expect(plans.syncTier).toHaveProperty('calls', [[DEFAULT_TIERS[1]]]);
  });

  it('parks the item for good when the tier no longer exists', async () => {
    const { handler: sync, plans } = handler(null);
    await expect(sync.handle(outboxItemFixture({ tier: 'gone' }))).rejects.toBeInstanceOf(PermanentOutboxError);
    expect(plans.syncTier).toHaveProperty('calls', []);
  });
});

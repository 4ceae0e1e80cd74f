import { Injectable } from '@nestjs/common';
import { OutboxHandler, type OutboxItem, PermanentOutboxError } from '@keyport/outbox';
import { PLAN_SYNC, type PlanSyncMessage, TiersService } from '@keyport/tiers';
import { PlanSyncService } from './plan-sync.service';

/** Applies a tier's current throttle and quota to its usage plan (after an admin edit). */
@Injectable()
export class PlanSyncHandler extends OutboxHandler<PlanSyncMessage> {
  readonly message = PLAN_SYNC;

  constructor(
    private readonly tiers: TiersService,
    private readonly plans: PlanSyncService,
  ) {
    super();
  }

  async handle(item: OutboxItem<PlanSyncMessage>): Promise<void> {
    const { tier: slug } = item.payload;
    const tier = await this.tiers.find(slug);
    if (!tier) throw new PermanentOutboxError(`Tier ${slug} not found`);
    // Reads the tier now, not from the payload: several queued edits converge on the newest state.
    await this.plans.syncTier(tier);
  }
}

import { Injectable } from '@nestjs/common';
import { PlanBindingsService, planName, planOwner } from '@keyport/api-gateway';
import { TiersService } from '@keyport/tiers';
import { withPatience } from './paced-retry';
import { PlanSyncService } from './plan-sync.service';

export interface BootstrappedPlan {
  tier: string;
  planName: string;
  planId: string;
  /** Whether this run recorded a plan id the database did not hold before. */
  newlyBound: boolean;
}

/**
 * Creates or updates one usage plan per tier (`keyport-<tier>`, tagged, on the API stages of
 * API_STAGES) and records the plan ids. Safe to run again and again: it finds plans by their
 * recorded id or their name and only patches what differs.
 */
@Injectable()
export class GatewayBootstrapService {
  constructor(
    private readonly tiers: TiersService,
    private readonly plans: PlanSyncService,
    private readonly bindings: PlanBindingsService,
  ) {}

  async run(): Promise<BootstrappedPlan[]> {
    const result: BootstrappedPlan[] = [];
    for (const tier of await this.tiers.list()) {
      const before = await this.bindings.planIdOf(planOwner.tier(tier.slug));
      const planId = await withPatience(() => this.plans.syncTier(tier));
      result.push({ tier: tier.slug, planName: planName.tier(tier.slug), planId, newlyBound: before !== planId });
    }
    return result;
  }
}

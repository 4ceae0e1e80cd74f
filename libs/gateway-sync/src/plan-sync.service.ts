import { Injectable } from '@nestjs/common';
import { GATEWAY_TAG, GatewayDriver, PlanBindingsService, planName, planOwner } from '@keyport/api-gateway';
import { DeveloperAccountsService } from '@keyport/developers';
import { type Quota, type Tier, TiersService } from '@keyport/tiers';

/** The plan a developer's keys belong in, with the quota it applies. */
export interface PlanTarget {
  planId: string;
  quota: Quota;
}

/** Creates or updates the gateway usage plans that mirror tiers and developer-specific quotas. */
@Injectable()
export class PlanSyncService {
  constructor(
    private readonly driver: GatewayDriver,
    private readonly bindings: PlanBindingsService,
    private readonly tiers: TiersService,
    private readonly developers: DeveloperAccountsService,
  ) {}

  async syncAllTiers(): Promise<Array<{ tier: string; planId: string }>> {
    const result = [];
    for (const tier of await this.tiers.list()) result.push({ tier: tier.slug, planId: await this.syncTier(tier) });
    return result;
  }

  async syncTier(tier: Tier): Promise<string> {
    const owner = planOwner.tier(tier.slug);
    const planId = await this.driver.upsertUsagePlan(
      { name: planName.tier(tier.slug), throttle: tier.throttle, quota: tier.quota, tags: { [GATEWAY_TAG.tier]: tier.slug } },
      (await this.bindings.planIdOf(owner)) ?? undefined,
    );
    await this.bindings.bind(owner, planId);
    return planId;
  }

  /** The plan a developer's keys belong in now: their own when an admin gave them a quota, else their tier's. */
  async planIdForDeveloper(developerId: string): Promise<string> {
    return (await this.targetForDeveloper(developerId)).planId;
  }

  async targetForDeveloper(developerId: string): Promise<PlanTarget> {
    const developer = await this.developers.find(developerId);
    if (!developer) throw new Error(`Developer ${developerId} not found`);
    const tier = await this.tiers.find(developer.tierSlug);
    if (!tier) throw new Error(`Tier ${developer.tierSlug} not found`);
    if (!developer.quotaOverride) {
      return { planId: (await this.bindings.planIdOf(planOwner.tier(tier.slug))) ?? (await this.syncTier(tier)), quota: tier.quota };
    }
    const owner = planOwner.developer(developerId);
    const planId = await this.driver.upsertUsagePlan(
      {
        name: planName.developer(developerId),
        throttle: tier.throttle,
        quota: developer.quotaOverride,
        tags: { [GATEWAY_TAG.developer]: developerId },
      },
      (await this.bindings.planIdOf(owner)) ?? undefined,
    );
    await this.bindings.bind(owner, planId);
    return { planId, quota: developer.quotaOverride };
  }
}

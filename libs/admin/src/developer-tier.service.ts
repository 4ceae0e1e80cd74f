import { Injectable } from '@nestjs/common';
import { BillingService } from '@keyport/billing';
import { type Developer, DeveloperAccountsService } from '@keyport/developers';

/**
 * An admin's tier change goes through billing, whose rule decides what happens to a subscription
 * paying for another tier (ended at once, never billed); the keys move plans with the tier.
 */
@Injectable()
export class DeveloperTierService {
  constructor(
    private readonly billing: BillingService,
    private readonly developers: DeveloperAccountsService,
  ) {}

  async change(id: string, tierSlug: string): Promise<Developer> {
    await this.billing.adminChangeTier(id, tierSlug);
    return this.developers.get(id);
  }
}

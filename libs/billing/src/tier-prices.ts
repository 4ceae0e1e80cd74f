import { Injectable } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { type Tier, TiersService } from '@keyport/tiers';

/** Which Stripe price grants which tier: the tier's own `stripePriceId`, else `STRIPE_PRICE_<TIER>`. */
@Injectable()
export class TierPrices {
  constructor(
    private readonly config: AppConfig,
    private readonly tiers: TiersService,
  ) {}

  priceOf(tier: Tier): string | null {
    return tier.stripePriceId ?? this.config.billing?.prices[tier.slug] ?? null;
  }

  async tierOfPrice(priceId: string): Promise<string | null> {
    const tiers = await this.tiers.list();
    return tiers.find((tier) => this.priceOf(tier) === priceId)?.slug ?? null;
  }
}

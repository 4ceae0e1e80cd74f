import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { type Tier, TiersService } from '@keyport/tiers';
import { BillingProvider } from './billing-provider.port';
import { type TierPrice } from './billing-types';
import { TierPrices } from './tier-prices';

/** A tier as offered to developers: `paid` when a Stripe price grants it (billing on), with what that price charges. */
export interface OfferedTier {
  tier: Tier;
  paid: boolean;
  /** Null with billing off, for a free tier, or while Stripe cannot be reached. */
  price: TierPrice | null;
}

/** How long a price read from Stripe is trusted: prices are immutable there, but a tier may be pointed at another. */
const PRICE_TTL_MS = 5 * 60_000;

/**
 * The tiers with their prices, read from Stripe when billing is on and cached per price id, so the
 * public tier list costs Stripe at most one call per price every few minutes. Stripe being down
 * leaves the price out (the tier still shows, as paid) rather than failing the list.
 */
@Injectable()
export class TierCatalogue {
  private readonly logger = new Logger(TierCatalogue.name);
  private readonly cache = new Map<string, { price: TierPrice | null; until: number }>();

  constructor(
    private readonly config: AppConfig,
    private readonly tiers: TiersService,
    private readonly prices: TierPrices,
    private readonly provider: BillingProvider,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<OfferedTier[]> {
    const tiers = await this.tiers.list();
    if (!this.config.billing) return tiers.map((tier) => ({ tier, paid: false, price: null }));
    return Promise.all(
      tiers.map(async (tier) => {
        const priceId = this.prices.priceOf(tier);
        return { tier, paid: priceId !== null, price: priceId ? await this.price(priceId) : null };
      }),
    );
  }

  private async price(priceId: string): Promise<TierPrice | null> {
    const cached = this.cache.get(priceId);
    if (cached && cached.until > this.clock.now().getTime()) return cached.price;
    try {
      const price = await this.provider.fetchPrice(priceId);
      if (price === null) this.logger.warn(`Stripe has no price ${priceId}: check the tier's price id`);
      this.cache.set(priceId, { price, until: this.clock.now().getTime() + PRICE_TTL_MS });
      return price;
    } catch {
      // The provider logged the cause; try again on the next list.
      return null;
    }
  }
}

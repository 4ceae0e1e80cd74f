import { describe, expect, it } from 'vitest';
import { type Clock } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { type Tier, type TiersService } from '@keyport/tiers';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type BillingProvider } from './billing-provider.port';
import { type TierPrice } from './billing-types';
import { TierCatalogue } from './tier-catalogue';
import { type TierPrices } from './tier-prices';

const FREE: Tier = { slug: 'free', name: 'Free', throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 1000, period: 'MONTH' }, stripePriceId: null };
const PRO: Tier = { ...FREE, slug: 'pro', name: 'Pro', stripePriceId: 'price_pro' };
const MONTHLY: TierPrice = { amount: 2900, currency: 'usd', interval: 'month' };
const START = Date.parse('2026-03-18T10:00:00Z');

function world(billing: boolean, fetchPrice: (priceId: string) => Promise<TierPrice | null> = async () => MONTHLY) {
  let nowMs = START;
  const clock = strictFake<Clock>('Clock', { now: () => new Date(nowMs) });
  const tiers = strictFake<TiersService>('TiersService', { list: async () => [FREE, PRO] });
  const prices = strictFake<TierPrices>('TierPrices', { priceOf: (tier: Tier) => tier.stripePriceId });
  const provider = strictFake<BillingProvider>('BillingProvider', { fetchPrice: recorder(fetchPrice) });
  const config = (billing ? { billing: { prices: {} } } : { billing: undefined }) as unknown as AppConfig;
  const catalogue = new TierCatalogue(config, tiers, prices, provider, clock);
  return { catalogue, provider, advanceMs: (ms: number) => (nowMs += ms) };
}

describe('TierCatalogue', () => {
  it('offers every tier unpaid and asks Stripe nothing with billing off', async () => {
    const { catalogue } = world(false);
    expect(await catalogue.list()).toEqual([
      { tier: FREE, paid: false, price: null },
      { tier: PRO, paid: false, price: null },
    ]);
  });

  it("reads a paid tier's price once and trusts it for five minutes of the clock, then reads it again", async () => {
    const { catalogue, provider, advanceMs } = world(true);
    expect(await catalogue.list()).toEqual([
      { tier: FREE, paid: false, price: null },
      { tier: PRO, paid: true, price: MONTHLY },
    ]);
    advanceMs(5 * 60_000 - 1);
    await catalogue.list();
    expect(provider.fetchPrice).toHaveProperty('calls', [['price_pro']]);
    advanceMs(1);
    await catalogue.list();
    expect(provider.fetchPrice).toHaveProperty('calls', [['price_pro'], ['price_pro']]);
  });

  it('leaves the price out while Stripe cannot be reached, and asks again on the next list', async () => {
    const { catalogue, provider } = world(true, async () => {
      throw new Error('Stripe is down');
    });
    expect(await catalogue.list()).toEqual([
      { tier: FREE, paid: false, price: null },
      { tier: PRO, paid: true, price: null },
    ]);
    await catalogue.list();
    expect(provider.fetchPrice).toHaveProperty('calls', [['price_pro'], ['price_pro']]);
  });
});

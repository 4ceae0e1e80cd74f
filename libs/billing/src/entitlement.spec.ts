import { describe, expect, it } from 'vitest';
import { entitledTier, grantsTier, tierAfterEntitlementChange } from './entitlement';
import { type Subscription } from './subscription';

const now = new Date('2026-11-20T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const subscription = (changes: Partial<Subscription>): Subscription => ({
  id: 'sub_1',
  developerId: 'dev',
  status: 'active',
  tierSlug: 'premium',
  priceId: 'price_premium',
  currentPeriodEnd: null,
  cancelAtPeriodEnd: false,
  pastDueSince: null,
  seenAt: daysAgo(1),
  ...changes,
});

describe('entitlement', () => {
  it('grants the tier while active or trialing, and while past due within the grace', () => {
    expect(grantsTier(subscription({ status: 'active' }), now, 7)).toBe(true);
    expect(grantsTier(subscription({ status: 'trialing' }), now, 7)).toBe(true);
    expect(grantsTier(subscription({ status: 'past_due', pastDueSince: daysAgo(6.9) }), now, 7)).toBe(true);
    expect(grantsTier(subscription({ status: 'past_due', pastDueSince: daysAgo(7) }), now, 7)).toBe(false);
    for (const status of ['canceled', 'unpaid', 'incomplete_expired', 'incomplete'] as const) {
      expect(grantsTier(subscription({ status }), now, 7)).toBe(false);
    }
  });

  it('follows the newest granting subscription', () => {
    const older = subscription({ id: 'a', tierSlug: 'gold', seenAt: daysAgo(3) });
    const newer = subscription({ id: 'b', tierSlug: 'premium', seenAt: daysAgo(1) });
    const ended = subscription({ id: 'c', tierSlug: 'platinum', status: 'canceled', seenAt: now });
    expect(entitledTier([older, newer, ended], now, 7)).toBe('premium');
    expect(entitledTier([ended], now, 7)).toBeNull();
  });

  it('changes the tier only when the entitlement changes, and takes back only what it gave', () => {
    expect(tierAfterEntitlementChange('standard', null, 'premium', 'standard')).toBe('premium');
    expect(tierAfterEntitlementChange('premium', 'premium', 'premium', 'standard')).toBeNull();
    expect(tierAfterEntitlementChange('premium', 'premium', null, 'standard')).toBe('standard');
    // An admin moved them to gold meanwhile: the ending subscription leaves them there.
    expect(tierAfterEntitlementChange('gold', 'premium', null, 'standard')).toBeNull();
    expect(tierAfterEntitlementChange('premium', null, 'premium', 'standard')).toBeNull();
  });
});

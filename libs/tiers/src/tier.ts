import { type QuotaPeriodName } from '@keyport/common';

export interface Throttle {
  /** Steady-state requests per second. */
  rateLimit: number;
  /** Bucket size: requests allowed in a burst. */
  burstLimit: number;
}

export interface Quota {
  limit: number;
  period: QuotaPeriodName;
}

export interface Tier {
  slug: string;
  name: string;
  throttle: Throttle;
  quota: Quota;
  /** The Stripe price that grants this tier; null for a free tier. */
  stripePriceId: string | null;
}

/** An edit of a tier: the fields given change, the others stay. */
export interface TierChanges {
  name?: string;
  throttle?: Tier['throttle'];
  quota?: Tier['quota'];
  stripePriceId?: string | null;
}

export const DEFAULT_TIERS: readonly Tier[] = [
  {
    slug: 'standard',
    name: 'Standard',
    throttle: { rateLimit: 100, burstLimit: 200 },
    quota: { limit: 1_000_000, period: 'MONTH' },
    stripePriceId: null,
  },
  {
    slug: 'premium',
    name: 'Premium',
    throttle: { rateLimit: 1_000, burstLimit: 2_000 },
    quota: { limit: 50_000_000, period: 'MONTH' },
    stripePriceId: null,
  },
];

/** Tier every new developer starts on. */
export const DEFAULT_TIER_SLUG = 'standard';

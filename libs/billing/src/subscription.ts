import { type SubscriptionStatus } from './billing-types';

/** A subscription as Keyport last saw it. */
export interface Subscription {
  id: string;
  developerId: string;
  status: SubscriptionStatus;
  tierSlug: string;
  priceId: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
  /** When Keyport read this state from Stripe; an older read never overwrites a newer one. */
  seenAt: Date;
}

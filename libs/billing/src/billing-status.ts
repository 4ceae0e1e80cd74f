import { type SubscriptionStatus } from './billing-types';

/** A developer's billing state, as the portal shows it. */
export interface BillingStatus {
  enabled: boolean;
  /** The newest subscription's status, or `none`. */
  status: SubscriptionStatus | 'none';
  tier: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  subscriptionId: string | null;
  customerId: string | null;
  pastDueSince: Date | null;
}

/** What a developer's own tier change did: at once, or (moving down from a paid tier) at the period's end. */
export interface TierChangeOutcome {
  tier: string;
  pendingTier?: string;
  effectiveAt?: Date | null;
}

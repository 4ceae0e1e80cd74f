import { DAY_MS } from '@keyport/common';
import { type SubscriptionStatus } from './billing-types';
import { type Subscription } from './subscription';

const PAYING: readonly SubscriptionStatus[] = ['active', 'trialing'];
/** Stripe never moves a subscription out of these again. */
export const FINAL_STATUSES: readonly SubscriptionStatus[] = ['canceled', 'incomplete_expired'];

export function isFinal(status: SubscriptionStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Whether this subscription grants its tier now: paying, or behind on payment but within the grace. */
export function grantsTier(subscription: Subscription, now: Date, graceDays: number): boolean {
  if (PAYING.includes(subscription.status)) return true;
  if (subscription.status !== 'past_due') return false;
  const since = subscription.pastDueSince ?? now;
  return now.getTime() < since.getTime() + graceDays * DAY_MS;
}

/** A subscription that still bills or may bill again (so a second checkout would double charge). */
export function isSubscriptionLive(subscription: Subscription): boolean {
  return ['active', 'trialing', 'past_due', 'incomplete', 'unpaid', 'paused'].includes(subscription.status);
}

/** The tier the developer's subscriptions entitle them to now (the newest granting one), or null. */
export function entitledTier(subscriptions: readonly Subscription[], now: Date, graceDays: number): string | null {
  const granting = subscriptions.filter((subscription) => grantsTier(subscription, now, graceDays)).sort((a, b) => b.seenAt.getTime() - a.seenAt.getTime());
  return granting[0]?.tierSlug ?? null;
}

/**
 * The tier change a change of entitlement calls for, or null for none. Losing an entitlement only
 * takes back the tier it gave: a developer an admin moved elsewhere in the meantime stays there.
 */
export function tierAfterEntitlementChange(currentTier: string, before: string | null, after: string | null, freeTier: string): string | null {
  if (before === after) return null;
  if (after !== null) return after === currentTier ? null : after;
  return currentTier === before ? freeTier : null;
}

/** Outbox item types that carry Keyport's billing decisions to Stripe. */
export const BillingOutboxType = {
  /** Payload `{subscriptionId, change}`. */
  ChangeSubscription: 'billing.subscription.change',
  /** Payload `{customerId, value, identifier, at}`: one developer's requests of one day to the meter. */
  ReportUsage: 'billing.meter.report',
} as const;

/**
 * `cancel-at-period-end` / `renew`: set or clear cancel-at-period-end (the developer moves down, or
 * changes their mind); `cancel-now`: end it (an admin moved the developer off its tier).
 */
export type SubscriptionChange = 'cancel-at-period-end' | 'renew' | 'cancel-now';

export const subscriptionAggregate = (subscriptionId: string): string => `subscription:${subscriptionId}`;
export const meterAggregate = (developerId: string): string => `meter:${developerId}`;

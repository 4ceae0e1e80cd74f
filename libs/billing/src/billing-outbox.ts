/** Outbox item types that carry Keyport's billing decisions to Stripe. */
export const BillingOutboxType = {
  /** Payload `{subscriptionId, cancel}`: set or clear cancel-at-period-end. */
  CancelAtPeriodEnd: 'billing.subscription.cancel_at_period_end',
  /** Payload `{subscriptionId}`: end the subscription now (an admin moved the developer off its tier). */
  CancelNow: 'billing.subscription.cancel',
  /** Payload `{customerId, value, identifier, at}`: one developer's requests of one day to the meter. */
  ReportUsage: 'billing.meter.report',
} as const;

export const subscriptionAggregate = (subscriptionId: string): string => `subscription:${subscriptionId}`;
export const meterAggregate = (developerId: string): string => `meter:${developerId}`;

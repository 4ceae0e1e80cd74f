import { type MessagePayload, OutboxMessage } from '@keyport/outbox';

/**
 * `cancel-at-period-end` / `renew`: set or clear cancel-at-period-end (the developer moves down, or
 * changes their mind); `cancel-now`: end it (an admin moved the developer off its tier).
 */
const SUBSCRIPTION_CHANGES = ['cancel-at-period-end', 'renew', 'cancel-now'] as const;
export type SubscriptionChange = (typeof SUBSCRIPTION_CHANGES)[number];

/** The outbox messages that carry Keyport's billing decisions to Stripe (handled here, in billing). */
export const BillingOutboxType = {
  ChangeSubscription: OutboxMessage.define('billing.subscription.change', { subscriptionId: 'string', change: SUBSCRIPTION_CHANGES }),
  /** One developer's requests of one day to the meter; `at` is an ISO time inside the reported day. */
  ReportUsage: OutboxMessage.define('billing.meter.report', { customerId: 'string', value: 'number', identifier: 'string', at: 'string' }),
} as const;

export type SubscriptionChangeMessage = MessagePayload<typeof BillingOutboxType.ChangeSubscription>;
export type UsageReportMessage = MessagePayload<typeof BillingOutboxType.ReportUsage>;

export const subscriptionAggregate = (subscriptionId: string): string => `subscription:${subscriptionId}`;
export const meterAggregate = (developerId: string): string => `meter:${developerId}`;

import { Injectable } from '@nestjs/common';
import { OutboxHandler, type OutboxItem } from '@keyport/outbox';
import { BillingOutboxType, type SubscriptionChange } from './billing-outbox';
import { BillingProvider } from './billing-provider.port';

/** Carries a decision about a subscription to Stripe, under an idempotency key of its own outbox item. */
@Injectable()
export class SubscriptionChangeHandler extends OutboxHandler {
  readonly type = BillingOutboxType.ChangeSubscription;

  constructor(private readonly provider: BillingProvider) {
    super();
  }

  async handle(item: OutboxItem): Promise<void> {
    const { subscriptionId, change } = item.payload as { subscriptionId: string; change: SubscriptionChange };
    const idempotencyKey = `keyport-outbox-${item.id}`;
    if (change === 'cancel-now') return this.provider.cancelNow(subscriptionId, idempotencyKey);
    return this.provider.setCancelAtPeriodEnd(subscriptionId, change === 'cancel-at-period-end', idempotencyKey);
  }
}

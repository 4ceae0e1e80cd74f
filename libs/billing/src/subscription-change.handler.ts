import { Injectable } from '@nestjs/common';
import { OutboxHandler, type OutboxItem } from '@keyport/outbox';
import { BillingOutboxType, type SubscriptionChangeMessage } from './billing-messages';
import { BillingProvider } from './billing-provider.port';

/** Carries a decision about a subscription to Stripe, under an idempotency key of its own outbox item. */
@Injectable()
export class SubscriptionChangeHandler extends OutboxHandler<SubscriptionChangeMessage> {
  readonly message = BillingOutboxType.ChangeSubscription;

  constructor(private readonly provider: BillingProvider) {
    super();
  }

  async handle(item: OutboxItem<SubscriptionChangeMessage>): Promise<void> {
    const { subscriptionId, change } = item.payload;
    const idempotencyKey = `keyport-outbox-${item.id}`;
    if (change === 'cancel-now') return this.provider.cancelNow(subscriptionId, idempotencyKey);
    return this.provider.setCancelAtPeriodEnd(subscriptionId, change === 'cancel-at-period-end', idempotencyKey);
  }
}

import { Injectable } from '@nestjs/common';
import { type DeveloperDeletedMessage, DeveloperOutboxType } from '@keyport/developers';
import { OutboxHandler, type OutboxItem } from '@keyport/outbox';
import { BillingProvider } from './billing-provider.port';
import { isSubscriptionLive } from './entitlement';
import { SubscriptionsRepository } from './subscriptions.repository';

/** A deleted developer pays for nothing more: every subscription still running ends now, not at the period's end. */
@Injectable()
export class DeveloperDeletedHandler extends OutboxHandler<DeveloperDeletedMessage> {
  readonly message = DeveloperOutboxType.Deleted;

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly provider: BillingProvider,
  ) {
    super();
  }

  async handle(item: OutboxItem<DeveloperDeletedMessage>): Promise<void> {
    for (const subscription of await this.subscriptions.listByDeveloper(item.payload.developerId)) {
      if (!isSubscriptionLive(subscription)) continue;
      // Per subscription, so a retry after a crash cancels each at most once at Stripe.
      await this.provider.cancelNow(subscription.id, `keyport-outbox-${item.id}-${subscription.id}`);
    }
  }
}

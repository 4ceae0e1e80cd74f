import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OutboxHandler, OutboxHandlerRegistry, type OutboxItem } from '@keyport/outbox';
import { BillingOutboxType } from './billing-outbox';
import { BillingProvider } from './billing-provider.port';

/** Ends a subscription at Stripe now; the deletion webhook that follows finds the tier already decided. */
@Injectable()
export class SubscriptionCancelHandler extends OutboxHandler implements OnModuleInit {
  readonly type = BillingOutboxType.CancelNow;

  constructor(
    private readonly registry: OutboxHandlerRegistry,
    private readonly provider: BillingProvider,
  ) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(item: OutboxItem): Promise<void> {
    const { subscriptionId } = item.payload as { subscriptionId: string };
    await this.provider.cancelNow(subscriptionId, `keyport-outbox-${item.id}`);
  }
}

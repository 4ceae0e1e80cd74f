import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OutboxHandler, OutboxHandlerRegistry, type OutboxItem } from '@keyport/outbox';
import { BillingOutboxType } from './billing-outbox';
import { BillingProvider } from './billing-provider.port';

/** Tells Stripe to end (or keep) a subscription at the end of its paid period. */
@Injectable()
export class CancelAtPeriodEndHandler extends OutboxHandler implements OnModuleInit {
  readonly type = BillingOutboxType.CancelAtPeriodEnd;

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
    const { subscriptionId, cancel } = item.payload as { subscriptionId: string; cancel: boolean };
    await this.provider.setCancelAtPeriodEnd(subscriptionId, cancel, `keyport-outbox-${item.id}`);
  }
}

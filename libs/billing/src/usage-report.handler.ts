import { Injectable } from '@nestjs/common';
import { OutboxHandler, type OutboxItem, PermanentOutboxError } from '@keyport/outbox';
import { AppConfig } from '@keyport/config';
import { BillingOutboxType, type UsageReportMessage } from './billing-messages';
import { BillingProvider } from './billing-provider.port';

/** Sends one developer-day of usage to the Stripe meter, under an identifier Stripe will not bill twice. */
@Injectable()
export class UsageReportHandler extends OutboxHandler<UsageReportMessage> {
  readonly message = BillingOutboxType.ReportUsage;

  constructor(
    private readonly provider: BillingProvider,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async handle(item: OutboxItem<UsageReportMessage>): Promise<void> {
    const eventName = this.config.billing?.meterEventName;
    if (!eventName) throw new PermanentOutboxError('STRIPE_METER_EVENT_NAME is not set');
    const usage = item.payload;
    await this.provider.reportUsage({ eventName, customerId: usage.customerId, value: usage.value, identifier: usage.identifier, at: new Date(usage.at) });
  }
}

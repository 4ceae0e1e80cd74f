import { Injectable } from '@nestjs/common';
import { OutboxHandler, type OutboxItem, PermanentOutboxError } from '@keyport/outbox';
import { AppConfig } from '@keyport/config';
import { BillingOutboxType } from './billing-outbox';
import { BillingProvider } from './billing-provider.port';

export interface UsageReportPayload {
  [field: string]: unknown;
  customerId: string;
  value: number;
  identifier: string;
  /** ISO time inside the reported day. */
  at: string;
}

/** Sends one developer-day of usage to the Stripe meter, under an identifier Stripe will not bill twice. */
@Injectable()
export class UsageReportHandler extends OutboxHandler {
  readonly type = BillingOutboxType.ReportUsage;

  constructor(
    private readonly provider: BillingProvider,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async handle(item: OutboxItem): Promise<void> {
    const eventName = this.config.billing?.meterEventName;
    if (!eventName) throw new PermanentOutboxError('STRIPE_METER_EVENT_NAME is not set');
    const usage = item.payload as UsageReportPayload;
    await this.provider.reportUsage({ eventName, customerId: usage.customerId, value: usage.value, identifier: usage.identifier, at: new Date(usage.at) });
  }
}

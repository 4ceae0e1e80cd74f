import { describe, expect, it } from 'vitest';
import { type AppConfig } from '@keyport/config';
import { PermanentOutboxError } from '@keyport/outbox';
import { outboxItemFixture as item } from '../../../test/support/outbox-item-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type UsageReportMessage } from './billing-messages';
import { type BillingProvider } from './billing-provider.port';
import { type MeterUsage } from './billing-types';
import { UsageReportHandler } from './usage-report.handler';

const provider = () => strictFake<BillingProvider>('BillingProvider', { reportUsage: recorder(async (_usage: MeterUsage) => undefined) });

describe('UsageReportHandler', () => {
  const usage: UsageReportMessage = { customerId: 'cus_1', value: 42, identifier: 'keyport-usage-dev-1-2026-12-01', at: '2026-12-01T12:00:00.000Z' };

  it('sends the developer-day to the configured meter under its identifier', async () => {
    const stripe = provider();
    await new UsageReportHandler(stripe, { billing: { meterEventName: 'api_requests' } } as AppConfig).handle(item(usage));
    expect(stripe.reportUsage).toHaveProperty('calls', [
      [{ eventName: 'api_requests', customerId: 'cus_1', value: 42, identifier: 'keyport-usage-dev-1-2026-12-01', at: new Date('2026-12-01T12:00:00Z') }],
    ]);
  });

  it('parks the item for good when no meter is configured any more', async () => {
    const stripe = provider();
    await expect(new UsageReportHandler(stripe, { billing: null } as AppConfig).handle(item(usage))).rejects.toBeInstanceOf(PermanentOutboxError);
    expect(stripe.reportUsage).toHaveProperty('calls', []);
  });
});

import { describe, expect, it } from 'vitest';
import { outboxItemFixture as item } from '../../../test/support/outbox-item-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type SubscriptionChangeMessage } from './billing-messages';
import { type BillingProvider } from './billing-provider.port';
import { SubscriptionChangeHandler } from './subscription-change.handler';

function provider() {
  return strictFake<BillingProvider>('BillingProvider', {
    cancelNow: recorder(async () => undefined),
    setCancelAtPeriodEnd: recorder(async () => undefined),
  });
}

describe('SubscriptionChangeHandler', () => {
  it("carries each decision to Stripe under its outbox item's idempotency key", async () => {
    const stripe = provider();
    const handler = new SubscriptionChangeHandler(stripe);
    await handler.handle(item<SubscriptionChangeMessage>({ subscriptionId: 'sub_1', change: 'cancel-now' }));
    await handler.handle(item<SubscriptionChangeMessage>({ subscriptionId: 'sub_1', change: 'cancel-at-period-end' }));
    await handler.handle(item<SubscriptionChangeMessage>({ subscriptionId: 'sub_1', change: 'renew' }));
    expect(stripe.cancelNow).toHaveProperty('calls', [['sub_1', 'keyport-outbox-77']]);
    expect(stripe.setCancelAtPeriodEnd).toHaveProperty('calls', [
      ['sub_1', true, 'keyport-outbox-77'],
      ['sub_1', false, 'keyport-outbox-77'],
    ]);
  });
});

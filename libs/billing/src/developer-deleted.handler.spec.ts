import { describe, expect, it } from 'vitest';
import { outboxItemFixture as item } from '../../../test/support/outbox-item-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type BillingProvider } from './billing-provider.port';
import { DeveloperDeletedHandler } from './developer-deleted.handler';
import { type Subscription } from './subscription';
import { type SubscriptionsRepository } from './subscriptions.repository';

const provider = () => strictFake<BillingProvider>('BillingProvider', { cancelNow: recorder(async () => undefined) });

describe('DeveloperDeletedHandler', () => {
  it('ends every subscription still billing now, each under its own idempotency key, and leaves ended ones', async () => {
    const subscription = (id: string, status: Subscription['status']) => ({ id, status }) as Subscription;
    const stripe = provider();
    const subscriptions = strictFake<SubscriptionsRepository>('SubscriptionsRepository', {
      listByDeveloper: recorder(async () => [subscription('sub_1', 'active'), subscription('sub_2', 'canceled'), subscription('sub_3', 'past_due')]),
    });
    await new DeveloperDeletedHandler(subscriptions, stripe).handle(item({ developerId: 'dev-1', deletedAt: '2026-12-03T00:00:00Z' }));
    expect(subscriptions.listByDeveloper).toHaveProperty('calls', [['dev-1']]);
    expect(stripe.cancelNow).toHaveProperty('calls', [
      ['sub_1', 'keyport-outbox-77-sub_1'],
      ['sub_3', 'keyport-outbox-77-sub_3'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { type Clock } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { GraceExpiryService } from './grace-expiry.service';
import { type SubscriptionSyncService } from './subscription-sync.service';
import { type SubscriptionsRepository } from './subscriptions.repository';

const NOW = new Date('2026-03-18T10:00:00Z');

function world(billing: { graceDays: number } | undefined, pastDue: string[]) {
  const transactions = new FakeTransactions();
  const subscriptions = strictFake<SubscriptionsRepository>('SubscriptionsRepository', {
    developersPastDueSince: recorder(async () => pastDue),
  });
  const reconciledInside: boolean[] = [];
  const sync = strictFake<SubscriptionSyncService>('SubscriptionSyncService', {
    reconcile: recorder(async () => void reconciledInside.push(transactions.open)),
  });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const config = { billing } as AppConfig;
  const service = new GraceExpiryService(config, subscriptions, sync, transactions.asTransactions(), clock);
  return { service, subscriptions, sync, transactions, reconciledInside };
}

describe('GraceExpiryService', () => {
  it('does nothing with billing off', async () => {
    const { service } = world(undefined, ['dev-1']);
    expect(await service.run()).toBe(0);
  });

  it('looks again at each developer past due since before the grace began, each in its own transaction', async () => {
    const { service, subscriptions, sync, transactions, reconciledInside } = world({ graceDays: 3 }, ['dev-1', 'dev-2']);
    expect(await service.run()).toBe(2);
    expect(subscriptions.developersPastDueSince).toHaveProperty('calls', [[new Date('2026-03-15T10:00:00Z'), 200]]);
    expect(sync.reconcile).toHaveProperty('calls', [['dev-1'], ['dev-2']]);
    expect(transactions.runs).toBe(2);
    expect(reconciledInside).toEqual([true, true]);
  });
});

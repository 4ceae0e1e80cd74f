import { describe, expect, it } from 'vitest';
import { type AuditEvent, type AuditLog } from '@keyport/audit';
import { type Clock } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { type Developer, type DeveloperAccountsService, type TierChanger } from '@keyport/developers';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type SubscriptionSnapshot } from './billing-types';
import { type Subscription } from './subscription';
import { SubscriptionSyncService } from './subscription-sync.service';
import { type SubscriptionsRepository } from './subscriptions.repository';
import { type TierPrices } from './tier-prices';

const NOW = new Date('2026-12-03T10:00:00Z');
const DAY_MS = 24 * 3600_000;
const GRACE_DAYS = 3;

const snapshotFixture = (overrides: Partial<SubscriptionSnapshot> = {}): SubscriptionSnapshot => ({
  id: 'sub_1',
  customerId: 'cus_1',
  status: 'active',
  priceId: 'price_premium',
  currentPeriodEnd: new Date('2027-01-01T00:00:00Z'),
  cancelAtPeriodEnd: false,
  developerId: null,
  ...overrides,
});

const storedFixture = (overrides: Partial<Subscription> = {}): Subscription => ({
  id: 'sub_1',
  developerId: 'dev-1',
  status: 'active',
  tierSlug: 'premium',
  priceId: 'price_premium',
  currentPeriodEnd: new Date('2027-01-01T00:00:00Z'),
  cancelAtPeriodEnd: false,
  pastDueSince: null,
  seenAt: new Date(NOW.getTime() - DAY_MS),
  ...overrides,
});

function world(options: { developer?: Developer | null; customerOf?: string | null; stored?: Subscription[] } = {}) {
  const developer = options.developer === undefined ? developerFixture() : options.developer;
  const stored = options.stored ?? [];
  const accounts = strictFake<DeveloperAccountsService>('DeveloperAccountsService', {
    developerOfCustomer: async () => (options.customerOf === undefined ? 'dev-1' : options.customerOf),
    lock: recorder(async (id: string) => (developer?.id === id ? developer : null)),
  });
  const subscriptions = strictFake<SubscriptionsRepository>('SubscriptionsRepository', {
    find: async (id: string) => stored.find((subscription) => subscription.id === id) ?? null,
    listByDeveloper: async () => stored,
    save: recorder(async () => undefined),
  });
  const prices = strictFake<TierPrices>('TierPrices', {
    tierOfPrice: async (priceId: string) => ({ price_premium: 'premium', price_gold: 'gold' })[priceId] ?? null,
  });
  const tierChanger = strictFake<TierChanger>('TierChanger', { change: recorder(async () => developerFixture()) });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async (_event: AuditEvent) => undefined) });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const config = { billing: { graceDays: GRACE_DAYS } } as AppConfig;
  const service = new SubscriptionSyncService(subscriptions, accounts, prices, tierChanger, audit, clock, config);
  return { service, accounts, subscriptions, tierChanger, audit };
}

describe('SubscriptionSyncService.apply', () => {
  it('saves a paying subscription, audits its new status and grants its tier', async () => {
    const { service, subscriptions, tierChanger, audit } = world();
    await service.apply(snapshotFixture(), NOW, null);
    expect(subscriptions.save).toHaveProperty('calls', [[storedFixture({ seenAt: NOW })]]);
    expect(audit.record).toHaveProperty('calls', [
      [
        {
          action: 'billing.subscription_changed',
          targetType: 'developer',
          targetId: 'dev-1',
          before: null,
          after: { subscription: 'sub_1', status: 'active', tier: 'premium' },
        },
      ],
    ]);
    expect(tierChanger.change).toHaveProperty('calls', [['dev-1', 'premium', 'subscription sub_1 is active']]);
  });

  it("finds the developer by Stripe customer, then the subscription's metadata, then the checkout's hint", async () => {
    const byMetadata = world({ customerOf: null });
    await byMetadata.service.apply(snapshotFixture({ developerId: 'dev-1' }), NOW, 'dev-other');
    expect(byMetadata.accounts.lock).toHaveProperty('calls', [['dev-1']]);
    const byHint = world({ customerOf: null });
    await byHint.service.apply(snapshotFixture(), NOW, 'dev-1');
    expect(byHint.accounts.lock).toHaveProperty('calls', [['dev-1']]);
  });

  it('ignores a subscription of no known developer, or for a price no tier sells', async () => {
    const stranger = world({ customerOf: null, developer: null });
    await stranger.service.apply(snapshotFixture(), NOW, null);
    expect(stranger.subscriptions.save).toHaveProperty('calls', []);
    const unsold = world();
    await unsold.service.apply(snapshotFixture({ priceId: 'price_unknown' }), NOW, null);
    await unsold.service.apply(snapshotFixture({ priceId: null }), NOW, null);
    expect(unsold.subscriptions.save).toHaveProperty('calls', []);
  });

  it('learns nothing from a read older than the one stored, nor after a final status', async () => {
    const newer = world({ stored: [storedFixture({ seenAt: new Date(NOW.getTime() + 1) })] });
    await newer.service.apply(snapshotFixture({ status: 'canceled' }), NOW, null);
    expect(newer.subscriptions.save).toHaveProperty('calls', []);
    const final = world({ stored: [storedFixture({ status: 'canceled' })] });
    await final.service.apply(snapshotFixture({ status: 'active' }), NOW, null);
    expect(final.subscriptions.save).toHaveProperty('calls', []);
    expect(final.tierChanger.change).toHaveProperty('calls', []);
  });

  it('keeps the tier through the grace of a payment failure, counting the grace from the first time it was seen past due', async () => {
    const firstSeen = new Date(NOW.getTime() - DAY_MS);
    const { service, subscriptions, tierChanger, audit } = world({
      developer: developerFixture({ tierSlug: 'premium' }),
      stored: [storedFixture({ status: 'past_due', pastDueSince: firstSeen, seenAt: firstSeen })],
    });
    await service.apply(snapshotFixture({ status: 'past_due' }), NOW, null);
    expect(subscriptions.save).toHaveProperty('calls', [[expect.objectContaining({ status: 'past_due', pastDueSince: firstSeen, seenAt: NOW })]]);
    expect(tierChanger.change).toHaveProperty('calls', []);
    // The status did not change: nothing to audit.
    expect(audit.record).toHaveProperty('calls', []);

    const fresh = world({ developer: developerFixture({ tierSlug: 'premium' }), stored: [storedFixture()] });
    await fresh.service.apply(snapshotFixture({ status: 'past_due' }), NOW, null);
    expect(fresh.subscriptions.save).toHaveProperty('calls', [[expect.objectContaining({ pastDueSince: NOW })]]);
  });

  it('takes back the tier a subscription gave when it ends, but not a tier an admin has since given', async () => {
    const onIt = world({ developer: developerFixture({ tierSlug: 'premium' }), stored: [storedFixture()] });
    await onIt.service.apply(snapshotFixture({ status: 'canceled' }), NOW, null);
    expect(onIt.tierChanger.change).toHaveProperty('calls', [['dev-1', 'standard', 'subscription sub_1 is canceled']]);
    const movedByAdmin = world({ developer: developerFixture({ tierSlug: 'gold' }), stored: [storedFixture()] });
    await movedByAdmin.service.apply(snapshotFixture({ status: 'canceled' }), NOW, null);
    expect(movedByAdmin.tierChanger.change).toHaveProperty('calls', []);
  });
});

describe('SubscriptionSyncService.reconcile', () => {
  it('gives back the tier of a subscription past due beyond the grace, and nothing within it', async () => {
    const beyond = new Date(NOW.getTime() - GRACE_DAYS * DAY_MS);
    const lapsed = world({ developer: developerFixture({ tierSlug: 'premium' }), stored: [storedFixture({ status: 'past_due', pastDueSince: beyond })] });
    await lapsed.service.reconcile('dev-1');
    expect(lapsed.tierChanger.change).toHaveProperty('calls', [['dev-1', 'standard', 'subscription sub_1 past due beyond 3 days']]);

    const within = new Date(beyond.getTime() + 1);
    const grace = world({ developer: developerFixture({ tierSlug: 'premium' }), stored: [storedFixture({ status: 'past_due', pastDueSince: within })] });
    await grace.service.reconcile('dev-1');
    expect(grace.tierChanger.change).toHaveProperty('calls', []);
  });

  it('leaves a developer no longer on the lapsed tier, or gone, alone', async () => {
    const lapsed = storedFixture({ status: 'past_due', pastDueSince: new Date(0) });
    const moved = world({ developer: developerFixture({ tierSlug: 'gold' }), stored: [lapsed] });
    await moved.service.reconcile('dev-1');
    expect(moved.tierChanger.change).toHaveProperty('calls', []);
    // The lapsed subscription of the tier they are on decides, whatever older ones lapsed too.
    const lapsedGold = storedFixture({ id: 'sub_2', status: 'past_due', tierSlug: 'gold', priceId: 'price_gold', pastDueSince: new Date(0) });
    const both = world({ developer: developerFixture({ tierSlug: 'gold' }), stored: [lapsed, lapsedGold] });
    await both.service.reconcile('dev-1');
    expect(both.tierChanger.change).toHaveProperty('calls', [['dev-1', 'standard', 'subscription sub_2 past due beyond 3 days']]);
    const gone = world({ developer: null, stored: [lapsed] });
    await gone.service.reconcile('dev-1');
    expect(gone.tierChanger.change).toHaveProperty('calls', []);
  });
});

import { describe, expect, it } from 'vitest';
import { type AuditEvent, type AuditLog } from '@keyport/audit';
import { type DomainError, invalid } from '@keyport/common';
import { type AppConfig, type BillingSettings } from '@keyport/config';
import { type BillingAccount, type TierChanger } from '@keyport/developers';
import { type OutboxWriter } from '@keyport/outbox';
import { DEFAULT_TIERS, type Tier, type TiersService } from '@keyport/tiers';
import { developerFixture } from '../../../test/support/developer-fixture';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type DeveloperAccountsService } from '@keyport/developers';
import { BillingGate } from './billing-gate';
import { type BillingProvider } from './billing-provider.port';
import { type CheckoutRequest } from './billing-types';
import { BillingService } from './billing.service';
import { type Subscription } from './subscription';
import { type SubscriptionsRepository } from './subscriptions.repository';
import { TierPrices } from './tier-prices';

const SETTINGS: BillingSettings = {
  secretKey: 'sk_test',
  webhookSecret: 'whsec',
  prices: { premium: 'price_premium' },
  successUrl: 'https://portal/success',
  cancelUrl: 'https://portal/cancel',
  portalReturnUrl: 'https://portal/billing',
  graceDays: 3,
};
const GOLD: Tier = { ...DEFAULT_TIERS[1], slug: 'gold', name: 'Gold', stripePriceId: 'price_gold' };
const TIERS: Tier[] = [...DEFAULT_TIERS, GOLD];
const PERIOD_END = new Date('2027-01-01T00:00:00Z');

function subscriptionFixture(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub_1',
    developerId: 'dev-1',
    status: 'active',
    tierSlug: 'premium',
    priceId: 'price_premium',
    currentPeriodEnd: PERIOD_END,
    cancelAtPeriodEnd: false,
    pastDueSince: null,
    seenAt: new Date('2026-12-01T00:00:00Z'),
    ...overrides,
  };
}

/** `effects`: what left the service, in order, each marked when outside a transaction. */
function world(options: { billing?: BillingSettings | null; account?: Partial<BillingAccount>; subscriptions?: Subscription[] } = {}) {
  const config = { billing: options.billing === undefined ? SETTINGS : options.billing } as AppConfig;
  const account: BillingAccount = { developerId: 'dev-1', email: 'ada@example.com', tierSlug: 'standard', customerId: 'cus_1', ...options.account };
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const note = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (outside a transaction)'}`);
  const provider = strictFake<BillingProvider>('BillingProvider', {
    createCustomer: recorder(async () => (note('createCustomer'), 'cus_new')),
    createCheckout: recorder(async (request: CheckoutRequest) => (note(`checkout ${request.priceId}`), 'https://checkout/1')),
    createPortal: recorder(async () => 'https://portal.stripe/1'),
    listInvoices: recorder(async () => []),
  });
  const accounts = strictFake<DeveloperAccountsService>('DeveloperAccountsService', {
    billingAccount: async () => account,
    attachCustomer: recorder(async (_developerId: string, customerId: string) => customerId),
  });
  const subscriptions = strictFake<SubscriptionsRepository>('SubscriptionsRepository', {
    listByDeveloper: recorder(async () => options.subscriptions ?? []),
    setCancelAtPeriodEnd: recorder(async (id: string, cancel: boolean) => void note(`setCancelAtPeriodEnd ${id} ${cancel}`)),
  });
  const tiers = strictFake<TiersService>('TiersService', {
    require: async (slug: string) => {
      const tier = TIERS.find((candidate) => candidate.slug === slug);
      if (!tier) throw invalid('no such tier');
      return tier;
    },
  });
  const tierChanger = strictFake<TierChanger>('TierChanger', {
    change: recorder(async (developerId: string, tierSlug: string) => (note(`tier ${tierSlug}`), developerFixture({ id: developerId, tierSlug }))),
  });
  const outbox = strictFake<OutboxWriter>('OutboxWriter', {
    enqueue: recorder(
      async (aggregate: string, message: { type: string }, payload: unknown) => void note(`${message.type} ${aggregate} ${JSON.stringify(payload)}`),
    ),
  });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async (event: AuditEvent) => void note(`audit ${event.action}`)) });
  const service = new BillingService(
    new BillingGate(config),
    provider,
    accounts,
    subscriptions,
    tiers,
    new TierPrices(config, tiers),
    tierChanger,
    outbox,
    audit,
    transactions.asTransactions(),
  );
  return { service, effects, provider, accounts, subscriptions, tierChanger, audit };
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  return (await promise.catch((error: unknown) => error)) as DomainError;
}

describe('BillingService status and pages', () => {
  it("shows the newest subscription, or `none`, and does not exist for the developer's own view while billing is off", async () => {
    const newest = subscriptionFixture({ status: 'past_due', pastDueSince: PERIOD_END });
    const status = await world({ subscriptions: [newest, subscriptionFixture({ id: 'sub_0', status: 'canceled' })] }).service.status('dev-1', true);
    expect(status).toEqual({
      enabled: true,
      status: 'past_due',
      tier: 'standard',
      currentPeriodEnd: PERIOD_END,
      cancelAtPeriodEnd: false,
      subscriptionId: 'sub_1',
      customerId: 'cus_1',
      pastDueSince: PERIOD_END,
    });
    expect(await world().service.status('dev-1')).toMatchObject({ status: 'none', subscriptionId: null });
    expect(await world({ billing: null }).service.status('dev-1')).toMatchObject({ enabled: false });
    expect(await errorOf(world({ billing: null }).service.status('dev-1', true))).toMatchObject({ kind: 'NOT_FOUND', code: 'BILLING_DISABLED' });
  });

  it('opens Checkout for a paid tier with its price, creating the Stripe customer on first need', async () => {
    const { service, provider, accounts } = world({ account: { customerId: null } });
    expect(await service.checkout('dev-1', 'gold')).toBe('https://checkout/1');
    expect(provider.createCustomer).toHaveProperty('calls', [['dev-1', 'ada@example.com']]);
    expect(accounts.attachCustomer).toHaveProperty('calls', [['dev-1', 'cus_new']]);
    expect(provider.createCheckout).toHaveProperty('calls', [
      [
        {
          customerId: 'cus_new',
          developerId: 'dev-1',
          tierSlug: 'gold',
          priceId: 'price_gold',
          successUrl: SETTINGS.successUrl,
          cancelUrl: SETTINGS.cancelUrl,
        },
      ],
    ]);
    // An existing customer is reused; the price comes from STRIPE_PRICE_<TIER> when the tier has none.
    const again = world();
    await again.service.checkout('dev-1', 'premium');
    expect(again.provider.createCustomer).toHaveProperty('calls', []);
    expect(again.provider.createCheckout).toHaveProperty('calls', [[expect.objectContaining({ customerId: 'cus_1', priceId: 'price_premium' })]]);
  });

  it('refuses Checkout for a free tier (400 on `tier`) and while a subscription still bills (SUBSCRIPTION_EXISTS)', async () => {
    expect(await errorOf(world().service.checkout('dev-1', 'standard'))).toMatchObject({
      kind: 'VALIDATION_FAILED',
      details: [{ field: 'tier', message: 'must be a paid tier' }],
    });
    const paying = world({ subscriptions: [subscriptionFixture({ status: 'past_due' })] });
    expect(await errorOf(paying.service.checkout('dev-1', 'gold'))).toMatchObject({ kind: 'CONFLICT', code: 'SUBSCRIPTION_EXISTS' });
    expect(paying.effects).toEqual([]);
    // A subscription that ended does not stand in the way.
    expect(await world({ subscriptions: [subscriptionFixture({ status: 'canceled' })] }).service.checkout('dev-1', 'gold')).toBe('https://checkout/1');
  });

  it('lists invoices only for a developer Stripe knows, and opens the portal with its return URL', async () => {
    const known = world();
    await known.service.invoices('dev-1');
    expect(known.provider.listInvoices).toHaveProperty('calls', [['cus_1', 24]]);
    expect(await known.service.portal('dev-1')).toBe('https://portal.stripe/1');
    expect(known.provider.createPortal).toHaveProperty('calls', [['cus_1', SETTINGS.portalReturnUrl]]);
    const unknown = world({ account: { customerId: null } });
    expect(await unknown.service.invoices('dev-1')).toEqual([]);
    expect(unknown.provider.listInvoices).toHaveProperty('calls', []);
  });
});

describe("BillingService: a developer's own tier change", () => {
  it('with billing off, changes the tier at once', async () => {
    const { service, tierChanger } = world({ billing: null });
    expect(await service.requestTierChange('dev-1', 'gold')).toEqual({ tier: 'gold' });
    expect(tierChanger.change).toHaveProperty('calls', [['dev-1', 'gold']]);
  });

  it('up to a paid tier: 402 carrying the Checkout URL, the tier unchanged until the webhook moves it', async () => {
    const { service, tierChanger } = world();
    const error = await errorOf(service.requestTierChange('dev-1', 'gold'));
    expect(error).toMatchObject({ kind: 'PAYMENT_REQUIRED', extra: { checkoutUrl: 'https://checkout/1' } });
    expect(tierChanger.change).toHaveProperty('calls', []);
  });

  it('to another paid tier while paying: SUBSCRIPTION_EXISTS (plans switch in the portal)', async () => {
    const { service, effects } = world({ account: { tierSlug: 'premium' }, subscriptions: [subscriptionFixture()] });
    expect(await errorOf(service.requestTierChange('dev-1', 'gold'))).toMatchObject({ code: 'SUBSCRIPTION_EXISTS' });
    expect(effects).toEqual([]);
  });

  it('down to a free tier while paying: cancels at the period end, in one transaction, and keeps the tier until then', async () => {
    const { service, effects } = world({ account: { tierSlug: 'premium' }, subscriptions: [subscriptionFixture()] });
    expect(await service.requestTierChange('dev-1', 'standard')).toEqual({ tier: 'premium', pendingTier: 'standard', effectiveAt: PERIOD_END });
    expect(effects).toEqual([
      'setCancelAtPeriodEnd sub_1 true',
      'billing.subscription.change subscription:sub_1 {"subscriptionId":"sub_1","change":"cancel-at-period-end"}',
      'audit billing.subscription_cancel_requested',
    ]);
    // Asked again: the cancellation is already pending, nothing more is sent.
    const pending = world({ account: { tierSlug: 'premium' }, subscriptions: [subscriptionFixture({ cancelAtPeriodEnd: true })] });
    await pending.service.requestTierChange('dev-1', 'standard');
    expect(pending.effects).toEqual([]);
  });

  it('back to the paid tier one pays for withdraws a pending cancellation', async () => {
    const { service, effects } = world({ account: { tierSlug: 'premium' }, subscriptions: [subscriptionFixture({ cancelAtPeriodEnd: true })] });
    expect(await service.requestTierChange('dev-1', 'premium')).toEqual({ tier: 'premium' });
    expect(effects).toEqual([
      'setCancelAtPeriodEnd sub_1 false',
      'billing.subscription.change subscription:sub_1 {"subscriptionId":"sub_1","change":"renew"}',
      'audit billing.subscription_cancel_withdrawn',
    ]);
  });

  it('between free tiers, or with a subscription for a tier an admin moved them off, changes at once', async () => {
    const { service, tierChanger, subscriptions } = world({ account: { tierSlug: 'gold' }, subscriptions: [subscriptionFixture()] });
    expect(await service.requestTierChange('dev-1', 'standard')).toEqual({ tier: 'standard' });
    expect(tierChanger.change).toHaveProperty('calls', [['dev-1', 'standard']]);
    expect(subscriptions.setCancelAtPeriodEnd).toHaveProperty('calls', []);
  });
});

describe("BillingService: an admin's tier change", () => {
  it('ends at once every live subscription paying for another tier, naming them in the tier change', async () => {
    const ended = subscriptionFixture({ id: 'sub_0', status: 'canceled' });
    const { service, effects, tierChanger } = world({ account: { tierSlug: 'premium' }, subscriptions: [subscriptionFixture(), ended] });
    expect(await service.adminChangeTier('dev-1', 'gold')).toEqual({ tier: 'gold' });
    expect(tierChanger.change).toHaveProperty('calls', [['dev-1', 'gold', 'admin decision; subscription sub_1 cancelled at once']]);
    expect(effects).toEqual(['tier gold', 'billing.subscription.change subscription:sub_1 {"subscriptionId":"sub_1","change":"cancel-now"}']);
  });

  it('keeping the developer on their tier: the cancellation is the audited action', async () => {
    const { service, effects, audit } = world({ account: { tierSlug: 'standard' }, subscriptions: [subscriptionFixture()] });
    await service.adminChangeTier('dev-1', 'standard');
    expect(effects.at(-1)).toBe('audit billing.subscription_cancel_requested');
    expect((audit.record as unknown as { calls: [AuditEvent][] }).calls[0][0]).toMatchObject({
      before: { subscriptions: [{ id: 'sub_1', status: 'active' }] },
      after: { cancel: 'now', reason: 'admin kept the developer on standard' },
    });
  });

  it('keeps a subscription for the tier given, and with billing off reads no subscription at all', async () => {
    const same = world({ subscriptions: [subscriptionFixture()] });
    await same.service.adminChangeTier('dev-1', 'premium');
    expect(same.tierChanger.change).toHaveProperty('calls', [['dev-1', 'premium', 'admin decision']]);
    expect(same.effects).toEqual(['tier premium']);
    const off = world({ billing: null, subscriptions: [subscriptionFixture()] });
    await off.service.adminChangeTier('dev-1', 'gold');
    expect(off.subscriptions.listByDeveloper).toHaveProperty('calls', []);
  });
});

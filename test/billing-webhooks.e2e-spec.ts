import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@keyport/db';
import { type BillingWorld, PREMIUM_PRICE, deliver, eventually, planTierOfKey, startBillingWorld, stopBillingWorld, subscribe } from './support/billing';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, signUpDeveloper, waitForKeyStatus } from './support/journey';

describe('Stripe billing: checkout, webhooks, lifecycle', () => {
  let world: BillingWorld;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    world = await startBillingWorld();
    http = new HttpClient(world.harness.baseUrl);
    admin = await adminToken(http);
  });
  afterAll(() => stopBillingWorld(world));

  const tierOf = async (token: string) => (await http.get('/v1/me', { token })).body.tier;
  const tierChangeEntries = async (developerId: string) => {
    const log = await http.get(`/v1/admin/audit-log?target=${developerId}&action=developer.tier_changed`, { token: admin });
    expect(log.status).toBe(200);
    return log.body.items;
  };
  const tierChanges = async (developerId: string) => (await tierChangeEntries(developerId)).length;

  it('asks for payment, and moves keys to premium once checkout completes', async () => {
    const dev = await signUpDeveloper(http, admin);
    const key = await http.post('/v1/keys', { name: 'main' }, { token: dev.token });
    await waitForKeyStatus(http, dev.token, key.body.id, 'active');

    const refused = await http.put('/v1/me/tier', { tier: 'premium' }, { token: dev.token });
    expect(refused.status).toBe(402);
    expectErrorShape(refused.body, 402);
    expect(refused.body.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(await tierOf(dev.token)).toBe('standard');

    const checkout = await http.post('/v1/billing/checkout', { tier: 'premium' }, { token: dev.token });
    expect(checkout.status).toBe(200);
    // One customer for the developer, however many checkouts: created once, under an idempotency key, stored.
    const customers = [...world.stripe.customers.values()].filter((c) => c.metadata.developer_id === dev.id);
    expect(customers).toHaveLength(1);
    const customerCreation = world.stripe.requests.find((r) => r.path === '/v1/customers' && r.form.metadata?.developer_id === dev.id);
    expect(customerCreation?.idempotencyKey).toBe(`keyport-customer-${dev.id}`);
    const session = [...world.stripe.checkoutSessions.values()].find((s) => s.url === checkout.body.url)!;
    expect(session).toMatchObject({
      mode: 'subscription',
      client_reference_id: dev.id,
      customer: customers[0].id,
      success_url: 'https://portal.example.com/billing/done',
      cancel_url: 'https://portal.example.com/billing/cancelled',
    });
    expect(session.line_items[0].price).toBe(PREMIUM_PRICE);

    const { session: completed, subscription } = world.stripe.completeCheckout(checkout.body.url);
    const delivered = await deliver(http, world.stripe, world.stripe.event('checkout.session.completed', completed));
    expect(delivered.status).toBe(200);
    expect(delivered.body).toEqual({ received: true, duplicate: false });

    expect(await tierOf(dev.token)).toBe('premium');
    await eventually(
      'key plan',
      () => planTierOfKey(world.harness, key.body.id),
      (tier) => tier === 'premium',
    );
    const billing = await http.get('/v1/billing', { token: dev.token });
    expect(billing.body).toMatchObject({ status: 'active', tier: 'premium', cancelAtPeriodEnd: false });
    expect(new Date(billing.body.currentPeriodEnd).getTime()).toBe(subscription.items.data[0].current_period_end * 1000);
    const audit = await tierChangeEntries(dev.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: { type: 'system', id: 'stripe' }, before: { tier: 'standard' }, after: { tier: 'premium' } });

    const invoices = await http.get('/v1/billing/invoices', { token: dev.token });
    expect(invoices.status).toBe(200);
    expect(invoices.body.items).toHaveLength(1);
    expect(invoices.body.items[0]).toMatchObject({ status: 'paid', amountPaid: 4900, currency: 'usd' });
    const portal = await http.post('/v1/billing/portal', undefined, { token: dev.token });
    expect(portal.status).toBe(200);
    expect(portal.body.url).toMatch(/^https:\/\/billing\.stripe\.test\//);

    // Paying already: a second checkout would charge twice.
    expect((await http.post('/v1/billing/checkout', { tier: 'premium' }, { token: dev.token })).status).toBe(409);
  });

  it('acknowledges a redelivered event and applies it once', async () => {
    const dev = await signUpDeveloper(http, admin);
    const checkout = await http.post('/v1/billing/checkout', { tier: 'premium' }, { token: dev.token });
    const { session, subscription } = world.stripe.completeCheckout(checkout.body.url);
    const event = world.stripe.event('checkout.session.completed', session);
    expect((await deliver(http, world.stripe, event)).body.duplicate).toBe(false);
    const again = await deliver(http, world.stripe, event);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: true, duplicate: true });
    // The other events Stripe sends for the same purchase change nothing more either.
    await deliver(http, world.stripe, world.stripe.event('customer.subscription.created', subscription));
    expect(await tierOf(dev.token)).toBe('premium');
    expect(await tierChanges(dev.id)).toBe(1);
    // Still stored after the others: a third delivery is a duplicate too.
    expect((await deliver(http, world.stripe, event)).body).toEqual({ received: true, duplicate: true });
  });

  it('decides from the subscription, not from arrival order: deleted before updated', async () => {
    const dev = await signUpDeveloper(http, admin);
    const subscription = await subscribe(http, world.stripe, dev);
    const updated = world.stripe.event('customer.subscription.updated', { ...subscription, status: 'active' });
    world.stripe.setSubscriptionStatus(subscription.id, 'canceled');
    const deleted = world.stripe.event('customer.subscription.deleted', world.stripe.subscription(subscription.id));

    expect((await deliver(http, world.stripe, deleted)).status).toBe(200);
    expect(await tierOf(dev.token)).toBe('standard');
    expect((await deliver(http, world.stripe, updated)).status).toBe(200);
    expect(await tierOf(dev.token)).toBe('standard');
    expect((await http.get('/v1/billing', { token: dev.token })).body.status).toBe('canceled');
    expect(await tierChanges(dev.id)).toBe(2);
  });

  it('refuses a missing, bad or stale signature and changes nothing', async () => {
    const dev = await signUpDeveloper(http, admin);
    const checkout = await http.post('/v1/billing/checkout', { tier: 'premium' }, { token: dev.token });
    const { session } = world.stripe.completeCheckout(checkout.body.url);
    const event = world.stripe.event('checkout.session.completed', session);
    const { payload, signature } = world.stripe.sign(event);
    const post = (body: string, headers: Record<string, string>) =>
      http.request('POST', '/v1/billing/webhook', { rawBody: body, headers: { 'content-type': 'application/json', ...headers } });

    const attempts = [
      await post(payload, {}),
      await post(payload, { 'stripe-signature': 't=1,v1=deadbeef' }),
      await post(payload.replace(dev.id, 'someone-else'), { 'stripe-signature': signature }),
      await deliver(http, world.stripe, event, { secret: 'whsec_not_the_right_one' }),
      // A replay of a genuine signature captured 10 minutes ago: outside Stripe's 5-minute tolerance.
      await deliver(http, world.stripe, event, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(400);
      expectErrorShape(attempt.body, 400);
    }
    expect(await tierOf(dev.token)).toBe('standard');
    expect(await tierChanges(dev.id)).toBe(0);
    // None of them stored the event: the genuine delivery afterwards is its first.
    expect((await deliver(http, world.stripe, event)).body.duplicate).toBe(false);
    expect(await tierOf(dev.token)).toBe('premium');
  });

  it('keeps the tier through the grace after a failed payment, then moves to the free tier', async () => {
    const dev = await signUpDeveloper(http, admin);
    const subscription = await subscribe(http, world.stripe, dev);
    world.stripe.setSubscriptionStatus(subscription.id, 'past_due');
    const invoice = world.stripe.addInvoice(world.stripe.subscription(subscription.id), 'open');
    expect((await deliver(http, world.stripe, world.stripe.event('invoice.payment_failed', invoice))).status).toBe(200);
    expect(await tierOf(dev.token)).toBe('premium');
    expect((await http.get('/v1/billing', { token: dev.token })).body).toMatchObject({ status: 'past_due', tier: 'premium', pastDueSince: expect.any(String) });

    const { GraceExpiryService } = await import('@keyport/billing');
    const grace = world.harness.app.get(GraceExpiryService, { strict: false });
    world.clock.advanceDays(6);
    await grace.run();
    expect(await tierOf(dev.token)).toBe('premium');
    world.clock.advanceDays(1.5);
    await grace.run();
    expect(await tierOf(dev.token)).toBe('standard');
    await grace.run();
    expect(await tierChanges(dev.id)).toBe(2);

    // Paid at last: back to premium.
    world.stripe.setSubscriptionStatus(subscription.id, 'active');
    expect((await deliver(http, world.stripe, world.stripe.event('invoice.paid', { ...invoice, status: 'paid' }))).status).toBe(200);
    expect(await tierOf(dev.token)).toBe('premium');
  });

  it('moving down to the free tier cancels at the period end; the deletion then moves the keys', async () => {
    const dev = await signUpDeveloper(http, admin);
    const subscription = await subscribe(http, world.stripe, dev);
    const down = await http.put('/v1/me/tier', { tier: 'standard' }, { token: dev.token });
    expect(down.status).toBe(200);
    expect(down.body).toEqual({
      tier: 'premium',
      pendingTier: 'standard',
      effectiveAt: new Date(subscription.items.data[0].current_period_end * 1000).toISOString(),
    });
    await eventually(
      'cancel at period end at Stripe',
      async () => world.stripe.subscription(subscription.id).cancel_at_period_end,
      (v) => v === true,
    );
    expect((await http.get('/v1/billing', { token: dev.token })).body.cancelAtPeriodEnd).toBe(true);

    world.stripe.setSubscriptionStatus(subscription.id, 'canceled');
    await deliver(http, world.stripe, world.stripe.event('customer.subscription.deleted', world.stripe.subscription(subscription.id)));
    expect(await tierOf(dev.token)).toBe('standard');
    // Free again: the next move up asks for payment again.
    expect((await http.put('/v1/me/tier', { tier: 'premium' }, { token: dev.token })).status).toBe(402);
  });

  it('validates checkout input without a 500', async () => {
    const dev = await signUpDeveloper(http, admin);
    for (const body of [{ tier: 'standard' }, { tier: 'nope' }, { tier: 'BAD TIER' }, {}, { tier: 'premium', extra: 1 }]) {
      const response = await http.post('/v1/billing/checkout', body, { token: dev.token });
      expect(response.status).toBe(400);
      expectErrorShape(response.body, 400);
    }
    expect((await http.post('/v1/billing/checkout', { tier: 'premium' })).status).toBe(401);
    // Not JSON at all: refused by the body parser before any signature check.
    const junk = await http.request('POST', '/v1/billing/webhook', {
      rawBody: '{"not":"an event"',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=x' },
    });
    expect(junk.status).toBe(415);
    expectErrorShape(junk.body, 415);
  });

  it('acknowledges correctly signed but malformed events once, stores them as ignored, and changes nothing', async () => {
    const dev = await signUpDeveloper(http, admin);
    const subscription = await subscribe(http, world.stripe, dev);
    expect(await tierOf(dev.token)).toBe('premium');
    const cancelled = { ...subscription, status: 'canceled' };
    const sane = world.stripe.event('customer.subscription.deleted', cancelled);
    const malformed: unknown[] = [
      [],
      null,
      'evt_just_a_string',
      { id: 'evt_no_data', object: 'event', type: 'customer.subscription.deleted' },
      { ...sane, id: 'evt_bad_object', data: { object: [cancelled] } },
      { ...sane, id: 'evt_numeric_subscription', data: { object: { ...cancelled, id: 42 } } },
      { ...sane, id: 'evt_\u0000nul' },
      { ...sane, id: 'evt_unpaired', type: 'customer.subscription.\ud800deleted' },
      { ...world.stripe.event('invoice.paid', { id: 'in_x', parent: { subscription_details: { subscription: { id: null } } } }), id: 'evt_invoice_odd' },
      {
        ...world.stripe.event('checkout.session.completed', { id: 'cs_x', mode: 'subscription', subscription: ['sub_x'], client_reference_id: dev.id }),
        id: 'evt_checkout_odd',
      },
    ];
    for (const event of malformed) {
      const first = await deliver(http, world.stripe, event as Record<string, any>);
      expect(first.status, JSON.stringify(event).slice(0, 80)).toBe(200);
      expect(first.body).toEqual({ received: true, duplicate: false });
      // Stripe redelivers until it gets a 2xx; a redelivery is recognised, not applied.
      expect((await deliver(http, world.stripe, event as Record<string, any>)).body).toEqual({ received: true, duplicate: true });
    }
    // No route lists stored webhook events: only the database shows each was kept as ignored, with its reason.
    const ignored = await world.harness.app.get(Db, { strict: false }).client.webhookEvent.findMany({ where: { ignoredReason: { not: null } } });
    expect(ignored.map((e) => e.id)).toEqual(
      expect.arrayContaining(['evt_no_data', 'evt_bad_object', 'evt_numeric_subscription', 'evt_invoice_odd', 'evt_checkout_odd']),
    );
    expect(ignored.length).toBeGreaterThanOrEqual(malformed.length);
    expect(await tierOf(dev.token)).toBe('premium');
  });
});

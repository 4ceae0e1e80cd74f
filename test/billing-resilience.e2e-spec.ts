import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageMeteringService } from '@keyport/billing';
import { Db } from '@keyport/db';
import { OutboxWorker } from '@keyport/outbox';
import { randomUUID } from 'node:crypto';
import { type BillingWorld, deliver, eventually, planTierOfKey, startBillingWorld, stopBillingWorld, subscribe } from './support/billing';
import { HttpClient } from './support/http-client';
import { adminToken, signUpDeveloper, waitForKeyStatus } from './support/journey';

describe('Stripe billing: gateway outages, usage metering, admin changes', () => {
  let world: BillingWorld;
  let http: HttpClient;
  let admin: string;
  let db: Db;

  beforeAll(async () => {
    world = await startBillingWorld({ STRIPE_METER_EVENT_NAME: 'api_requests' });
    http = new HttpClient(world.harness.baseUrl);
    admin = await adminToken(http);
    db = world.harness.app.get(Db, { strict: false });
  });
  afterAll(() => stopBillingWorld(world));

  const outboxState = async (): Promise<{ depth: number; dead: number }> => (await http.get('/v1/admin/gateway/status', { token: admin })).body.outbox;

  it('applies a webhook that arrives while the gateway fails, once the gateway recovers', async () => {
    const dev = await signUpDeveloper(http, admin);
    const key = await http.post('/v1/keys', { name: 'main' }, { token: dev.token });
    await waitForKeyStatus(http, dev.token, key.body.id, 'active');

    world.gateway.failing = true;
    try {
      await subscribe(http, world.stripe, dev);
      // Keyport's decision is committed at once; only the gateway lags behind.
      expect((await http.get('/v1/me', { token: dev.token })).body.tier).toBe('premium');
      await eventually(
        'a failed gateway attempt',
        async () => world.gateway.failures,
        (failures) => failures > 0,
      );
      expect(await planTierOfKey(world.harness, key.body.id)).toBe('standard');
      // The change waits in the outbox, neither applied nor given up on.
      const status = await http.get('/v1/admin/gateway/status', { token: admin });
      expect(status.body.outbox).toMatchObject({ depth: expect.any(Number), oldestSeconds: expect.any(Number), dead: 0 });
      expect(status.body.outbox.depth).toBeGreaterThan(0);
      // No route shows why a change waits: only the outbox row holds the gateway's error.
      const pending = await db.client.outboxItem.findFirst({ where: { aggregate: `key:${key.body.id}`, status: 'PENDING' } });
      expect(pending?.lastError).toContain('Gateway unreachable');
    } finally {
      world.gateway.failing = false;
    }
    await eventually(
      'key moved to premium',
      () => planTierOfKey(world.harness, key.body.id),
      (tier) => tier === 'premium',
    );
  });

  it('reports each developer-day to the meter once, whatever is retried', async () => {
    const dev = await signUpDeveloper(http, admin);
    await subscribe(http, world.stripe, dev);
    const other = await signUpDeveloper(http, admin); // no Stripe customer: nothing to bill
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    // Usage of a finished day: the gateway counts only today, so the past is written straight to the database.
    await db.client.usageDaily.createMany({
      data: [
        { keyId: randomUUID(), day: new Date(yesterday), developerId: dev.id, requests: 1200n },
        { keyId: randomUUID(), day: new Date(yesterday), developerId: dev.id, requests: 34n },
        { keyId: randomUUID(), day: new Date(today), developerId: dev.id, requests: 99n }, // not finished yet
        { keyId: randomUUID(), day: new Date(yesterday), developerId: other.id, requests: 5n },
      ],
    });
    const identifier = `keyport-usage-${dev.id}-${yesterday}`;
    // Stripe records the first attempt but its answer is lost: the SDK retries under the same idempotency key.
    world.stripe.loseResponses('/v1/billing/meter_events', 1);
    const metering = world.harness.app.get(UsageMeteringService, { strict: false });
    expect(await metering.queueFinishedDays()).toBe(1);
    expect(await metering.queueFinishedDays()).toBe(0);
    const outbox = world.harness.app.get(OutboxWorker, { strict: false });
    await eventually(
      'meter event sent',
      async () => {
        await outbox.drain();
        return outboxState();
      },
      (outbox) => outbox.depth === 0,
    );
    expect((await outboxState()).dead).toBe(0);

    const sent = world.stripe.requests.filter((r) => r.path === '/v1/billing/meter_events' && r.form.identifier === identifier);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((r) => r.idempotencyKey))).toEqual(new Set([identifier]));
    const events = [...world.stripe.meterEvents.values()].filter((e) => e.payload.stripe_customer_id === sent[0].form.payload.stripe_customer_id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event_name: 'api_requests', identifier, payload: { value: '1234' } });

    // A crash after Stripe had the event but before Keyport knew: the item runs again, Stripe keeps one.
    // No route can undo a finished item, so the crash is staged in the database.
    await db.client.outboxItem.updateMany({ where: { aggregate: `meter:${dev.id}` }, data: { status: 'PENDING', lockedUntil: null, availableAt: new Date() } });
    expect((await outboxState()).depth).toBe(1);
    await outbox.drain();
    expect(await outboxState()).toMatchObject({ depth: 0, dead: 0 });
    expect([...world.stripe.meterEvents.values()].filter((e) => e.identifier === identifier)).toHaveLength(1);
    expect([...world.stripe.meterEvents.values()].some((e) => e.identifier.includes(other.id))).toBe(false);
  });

  it("shows billing state to admins and follows the rule for an admin's tier change of a paying developer", async () => {
    const dev = await signUpDeveloper(http, admin);
    const subscription = await subscribe(http, world.stripe, dev);
    const state = await http.get(`/v1/admin/developers/${dev.id}/billing`, { token: admin });
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ enabled: true, status: 'active', tier: 'premium', subscriptionId: subscription.id, customerId: subscription.customer });
    expect((await http.get(`/v1/admin/developers/${dev.id}/billing`, { token: dev.token })).status).toBe(403);

    const detail = await http.get(`/v1/admin/developers/${dev.id}`, { token: admin });
    expect(detail.body.billing).toMatchObject({ enabled: true, status: 'active', tier: 'premium', subscriptionId: subscription.id });
    expect(detail.body.usage).toMatchObject({ period: 'MONTH', used: 0 });
    const audit = async () => (await http.get(`/v1/admin/audit-log?target=${dev.id}`, { token: admin })).body.items;
    // Stripe's tier change is audited as the system's.
    expect((await audit()).find((entry: any) => entry.action === 'developer.tier_changed')).toMatchObject({
      actor: { type: 'system', id: 'stripe' },
      before: { tier: 'standard' },
      after: { tier: 'premium' },
    });

    // Admin moves a paying developer down over the admin API: at once, and Stripe stops charging (the subscription ends now).
    const before = await audit();
    const moved = await http.put(`/v1/admin/developers/${dev.id}/tier`, { tier: 'standard' }, { token: admin });
    expect(moved.status).toBe(200);
    expect(moved.body.tier).toBe('standard');
    const after = await audit();
    expect(after.length - before.length).toBe(1);
    expect(after[0]).toMatchObject({ action: 'developer.tier_changed', actor: { type: 'admin' }, before: { tier: 'premium' }, after: { tier: 'standard' } });
    expect(after[0].after.reason).toContain(subscription.id);
    await eventually(
      'subscription cancelled at Stripe',
      async () => world.stripe.subscription(subscription.id).status,
      (s) => s === 'canceled',
    );
    await deliver(http, world.stripe, world.stripe.event('customer.subscription.deleted', world.stripe.subscription(subscription.id)));
    expect((await http.get('/v1/me', { token: dev.token })).body.tier).toBe('standard');

    // A comp: premium given by an admin without a subscription, which no later event takes away.
    expect((await http.put(`/v1/admin/developers/${dev.id}/tier`, { tier: 'premium' }, { token: admin })).status).toBe(200);
    expect((await http.get(`/v1/admin/developers/${dev.id}`, { token: admin })).body.billing).toMatchObject({ status: 'canceled', tier: 'premium' });
    const late = world.stripe.event('customer.subscription.updated', world.stripe.subscription(subscription.id));
    await deliver(http, world.stripe, late);
    expect((await http.get('/v1/me', { token: dev.token })).body.tier).toBe('premium');
  });
});

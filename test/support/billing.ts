import { expect } from 'vitest';
import { GatewayDriver, LocalGatewayDriver, gatewayKeyName } from '@keyport/api-gateway';
import { Clock } from '@keyport/common';
import { FakeStripe } from '../fakes/stripe/fake-stripe.server';
import { FailingGatewayDriver } from './failing-gateway.driver';
import { tierPlanId } from './gateway-plans';
import { type HttpClient, type HttpResult } from './http-client';
import { KeyportHarness } from './keyport-harness';
import { type SignedInDeveloper } from './journey';
import { MovingClock } from './moving-clock';

export const PREMIUM_PRICE = 'price_premium_monthly';

/** The fake Stripe selling premium at $49.00 a month, and the app with billing on against it (real clock and gateway). */
export async function startWithFakeStripe(): Promise<{ stripe: FakeStripe; harness: KeyportHarness }> {
  const stripe = await new FakeStripe().start();
  stripe.definePrice(PREMIUM_PRICE, { unitAmount: 4900, currency: 'usd', interval: 'month' });
  const harness = await KeyportHarness.start({
    env: { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_API_URL: stripe.url, STRIPE_PRICE_PREMIUM: PREMIUM_PRICE },
  });
  return { stripe, harness };
}

export interface BillingWorld {
  harness: KeyportHarness;
  stripe: FakeStripe;
  clock: MovingClock;
  gateway: FailingGatewayDriver;
}

/** The app with billing on against a fake Stripe, a clock the test moves and a gateway it can break. */
export async function startBillingWorld(env: Record<string, string> = {}): Promise<BillingWorld> {
  const stripe = await new FakeStripe().start();
  const clock = new MovingClock();
  let gateway: FailingGatewayDriver | undefined;
  const harness = await KeyportHarness.start({
    env: {
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_URL: stripe.url,
      STRIPE_PRICE_PREMIUM: PREMIUM_PRICE,
      BILLING_SUCCESS_URL: 'https://portal.example.com/billing/done',
      BILLING_CANCEL_URL: 'https://portal.example.com/billing/cancelled',
      ...env,
    },
    overrides: [
      { provide: Clock, useValue: clock },
      {
        provide: GatewayDriver,
        inject: [LocalGatewayDriver],
        useFactory: (local: LocalGatewayDriver) => (gateway = new FailingGatewayDriver(local)),
      },
    ],
  });
  if (!gateway) throw new Error('gateway override not used');
  return { harness, stripe, clock, gateway };
}

export async function stopBillingWorld(world: BillingWorld | undefined): Promise<void> {
  await world?.harness.close();
  await world?.stripe.stop();
}

/** Delivers a signed event to the webhook endpoint as Stripe would. */
export function deliver(
  http: HttpClient,
  stripe: FakeStripe,
  event: Record<string, any>,
  options: { timestamp?: number; secret?: string } = {},
): Promise<HttpResult> {
  const { payload, signature } = stripe.sign(event, options);
  return http.request('POST', '/v1/billing/webhook', {
    rawBody: payload,
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
  });
}

/** Pays for premium through Checkout and delivers `checkout.session.completed`; returns the subscription. */
export async function subscribe(http: HttpClient, stripe: FakeStripe, developer: SignedInDeveloper): Promise<Record<string, any>> {
  const checkout = await http.post('/v1/billing/checkout', { tier: 'premium' }, { token: developer.token });
  expect(checkout.status).toBe(200);
  const { session, subscription } = stripe.completeCheckout(checkout.body.url);
  const delivered = await deliver(http, stripe, stripe.event('checkout.session.completed', session));
  expect(delivered.status).toBe(200);
  return subscription;
}

/** The tier whose gateway plan the key sits in now, or null, as the (embedded) gateway holds it. */
export async function planTierOfKey(harness: KeyportHarness, keyId: string): Promise<string | null> {
  const gateway = harness.app.get(LocalGatewayDriver, { strict: false });
  const key = await gateway.findApiKeyByName(gatewayKeyName(keyId));
  if (!key) return null;
  const plans = await gateway.plansOfKey(key.id);
  for (const tier of ['standard', 'premium']) {
    const planId = await tierPlanId(gateway, tier);
    if (planId && plans.includes(planId)) return tier;
  }
  return null;
}

export async function eventually<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Tier } from '@keyport/tiers';
import { TiersRepository } from '../libs/tiers/src/tiers.repository';
import { type FakeStripe } from './fakes/stripe/fake-stripe.server';
import { startWithFakeStripe } from './support/billing';
import { HttpClient } from './support/http-client';
import { adminToken, signUpDeveloper } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

describe('tier prices with billing off', () => {
  let harness: KeyportHarness;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
  });

  afterAll(() => harness?.close());

  it('lists every tier as free, with no price', async () => {
    const tiers = await new HttpClient(harness.baseUrl).get('/v1/tiers');
    expect(tiers.status).toBe(200);
    expect(tiers.body.length).toBeGreaterThan(0);
    for (const tier of tiers.body) expect(tier).toMatchObject({ paid: false, price: null, throttle: expect.any(Object), quota: expect.any(Object) });
  });
});

describe('tier prices with billing on (fake Stripe)', () => {
  let stripe: FakeStripe;
  let harness: KeyportHarness;
  let http: HttpClient;
  const priceReads = () => stripe.requests.filter((request) => request.method === 'GET' && request.path.startsWith('/v1/prices/')).length;

  beforeAll(async () => {
    ({ stripe, harness } = await startWithFakeStripe());
    http = new HttpClient(harness.baseUrl);
  });

  afterAll(async () => {
    await harness?.close();
    await stripe?.stop();
  });

  it('reads the paid tier price from Stripe once, and leaves free tiers free', async () => {
    const tiers = await http.get('/v1/tiers');
    expect(tiers.status).toBe(200);
    const bySlug = Object.fromEntries(tiers.body.map((tier: any) => [tier.slug, tier]));
    expect(bySlug.premium).toMatchObject({ paid: true, price: { amount: 4900, currency: 'usd', interval: 'month' } });
    expect(bySlug.standard).toMatchObject({ paid: false, price: null });
    const reads = priceReads();
    expect(reads).toBe(1);
    // Cached: the next lists do not ask Stripe again.
    for (let i = 0; i < 3; i++) expect((await http.get('/v1/tiers')).status).toBe(200);
    expect(priceReads()).toBe(reads);
  });

  it('lists a tier whose price Stripe does not have as paid with no price, rather than failing', async () => {
    // No route creates tiers: an operator's tier with its own (mistyped) Stripe price id.
    const gold: Tier = {
      slug: 'gold',
      name: 'Gold',
      throttle: { rateLimit: 5, burstLimit: 10 },
      quota: { limit: 100, period: 'DAY' },
      stripePriceId: 'price_not_at_stripe',
    };
    // Straight into the database: no route creates a tier (Keyport seeds its default tiers at start).
    await harness.app.get(TiersRepository).insertMissing([gold]);
    const listed = (await http.get('/v1/tiers')).body.find((tier: any) => tier.slug === 'gold');
    expect(listed).toMatchObject({ paid: true, price: null });
  });

  it("sends Checkout back to the portal's Plan page by default", async () => {
    const dev = await signUpDeveloper(http, await adminToken(http));
    const checkout = await http.post('/v1/billing/checkout', { tier: 'premium' }, { token: dev.token });
    expect(checkout.status).toBe(200);
    const session = [...stripe.checkoutSessions.values()].find((candidate) => candidate.url === checkout.body.url)!;
    // http://localhost:$PORT (the harness listens on PORT=0, a free port).
    expect(session.success_url).toMatch(/^http:\/\/localhost:\d+\/plan\?checkout=success$/);
    expect(session.cancel_url).toMatch(/^http:\/\/localhost:\d+\/plan\?checkout=cancel$/);
  });
});

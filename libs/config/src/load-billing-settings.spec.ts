import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('billing configuration', () => {
  it('is off by default', () => {
    expect(loadConfig({}).billing).toBeNull();
  });

  it('turns on with both Stripe secrets and reads prices per tier', () => {
    const billing = loadConfig({
      STRIPE_SECRET_KEY: 'sk_test_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      STRIPE_PRICE_PREMIUM: 'price_1',
      STRIPE_PRICE_GOLD_PLUS: 'price_2',
      STRIPE_API_URL: 'http://127.0.0.1:12111',
      STRIPE_METER_EVENT_NAME: 'api_requests',
    }).billing;
    expect(billing).toMatchObject({
      prices: { premium: 'price_1', 'gold-plus': 'price_2' },
      graceDays: 7,
      apiUrl: 'http://127.0.0.1:12111',
      meterEventName: 'api_requests',
      successUrl: 'http://localhost:3000/plan?checkout=success',
      cancelUrl: 'http://localhost:3000/plan?checkout=cancel',
      portalReturnUrl: 'http://localhost:3000/plan',
    });
  });

  it('names every bad variable without echoing a secret', () => {
    try {
      loadConfig({ STRIPE_SECRET_KEY: 'pk_live_secretvalue', STRIPE_WEBHOOK_SECRET: 'nothooks', STRIPE_PRICE_PREMIUM: 'prod_x', BILLING_GRACE_DAYS: '-1' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_PREMIUM', 'BILLING_GRACE_DAYS']) expect(message).toContain(name);
      expect(message).not.toContain('secretvalue');
      expect(message).not.toContain('nothooks');
    }
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });
});

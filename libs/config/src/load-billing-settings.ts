import { type BillingSettings } from './app-config';
import { type EnvReader } from './env-reader';

const PRICE_VARIABLE = /^STRIPE_PRICE_([A-Z0-9_]+)$/;

/** Stripe settings: on only when both the secret key and the webhook secret are set. */
export function loadBillingSettings(read: EnvReader, env: Record<string, string | undefined>, port: number): BillingSettings | null {
  const secretKey = read.string('STRIPE_SECRET_KEY');
  const webhookSecret = read.string('STRIPE_WEBHOOK_SECRET');
  if (secretKey === undefined && webhookSecret === undefined) return null;
  if (secretKey === undefined || webhookSecret === undefined) {
    read.problems.push('STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together');
    return null;
  }
  // Never echo the values: they are secrets.
  if (!/^(sk|rk)_(test|live)_/.test(secretKey)) read.problems.push('STRIPE_SECRET_KEY must be a Stripe secret or restricted key (sk_… or rk_…)');
  if (!webhookSecret.startsWith('whsec_')) read.problems.push('STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)');
  const portal = `http://localhost:${port}`;
  return {
    secretKey,
    webhookSecret,
    apiUrl: read.url('STRIPE_API_URL', ['http:', 'https:']),
    prices: tierPrices(read, env),
    successUrl: read.url('BILLING_SUCCESS_URL', ['http:', 'https:']) ?? `${portal}/plan?checkout=success`,
    cancelUrl: read.url('BILLING_CANCEL_URL', ['http:', 'https:']) ?? `${portal}/plan?checkout=cancel`,
    portalReturnUrl: read.url('BILLING_PORTAL_RETURN_URL', ['http:', 'https:']) ?? `${portal}/plan`,
    graceDays: read.int('BILLING_GRACE_DAYS', 7, 0, 90),
    meterEventName: read.string('STRIPE_METER_EVENT_NAME'),
  };
}

/** `STRIPE_PRICE_PREMIUM=price_…` names the price of tier `premium` (`_` in the name stands for `-`). */
function tierPrices(read: EnvReader, env: Record<string, string | undefined>): Record<string, string> {
  const prices: Record<string, string> = {};
  for (const name of Object.keys(env).sort()) {
    const match = PRICE_VARIABLE.exec(name);
    const value = read.string(name);
    if (!match || value === undefined) continue;
    if (!value.startsWith('price_')) read.problems.push(`${name} must be a Stripe price id (price_…)`);
    prices[match[1].toLowerCase().replace(/_/g, '-')] = value;
  }
  return prices;
}

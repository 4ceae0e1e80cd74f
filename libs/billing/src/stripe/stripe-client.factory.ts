import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { type BillingSettings } from '@keyport/config';

/** The one place a Stripe client is made; `STRIPE_API_URL` points it at another host (tests, stripe-mock). */
@Injectable()
export class StripeClientFactory {
  create(settings: BillingSettings): Stripe {
    const target = settings.apiUrl ? new URL(settings.apiUrl) : undefined;
    return new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      timeout: 15_000,
      telemetry: false,
      appInfo: { name: 'keyport' },
      ...(target
        ? {
            host: target.hostname,
            port: target.port || (target.protocol === 'https:' ? 443 : 80),
            protocol: target.protocol === 'https:' ? 'https' : 'http',
          }
        : {}),
    });
  }
}

import { Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { unavailable } from '@keyport/common';
import { type BillingSettings } from '@keyport/config';
import { BillingProvider } from '../billing-provider.port';
import { type CheckoutRequest, type InvoiceSummary, type MeterUsage, type SubscriptionSnapshot, type TierPrice, type WebhookNotice } from '../billing-types';
import { InvalidWebhookSignature } from '../invalid-webhook-signature';
import { readVerifiedEvent } from './stripe-event-reader';
import { toInvoiceSummary, toSnapshot } from './stripe-mapping';

/** BillingProvider over the `stripe` SDK. Stripe types stop here; the rest of Keyport sees its own. */
export class StripeBillingProvider extends BillingProvider {
  private readonly logger = new Logger('Stripe');

  constructor(
    private readonly stripe: Stripe,
    private readonly settings: BillingSettings,
  ) {
    super();
  }

  createCustomer(developerId: string, email: string): Promise<string> {
    return this.call('Create customer', async () => {
      const customer = await this.stripe.customers.create(
        { email, metadata: { developer_id: developerId } },
        // The same developer always gets the same key, so a retried first checkout makes one customer.
        { idempotencyKey: `keyport-customer-${developerId}` },
      );
      return customer.id;
    });
  }

  createCheckout(request: CheckoutRequest): Promise<string> {
    return this.call('Create checkout session', async () => {
      const metadata = { developer_id: request.developerId, tier: request.tierSlug };
      const session = await this.stripe.checkout.sessions.create({
        mode: 'subscription',
        customer: request.customerId,
        client_reference_id: request.developerId,
        line_items: [{ price: request.priceId, quantity: 1 }],
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        metadata,
        subscription_data: { metadata },
      });
      if (!session.url) throw new Error(`Checkout session ${session.id} has no URL`);
      return session.url;
    });
  }

  createPortal(customerId: string, returnUrl: string): Promise<string> {
    return this.call('Create portal session', async () => {
      const session = await this.stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl });
      return session.url;
    });
  }

  fetchSubscription(subscriptionId: string): Promise<SubscriptionSnapshot | null> {
    return this.call('Retrieve subscription', async () => {
      try {
        return toSnapshot(await this.stripe.subscriptions.retrieve(subscriptionId));
      } catch (error) {
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
        throw error;
      }
    });
  }

  fetchPrice(priceId: string): Promise<TierPrice | null> {
    return this.call('Retrieve price', async () => {
      try {
        const price = await this.stripe.prices.retrieve(priceId);
        return { amount: price.unit_amount, currency: price.currency, interval: price.recurring?.interval ?? null };
      } catch (error) {
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
        throw error;
      }
    });
  }

  setCancelAtPeriodEnd(subscriptionId: string, cancel: boolean, idempotencyKey: string): Promise<void> {
    return this.call('Update subscription', async () => {
      await this.stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: cancel }, { idempotencyKey });
    });
  }

  async cancelNow(subscriptionId: string, idempotencyKey: string): Promise<void> {
    const current = await this.fetchSubscription(subscriptionId);
    if (!current || current.status === 'canceled' || current.status === 'incomplete_expired') return;
    await this.call('Cancel subscription', () => this.stripe.subscriptions.cancel(subscriptionId, {}, { idempotencyKey }));
  }

  listInvoices(customerId: string, limit: number): Promise<InvoiceSummary[]> {
    return this.call('List invoices', async () => (await this.stripe.invoices.list({ customer: customerId, limit })).data.map(toInvoiceSummary));
  }

  reportUsage(usage: MeterUsage): Promise<void> {
    return this.call('Create meter event', async () => {
      try {
        await this.stripe.billing.meterEvents.create(
          {
            event_name: usage.eventName,
            identifier: usage.identifier,
            timestamp: Math.floor(usage.at.getTime() / 1000),
            payload: { stripe_customer_id: usage.customerId, value: String(usage.value) },
          },
          { idempotencyKey: usage.identifier },
        );
      } catch (error) {
        // Stripe already holds an event with this identifier: the usage is recorded, once.
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_already_exists') return;
        throw error;
      }
    });
  }

  verifyWebhook(rawBody: Buffer, signature: string | undefined): WebhookNotice {
    if (!signature) throw new InvalidWebhookSignature('Missing Stripe-Signature header');
    let event: unknown;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
    } catch (error) {
      throw new InvalidWebhookSignature(error instanceof Error ? error.message : 'Invalid signature');
    }
    return readVerifiedEvent(event, rawBody);
  }

  /** Stripe failing is Keyport's dependency failing: a 503 to the caller, the cause (never a secret) in the log. */
  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeError)) throw error;
      this.logger.error(`${what} failed: ${error.type} ${error.statusCode ?? ''} ${error.code ?? ''} ${error.message}`);
      throw unavailable('The payment provider is unavailable; try again shortly');
    }
  }
}

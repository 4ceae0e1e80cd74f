import { type CheckoutRequest, type InvoiceSummary, type MeterUsage, type SubscriptionSnapshot, type TierPrice, type WebhookNotice } from './billing-types';

/**
 * Everything Keyport asks of its payment provider, in the portal's words. Adapters: Stripe (the
 * `stripe` SDK) and an unconfigured one for when billing is off. Every write takes or derives an
 * idempotency key, so a retry after a crash or a timeout never charges or creates twice.
 */
export abstract class BillingProvider {
  abstract createCustomer(developerId: string, email: string): Promise<string>;
  /** A hosted Checkout page (subscription mode); returns its URL. */
  abstract createCheckout(request: CheckoutRequest): Promise<string>;
  /** A hosted Customer Portal session; returns its URL. */
  abstract createPortal(customerId: string, returnUrl: string): Promise<string>;
  /** The subscription's current state, or null when the provider has no such subscription. */
  abstract fetchSubscription(subscriptionId: string): Promise<SubscriptionSnapshot | null>;
  abstract setCancelAtPeriodEnd(subscriptionId: string, cancel: boolean, idempotencyKey: string): Promise<void>;
  /** Ends the subscription now; ending one already ended is success. */
  abstract cancelNow(subscriptionId: string, idempotencyKey: string): Promise<void>;
  /** What the price charges, or null when the provider has no such price. */
  abstract fetchPrice(priceId: string): Promise<TierPrice | null>;
  abstract listInvoices(customerId: string, limit: number): Promise<InvoiceSummary[]>;
  abstract reportUsage(usage: MeterUsage): Promise<void>;
  /** Verifies the signature over the raw body; throws InvalidWebhookSignature when it does not hold. */
  abstract verifyWebhook(rawBody: Buffer, signature: string | undefined): WebhookNotice;
}

/** Stripe subscription statuses, as Stripe spells them. */
export type SubscriptionStatus = 'incomplete' | 'incomplete_expired' | 'trialing' | 'active' | 'past_due' | 'canceled' | 'unpaid' | 'paused';

/** A subscription as the billing provider holds it now. */
export interface SubscriptionSnapshot {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  priceId: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  /** The developer id put in the subscription's metadata at checkout. */
  developerId: string | null;
}

/** What a verified webhook tells Keyport: which event, and which subscription to look at again. */
export interface WebhookNotice {
  eventId: string;
  type: string;
  subscriptionId: string | null;
  /** Checkout's `client_reference_id`: the developer who paid. */
  developerId: string | null;
  /** Set when the signed event is not shaped as Keyport expects: why it is ignored. */
  malformed?: string;
}

export interface InvoiceSummary {
  id: string;
  number: string | null;
  status: string | null;
  amountDue: number;
  amountPaid: number;
  currency: string;
  created: Date;
  periodStart: Date;
  periodEnd: Date;
  hostedInvoiceUrl: string | null;
  pdfUrl: string | null;
}

export interface CheckoutRequest {
  customerId: string;
  developerId: string;
  tierSlug: string;
  priceId: string;
  successUrl: string;
  cancelUrl: string;
}

export interface MeterUsage {
  eventName: string;
  customerId: string;
  value: number;
  /** Deterministic per developer and day: a resend is not billed twice. */
  identifier: string;
  at: Date;
}

/** What a Stripe price charges: `amount` in the currency's smallest unit (cents), per `interval`. */
export interface TierPrice {
  /** Null for a price with no flat amount (metered or tiered). */
  amount: number | null;
  currency: string;
  /** `day`, `week`, `month` or `year`; null for a one-off price. */
  interval: string | null;
}

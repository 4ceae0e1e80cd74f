import type Stripe from 'stripe';
import { type InvoiceSummary, type SubscriptionSnapshot, type SubscriptionStatus } from '../billing-types';

const seconds = (value: number): Date => new Date(value * 1000);
const idOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'object' && value !== null && 'id' in value ? String(value.id) : null;

export function toSnapshot(subscription: Stripe.Subscription): SubscriptionSnapshot {
  // Since API version 2025-03-31 the period lives on the items; Keyport sells one item per subscription.
  const item = subscription.items.data.at(0);
  return {
    id: subscription.id,
    customerId: idOf(subscription.customer) ?? '',
    status: subscription.status as SubscriptionStatus,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Stripe's JSON, read defensively whatever its types promise
    priceId: item?.price?.id ?? null,
    currentPeriodEnd: item?.current_period_end ? seconds(item.current_period_end) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Stripe's JSON, read defensively whatever its types promise
    developerId: subscription.metadata?.developer_id ?? null,
  };
}

export function toInvoiceSummary(invoice: Stripe.Invoice): InvoiceSummary {
  return {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Stripe's JSON, read defensively whatever its types promise
    id: invoice.id ?? '',
    number: invoice.number,
    status: invoice.status,
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    currency: invoice.currency,
    created: seconds(invoice.created),
    periodStart: seconds(invoice.period_start),
    periodEnd: seconds(invoice.period_end),
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
  };
}

import { Injectable } from '@nestjs/common';
import { DomainError, ErrorKind } from '@keyport/common';
import { BillingProvider } from './billing-provider.port';

const off = (): DomainError => new DomainError(ErrorKind.NotFound, 'Billing is not enabled', { code: 'BILLING_DISABLED' });

/** Stands in when STRIPE_SECRET_KEY is not set; services check first, so a call here is a bug made visible. */
@Injectable()
export class UnconfiguredBillingProvider extends BillingProvider {
  createCustomer(): Promise<string> {
    throw off();
  }
  createCheckout(): Promise<string> {
    throw off();
  }
  createPortal(): Promise<string> {
    throw off();
  }
  fetchSubscription(): Promise<null> {
    throw off();
  }
  setCancelAtPeriodEnd(): Promise<void> {
    throw off();
  }
  cancelNow(): Promise<void> {
    throw off();
  }
  fetchPrice(): Promise<null> {
    throw off();
  }
  listInvoices(): Promise<never[]> {
    throw off();
  }
  reportUsage(): Promise<void> {
    throw off();
  }
  verifyWebhook(): never {
    throw off();
  }
}

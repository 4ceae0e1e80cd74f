import { Injectable } from '@nestjs/common';
import { Db } from '@keyport/db';

export interface BillingAccount {
  developerId: string;
  email: string;
  tierSlug: string;
  customerId: string | null;
}

/** The billing side of a developer row: their Stripe customer id. */
@Injectable()
export class BillingAccountsRepository {
  constructor(private readonly db: Db) {}

  async find(developerId: string): Promise<BillingAccount | null> {
    const row = await this.db.client.developer.findUnique({
      where: { id: developerId },
      select: { id: true, email: true, tierSlug: true, stripeCustomerId: true },
    });
    return row ? { developerId: row.id, email: row.email, tierSlug: row.tierSlug, customerId: row.stripeCustomerId } : null;
  }

  async developerOfCustomer(customerId: string): Promise<string | null> {
    const row = await this.db.client.developer.findUnique({ where: { stripeCustomerId: customerId }, select: { id: true } });
    return row?.id ?? null;
  }

  /** Stores the customer id unless one is already there; returns the one that is stored. */
  async attachCustomer(developerId: string, customerId: string): Promise<string> {
    await this.db.client.developer.updateMany({ where: { id: developerId, stripeCustomerId: null }, data: { stripeCustomerId: customerId } });
    const row = await this.db.client.developer.findUniqueOrThrow({ where: { id: developerId }, select: { stripeCustomerId: true } });
    return row.stripeCustomerId ?? customerId;
  }
}

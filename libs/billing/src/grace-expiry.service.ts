import { Injectable } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { Clock } from '@keyport/common';
import { Transactions } from '@keyport/db';
import { SubscriptionSyncService } from './subscription-sync.service';
import { SubscriptionsRepository } from './subscriptions.repository';

const BATCH = 200;

/** Moves developers whose subscription stayed `past_due` beyond BILLING_GRACE_DAYS to the free tier. */
@Injectable()
export class GraceExpiryService {
  constructor(
    private readonly config: AppConfig,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly sync: SubscriptionSyncService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Returns how many developers were looked at again. */
  async run(): Promise<number> {
    const billing = this.config.billing;
    if (!billing) return 0;
    const cutoff = new Date(this.clock.now().getTime() - billing.graceDays * 86_400_000);
    const developerIds = await this.subscriptions.developersPastDueSince(cutoff, BATCH);
    for (const developerId of developerIds) await this.transactions.run(() => this.sync.reconcile(developerId));
    return developerIds.length;
  }
}

import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { notFound } from '@keyport/common';
import { Transactions } from '@keyport/db';
import { DeveloperAccountsService } from '@keyport/developers';
import { OutboxWriter } from '@keyport/outbox';
import { PLAN_SYNC, type Tier, type TierChanges, TiersService, tierPlanAggregate } from '@keyport/tiers';

export type TierEdit = Pick<TierChanges, 'name' | 'throttle' | 'quota'>;

/** Admin edits to tiers, applied to the tier's usage plan through the outbox (paced on AWS). */
@Injectable()
export class AdminTiersService {
  constructor(
    private readonly tiers: TiersService,
    private readonly developers: DeveloperAccountsService,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
  ) {}

  list(): Promise<Tier[]> {
    return this.tiers.list();
  }

  update(slug: string, edit: TierEdit): Promise<Tier> {
    return this.transactions.run(async () => {
      const before = await this.tiers.find(slug);
      if (!before) throw notFound('Tier');
      const after = await this.tiers.update(slug, edit);
      // The handler reads the tier when it runs, so edits queued one after another converge on the last.
      await this.outbox.enqueue(tierPlanAggregate(slug), PLAN_SYNC, { tier: slug });
      if (edit.throttle) {
        // Developers with their own quota have their own plan, which carries the tier's throttle.
        await this.developers.syncKeysOfOwnQuotaDevelopers(slug, 'tier-throttle');
      }
      await this.audit.record({
        action: 'tier.updated',
        targetType: 'tier',
        targetId: slug,
        before: { name: before.name, throttle: before.throttle, quota: before.quota },
        after: { name: after.name, throttle: after.throttle, quota: after.quota },
      });
      return after;
    });
  }
}

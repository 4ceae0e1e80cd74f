import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { notFound } from '@keyport/common';
import { Transactions } from '@keyport/db';
import { KeysService } from '@keyport/keys';
import { TiersService } from '@keyport/tiers';
import { type Developer } from './developer';
import { DevelopersRepository } from './developers.repository';

/**
 * The one tier-change path: the developer and every live key move to the tier's plan (the gateway
 * follows via the outbox) with an audit entry. Needs no identity provider, so the worker can use it.
 */
@Injectable()
export class TierChanger {
  constructor(
    private readonly developers: DevelopersRepository,
    private readonly keys: KeysService,
    private readonly tiers: TiersService,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
  ) {}

  /** `reason` lands in the audit entry (e.g. why billing moved the developer). */
  change(developerId: string, tierSlug: string, reason?: string): Promise<Developer> {
    return this.transactions.run(async () => {
      await this.tiers.require(tierSlug);
      const before = await this.developers.lock(developerId);
      if (!before) throw notFound('Developer');
      if (before.tierSlug === tierSlug) return before;
      const after = await this.developers.setTier(developerId, tierSlug);
      await this.keys.syncLiveKeys(developerId, 'tier-change');
      await this.audit.record({
        action: 'developer.tier_changed',
        targetType: 'developer',
        targetId: developerId,
        before: { tier: before.tierSlug },
        after: reason ? { tier: after.tierSlug, reason } : { tier: after.tierSlug },
      });
      return after;
    });
  }
}

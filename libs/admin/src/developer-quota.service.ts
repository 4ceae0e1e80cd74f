import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { Clock, RequestContext, conflict, notFound, quotaWindow } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { Transactions } from '@keyport/db';
import { type Developer, DevelopersRepository } from '@keyport/developers';
import { AdminOutboxType, developerPlanAggregate } from '@keyport/gateway-sync';
import { KeyOutboxType, KeysRepository, keyAggregate } from '@keyport/keys';
import { OutboxWriter } from '@keyport/outbox';
import { type Quota, TiersService } from '@keyport/tiers';
import { DeveloperControlsRepository } from './developer-controls.repository';
import { DeveloperDirectoryRepository } from './developer-directory.repository';

export interface GrantResult {
  periodStart: Date;
  periodEnd: Date;
  /** All requests granted to the developer for this period, this grant included. */
  grantedThisPeriod: number;
}

/**
 * A developer's own quota (their own usage plan at the gateway) and one-period grants. Each change
 * commits with the outbox items that bring the gateway in line and one audit entry.
 */
@Injectable()
export class DeveloperQuotaService {
  constructor(
    private readonly developers: DevelopersRepository,
    private readonly controls: DeveloperControlsRepository,
    private readonly directory: DeveloperDirectoryRepository,
    private readonly keys: KeysRepository,
    private readonly tiers: TiersService,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  setOverride(id: string, quota: Quota): Promise<Developer> {
    return this.transactions.run(async () => {
      const before = await this.requireLocked(id);
      if (!before.quotaOverride) {
        // AWS refuses a 301st usage plan; refuse first, with a reason an admin can act on.
        const plans = await this.controls.countUsagePlansLocked(id);
        if (plans >= this.config.maxUsagePlans) {
          throw conflict(
            `Usage plan limit reached: ${plans} of ${this.config.maxUsagePlans} plans exist; remove a developer quota first`,
            'USAGE_PLAN_LIMIT_REACHED',
          );
        }
      }
      const after = await this.controls.setQuotaOverride(id, quota);
      await this.syncKeys(id, 'quota-override');
      await this.audit.record({
        action: 'developer.quota_overridden',
        targetType: 'developer',
        targetId: id,
        before: { quota: before.quotaOverride },
        after: { quota: after.quotaOverride },
      });
      return after;
    });
  }

  clearOverride(id: string): Promise<Developer> {
    return this.transactions.run(async () => {
      const before = await this.requireLocked(id);
      if (!before.quotaOverride) throw notFound('Quota override');
      const after = await this.controls.setQuotaOverride(id, null);
      await this.syncKeys(id, 'quota-override-removed');
      // Its own aggregate: the cleanup moves the keys itself before deleting the plan, so it may run in any order.
      await this.outbox.enqueue(developerPlanAggregate(id), AdminOutboxType.DeveloperPlanCleanup, { developerId: id });
      const tier = await this.tiers.require(after.tierSlug);
      await this.audit.record({
        action: 'developer.quota_override_removed',
        targetType: 'developer',
        targetId: id,
        before: { quota: before.quotaOverride },
        after: { quota: null, tierQuota: tier.quota },
      });
      return after;
    });
  }

  /** Adds requests to the current quota period only; every live key gets them at the gateway. */
  grant(id: string, requests: number): Promise<GrantResult> {
    return this.transactions.run(async () => {
      const developer = await this.requireLocked(id);
      const tier = await this.tiers.require(developer.tierSlug);
      const window = quotaWindow((developer.quotaOverride ?? tier.quota).period, this.clock.now());
      const grantedBefore = await this.directory.grantedFor(id, window.start);
      const grantId = await this.controls.insertGrant({
        developerId: id,
        periodStart: window.start,
        requests,
        grantedBy: RequestContext.actor().id ?? 'system',
      });
      for (const key of await this.keys.listLiveByDeveloper(id)) {
        await this.outbox.enqueue(keyAggregate(key.id), AdminOutboxType.QuotaGrant, { grantId: grantId.toString(), keyId: key.id, requests });
      }
      const grantedThisPeriod = grantedBefore + requests;
      await this.audit.record({
        action: 'developer.quota_granted',
        targetType: 'developer',
        targetId: id,
        before: { periodStart: window.start, granted: grantedBefore },
        after: { periodStart: window.start, granted: grantedThisPeriod, grantId: grantId.toString() },
      });
      return { periodStart: window.start, periodEnd: window.end, grantedThisPeriod };
    });
  }

  private async requireLocked(id: string): Promise<Developer> {
    const developer = await this.developers.lock(id);
    if (!developer) throw notFound('Developer');
    return developer;
  }

  private async syncKeys(id: string, reason: string): Promise<void> {
    for (const key of await this.keys.listLiveByDeveloper(id)) {
      await this.outbox.enqueue(keyAggregate(key.id), KeyOutboxType.Sync, { keyId: key.id, reason });
    }
  }
}

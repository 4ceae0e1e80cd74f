import { Inject, Injectable } from '@nestjs/common';
import { PlanBindingsService, planOwner } from '@keyport/api-gateway';
import { AuditLog } from '@keyport/audit';
import { Clock, RequestContext, conflict, notFound, quotaWindow } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { Transactions } from '@keyport/db';
import { KeysService, keyAggregate } from '@keyport/keys';
import { OutboxWriter } from '@keyport/outbox';
import { type Quota, TiersService } from '@keyport/tiers';
import { type Developer, effectiveQuota } from './developer';
import { DeveloperOutboxType, developerPlanAggregate } from './developer-messages';
import { DevelopersRepository } from './developers.repository';
import { QuotaGrantsRepository } from './quota-grants.repository';

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
    private readonly grants: QuotaGrantsRepository,
    private readonly keys: KeysService,
    private readonly tiers: TiersService,
    private readonly planBindings: PlanBindingsService,
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
        const plans = await this.usagePlansBesides(id);
        if (plans >= this.config.maxUsagePlans) {
          throw conflict(
            `Usage plan limit reached: ${plans} of ${this.config.maxUsagePlans} plans exist; remove a developer quota first`,
            'USAGE_PLAN_LIMIT_REACHED',
          );
        }
      }
      const after = await this.developers.setQuotaOverride(id, quota);
      await this.keys.syncLiveKeys(id, 'quota-override');
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
      const after = await this.developers.setQuotaOverride(id, null);
      await this.keys.syncLiveKeys(id, 'quota-override-removed');
      // Its own aggregate: the cleanup moves the keys itself before deleting the plan, so it may run in any order.
      await this.outbox.enqueue(developerPlanAggregate(id), DeveloperOutboxType.PlanCleanup, { developerId: id });
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
      const window = quotaWindow(effectiveQuota(developer, tier).period, this.clock.now());
      const grantedBefore = await this.grants.grantedFor(id, window.start);
      const grantId = await this.grants.insert({
        developerId: id,
        periodStart: window.start,
        requests,
        grantedBy: RequestContext.actor().id ?? 'system',
      });
      for (const key of await this.keys.listLive(id)) {
        await this.outbox.enqueue(keyAggregate(key.id), DeveloperOutboxType.QuotaGrant, { grantId: grantId.toString(), keyId: key.id, requests });
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

  /**
   * Usage plans that exist or will exist at the gateway besides `exceptDeveloperId`'s own: every
   * tier's, every developer with a quota of their own, and developer plans still bound at the gateway
   * (waiting for deletion; the api-gateway lib owns the bindings). Counted under a transaction-wide lock.
   */
  private async usagePlansBesides(exceptDeveloperId: string): Promise<number> {
    await this.developers.lockUsagePlanCount();
    const tiers = await this.tiers.list();
    const developerPlans = new Set((await this.developers.idsWithQuotaOverride()).map(planOwner.developer));
    for (const { owner } of await this.planBindings.all()) {
      if (planOwner.isDeveloper(owner)) developerPlans.add(owner);
    }
    developerPlans.delete(planOwner.developer(exceptDeveloperId));
    return tiers.length + developerPlans.size;
  }

  private async requireLocked(id: string): Promise<Developer> {
    const developer = await this.developers.lock(id);
    if (!developer) throw notFound('Developer');
    return developer;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { Clock } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { DeveloperAccountsService, TierChanger } from '@keyport/developers';
import { DEFAULT_TIER_SLUG } from '@keyport/tiers';
import { type SubscriptionSnapshot } from './billing-types';
import { entitledTier, isFinal, tierAfterEntitlementChange } from './entitlement';
import { type Subscription } from './subscription';
import { SubscriptionsRepository } from './subscriptions.repository';
import { TierPrices } from './tier-prices';

/**
 * Brings Keyport in line with a subscription's current state. Decisions come from that state and
 * from when it was read, never from the order events arrived in. Runs inside the caller's
 * transaction, so the subscription row, the tier change, its outbox items and audit commit together.
 */
@Injectable()
export class SubscriptionSyncService {
  private readonly logger = new Logger(SubscriptionSyncService.name);

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly accounts: DeveloperAccountsService,
    private readonly prices: TierPrices,
    private readonly tierChanger: TierChanger,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async apply(snapshot: SubscriptionSnapshot, seenAt: Date, developerHint: string | null): Promise<void> {
    const developerId = (await this.accounts.developerOfCustomer(snapshot.customerId)) ?? snapshot.developerId ?? developerHint;
    const developer = developerId ? await this.accounts.lock(developerId) : null;
    if (!developer) {
      this.logger.warn(`Subscription ${snapshot.id} belongs to no known developer; ignored`);
      return;
    }
    const tierSlug = snapshot.priceId ? await this.prices.tierOfPrice(snapshot.priceId) : null;
    if (!tierSlug) {
      this.logger.warn(`Subscription ${snapshot.id} has price ${snapshot.priceId ?? 'none'}, which no tier sells; ignored`);
      return;
    }
    const stored = await this.subscriptions.find(snapshot.id);
    // An older read, or a state after which Stripe never changes the subscription again: nothing to learn.
    if (stored && (stored.seenAt > seenAt || isFinal(stored.status))) return;

    const others = (await this.subscriptions.listByDeveloper(developer.id)).filter((s) => s.id !== snapshot.id);
    const next: Subscription = {
      id: snapshot.id,
      developerId: developer.id,
      status: snapshot.status,
      tierSlug,
      priceId: snapshot.priceId,
      currentPeriodEnd: snapshot.currentPeriodEnd,
      cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
      pastDueSince: snapshot.status === 'past_due' ? ((stored?.status === 'past_due' ? stored.pastDueSince : null) ?? seenAt) : null,
      seenAt,
    };
    await this.subscriptions.save(next);
    if (stored?.status !== next.status) {
      await this.audit.record({
        action: 'billing.subscription_changed',
        targetType: 'developer',
        targetId: developer.id,
        before: stored ? { subscription: stored.id, status: stored.status } : null,
        after: { subscription: next.id, status: next.status, tier: tierSlug },
      });
    }
    const now = this.clock.now();
    const before = entitledTier(stored ? [stored, ...others] : others, now, this.graceDays);
    const after = entitledTier([next, ...others], now, this.graceDays);
    const target = tierAfterEntitlementChange(developer.tierSlug, before, after, DEFAULT_TIER_SLUG);
    if (target) await this.tierChanger.change(developer.id, target, `subscription ${next.id} is ${next.status}`);
  }

  /** Re-decides with the time now: a `past_due` subscription whose grace ended gives its tier back. */
  async reconcile(developerId: string): Promise<void> {
    const developer = await this.accounts.lock(developerId);
    if (!developer) return;
    const subscriptions = await this.subscriptions.listByDeveloper(developerId);
    const pastDue = subscriptions.find((s) => s.status === 'past_due' && s.tierSlug === developer.tierSlug);
    if (!pastDue) return;
    const entitled = entitledTier(subscriptions, this.clock.now(), this.graceDays);
    const target = tierAfterEntitlementChange(developer.tierSlug, pastDue.tierSlug, entitled, DEFAULT_TIER_SLUG);
    if (target) await this.tierChanger.change(developerId, target, `subscription ${pastDue.id} past due beyond ${this.graceDays} days`);
  }

  private get graceDays(): number {
    return this.config.billing?.graceDays ?? 7;
  }
}

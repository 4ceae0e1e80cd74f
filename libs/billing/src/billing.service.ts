import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { DomainError, ErrorKind, conflict, invalid } from '@keyport/common';
import { Transactions } from '@keyport/db';
import { type BillingAccount, DeveloperAccountsService, TierChanger } from '@keyport/developers';
import { OutboxWriter } from '@keyport/outbox';
import { DEFAULT_TIER_SLUG, TiersService } from '@keyport/tiers';
import { BillingGate } from './billing-gate';
import { BillingOutboxType, subscriptionAggregate } from './billing-messages';
import { BillingProvider } from './billing-provider.port';
import { type BillingStatus, type TierChangeOutcome } from './billing-status';
import { type InvoiceSummary } from './billing-types';
import { isSubscriptionLive } from './entitlement';
import { type Subscription } from './subscription';
import { SubscriptionsRepository } from './subscriptions.repository';
import { TierPrices } from './tier-prices';

const INVOICES_SHOWN = 24;

/** A developer's side of billing: paying for a tier, the portal, invoices, and tier changes that involve money. */
@Injectable()
export class BillingService {
  constructor(
    private readonly gate: BillingGate,
    private readonly provider: BillingProvider,
    private readonly accounts: DeveloperAccountsService,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly tiers: TiersService,
    private readonly prices: TierPrices,
    private readonly tierChanger: TierChanger,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
  ) {}

  /** `requireEnabled`: the developer's own view, which does not exist while billing is off. */
  async status(developerId: string, requireEnabled = false): Promise<BillingStatus> {
    if (requireEnabled) this.gate.require();
    const account = await this.account(developerId);
    const newest = (await this.subscriptions.listByDeveloper(developerId)).at(0);
    return {
      enabled: this.gate.enabled,
      status: newest?.status ?? 'none',
      tier: account.tierSlug,
      currentPeriodEnd: newest?.currentPeriodEnd ?? null,
      cancelAtPeriodEnd: newest?.cancelAtPeriodEnd ?? false,
      subscriptionId: newest?.id ?? null,
      customerId: account.customerId,
      pastDueSince: newest?.pastDueSince ?? null,
    };
  }

  /** A Checkout page for a paid tier; 409 while a subscription still bills (the portal switches plans). */
  async checkout(developerId: string, tierSlug: string): Promise<string> {
    const settings = this.gate.require();
    const tier = await this.tiers.require(tierSlug);
    const priceId = this.prices.priceOf(tier);
    if (!priceId) throw invalid(`Tier "${tier.slug}" is free`, [{ field: 'tier', message: 'must be a paid tier' }]);
    if (await this.liveSubscription(developerId)) {
      throw conflict('You already have a subscription; change or cancel it in the billing portal (POST /v1/billing/portal)', 'SUBSCRIPTION_EXISTS');
    }
    const customerId = await this.customerOf(await this.account(developerId));
    return this.provider.createCheckout({
      customerId,
      developerId,
      tierSlug: tier.slug,
      priceId,
      successUrl: settings.successUrl,
      cancelUrl: settings.cancelUrl,
    });
  }

  async portal(developerId: string): Promise<string> {
    const settings = this.gate.require();
    const customerId = await this.customerOf(await this.account(developerId));
    return this.provider.createPortal(customerId, settings.portalReturnUrl);
  }

  async invoices(developerId: string): Promise<InvoiceSummary[]> {
    this.gate.require();
    const account = await this.account(developerId);
    return account.customerId ? this.provider.listInvoices(account.customerId, INVOICES_SHOWN) : [];
  }

  /**
   * A developer's own tier change. Billing off: immediate. Up to a paid tier: 402 with a Checkout
   * URL (the webhook moves them once paid). Down to a free tier while paying: the subscription
   * cancels at the period's end and the paid tier lasts until then.
   */
  async requestTierChange(developerId: string, tierSlug: string): Promise<TierChangeOutcome> {
    if (!this.gate.enabled) return { tier: (await this.tierChanger.change(developerId, tierSlug)).tierSlug };
    const tier = await this.tiers.require(tierSlug);
    const account = await this.account(developerId);
    const live = await this.liveSubscription(developerId);
    if (this.prices.priceOf(tier)) {
      if (live?.tierSlug === tier.slug) return this.keepSubscription(account, live);
      if (live) throw conflict('You already have a subscription; switch plans in the billing portal (POST /v1/billing/portal)', 'SUBSCRIPTION_EXISTS');
      const checkoutUrl = await this.checkout(developerId, tier.slug);
      throw new DomainError(ErrorKind.PaymentRequired, `Tier "${tier.slug}" is paid: complete the checkout`, { extra: { checkoutUrl } });
    }
    // Paid for until the period ends: the tier lasts until then, and the deletion event moves them down.
    if (live?.tierSlug === account.tierSlug) return this.cancelAtPeriodEnd(account, live, DEFAULT_TIER_SLUG);
    return { tier: (await this.tierChanger.change(developerId, tier.slug)).tierSlug };
  }

  /**
   * An admin's tier change: applied at once and never billed. A subscription paying for another
   * tier is ended at Stripe now (through the outbox, in the same transaction), so the developer is
   * not charged for a tier they no longer have. A paid tier given without a subscription is a comp.
   */
  adminChangeTier(developerId: string, tierSlug: string): Promise<TierChangeOutcome> {
    return this.transactions.run(async () => {
      const before = await this.account(developerId);
      const cancelled = this.gate.enabled
        ? (await this.subscriptions.listByDeveloper(developerId)).filter(
            (subscription) => isSubscriptionLive(subscription) && subscription.tierSlug !== tierSlug,
          )
        : [];
      // One admin action, one audit entry: the tier change names the subscriptions it ends.
      const ids = cancelled.map((subscription) => subscription.id).join(', ');
      const reason = cancelled.length === 0 ? 'admin decision' : `admin decision; subscription ${ids} cancelled at once`;
      const changed = await this.tierChanger.change(developerId, tierSlug, reason);
      for (const subscription of cancelled) {
        await this.outbox.enqueue(subscriptionAggregate(subscription.id), BillingOutboxType.ChangeSubscription, {
          subscriptionId: subscription.id,
          change: 'cancel-now',
        });
      }
      if (cancelled.length > 0 && before.tierSlug === tierSlug) {
        // The tier stays, so the tier changer recorded nothing: the cancellation is the action.
        await this.audit.record({
          action: 'billing.subscription_cancel_requested',
          targetType: 'developer',
          targetId: developerId,
          before: { subscriptions: cancelled.map((subscription) => ({ id: subscription.id, status: subscription.status })) },
          after: { cancel: 'now', reason: `admin kept the developer on ${tierSlug}` },
        });
      }
      return { tier: changed.tierSlug };
    });
  }

  private cancelAtPeriodEnd(account: BillingAccount, live: Subscription, pendingTier: string): Promise<TierChangeOutcome> {
    return this.transactions.run(async () => {
      if (!live.cancelAtPeriodEnd) await this.setCancelAtPeriodEnd(account.developerId, live, true);
      return { tier: account.tierSlug, pendingTier, effectiveAt: live.currentPeriodEnd };
    });
  }

  /** Asking again for the tier one pays for withdraws a pending cancellation. */
  private keepSubscription(account: BillingAccount, live: Subscription): Promise<TierChangeOutcome> {
    return this.transactions.run(async () => {
      if (live.cancelAtPeriodEnd) await this.setCancelAtPeriodEnd(account.developerId, live, false);
      return { tier: account.tierSlug };
    });
  }

  private async setCancelAtPeriodEnd(developerId: string, live: Subscription, cancel: boolean): Promise<void> {
    await this.subscriptions.setCancelAtPeriodEnd(live.id, cancel);
    await this.outbox.enqueue(subscriptionAggregate(live.id), BillingOutboxType.ChangeSubscription, {
      subscriptionId: live.id,
      change: cancel ? 'cancel-at-period-end' : 'renew',
    });
    await this.audit.record({
      action: cancel ? 'billing.subscription_cancel_requested' : 'billing.subscription_cancel_withdrawn',
      targetType: 'developer',
      targetId: developerId,
      before: { subscription: live.id, cancelAtPeriodEnd: !cancel },
      after: { subscription: live.id, cancelAtPeriodEnd: cancel },
    });
  }

  private async liveSubscription(developerId: string): Promise<Subscription | undefined> {
    return (await this.subscriptions.listByDeveloper(developerId)).find(isSubscriptionLive);
  }

  private account(developerId: string): Promise<BillingAccount> {
    return this.accounts.billingAccount(developerId);
  }

  /** The developer's Stripe customer, created on first need (idempotently, so a retry makes no second one). */
  private async customerOf(account: BillingAccount): Promise<string> {
    if (account.customerId) return account.customerId;
    const created = await this.provider.createCustomer(account.developerId, account.email);
    return this.accounts.attachCustomer(account.developerId, created);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { Clock, DomainError, ErrorKind, RequestContext, invalid } from '@keyport/common';
import { Transactions } from '@keyport/db';
import { Metrics } from '@keyport/observability';
import { BillingGate } from './billing-gate';
import { BillingProvider } from './billing-provider.port';
import { type SubscriptionSnapshot, type WebhookNotice } from './billing-types';
import { InvalidWebhookSignature } from './invalid-webhook-signature';
import { SubscriptionSyncService } from './subscription-sync.service';
import { WebhookEventsRepository } from './webhook-events.repository';

/** The events Keyport acts on; every other verified event is recorded and acknowledged. */
export const HANDLED_EVENTS: readonly string[] = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
];

export interface WebhookOutcome {
  duplicate: boolean;
  /** A verified event Keyport could not read: recorded as ignored, acknowledged so Stripe stops sending it. */
  ignored?: boolean;
}

/**
 * Receives Stripe's webhooks: verified against the raw body, each event id applied once. An event
 * is only a hint: Keyport reads the subscription's current state from Stripe and decides from that,
 * so events arriving late, twice or out of order cannot move a developer the wrong way.
 */
@Injectable()
export class BillingWebhookService {
  private readonly logger = new Logger(BillingWebhookService.name);

  constructor(
    private readonly gate: BillingGate,
    private readonly provider: BillingProvider,
    private readonly events: WebhookEventsRepository,
    private readonly sync: SubscriptionSyncService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookOutcome> {
    try {
      const outcome = await this.process(rawBody, signature);
      this.metrics.webhookOutcome(outcome.duplicate ? 'duplicate' : outcome.ignored ? 'ignored' : 'processed');
      return outcome;
    } catch (error) {
      this.metrics.webhookOutcome(outcomeOf(error));
      throw error;
    }
  }

  private async process(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookOutcome> {
    this.gate.require();
    const notice = this.verify(rawBody, signature);
    RequestContext.setActor({ type: 'system', id: 'stripe' });
    if (await this.events.seen(notice.eventId)) return { duplicate: true };
    if (notice.malformed) return this.ignore(notice, notice.malformed);
    // Read before fetching: a state fetched later always wins over one fetched earlier.
    const seenAt = this.clock.now();
    const snapshot = await this.currentState(notice);
    return this.transactions.run(async () => {
      if (!(await this.events.record(notice.eventId, notice.type, seenAt))) return { duplicate: true };
      if (snapshot) await this.sync.apply(snapshot, seenAt, notice.developerId);
      return { duplicate: false };
    });
  }

  private async ignore(notice: WebhookNotice, reason: string): Promise<WebhookOutcome> {
    this.logger.warn(`Webhook event ${notice.eventId} (${notice.type}) ignored: ${reason}`);
    const recorded = await this.events.record(notice.eventId, notice.type, this.clock.now(), reason);
    return recorded ? { duplicate: false, ignored: true } : { duplicate: true };
  }

  private verify(rawBody: Buffer | undefined, signature: string | undefined): WebhookNotice {
    try {
      return this.provider.verifyWebhook(rawBody ?? Buffer.alloc(0), signature);
    } catch (error) {
      if (error instanceof InvalidWebhookSignature) {
        this.logger.warn(`Webhook refused: ${error.message}`);
        throw invalid('Invalid webhook signature', [{ field: 'Stripe-Signature', message: error.message }]);
      }
      throw error;
    }
  }

  private async currentState(notice: WebhookNotice): Promise<SubscriptionSnapshot | null> {
    if (!HANDLED_EVENTS.includes(notice.type) || !notice.subscriptionId) return null;
    const snapshot = await this.provider.fetchSubscription(notice.subscriptionId);
    if (!snapshot) this.logger.warn(`Event ${notice.eventId} names subscription ${notice.subscriptionId}, which Stripe does not know`);
    return snapshot;
  }
}

function outcomeOf(error: unknown): string {
  if (!(error instanceof DomainError)) return 'failed';
  if (error.kind === ErrorKind.ValidationFailed) return 'invalid_signature';
  if (error.kind === ErrorKind.NotFound) return 'billing_off';
  return 'failed';
}

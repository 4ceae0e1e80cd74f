import { describe, expect, it } from 'vitest';
import { type Clock, type DomainError } from '@keyport/common';
import { type AppConfig, type BillingSettings } from '@keyport/config';
import { type Metrics } from '@keyport/observability';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { BillingGate } from './billing-gate';
import { type BillingProvider } from './billing-provider.port';
import { type SubscriptionSnapshot, type WebhookNotice } from './billing-types';
import { BillingWebhookService } from './billing-webhook.service';
import { InvalidWebhookSignature } from './invalid-webhook-signature';
import { type SubscriptionSyncService } from './subscription-sync.service';
import { type WebhookEventsRepository } from './webhook-events.repository';

const NOW = new Date('2026-12-03T10:00:00Z');
const SNAPSHOT: SubscriptionSnapshot = {
  id: 'sub_1',
  customerId: 'cus_1',
  status: 'active',
  priceId: 'price_premium',
  currentPeriodEnd: null,
  cancelAtPeriodEnd: false,
  developerId: 'dev-1',
};
const NOTICE: WebhookNotice = { eventId: 'evt_1', type: 'customer.subscription.updated', subscriptionId: 'sub_1', developerId: 'dev-hint' };

function world(
  options: { billing?: boolean; notice?: WebhookNotice | Error; seen?: boolean; recorded?: boolean; snapshot?: SubscriptionSnapshot | null } = {},
) {
  const config = { billing: options.billing === false ? null : ({} as BillingSettings) } as AppConfig;
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const note = (effect: string) => effects.push(`${effect}${transactions.open ? ' (in the transaction)' : ''}`);
  const provider = strictFake<BillingProvider>('BillingProvider', {
    verifyWebhook: recorder((_body: Buffer, _signature: string | undefined) => {
      if (options.notice instanceof Error) throw options.notice;
      return options.notice ?? NOTICE;
    }),
    fetchSubscription: recorder(async (id: string) => (note(`fetch ${id}`), options.snapshot === undefined ? SNAPSHOT : options.snapshot)),
  });
  const events = strictFake<WebhookEventsRepository>('WebhookEventsRepository', {
    seen: async () => options.seen ?? false,
    record: recorder(
      async (eventId: string, _type: string, _at: Date, reason?: string) => (
        note(`record ${eventId}${reason ? ` (${reason})` : ''}`),
        options.recorded ?? true
      ),
    ),
  });
  const sync = strictFake<SubscriptionSyncService>('SubscriptionSyncService', {
    apply: recorder(async (snapshot: SubscriptionSnapshot) => void note(`apply ${snapshot.id}`)),
  });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const outcomes: string[] = [];
  const metrics = strictFake<Metrics>('Metrics', { webhookOutcome: (outcome: string) => void outcomes.push(outcome) });
  const service = new BillingWebhookService(new BillingGate(config), provider, events, sync, transactions.asTransactions(), clock, metrics);
  return { service, effects, outcomes, provider, sync, events };
}

const BODY = Buffer.from('{"id":"evt_1"}');

describe('BillingWebhookService', () => {
  it("reads the subscription's current state, then records the event and applies that state in one transaction", async () => {
    const { service, effects, outcomes, provider, sync } = world();
    expect(await service.receive(BODY, 't=1,v1=sig')).toEqual({ duplicate: false });
    expect(provider.verifyWebhook).toHaveProperty('calls', [[BODY, 't=1,v1=sig']]);
    expect(effects).toEqual(['fetch sub_1', 'record evt_1 (in the transaction)', 'apply sub_1 (in the transaction)']);
    // The time of the read, taken before fetching, and the checkout's developer as a hint.
    expect(sync.apply).toHaveProperty('calls', [[SNAPSHOT, NOW, 'dev-hint']]);
    expect(outcomes).toEqual(['processed']);
  });

  it('applies an event id once: a second delivery, or one recorded concurrently, is a duplicate', async () => {
    const again = world({ seen: true });
    expect(await again.service.receive(BODY, 'sig')).toEqual({ duplicate: true });
    expect(again.effects).toEqual([]);
    expect(again.outcomes).toEqual(['duplicate']);
    const raced = world({ recorded: false });
    expect(await raced.service.receive(BODY, 'sig')).toEqual({ duplicate: true });
    expect(raced.sync.apply).toHaveProperty('calls', []);
  });

  it('records and acknowledges an event it does not act on, or whose subscription Stripe does not know, changing nothing', async () => {
    const unhandled = world({ notice: { ...NOTICE, type: 'customer.created' } });
    expect(await unhandled.service.receive(BODY, 'sig')).toEqual({ duplicate: false });
    expect(unhandled.effects).toEqual(['record evt_1 (in the transaction)']);
    const unknown = world({ snapshot: null });
    await unknown.service.receive(BODY, 'sig');
    expect(unknown.effects).toEqual(['fetch sub_1', 'record evt_1 (in the transaction)']);
  });

  it('records a malformed event as ignored, with the reason, so Stripe stops sending it', async () => {
    const { service, effects, outcomes } = world({ notice: { ...NOTICE, malformed: 'no subscription id' } });
    expect(await service.receive(BODY, 'sig')).toEqual({ duplicate: false, ignored: true });
    expect(effects).toEqual(['record evt_1 (no subscription id)']);
    expect(outcomes).toEqual(['ignored']);
  });

  it('answers 400 on the Stripe-Signature field for a bad signature, and 404 BILLING_DISABLED with billing off', async () => {
    const forged = world({ notice: new InvalidWebhookSignature('No signatures found matching the expected signature') });
    const error = (await forged.service.receive(BODY, 'forged').catch((caught: unknown) => caught)) as DomainError;
    expect(error).toMatchObject({
      kind: 'VALIDATION_FAILED',
      details: [{ field: 'Stripe-Signature', message: 'No signatures found matching the expected signature' }],
    });
    expect(forged.outcomes).toEqual(['invalid_signature']);
    expect(forged.effects).toEqual([]);

    const off = world({ billing: false });
    await expect(off.service.receive(BODY, 'sig')).rejects.toMatchObject({ code: 'BILLING_DISABLED' });
    expect(off.outcomes).toEqual(['billing_off']);
  });

  it('lets any other failure through, counted as failed', async () => {
    const broken = world({ notice: new Error('parser exploded') });
    await expect(broken.service.receive(undefined, undefined)).rejects.toThrow('parser exploded');
    expect(broken.outcomes).toEqual(['failed']);
  });
});

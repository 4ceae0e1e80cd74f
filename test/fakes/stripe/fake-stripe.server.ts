import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { decodeForm } from './form-body';

type Json = Record<string, any>;
interface Reply {
  status: number;
  body: Json;
}
export interface RecordedRequest {
  method: string;
  path: string;
  form: Json;
  idempotencyKey?: string;
}

const DAY = 86_400;
const now = (): number => Math.floor(Date.now() / 1000);
const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;

/**
 * A Stripe API that the real `stripe` SDK reaches over HTTP: form-encoded bodies, JSON objects with
 * `object`, `{error: {...}}` errors, `Idempotency-Key` replayed, lists as `{object: 'list', data,
 * has_more}`. Holds prices, customers, checkout and portal sessions, subscriptions, invoices and meter
 * events; tests move subscriptions along and sign the webhook events Stripe would send.
 */
export class FakeStripe {
  readonly secretKey = `sk_test_${randomBytes(12).toString('hex')}`;
  readonly webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  readonly requests: RecordedRequest[] = [];
  readonly customers = new Map<string, Json>();
  readonly checkoutSessions = new Map<string, Json>();
  readonly subscriptions = new Map<string, Json>();
  readonly invoices = new Map<string, Json>();
  /** Prices, as `GET /v1/prices/:id` answers them; tests define them with `definePrice`. */
  readonly prices = new Map<string, Json>();
  /** Meter events by identifier: a second event with an identifier is refused, as Stripe does. */
  readonly meterEvents = new Map<string, Json>();
  private readonly idempotent = new Map<string, Reply>();
  /** Requests to fail with a 500 after being applied (the response is "lost"): path prefix → count. */
  private readonly lostResponses = new Map<string, number>();
  private server?: Server;
  private readonly signer = new Stripe('sk_test_signer');
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.serve(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A recurring flat price, in Stripe's price object shape (`unit_amount` in the currency's smallest unit). */
  definePrice(id: string, price: { unitAmount: number; currency: string; interval: 'day' | 'week' | 'month' | 'year' }): Json {
    const object = {
      id,
      object: 'price',
      active: true,
      billing_scheme: 'per_unit',
      created: now(),
      currency: price.currency,
      livemode: false,
      lookup_key: null,
      metadata: {},
      nickname: null,
      product: newId('prod'),
      recurring: { interval: price.interval, interval_count: 1, meter: null, usage_type: 'licensed' },
      tax_behavior: 'unspecified',
      type: 'recurring',
      unit_amount: price.unitAmount,
      unit_amount_decimal: String(price.unitAmount),
    };
    this.prices.set(id, object);
    return object;
  }

  /** The next `times` requests under `pathPrefix` are applied, then answered with a 500. */
  loseResponses(pathPrefix: string, times = 1): void {
    this.lostResponses.set(pathPrefix, times);
  }

  /** What Stripe does when the customer pays at Checkout: a subscription, a paid invoice, the session completed. */
  completeCheckout(sessionUrl: string, status = 'active'): { session: Json; subscription: Json } {
    const session = [...this.checkoutSessions.values()].find((candidate) => candidate.url === sessionUrl);
    if (!session) throw new Error(`no checkout session at ${sessionUrl}`);
    const price = session.line_items[0].price;
    const start = now();
    const subscription: Json = {
      id: newId('sub'),
      object: 'subscription',
      customer: session.customer,
      status,
      cancel_at_period_end: false,
      canceled_at: null,
      created: start,
      metadata: session.subscription_data?.metadata ?? {},
      items: {
        object: 'list',
        has_more: false,
        data: [
          {
            id: newId('si'),
            object: 'subscription_item',
            price: { id: price, object: 'price' },
            current_period_start: start,
            current_period_end: start + 30 * DAY,
            quantity: 1,
          },
        ],
      },
    };
    this.subscriptions.set(subscription.id, subscription);
    this.addInvoice(subscription, 'paid');
    Object.assign(session, { status: 'complete', payment_status: 'paid', subscription: subscription.id });
    return { session, subscription };
  }

  setSubscriptionStatus(subscriptionId: string, status: string): Json {
    const subscription = this.subscription(subscriptionId);
    subscription.status = status;
    if (status === 'canceled') subscription.canceled_at = now();
    return subscription;
  }

  addInvoice(subscription: Json, status: 'paid' | 'open'): Json {
    const period = subscription.items.data[0];
    const invoice: Json = {
      id: newId('in'),
      object: 'invoice',
      customer: subscription.customer,
      number: `KP-${this.invoices.size + 1}`,
      status,
      amount_due: 4900,
      amount_paid: status === 'paid' ? 4900 : 0,
      currency: 'usd',
      created: now() + this.invoices.size,
      period_start: period.current_period_start,
      period_end: period.current_period_end,
      hosted_invoice_url: 'https://invoice.stripe.test/i/1',
      invoice_pdf: 'https://invoice.stripe.test/i/1.pdf',
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id, metadata: {} } },
    };
    this.invoices.set(invoice.id, invoice);
    return invoice;
  }

  subscription(id: string): Json {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new Error(`no subscription ${id}`);
    return subscription;
  }

  /** An event as Stripe delivers it, with a snapshot of the object taken now. */
  event(type: string, object: Json, created = now()): Json {
    return {
      id: newId('evt'),
      object: 'event',
      api_version: '2026-10-28.endive',
      created,
      livemode: false,
      type,
      data: { object: structuredClone(object) },
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    };
  }

  /** The body and `Stripe-Signature` header of a delivery, signed as Stripe signs. */
  sign(event: Json, options: { timestamp?: number; secret?: string } = {}): { payload: string; signature: string } {
    const payload = JSON.stringify(event);
    const signature = this.signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? this.webhookSecret, timestamp: options.timestamp });
    return { payload, signature };
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://fake');
    const form = request.method === 'GET' ? decodeForm(url.search.slice(1)) : decodeForm(Buffer.concat(chunks).toString());
    const idempotencyKey = header(request, 'idempotency-key');
    this.requests.push({ method: request.method ?? '', path: url.pathname, form, idempotencyKey });
    let reply: Reply;
    const replayKey = idempotencyKey ? `${request.method} ${url.pathname} ${idempotencyKey}` : undefined;
    if (header(request, 'authorization') !== `Bearer ${this.secretKey}`) {
      reply = error(401, 'invalid_request_error', 'Invalid API Key provided');
    } else if (replayKey && this.idempotent.has(replayKey)) {
      reply = this.idempotent.get(replayKey)!;
    } else {
      reply = this.route(request.method ?? 'GET', url.pathname, form);
      if (replayKey && reply.status < 500) this.idempotent.set(replayKey, reply);
    }
    const lost = [...this.lostResponses.entries()].find(([prefix, left]) => url.pathname.startsWith(prefix) && left > 0);
    if (lost) {
      this.lostResponses.set(lost[0], lost[1] - 1);
      reply = error(500, 'api_error', 'Something went wrong on our end');
    }
    response.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': newId('req') });
    response.end(JSON.stringify(reply.body));
  }

  private route(method: string, path: string, form: Json): Reply {
    const [, version, resource, id, action] = path.split('/');
    if (version !== 'v1') return error(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path})`);
    const key = `${method} ${resource}${id ? '/:id' : ''}${action ? `/${action}` : ''}`;
    switch (key) {
      case 'POST customers':
        return this.created(this.customers, { id: newId('cus'), object: 'customer', email: form.email ?? null, metadata: form.metadata ?? {}, created: now() });
      case 'GET customers/:id':
        return found(this.customers.get(id), 'customer', id);
      case 'POST checkout/:id':
        if (id !== 'sessions') break;
        return this.createCheckout(form);
      case 'POST billing_portal/:id':
        if (id !== 'sessions') break;
        if (!this.customers.has(form.customer)) return error(400, 'invalid_request_error', `No such customer: '${form.customer}'`, 'resource_missing');
        return {
          status: 200,
          body: {
            id: newId('bps'),
            object: 'billing_portal.session',
            customer: form.customer,
            return_url: form.return_url,
            url: `https://billing.stripe.test/p/session/${newId('test')}`,
          },
        };
      case 'GET prices/:id':
        return found(this.prices.get(id), 'price', id);
      case 'GET subscriptions/:id':
        return found(this.subscriptions.get(id), 'subscription', id);
      case 'POST subscriptions/:id': {
        const subscription = this.subscriptions.get(id);
        if (!subscription) return found(undefined, 'subscription', id);
        if (form.cancel_at_period_end !== undefined) subscription.cancel_at_period_end = form.cancel_at_period_end === 'true';
        return { status: 200, body: subscription };
      }
      case 'DELETE subscriptions/:id': {
        const subscription = this.subscriptions.get(id);
        if (!subscription) return found(undefined, 'subscription', id);
        if (subscription.status === 'canceled') return error(400, 'invalid_request_error', 'This subscription is already canceled', 'resource_missing');
        return { status: 200, body: this.setSubscriptionStatus(id, 'canceled') };
      }
      case 'GET invoices': {
        const limit = Number(form.limit ?? 10);
        const all = [...this.invoices.values()].filter((invoice) => !form.customer || invoice.customer === form.customer).sort((a, b) => b.created - a.created);
        return { status: 200, body: { object: 'list', url: '/v1/invoices', has_more: all.length > limit, data: all.slice(0, limit) } };
      }
      case 'POST billing/:id':
        if (id !== 'meter_events') break;
        return this.createMeterEvent(form);
    }
    return error(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path})`);
  }

  private createCheckout(form: Json): Reply {
    if (form.mode !== 'subscription') return error(400, 'invalid_request_error', 'Only subscription mode is faked');
    if (!this.customers.has(form.customer)) return error(400, 'invalid_request_error', `No such customer: '${form.customer}'`, 'resource_missing');
    if (!form.success_url || !form.cancel_url || !form.line_items?.[0]?.price) return error(400, 'invalid_request_error', 'Missing required param');
    const id = newId('cs_test');
    const session = {
      id,
      object: 'checkout.session',
      mode: 'subscription',
      status: 'open',
      payment_status: 'unpaid',
      customer: form.customer,
      client_reference_id: form.client_reference_id ?? null,
      success_url: form.success_url,
      cancel_url: form.cancel_url,
      metadata: form.metadata ?? {},
      subscription: null,
      url: `https://checkout.stripe.test/c/pay/${id}`,
      line_items: form.line_items,
      subscription_data: form.subscription_data,
    };
    return this.created(this.checkoutSessions, session);
  }

  private createMeterEvent(form: Json): Reply {
    if (!form.event_name || !form.payload?.stripe_customer_id || form.payload?.value === undefined)
      return error(400, 'invalid_request_error', 'Missing required param');
    const identifier = form.identifier ?? newId('mev');
    if (this.meterEvents.has(identifier)) {
      return error(400, 'invalid_request_error', `An event already exists with identifier ${identifier}.`, 'resource_already_exists');
    }
    const event = {
      object: 'billing.meter_event',
      created: now(),
      event_name: form.event_name,
      identifier,
      livemode: false,
      payload: form.payload,
      timestamp: Number(form.timestamp ?? now()),
    };
    this.meterEvents.set(identifier, event);
    return { status: 200, body: event };
  }

  private created(store: Map<string, Json>, object: Json): Reply {
    store.set(object.id, object);
    return { status: 200, body: object };
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function error(status: number, type: string, message: string, code?: string): Reply {
  return { status, body: { error: { type, message, ...(code ? { code } : {}) } } };
}

function found(object: Json | undefined, kind: string, id: string): Reply {
  return object ? { status: 200, body: object } : error(404, 'invalid_request_error', `No such ${kind}: '${id}'`, 'resource_missing');
}

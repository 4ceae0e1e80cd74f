import { createHash } from 'node:crypto';
import { type WebhookNotice } from '../billing-types';

// Stripe's ids are short ASCII tokens (`evt_…`, `sub_…`); anything else did not come from its API.
const STRIPE_ID = /^[A-Za-z0-9_]{1,255}$/;
const EVENT_TYPE = /^[a-z0-9_.]{1,100}$/;
const DEVELOPER_ID = /^[A-Za-z0-9-]{1,64}$/;

type Json = Record<string, unknown>;

/**
 * What Keyport needs from a verified Stripe event, read without trusting its shape: a correctly
 * signed body can still be `[]`, lack `data`, or hold an object the mapping does not expect (a
 * misconfigured endpoint, an API version Keyport does not know). Such an event is returned as
 * `malformed` with the reason, under its own id or, without a usable one, a digest of the body, so
 * it is recorded once, acknowledged and never retried by Stripe.
 */
export function readVerifiedEvent(event: unknown, rawBody: Buffer): WebhookNotice {
  const fields = isObject(event) ? event : {};
  const eventId = typeof fields.id === 'string' && STRIPE_ID.test(fields.id) ? fields.id : `malformed_${digest(rawBody)}`;
  const type = typeof fields.type === 'string' && EVENT_TYPE.test(fields.type) ? fields.type : 'malformed';
  const malformed = (reason: string): WebhookNotice => ({ eventId, type, subscriptionId: null, developerId: null, malformed: reason });

  if (!isObject(event)) return malformed('the event is not a JSON object');
  if (eventId !== event.id) return malformed('the event has no valid id');
  if (type !== event.type) return malformed('the event has no valid type');
  const object = isObject(event.data) ? event.data.object : undefined;
  if (!isObject(object)) return malformed('the event has no data.object');

  const subscription = subscriptionReference(type, object);
  if (subscription === undefined) return malformed(`the ${type} object does not name its subscription as expected`);
  const reference = object.client_reference_id;
  return {
    eventId,
    type,
    subscriptionId: subscription,
    developerId: type === 'checkout.session.completed' && typeof reference === 'string' && DEVELOPER_ID.test(reference) ? reference : null,
  };
}

/**
 * The subscription an event is about, wherever that event type keeps it: null when it is about
 * none (a one-off payment, an event type Keyport does not act on), undefined when the place it
 * should be holds something that is not a Stripe id.
 */
function subscriptionReference(type: string, object: Json): string | null | undefined {
  if (type.startsWith('customer.subscription.')) return idOf(object) ?? undefined;
  if (type === 'checkout.session.completed') return object.mode === 'subscription' ? expectedId(object.subscription) : null;
  if (type.startsWith('invoice.')) {
    const parent = isObject(object.parent) ? object.parent : undefined;
    const details = parent && isObject(parent.subscription_details) ? parent.subscription_details : undefined;
    const fromParent = details?.subscription === undefined || details.subscription === null ? null : expectedId(details.subscription);
    if (fromParent !== null) return fromParent;
    return object.subscription === undefined || object.subscription === null ? null : expectedId(object.subscription);
  }
  return null;
}

/** A reference that must be there: a Stripe id, or an expanded object carrying one. */
function expectedId(value: unknown): string | undefined {
  return idOf(value) ?? undefined;
}

function idOf(value: unknown): string | null {
  const id = isObject(value) ? value.id : value;
  return typeof id === 'string' && STRIPE_ID.test(id) ? id : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function digest(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 40);
}

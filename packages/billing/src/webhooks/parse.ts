/**
 * Reads the few fields the reducer needs from a verified event's `data.object`, defensively: the
 * payload's shape follows the webhook endpoint's API version, so both the current shape
 * (`invoice.parent.subscription_details.subscription`, `items.data[].current_period_end`) and the
 * older one (`invoice.subscription`, `subscription.current_period_end`) are accepted. A field of
 * the wrong type makes the whole object unreadable (`null`), never a crash.
 */
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '../subscription.js';

/** The part of a Stripe event the reducer reads; `Stripe.Event` is assignable to it. */
export interface WebhookEvent {
  readonly id: string;
  readonly type: string;
  /** Unix seconds. */
  readonly created: number;
  readonly data: { readonly object: unknown };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** An expandable reference: an id string or an object with an id. */
const ref = (v: unknown): string | null => str(v) ?? (isObj(v) ? str(v.id) : null);
const metadata = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (isObj(v)) for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
};

/** The fields of a Stripe subscription the reducer uses. */
export interface SubscriptionFacts {
  readonly id: string;
  readonly customerId: string;
  readonly status: SubscriptionStatus;
  /** Unix seconds. */
  readonly created: number;
  readonly metadata: Record<string, string>;
  readonly prices: readonly { readonly id: string; readonly lookupKey: string | null }[];
  readonly currentPeriodStart: number | null;
  readonly currentPeriodEnd: number | null;
  readonly trialEnd: number | null;
  readonly cancelAtPeriodEnd: boolean;
}

/** Reads a subscription object, or null when a required field is missing or mistyped. */
export function readSubscription(value: unknown): SubscriptionFacts | null {
  if (!isObj(value) || value.object !== 'subscription') return null;
  const id = str(value.id);
  const customerId = ref(value.customer);
  const status = str(value.status);
  const created = num(value.created);
  if (!id || !customerId || !status || created === null) return null;
  if (!(SUBSCRIPTION_STATUSES as readonly string[]).includes(status)) return null;
  const items = isObj(value.items) && Array.isArray(value.items.data) ? value.items.data.filter(isObj) : [];
  const prices = items.flatMap((item) => {
    const price = item.price;
    const priceId = ref(price);
    return priceId ? [{ id: priceId, lookupKey: isObj(price) ? str(price.lookup_key) : null }] : [];
  });
  const first = items[0];
  return {
    id,
    customerId,
    status: status as SubscriptionStatus,
    created,
    metadata: metadata(value.metadata),
    prices,
    currentPeriodStart: num(first?.current_period_start) ?? num(value.current_period_start),
    currentPeriodEnd: num(first?.current_period_end) ?? num(value.current_period_end),
    trialEnd: num(value.trial_end),
    cancelAtPeriodEnd: value.cancel_at_period_end === true,
  };
}

/** The fields of a completed Checkout Session the reducer uses. */
export interface CheckoutFacts {
  readonly id: string;
  readonly mode: string;
  readonly customerId: string | null;
  readonly subscriptionId: string | null;
  readonly clientReferenceId: string | null;
  readonly metadata: Record<string, string>;
  readonly paymentStatus: string | null;
}

/** Reads a Checkout Session object, or null when it is not one. */
export function readCheckoutSession(value: unknown): CheckoutFacts | null {
  if (!isObj(value) || value.object !== 'checkout.session') return null;
  const id = str(value.id);
  const mode = str(value.mode);
  if (!id || !mode) return null;
  return {
    id,
    mode,
    customerId: ref(value.customer),
    subscriptionId: ref(value.subscription),
    clientReferenceId: str(value.client_reference_id),
    metadata: metadata(value.metadata),
    paymentStatus: str(value.payment_status),
  };
}

/** The fields of an invoice the reducer uses. */
export interface InvoiceFacts {
  readonly id: string;
  readonly customerId: string;
  readonly subscriptionId: string | null;
  readonly amountDue: number | null;
  readonly amountPaid: number | null;
  readonly currency: string | null;
  readonly attemptCount: number | null;
}

/** Reads an invoice object, or null when it is not one. */
export function readInvoice(value: unknown): InvoiceFacts | null {
  if (!isObj(value) || value.object !== 'invoice') return null;
  const id = str(value.id);
  const customerId = ref(value.customer);
  if (!id || !customerId) return null;
  const parent = isObj(value.parent) ? value.parent : null;
  const details = parent && isObj(parent.subscription_details) ? parent.subscription_details : null;
  return {
    id,
    customerId,
    subscriptionId: (details ? ref(details.subscription) : null) ?? ref(value.subscription),
    amountDue: num(value.amount_due),
    amountPaid: num(value.amount_paid),
    currency: str(value.currency),
    attemptCount: num(value.attempt_count),
  };
}

/** True when `value` has the outer shape of an event. */
export function isWebhookEvent(value: unknown): value is WebhookEvent {
  return isObj(value) && str(value.id) !== null && str(value.type) !== null && num(value.created) !== null && isObj(value.data) && 'object' in value.data;
}

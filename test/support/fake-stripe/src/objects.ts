/**
 * The fake's in-memory Stripe account: customers, prices, Checkout Sessions, subscriptions,
 * invoices, portal sessions and meter events, shaped like the Stripe API's JSON objects (the
 * fields brandsafe reads, with the current API version's shape: period dates on subscription
 * items, `invoice.parent.subscription_details`).
 */
import type { FormValue } from './form.js';

/** A Stripe-shaped JSON object. */
export type StripeObject = { id?: string; object: string; [field: string]: unknown };

/** A price the fake account sells. */
export interface FakePrice {
  readonly id: string;
  readonly unitAmount: number;
  readonly lookupKey?: string;
}

/** An error the fake answers with, in Stripe's `{ error: {...} }` shape. */
export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  toJSON(): { error: Record<string, string> } {
    return { error: { type: this.type, message: this.message, ...(this.code ? { code: this.code } : {}), ...(this.param ? { param: this.param } : {}) } };
  }
}

const missing = (what: string, id: string, param = 'id') =>
  new FakeStripeError(404, 'invalid_request_error', `No such ${what}: '${id}'`, 'resource_missing', param);

const text = (v: FormValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const record = (v: FormValue | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
};
const list = (v: FormValue | undefined): FormValue[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : []);

/** The account's state; tests read and drive it directly. */
export class FakeAccount {
  readonly customers = new Map<string, StripeObject>();
  readonly prices = new Map<string, FakePrice>();
  readonly sessions = new Map<string, StripeObject>();
  readonly subscriptions = new Map<string, StripeObject>();
  readonly invoices: StripeObject[] = [];
  readonly portalSessions: StripeObject[] = [];
  /** Meter events by identifier: Stripe counts an identifier once. */
  readonly meterEvents = new Map<string, StripeObject>();
  private seq = 0;
  /** The account clock in unix seconds; tests may move it. */
  clock: () => number = () => Math.floor(Date.now() / 1000);

  constructor(prices: readonly FakePrice[], readonly baseUrl: () => string) {
    for (const price of prices) this.prices.set(price.id, price);
  }

  newId(prefix: string): string {
    this.seq += 1;
    return `${prefix}_fake${String(this.seq).padStart(6, '0')}`;
  }

  private price(id: string, param: string): FakePrice {
    const price = this.prices.get(id);
    if (!price) throw missing('price', id, param);
    return price;
  }

  private priceObject(price: FakePrice): StripeObject {
    return { id: price.id, object: 'price', unit_amount: price.unitAmount, currency: 'usd', lookup_key: price.lookupKey ?? null,
      recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed' }, type: 'recurring', active: true };
  }

  customer(id: string): StripeObject {
    const customer = this.customers.get(id);
    if (!customer) throw missing('customer', id);
    return customer;
  }

  createCustomer(params: Record<string, FormValue>): StripeObject {
    const customer: StripeObject = { id: this.newId('cus'), object: 'customer', created: this.clock(), livemode: false,
      name: text(params.name) ?? null, email: text(params.email) ?? null, metadata: record(params.metadata), deleted: undefined };
    this.customers.set(customer.id!, customer);
    return customer;
  }

  createCheckoutSession(params: Record<string, FormValue>): StripeObject {
    if (text(params.mode) !== 'subscription') throw new FakeStripeError(400, 'invalid_request_error', 'the fake supports mode=subscription only', undefined, 'mode');
    for (const required of ['success_url', 'cancel_url'] as const) {
      if (!text(params[required])) throw new FakeStripeError(400, 'invalid_request_error', `Missing required param: ${required}.`, 'parameter_missing', required);
    }
    const customerId = text(params.customer);
    if (customerId) this.customer(customerId);
    const items = list(params.line_items).map((item, i) => {
      const fields = item && typeof item === 'object' && !Array.isArray(item) ? item : {};
      return { price: this.price(text(fields.price) ?? '', `line_items[${i}][price]`), quantity: Number(text(fields.quantity) ?? '1') };
    });
    if (items.length === 0) throw new FakeStripeError(400, 'invalid_request_error', 'line_items is required in subscription mode', 'parameter_missing', 'line_items');
    const data = params.subscription_data && typeof params.subscription_data === 'object' && !Array.isArray(params.subscription_data) ? params.subscription_data : {};
    const id = this.newId('cs_test');
    const session: StripeObject = {
      id, object: 'checkout.session', mode: 'subscription', status: 'open', payment_status: 'unpaid', livemode: false,
      created: this.clock(), customer: customerId ?? null, client_reference_id: text(params.client_reference_id) ?? null,
      success_url: text(params.success_url), cancel_url: text(params.cancel_url), metadata: record(params.metadata),
      subscription: null, url: `${this.baseUrl()}/checkout/${id}`,
      // Kept for completeCheckout; not part of Stripe's object.
      _items: items, _subscription_metadata: record(data.metadata), _trial_end: text(data.trial_end) ? Number(text(data.trial_end)) : null,
    };
    this.sessions.set(id, session);
    return session;
  }

  /** Public view of a session (without the fake's private fields). */
  view(session: StripeObject): StripeObject {
    return Object.fromEntries(Object.entries(session).filter(([k]) => !k.startsWith('_'))) as StripeObject;
  }

  subscription(id: string): StripeObject {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw missing('subscription', id);
    return subscription;
  }

  /** Completes a Checkout Session as a paying customer would: creates the subscription and its first invoice. */
  completeCheckout(sessionId: string, options: { customerId?: string } = {}): { session: StripeObject; subscription: StripeObject; invoice: StripeObject } {
    const session = this.sessions.get(sessionId);
    if (!session) throw missing('checkout session', sessionId);
    const customerId = (session.customer as string | null) ?? options.customerId ?? this.createCustomer({}).id!;
    const now = this.clock();
    const trialEnd = session._trial_end as number | null;
    const items = session._items as { price: FakePrice; quantity: number }[];
    const subId = this.newId('sub');
    const periodEnd = trialEnd ?? now + 30 * 86_400;
    const subscription: StripeObject = {
      id: subId, object: 'subscription', customer: customerId, created: now, start_date: now, livemode: false,
      status: trialEnd ? 'trialing' : 'active', trial_start: trialEnd ? now : null, trial_end: trialEnd,
      cancel_at_period_end: false, canceled_at: null, ended_at: null, metadata: session._subscription_metadata,
      items: { object: 'list', has_more: false, url: `/v1/subscription_items?subscription=${subId}`,
        data: items.map((it) => ({ id: this.newId('si'), object: 'subscription_item', subscription: subId, quantity: it.quantity,
          price: this.priceObject(it.price), current_period_start: now, current_period_end: periodEnd })) },
      latest_invoice: null,
    };
    this.subscriptions.set(subId, subscription);
    const invoice = this.createInvoice(customerId, subId, trialEnd ? 0 : items.reduce((s, it) => s + it.price.unitAmount * it.quantity, 0), 'paid');
    subscription.latest_invoice = invoice.id;
    Object.assign(session, { status: 'complete', payment_status: trialEnd ? 'no_payment_required' : 'paid', customer: customerId, subscription: subId });
    return { session: this.view(session), subscription, invoice };
  }

  updateSubscription(id: string, params: Record<string, FormValue>): StripeObject {
    const subscription = this.subscription(id);
    if (subscription.status === 'canceled') throw new FakeStripeError(400, 'invalid_request_error', 'A canceled subscription can only update its cancellation_details and metadata.');
    const items = (subscription.items as { data: StripeObject[] }).data;
    list(params.items).forEach((change, i) => {
      const fields = change && typeof change === 'object' && !Array.isArray(change) ? change : {};
      const item = items.find((it) => it.id === text(fields.id));
      if (!item) throw missing('subscription item', text(fields.id) ?? '', `items[${i}][id]`);
      const priceId = text(fields.price);
      if (priceId) item.price = this.priceObject(this.price(priceId, `items[${i}][price]`));
    });
    subscription.metadata = { ...(subscription.metadata as Record<string, string>), ...record(params.metadata) };
    const proration = text(params.proration_behavior) ?? 'create_prorations';
    subscription._last_proration_behavior = proration;
    if (proration === 'always_invoice') {
      const invoice = this.createInvoice(subscription.customer as string, id, 0, 'paid');
      subscription.latest_invoice = invoice.id;
    }
    return subscription;
  }

  /** Sets a subscription's status as Stripe's dunning or a cancellation would. */
  setSubscriptionStatus(id: string, status: string): StripeObject {
    const subscription = this.subscription(id);
    subscription.status = status;
    if (status === 'canceled') Object.assign(subscription, { canceled_at: this.clock(), ended_at: this.clock() });
    return subscription;
  }

  createInvoice(customerId: string, subscriptionId: string | null, amount: number, status: 'paid' | 'open' | 'draft'): StripeObject {
    const now = this.clock();
    const invoice: StripeObject = {
      id: this.newId('in'), object: 'invoice', customer: customerId, created: now, livemode: false, currency: 'usd',
      number: `FAKE-${String(this.invoices.length + 1).padStart(4, '0')}`, status, amount_due: amount,
      amount_paid: status === 'paid' ? amount : 0, amount_remaining: status === 'paid' ? 0 : amount, total: amount, subtotal: amount,
      attempt_count: status === 'paid' ? 1 : 0, period_start: now, period_end: now,
      hosted_invoice_url: `${this.baseUrl()}/invoices/${this.seq}`, invoice_pdf: `${this.baseUrl()}/invoices/${this.seq}.pdf`,
      parent: subscriptionId ? { type: 'subscription_details', quote_details: null, subscription_details: { subscription: subscriptionId, metadata: {} } } : null,
    };
    this.invoices.push(invoice);
    return invoice;
  }

  createPortalSession(params: Record<string, FormValue>): StripeObject {
    const customerId = text(params.customer);
    if (!customerId) throw new FakeStripeError(400, 'invalid_request_error', 'Missing required param: customer.', 'parameter_missing', 'customer');
    this.customer(customerId);
    const id = this.newId('bps');
    const session: StripeObject = { id, object: 'billing_portal.session', customer: customerId, created: this.clock(),
      livemode: false, return_url: text(params.return_url) ?? null, url: `${this.baseUrl()}/portal/${id}` };
    this.portalSessions.push(session);
    return session;
  }

  createMeterEvent(params: Record<string, FormValue>): StripeObject {
    const eventName = text(params.event_name);
    const payload = record(params.payload);
    if (!eventName) throw new FakeStripeError(400, 'invalid_request_error', 'Missing required param: event_name.', 'parameter_missing', 'event_name');
    if (!payload.stripe_customer_id) throw new FakeStripeError(400, 'invalid_request_error', 'payload must contain stripe_customer_id', 'parameter_missing', 'payload');
    const identifier = text(params.identifier) ?? this.newId('mev');
    const event: StripeObject = { object: 'billing.meter_event', created: this.clock(), event_name: eventName, identifier, livemode: false,
      payload, timestamp: text(params.timestamp) ? Number(text(params.timestamp)) : this.clock() };
    // Stripe enforces identifier uniqueness: a repeated identifier is not counted twice.
    if (!this.meterEvents.has(identifier)) this.meterEvents.set(identifier, event);
    return event;
  }

  /** Sum of metered values per customer, counting each identifier once. */
  meterTotal(customerId: string): number {
    let total = 0;
    for (const event of this.meterEvents.values()) {
      const payload = event.payload as Record<string, string>;
      if (payload.stripe_customer_id === customerId) total += Number(payload.value ?? '1');
    }
    return total;
  }
}

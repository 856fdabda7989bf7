/**
 * The Stripe adapter (issue 6 §2), on the official `stripe` SDK: customers, Checkout Sessions in
 * subscription mode, plan changes with proration, Customer Portal sessions, Billing Meter events
 * and invoices. Every call is mapped to a {@link BillingError}; every create that could be retried
 * carries an idempotency key so a retry never makes a second object.
 */
import Stripe from 'stripe';
import { PLANS, getPlan, type PlanId } from '../catalog.js';
import { BillingError } from '../errors.js';
import { planForPrice, priceFor, type BillingConfig } from './config.js';
import { stripeCall } from './stripe-error.js';
import { verifyWebhook, type VerifyWebhookOptions } from './webhook.js';

/** Builds the SDK client: pinned API version (the SDK's), no telemetry, test endpoint if set. */
export function createStripeClient(config: BillingConfig): Stripe {
  return new Stripe(config.secretKey, {
    maxNetworkRetries: config.maxNetworkRetries,
    telemetry: false,
    appInfo: { name: 'brandsafe' },
    ...(config.endpoint ? { host: config.endpoint.host, port: config.endpoint.port, protocol: config.endpoint.protocol } : {}),
  });
}

/** An invoice as the portal lists it (amounts in cents). */
export interface InvoiceSummary {
  readonly id: string;
  readonly number: string | null;
  readonly status: string | null;
  readonly currency: string;
  readonly amountDue: number;
  readonly amountPaid: number;
  readonly total: number;
  readonly created: Date;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly hostedInvoiceUrl: string | null;
  readonly pdfUrl: string | null;
}

/** A subscription after a plan change. */
export interface SubscriptionSummary {
  readonly id: string;
  readonly status: string;
  readonly plan: PlanId | null;
  readonly currentPeriodEnd: Date | null;
}

const fromUnix = (seconds: number): Date => new Date(seconds * 1000);

function toInvoiceSummary(invoice: Stripe.Invoice): InvoiceSummary {
  return {
    id: invoice.id ?? '',
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency,
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    total: invoice.total,
    created: fromUnix(invoice.created),
    periodStart: fromUnix(invoice.period_start),
    periodEnd: fromUnix(invoice.period_end),
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
  };
}

function requireText(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new BillingError('INVALID_ARGUMENT', `${name} is required`);
  return value;
}

/** Minimum lead Stripe requires for a subscription's `trial_end` (48 hours). */
const MIN_TRIAL_END_LEAD_MS = 48 * 3600 * 1000;

/** The billing operations the API needs, bound to one Stripe account. */
export class StripeBilling {
  readonly stripe: Stripe;

  constructor(readonly config: BillingConfig, stripe?: Stripe) {
    this.stripe = stripe ?? createStripeClient(config);
  }

  /**
   * The workspace's Stripe customer: `existingCustomerId` if it still exists, else a new customer
   * tagged with `metadata.workspace_id`. The create carries the idempotency key
   * `brandsafe-customer-<workspace>` so two racing requests (or a retry) make one customer.
   */
  async ensureCustomer(input: { workspaceId: string; name: string; email?: string; existingCustomerId?: string | null }): Promise<{ customerId: string; created: boolean }> {
    const workspaceId = requireText('workspaceId', input.workspaceId);
    if (input.existingCustomerId) {
      const existing = await stripeCall('retrieve customer', () => this.stripe.customers.retrieve(input.existingCustomerId!));
      if (!('deleted' in existing && existing.deleted)) return { customerId: existing.id, created: false };
    }
    const customer = await stripeCall('create customer', () =>
      this.stripe.customers.create(
        { name: input.name, ...(input.email ? { email: input.email } : {}), metadata: { workspace_id: workspaceId } },
        { idempotencyKey: `brandsafe-customer-${workspaceId}${input.existingCustomerId ? `-after-${input.existingCustomerId}` : ''}` },
      ),
    );
    return { customerId: customer.id, created: true };
  }

  /**
   * A Checkout Session in subscription mode for a self-serve plan. `client_reference_id` and the
   * metadata (session and subscription) carry the workspace id, so the webhook can tie the
   * subscription back to its workspace; a still-running local trial continues as a Stripe trial.
   */
  async createCheckoutSession(input: {
    workspaceId: string;
    customerId: string;
    plan: PlanId;
    successUrl: string;
    cancelUrl: string;
    trialEndsAt?: Date | null;
    now?: Date;
    idempotencyKey?: string;
  }): Promise<{ id: string; url: string }> {
    const plan = getPlan(input.plan);
    if (!plan.selfServe) throw new BillingError('UNKNOWN_PLAN', `the ${plan.name} plan is sold by contact with sales, not through Checkout`);
    const price = priceFor(this.config, plan.id);
    const metadata = { workspace_id: requireText('workspaceId', input.workspaceId), plan: plan.id };
    const now = input.now ?? new Date();
    const trialEnd = input.trialEndsAt && input.trialEndsAt.getTime() - now.getTime() >= MIN_TRIAL_END_LEAD_MS
      ? Math.floor(input.trialEndsAt.getTime() / 1000) : undefined;
    const session = await stripeCall('create checkout session', () =>
      this.stripe.checkout.sessions.create(
        {
          mode: 'subscription',
          customer: requireText('customerId', input.customerId),
          client_reference_id: input.workspaceId,
          line_items: [{ price, quantity: 1 }],
          success_url: requireText('successUrl', input.successUrl),
          cancel_url: requireText('cancelUrl', input.cancelUrl),
          metadata,
          subscription_data: { metadata, ...(trialEnd ? { trial_end: trialEnd } : {}) },
        },
        input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : undefined,
      ),
    );
    if (!session.url) throw new BillingError('STRIPE_REQUEST_FAILED', `checkout session ${session.id} has no url`);
    return { id: session.id, url: session.url };
  }

  /**
   * Moves a subscription to another plan's price. By default an upgrade is invoiced at once
   * (`always_invoice`) and a downgrade credits the unused time on the next invoice
   * (`create_prorations`), Stripe's two proration behaviours for mid-period changes.
   */
  async changePlan(input: { subscriptionId: string; plan: PlanId; prorationBehavior?: 'always_invoice' | 'create_prorations' | 'none'; idempotencyKey?: string }): Promise<SubscriptionSummary> {
    const target = getPlan(input.plan);
    if (!target.selfServe) throw new BillingError('UNKNOWN_PLAN', `the ${target.name} plan is sold by contact with sales`);
    const price = priceFor(this.config, target.id);
    const current = await stripeCall('retrieve subscription', () => this.stripe.subscriptions.retrieve(requireText('subscriptionId', input.subscriptionId)));
    const item = current.items.data.find((i) => planForPrice(this.config, i.price.id) !== null) ?? current.items.data[0];
    if (!item) throw new BillingError('STRIPE_REQUEST_FAILED', `subscription ${current.id} has no items`);
    const currentPlan = planForPrice(this.config, item.price.id);
    const upgrade = (PLANS[target.id].monthlyPriceCents ?? 0) > (currentPlan ? PLANS[currentPlan].monthlyPriceCents ?? 0 : 0);
    const prorationBehavior = input.prorationBehavior ?? (upgrade ? 'always_invoice' : 'create_prorations');
    const updated = await stripeCall('update subscription', () =>
      this.stripe.subscriptions.update(
        current.id,
        { items: [{ id: item.id, price }], proration_behavior: prorationBehavior, metadata: { plan: target.id } },
        input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : undefined,
      ),
    );
    const periodEnd = updated.items.data[0]?.current_period_end;
    return { id: updated.id, status: updated.status, plan: target.id, currentPeriodEnd: periodEnd ? fromUnix(periodEnd) : null };
  }

  /** A Customer Portal session (payment methods, invoices, cancelling); answers its one-time url. */
  async createPortalSession(input: { customerId: string; returnUrl: string }): Promise<{ url: string }> {
    const session = await stripeCall('create portal session', () =>
      this.stripe.billingPortal.sessions.create({ customer: requireText('customerId', input.customerId), return_url: requireText('returnUrl', input.returnUrl) }),
    );
    return { url: session.url };
  }

  /**
   * Reports usage as a Billing Meter event. `identifier` (use the generation id) makes Stripe
   * count the event once however often it is sent; the same value is the HTTP idempotency key so
   * an SDK retry is also answered from Stripe's idempotency cache.
   */
  async reportUsage(input: { customerId: string; identifier: string; value?: number; timestamp?: Date }): Promise<void> {
    const value = input.value ?? 1;
    if (!Number.isInteger(value) || value <= 0) throw new BillingError('INVALID_ARGUMENT', `usage value must be a positive integer, got ${value}`);
    const identifier = requireText('identifier', input.identifier);
    await stripeCall('create meter event', () =>
      this.stripe.billing.meterEvents.create(
        {
          event_name: this.config.meterEventName,
          identifier,
          payload: { stripe_customer_id: requireText('customerId', input.customerId), value: String(value) },
          ...(input.timestamp ? { timestamp: Math.floor(input.timestamp.getTime() / 1000) } : {}),
        },
        { idempotencyKey: `brandsafe-meter-${identifier}` },
      ),
    );
  }

  /**
   * Verifies a webhook delivery with the configured `STRIPE_WEBHOOK_SECRET` (see
   * {@link verifyWebhook}): the parsed event, or `WEBHOOK_SIGNATURE_INVALID` (→ 400).
   */
  verifyWebhook(rawBody: string | Uint8Array, signatureHeader: string | null | undefined, options?: VerifyWebhookOptions): Stripe.Event {
    return verifyWebhook(rawBody, signatureHeader, this.config.webhookSecret, options);
  }

  /** One page of the customer's invoices, newest first (Stripe's list order). */
  async listInvoices(input: { customerId: string; limit?: number; startingAfter?: string }): Promise<{ items: InvoiceSummary[]; hasMore: boolean }> {
    const limit = input.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new BillingError('INVALID_ARGUMENT', 'limit must be 1..100');
    const page = await stripeCall('list invoices', () =>
      this.stripe.invoices.list({ customer: requireText('customerId', input.customerId), limit, ...(input.startingAfter ? { starting_after: input.startingAfter } : {}) }),
    );
    return { items: page.data.map(toInvoiceSummary), hasMore: page.has_more };
  }
}

/**
 * Webhook processing (issue 6 §2): each verified event is applied exactly once, in one
 * transaction with its `stripe_events` record and its audit entry, and never regresses a newer
 * state (see ./ordering.ts). An event for a customer that belongs to no workspace, or to another
 * workspace than the one the event names, is refused and recorded — never applied across tenants.
 * Every outcome but an error is final (the server answers 2xx and Stripe stops retrying); an
 * error rolls the transaction back, the event stays unclaimed, and Stripe's retry processes it.
 */
import { PLAN_IDS, PLANS, isPlanId, type PlanId } from '../catalog.js';
import { BillingError } from '../errors.js';
import type { SubscriptionStatus, WorkspaceSubscription } from '../subscription.js';
import { isTerminal, staleReason } from './ordering.js';
import {
  isWebhookEvent, readCheckoutSession, readInvoice, readSubscription,
  type CheckoutFacts, type InvoiceFacts, type SubscriptionFacts, type WebhookEvent,
} from './parse.js';
import type { BillingStore, BillingRepository, WebhookOutcome } from './repository.js';

/** The event types the reducer acts on; any other verified event is recorded as `ignored`. */
export const HANDLED_EVENT_TYPES = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
] as const;

/** Options of {@link processWebhookEvent}. */
export interface WebhookReducerOptions {
  /** Configured Stripe price id per plan, to name the plan of a subscription item. */
  readonly prices?: Readonly<Partial<Record<PlanId, string>>>;
}

/** What happened to one event. */
export interface WebhookResult {
  readonly eventId: string;
  readonly type: string;
  readonly outcome: WebhookOutcome;
  readonly workspaceId: string | null;
  /** Why it was stale, ignored or refused (`tenant_mismatch`, `unknown_customer`, `older_event`…). */
  readonly reason: string | null;
  /** The workspace's record after the event, when it was applied. */
  readonly subscription: WorkspaceSubscription | null;
}

type Verdict = Omit<WebhookResult, 'eventId' | 'type'>;

const verdict = (outcome: WebhookOutcome, workspaceId: string | null, reason: string | null, subscription: WorkspaceSubscription | null = null): Verdict =>
  ({ outcome, workspaceId, reason, subscription });

const ms = (seconds: number): number => seconds * 1000;
const date = (seconds: number | null): Date | null => (seconds === null ? null : new Date(ms(seconds)));

/**
 * Processes one verified event against the repository.
 * @throws BillingError `WEBHOOK_PAYLOAD_INVALID` when the value is not an event at all (no id to
 *   record it under); storage errors propagate (the transaction rolled back: let Stripe retry).
 */
export async function processWebhookEvent(repository: BillingRepository, event: WebhookEvent, options: WebhookReducerOptions = {}): Promise<WebhookResult> {
  if (!isWebhookEvent(event)) throw new BillingError('WEBHOOK_PAYLOAD_INVALID', 'not a Stripe event (id, type, created, data.object)');
  const createdAt = new Date(ms(event.created));
  return repository.transaction(async (store) => {
    if (!(await store.claimEvent({ id: event.id, type: event.type, createdAt }))) {
      return { eventId: event.id, type: event.type, ...verdict('duplicate', null, null) };
    }
    const result = await apply(store, event, options);
    if (result.outcome !== 'duplicate') {
      await store.finishEvent({ id: event.id, type: event.type, createdAt, outcome: result.outcome, workspaceId: result.workspaceId, reason: result.reason });
    }
    return { eventId: event.id, type: event.type, ...result };
  });
}

async function apply(store: BillingStore, event: WebhookEvent, options: WebhookReducerOptions): Promise<Verdict> {
  switch (event.type) {
    case 'checkout.session.completed': {
      const facts = readCheckoutSession(event.data.object);
      return facts ? onCheckout(store, event, facts) : verdict('refused', null, 'payload_invalid');
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const facts = readSubscription(event.data.object);
      return facts ? onSubscription(store, event, facts, options) : verdict('refused', null, 'payload_invalid');
    }
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const facts = readInvoice(event.data.object);
      return facts ? onInvoice(store, event, facts) : verdict('refused', null, 'payload_invalid');
    }
    default:
      return verdict('ignored', null, 'unhandled_type');
  }
}

/**
 * The workspace an event is about. The customer link is authoritative; a workspace id the event
 * carries (client_reference_id, metadata set by our own Checkout call) links a new customer only
 * to a workspace that has none yet, and must agree with the link when there is one.
 */
async function resolveWorkspace(store: BillingStore, customerId: string, claims: readonly (string | undefined | null)[]): Promise<{ workspaceId: string } | { refused: string; workspaceId: string | null }> {
  const claimed = [...new Set(claims.filter((c): c is string => typeof c === 'string' && c !== ''))];
  if (claimed.length > 1) return { refused: 'tenant_mismatch', workspaceId: null };
  const claim = claimed[0] ?? null;
  const owner = await store.workspaceForCustomer(customerId);
  if (owner !== null) return claim !== null && claim !== owner ? { refused: 'tenant_mismatch', workspaceId: null } : { workspaceId: owner };
  if (claim === null || !(await store.workspaceExists(claim))) return { refused: 'unknown_customer', workspaceId: null };
  const current = await store.getSubscription(claim);
  if (current?.stripeCustomerId && current.stripeCustomerId !== customerId) return { refused: 'tenant_mismatch', workspaceId: null };
  return { workspaceId: claim };
}

function planOf(facts: SubscriptionFacts, options: WebhookReducerOptions): PlanId | null {
  for (const price of facts.prices) {
    const byKey = PLAN_IDS.find((p) => PLANS[p].lookupKey !== null && PLANS[p].lookupKey === price.lookupKey);
    if (byKey) return byKey;
    const byId = PLAN_IDS.find((p) => options.prices?.[p] === price.id);
    if (byId) return byId;
  }
  return isPlanId(facts.metadata.plan) ? facts.metadata.plan : null;
}

function blank(workspaceId: string): WorkspaceSubscription {
  return {
    workspaceId, plan: 'starter', status: 'incomplete', stripeCustomerId: null, stripeSubscriptionId: null,
    subscriptionCreatedAt: null, trialEndsAt: null, currentPeriodStart: null, currentPeriodEnd: null,
    cancelAtPeriodEnd: false, pastDueSince: null, stateEventAt: null, statusSource: 'local',
  };
}

const summary = (s: WorkspaceSubscription | null) => (s ? { plan: s.plan, status: s.status } : null);

async function onSubscription(store: BillingStore, event: WebhookEvent, facts: SubscriptionFacts, options: WebhookReducerOptions): Promise<Verdict> {
  const tenant = await resolveWorkspace(store, facts.customerId, [facts.metadata.workspace_id]);
  if ('refused' in tenant) return verdict('refused', tenant.workspaceId, tenant.refused);
  const stored = await store.getSubscription(tenant.workspaceId);
  const sameSubscription = stored?.stripeSubscriptionId === facts.id;
  const plan = planOf(facts, options) ?? (sameSubscription && stored ? stored.plan : null);
  if (plan === null) return verdict('refused', tenant.workspaceId, 'unknown_price');
  const eventAt = ms(event.created);
  const stale = staleReason(stored, { subscriptionId: facts.id, subscriptionCreatedAt: ms(facts.created), eventAt, status: facts.status, source: 'subscription' });
  if (stale) return verdict('stale', tenant.workspaceId, stale);
  const wasDue = sameSubscription && stored && (stored.status === 'past_due' || stored.status === 'unpaid');
  const due = facts.status === 'past_due' || facts.status === 'unpaid';
  const next: WorkspaceSubscription = {
    ...(stored ?? blank(tenant.workspaceId)),
    plan,
    status: facts.status,
    stripeCustomerId: facts.customerId,
    stripeSubscriptionId: facts.id,
    subscriptionCreatedAt: new Date(ms(facts.created)),
    trialEndsAt: date(facts.trialEnd) ?? stored?.trialEndsAt ?? null,
    currentPeriodStart: date(facts.currentPeriodStart),
    currentPeriodEnd: date(facts.currentPeriodEnd),
    cancelAtPeriodEnd: facts.cancelAtPeriodEnd,
    pastDueSince: due ? (wasDue ? stored.pastDueSince : null) ?? new Date(eventAt) : null,
    stateEventAt: new Date(eventAt),
    statusSource: 'subscription',
  };
  await store.putSubscription(next);
  const action = event.type === 'customer.subscription.deleted' ? 'billing.subscription_canceled'
    : stored?.status !== next.status || stored.plan !== next.plan ? 'billing.subscription_changed' : 'billing.subscription_updated';
  await store.appendAudit({ workspaceId: tenant.workspaceId, action,
    data: { eventId: event.id, subscriptionId: facts.id, from: summary(stored), to: summary(next), cancelAtPeriodEnd: next.cancelAtPeriodEnd } });
  return verdict('applied', tenant.workspaceId, null, next);
}

async function onCheckout(store: BillingStore, event: WebhookEvent, facts: CheckoutFacts): Promise<Verdict> {
  if (facts.mode !== 'subscription') return verdict('ignored', null, 'not_subscription_mode');
  if (!facts.customerId || !facts.subscriptionId) return verdict('refused', null, 'payload_invalid');
  const tenant = await resolveWorkspace(store, facts.customerId, [facts.clientReferenceId, facts.metadata.workspace_id]);
  if ('refused' in tenant) return verdict('refused', tenant.workspaceId, tenant.refused);
  const stored = await store.getSubscription(tenant.workspaceId);
  const eventAt = ms(event.created);
  const audit = (next: WorkspaceSubscription) => store.appendAudit({ workspaceId: tenant.workspaceId, action: 'billing.checkout_completed',
    data: { eventId: event.id, sessionId: facts.id, subscriptionId: facts.subscriptionId, from: summary(stored), to: summary(next) } });
  if (stored?.stripeSubscriptionId === facts.subscriptionId) {
    // A subscription event got here first and carried the authoritative state: keep it.
    await audit(stored);
    return verdict('applied', tenant.workspaceId, null, stored);
  }
  if (!isPlanId(facts.metadata.plan)) return verdict('refused', tenant.workspaceId, 'unknown_plan');
  const trialRunning = stored?.trialEndsAt != null && stored.trialEndsAt.getTime() > eventAt;
  const status: SubscriptionStatus = facts.paymentStatus === 'paid' ? 'active'
    : facts.paymentStatus === 'no_payment_required' ? (trialRunning ? 'trialing' : 'active') : 'incomplete';
  const stale = staleReason(stored, { subscriptionId: facts.subscriptionId, subscriptionCreatedAt: null, eventAt, status, source: 'checkout' });
  if (stale) return verdict('stale', tenant.workspaceId, stale);
  const next: WorkspaceSubscription = {
    ...(stored ?? blank(tenant.workspaceId)),
    plan: facts.metadata.plan,
    status,
    stripeCustomerId: facts.customerId,
    stripeSubscriptionId: facts.subscriptionId,
    subscriptionCreatedAt: null,
    cancelAtPeriodEnd: false,
    pastDueSince: null,
    stateEventAt: new Date(eventAt),
    statusSource: 'checkout',
  };
  await store.putSubscription(next);
  await audit(next);
  return verdict('applied', tenant.workspaceId, null, next);
}

async function onInvoice(store: BillingStore, event: WebhookEvent, facts: InvoiceFacts): Promise<Verdict> {
  const tenant = await resolveWorkspace(store, facts.customerId, []);
  if ('refused' in tenant) return verdict('refused', tenant.workspaceId, tenant.refused);
  if (!facts.subscriptionId) return verdict('ignored', tenant.workspaceId, 'not_subscription_invoice');
  const stored = await store.getSubscription(tenant.workspaceId);
  // Not the subscription we hold (yet): its own subscription events carry the state.
  if (!stored || stored.stripeSubscriptionId !== facts.subscriptionId) return verdict('stale', tenant.workspaceId, 'unknown_subscription');
  if (isTerminal(stored.status)) return verdict('stale', tenant.workspaceId, 'subscription_ended');
  const eventAt = ms(event.created);
  if (stored.stateEventAt && eventAt < stored.stateEventAt.getTime()) return verdict('stale', tenant.workspaceId, 'older_event');
  const paid = event.type === 'invoice.paid';
  let status = stored.status;
  if (paid && (status === 'past_due' || status === 'unpaid' || status === 'incomplete')) status = 'active';
  if (!paid && (status === 'active' || status === 'trialing' || status === 'past_due')) status = 'past_due';
  const next: WorkspaceSubscription = {
    ...stored,
    status,
    pastDueSince: status === 'past_due' || status === 'unpaid' ? stored.pastDueSince ?? new Date(eventAt) : null,
    stateEventAt: new Date(eventAt),
    statusSource: status === stored.status ? stored.statusSource : 'invoice',
  };
  await store.putSubscription(next);
  await store.appendAudit({ workspaceId: tenant.workspaceId, action: paid ? 'billing.payment_succeeded' : 'billing.payment_failed',
    data: { eventId: event.id, invoiceId: facts.id, amount: paid ? facts.amountPaid : facts.amountDue, currency: facts.currency,
      attemptCount: facts.attemptCount, from: summary(stored), to: summary(next) } });
  return verdict('applied', tenant.workspaceId, null, next);
}

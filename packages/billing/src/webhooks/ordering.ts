/**
 * The rules that make webhook processing safe when Stripe delivers events late, twice or out of
 * order (Stripe does not guarantee delivery order: "Event ordering" in the webhooks guide).
 * A stored state is replaced only by information that is at least as new:
 *
 * 1. A different subscription replaces the stored one only when it was created later (its own
 *    `created`), so a late event about an old, cancelled subscription never touches a newer one.
 * 2. For the same subscription, an event older than the one that set the state is stale.
 * 3. A cancelled (or expired) subscription never becomes live again: Stripe cannot revive it.
 * 4. In the same second (Stripe timestamps are whole seconds), the subscription object beats the
 *    provisional state a checkout completion set, and otherwise the state further along the
 *    lifecycle wins.
 */
import type { SubscriptionStatus, WorkspaceSubscription, StatusSource } from '../subscription.js';

const TERMINAL: ReadonlySet<SubscriptionStatus> = new Set(['canceled', 'incomplete_expired']);

/** True for statuses a subscription never leaves. */
export const isTerminal = (status: SubscriptionStatus): boolean => TERMINAL.has(status);

/** Lifecycle position, used only to break same-second ties. */
const RANK: Record<SubscriptionStatus, number> = {
  incomplete: 0,
  trialing: 1,
  active: 2,
  past_due: 2,
  unpaid: 2,
  paused: 2,
  canceled: 3,
  incomplete_expired: 3,
};

/** What an event would set. */
export interface IncomingState {
  readonly subscriptionId: string;
  /** The subscription's own `created` (ms), when the event carries the subscription object. */
  readonly subscriptionCreatedAt: number | null;
  /** The event's `created` (ms). */
  readonly eventAt: number;
  readonly status: SubscriptionStatus;
  readonly source: StatusSource;
}

/** Why an incoming state was not applied (`null` = apply it). */
export type StaleReason = 'older_subscription' | 'older_event' | 'subscription_ended' | 'same_second_behind' | null;

/** Decides whether `incoming` may replace `stored` (rules in the module comment). */
export function staleReason(stored: WorkspaceSubscription | null, incoming: IncomingState): StaleReason {
  if (!stored || stored.stripeSubscriptionId === null) return null;
  if (stored.stripeSubscriptionId !== incoming.subscriptionId) {
    // The stored subscription's creation time, or (set by a checkout completion, which does not
    // carry it) the event that stored it, which is no earlier than the subscription's creation.
    const storedBorn = stored.subscriptionCreatedAt?.getTime() ?? stored.stateEventAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const incomingBorn = incoming.subscriptionCreatedAt ?? incoming.eventAt;
    if (incomingBorn > storedBorn) return null;
    if (incomingBorn === storedBorn && isTerminal(stored.status) && !isTerminal(incoming.status)) return null;
    return 'older_subscription';
  }
  if (isTerminal(stored.status) && !isTerminal(incoming.status)) return 'subscription_ended';
  const storedAt = stored.stateEventAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (incoming.eventAt > storedAt) return null;
  if (incoming.eventAt < storedAt) return 'older_event';
  if (stored.statusSource === 'checkout' && incoming.source === 'subscription') return null;
  return RANK[incoming.status] >= RANK[stored.status] ? null : 'same_second_behind';
}

/**
 * A workspace's subscription as brandsafe stores it, and the state machine over it (issue 6 §2:
 * past due → grace period → generation paused, with a banner). Stripe is the source of truth for
 * paid subscriptions; this record is the last state webhooks told us, plus the local free trial
 * that exists before (or without) Stripe.
 */
import { PAST_DUE_GRACE_DAYS, TRIAL, type PlanId } from './catalog.js';

/** Stripe's subscription statuses (Subscription.Status), as stored. */
export type SubscriptionStatus =
  | 'trialing'
  | 'active'
  | 'past_due'
  | 'unpaid'
  | 'paused'
  | 'incomplete'
  | 'incomplete_expired'
  | 'canceled';

/** Every status, for parsing untrusted input. */
export const SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = [
  'trialing', 'active', 'past_due', 'unpaid', 'paused', 'incomplete', 'incomplete_expired', 'canceled',
];

/** Which kind of input last set `status` (see the webhook reducer's ordering rules). */
export type StatusSource = 'local' | 'checkout' | 'subscription' | 'invoice';

/** One workspace's billing record (camelCase of the `subscriptions` row). */
export interface WorkspaceSubscription {
  readonly workspaceId: string;
  readonly plan: PlanId;
  readonly status: SubscriptionStatus;
  readonly stripeCustomerId: string | null;
  readonly stripeSubscriptionId: string | null;
  /** The Stripe subscription object's own `created`: a newer subscription supersedes an older one. */
  readonly subscriptionCreatedAt: Date | null;
  readonly trialEndsAt: Date | null;
  readonly currentPeriodStart: Date | null;
  readonly currentPeriodEnd: Date | null;
  readonly cancelAtPeriodEnd: boolean;
  /** When the subscription first went past due in the current dunning episode; null otherwise. */
  readonly pastDueSince: Date | null;
  /** `created` of the event that last set the status, so an older event never regresses it. */
  readonly stateEventAt: Date | null;
  readonly statusSource: StatusSource;
}

const DAY_MS = 86_400_000;

/** The record a new workspace starts with: a 14-day trial on Starter, no Stripe objects yet. */
export function newTrialSubscription(workspaceId: string, now: Date): WorkspaceSubscription {
  return {
    workspaceId,
    plan: TRIAL.plan,
    status: 'trialing',
    stripeCustomerId: null,
    stripeSubscriptionId: null,
    subscriptionCreatedAt: null,
    trialEndsAt: new Date(now.getTime() + TRIAL.days * DAY_MS),
    currentPeriodStart: now,
    currentPeriodEnd: new Date(now.getTime() + TRIAL.days * DAY_MS),
    cancelAtPeriodEnd: false,
    pastDueSince: null,
    stateEventAt: null,
    statusSource: 'local',
  };
}

/** Where a workspace stands, derived from its record and the clock. */
export type BillingPhase =
  | 'trialing'
  | 'trial_expired'
  | 'active'
  | 'grace'
  | 'paused'
  | 'incomplete'
  | 'canceled'
  | 'none';

/** A banner the portal and the editor show; `action` links to where the user can fix it. */
export interface BillingBanner {
  readonly level: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly action: { readonly label: string; readonly href: string } | null;
}

/** The verdict of {@link billingState}. */
export interface BillingState {
  readonly phase: BillingPhase;
  readonly plan: PlanId | null;
  readonly generationAllowed: boolean;
  readonly banner: BillingBanner | null;
  /** When generation stops unless something changes (trial end, grace end), or null. */
  readonly deadline: Date | null;
}

/** Options of {@link billingState}. */
export interface BillingStateOptions {
  readonly graceDays?: number;
  /** Portal billing page, used in banner actions. */
  readonly billingUrl?: string;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysLeft(until: Date, now: Date): number {
  return Math.max(0, Math.ceil((until.getTime() - now.getTime()) / DAY_MS));
}

/**
 * Whether a workspace may generate now, on which plan's limits, and what banner to show.
 * Transitions: trialing → (trial end) trial_expired; active → past_due = grace for `graceDays`
 * (default 7) counted from the first failed payment → paused; unpaid/paused → paused;
 * canceled/incomplete_expired → canceled. An incomplete first payment keeps a still-running local
 * trial usable. Pure: same record and clock, same answer.
 */
export function billingState(sub: WorkspaceSubscription | null, now: Date, options: BillingStateOptions = {}): BillingState {
  const graceDays = options.graceDays ?? PAST_DUE_GRACE_DAYS;
  const href = options.billingUrl ?? '/portal/billing';
  const choose = { label: 'Choose a plan', href };
  const pay = { label: 'Update payment method', href };
  if (sub === null) {
    return { phase: 'none', plan: null, generationAllowed: false, deadline: null,
      banner: { level: 'error', message: 'This workspace has no plan. Choose one to generate code.', action: choose } };
  }
  const trialRunning = sub.trialEndsAt !== null && sub.trialEndsAt.getTime() > now.getTime();
  switch (sub.status) {
    case 'trialing': {
      if (trialRunning || sub.trialEndsAt === null) {
        const deadline = sub.trialEndsAt;
        const left = deadline ? daysLeft(deadline, now) : null;
        const message = left === null ? 'You are on a free trial.' : `Your free trial ends in ${left} day${left === 1 ? '' : 's'} (${day(deadline!)}).`;
        return { phase: 'trialing', plan: sub.plan, generationAllowed: true, deadline,
          banner: { level: left !== null && left <= 3 ? 'warning' : 'info', message, action: choose } };
      }
      return { phase: 'trial_expired', plan: sub.plan, generationAllowed: false, deadline: null,
        banner: { level: 'error', message: 'Your free trial has ended. Choose a plan to keep generating.', action: choose } };
    }
    case 'active': {
      const ending = sub.cancelAtPeriodEnd && sub.currentPeriodEnd;
      return { phase: 'active', plan: sub.plan, generationAllowed: true, deadline: ending ? sub.currentPeriodEnd : null,
        banner: ending ? { level: 'info', message: `Your subscription ends on ${day(sub.currentPeriodEnd!)}.`, action: { label: 'Manage subscription', href } } : null };
    }
    case 'past_due': {
      const since = sub.pastDueSince ?? sub.stateEventAt ?? now;
      const graceEnd = new Date(since.getTime() + graceDays * DAY_MS);
      if (graceEnd.getTime() > now.getTime()) {
        return { phase: 'grace', plan: sub.plan, generationAllowed: true, deadline: graceEnd,
          banner: { level: 'warning', message: `Your last payment failed. Update your payment method by ${day(graceEnd)} to keep generating.`, action: pay } };
      }
      return { phase: 'paused', plan: sub.plan, generationAllowed: false, deadline: null,
        banner: { level: 'error', message: 'Generation is paused: your payment is overdue. Update your payment method to resume.', action: pay } };
    }
    case 'unpaid':
    case 'paused':
      return { phase: 'paused', plan: sub.plan, generationAllowed: false, deadline: null,
        banner: { level: 'error', message: 'Generation is paused until a payment succeeds.', action: pay } };
    case 'incomplete':
      return { phase: 'incomplete', plan: sub.plan, generationAllowed: trialRunning, deadline: trialRunning ? sub.trialEndsAt : null,
        banner: { level: 'warning', message: 'Your subscription is waiting for its first payment.', action: pay } };
    case 'incomplete_expired':
    case 'canceled':
      return { phase: 'canceled', plan: sub.plan, generationAllowed: false, deadline: null,
        banner: { level: 'error', message: 'Your subscription has ended. Choose a plan to keep generating.', action: choose } };
  }
}

/** A usage period: generations count from `start` (inclusive) to `end` (exclusive). */
export interface UsagePeriod {
  readonly start: Date;
  readonly end: Date;
}

/**
 * The period generation quotas count in: the subscription's current billing period while `now`
 * is inside it (Stripe's period, or the trial's), otherwise the calendar month (UTC) — so a
 * period that a missed renewal webhook never advanced still resets monthly.
 */
export function usagePeriod(sub: Pick<WorkspaceSubscription, 'currentPeriodStart' | 'currentPeriodEnd'> | null, now: Date): UsagePeriod {
  const start = sub?.currentPeriodStart;
  const end = sub?.currentPeriodEnd;
  if (start && end && start.getTime() <= now.getTime() && now.getTime() < end.getTime()) return { start, end };
  return {
    start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
  };
}

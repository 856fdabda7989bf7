/**
 * Starting a Checkout (issue 6 §2): ensure the workspace's Stripe customer (linked in the
 * `subscriptions` row and audited), then open a subscription-mode Checkout Session. Network
 * calls happen between short transactions, never while one is open.
 */
import { isBillingError, isTerminal, type PlanId, type StripeBilling } from '@brandsafe/billing';
import type { Tx } from '@brandsafe/db';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace } from '../http/auth.js';
import { ProblemError } from '../http/problem.js';
import { BillingProblem } from './problems.js';
import type { BillingServices } from './services.js';
import { getSubscription } from './store.js';

type Audit = (trx: Tx, p: Principal, type: string, payload: Record<string, unknown>) => Promise<unknown>;

/** Maps an adapter failure to the problem the API answers (502/503, or 400 for a bad plan). */
export function stripeProblem(err: unknown): unknown {
  if (!isBillingError(err)) return err;
  switch (err.code) {
    case 'STRIPE_UNAVAILABLE':
      return new BillingProblem('STRIPE_UNAVAILABLE', err.message, {}, {}, { cause: err });
    case 'STRIPE_REQUEST_FAILED':
      return new BillingProblem('STRIPE_REQUEST_FAILED', err.message, {}, {}, { cause: err });
    case 'NOT_CONFIGURED':
      return new BillingProblem('BILLING_NOT_CONFIGURED', err.message, {}, {}, { cause: err });
    case 'UNKNOWN_PLAN':
      return new ProblemError('VALIDATION_FAILED', err.message, { errors: [{ field: 'plan', message: err.message }] });
    default:
      return err;
  }
}

/** Creates the Checkout Session for `plan`; answers its id and the URL to redirect to. */
export async function checkoutFlow(deps: RouteDeps, services: BillingServices, stripe: StripeBilling, p: Principal, plan: PlanId, audit: Audit): Promise<{ id: string; url: string }> {
  const ctx = await inWorkspace(deps, p, async (trx) => {
    const sub = await getSubscription(trx, p.workspaceId);
    if (sub?.stripeSubscriptionId && !isTerminal(sub.status)) {
      throw new ProblemError('CONFLICT', 'this workspace already has a subscription: change its plan with POST /api/v1/billing/plan', { subscriptionStatus: sub.status });
    }
    const { rows } = await sql<{ name: string; email: string | null }>`SELECT w.name,
        (SELECT u.email FROM users u WHERE u.id = ${p.userId}) AS email
      FROM workspaces w WHERE w.id = ${p.workspaceId}`.execute(trx);
    return { sub, name: rows[0]?.name ?? 'brandsafe workspace', email: rows[0]?.email ?? null };
  });
  try {
    const { customerId } = await stripe.ensureCustomer({
      workspaceId: p.workspaceId, name: ctx.name, ...(ctx.email ? { email: ctx.email } : {}), existingCustomerId: ctx.sub?.stripeCustomerId ?? null,
    });
    if (customerId !== ctx.sub?.stripeCustomerId) {
      await inWorkspace(deps, p, async (trx) => {
        // Only over the link this request read: a webhook may have linked a customer meanwhile.
        const previous = ctx.sub?.stripeCustomerId ?? null;
        const { numAffectedRows } = await sql`UPDATE subscriptions SET stripe_customer_id = ${customerId}, updated_at = now()
          WHERE workspace_id = ${p.workspaceId} AND stripe_customer_id IS NOT DISTINCT FROM ${previous}`.execute(trx);
        if (Number(numAffectedRows ?? 0) !== 1) throw new ProblemError('CONFLICT', "the workspace's payment account changed meanwhile; try again");
        await audit(trx, p, 'billing.customer_linked', { customerId, previous });
      });
    }
    const trialRunning = ctx.sub?.status === 'trialing' && ctx.sub.trialEndsAt !== null && ctx.sub.trialEndsAt.getTime() > services.now().getTime();
    const session = await stripe.createCheckoutSession({
      workspaceId: p.workspaceId, customerId, plan,
      successUrl: `${services.billingUrl}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${services.billingUrl}?checkout=canceled`,
      trialEndsAt: trialRunning ? ctx.sub?.trialEndsAt ?? null : null,
      now: services.now(),
    });
    await inWorkspace(deps, p, (trx) => audit(trx, p, 'billing.checkout_started', { plan, sessionId: session.id, customerId }));
    return session;
  } catch (err) {
    throw stripeProblem(err);
  }
}

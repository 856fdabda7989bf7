/**
 * Billing (issue 6 §2): the plan catalog, the workspace's plan and usage, Checkout, plan changes
 * with proration, the Stripe Customer Portal, invoices, and `POST /webhooks/stripe`. Mounted at
 * `/` (one registration line) because the webhook lives outside `/api`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { PLAN_IDS, isBillingError, isTerminal, processWebhookEvent, verifyWebhook, type PlanId } from '@brandsafe/billing';
import { appendAuditEvent, type Tx } from '@brandsafe/db';
import { bodyLimit } from 'hono/body-limit';
import { actorOf, type Principal } from '../auth/principal.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, CONFLICT, ERRORS, UNAVAILABLE, json, jsonBody } from '../http/openapi.js';
import { ProblemError } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';
import { loadWorkspaceBilling } from '../billing/enforce.js';
import { BillingProblem } from '../billing/problems.js';
import { getSubscription, pgBillingRepository } from '../billing/store.js';
import { billingServicesFromEnv, type BillingServices } from '../billing/services.js';
import { BillingSummarySchema, PlanSchema, UsageSeriesSchema, billingSummary, planJson, usageCounts, usageSeries } from '../billing/summary.js';
import { checkoutFlow, stripeProblem } from '../billing/checkout.js';

const SelfServePlan = z.enum(PLAN_IDS.filter((p) => p !== 'enterprise') as [PlanId, ...PlanId[]]).openapi('SelfServePlan');
const PlanBody = z.strictObject({ plan: SelfServePlan }).openapi('PlanRequest');
const InvoiceQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  startingAfter: z.string().regex(/^in_\w{1,100}$/).optional().openapi({ description: 'The last invoice id of the previous page' }),
});
const InvoiceSchema = z
  .object({
    id: z.string(), number: z.string().nullable(), status: z.string().nullable(), currency: z.string(),
    amountDue: z.number().int(), amountPaid: z.number().int(), total: z.number().int(), created: z.string(),
    periodStart: z.string(), periodEnd: z.string(), hostedInvoiceUrl: z.string().nullable(), pdfUrl: z.string().nullable(),
  })
  .openapi('Invoice');
const RedirectSchema = z.object({ url: z.string() }).openapi('BillingRedirect');

/** Owners and admins manage billing; an API token also needs the admin scope. */
export function requireBillingAdmin(p: Principal): void {
  if (p.role !== 'owner' && p.role !== 'admin') throw new ProblemError('FORBIDDEN', `the ${p.role} role may not manage billing`, { requiredAction: 'manage-billing' });
  if (p.kind === 'token' && !p.scopes.includes('admin')) throw new ProblemError('FORBIDDEN', 'this API token lacks the admin scope', { requiredScope: 'admin' });
}

function configured(services: BillingServices): NonNullable<BillingServices['stripe']> {
  if (!services.stripe) throw new BillingProblem('BILLING_NOT_CONFIGURED', 'billing is not configured on this server (STRIPE_SECRET_KEY is not set)');
  return services.stripe;
}

/**
 * The billing route group. `services` defaults to the environment's Stripe configuration
 * (billing "not configured" without STRIPE_SECRET_KEY); tests pass the fake Stripe's.
 */
export function billingRoutes(deps: RouteDeps, services: BillingServices = billingServicesFromEnv(deps.options.publicUrl)) {
  const app = routeGroup();
  const auth = requireAuth(deps);
  const repository = pgBillingRepository(deps.db);
  const audit = (trx: Tx, p: Principal, type: string, payload: Record<string, unknown>) =>
    appendAuditEvent(trx, { workspaceId: p.workspaceId, type, actor: actorOf(p), payload });

  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/billing/plans', tags: ['billing'], summary: 'The plan catalog (pricing table)',
      responses: { 200: json(z.object({ items: z.array(PlanSchema) }), 'Plans in pricing-table order') } }),
    (c) => c.json({ items: PLAN_IDS.map(planJson) }, 200),
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/billing', tags: ['billing'], summary: "The workspace's plan, billing state and usage this period",
      security: BEARER, middleware: auth, responses: { 200: json(BillingSummarySchema, 'Plan, state, limits and usage'), 401: ERRORS[401] } }),
    async (c) => {
      const p = principalOf(c);
      const body = await inWorkspace(deps, p, async (trx) => {
        const billing = await loadWorkspaceBilling(trx, p.workspaceId, services.now(), services.billingUrl);
        return billingSummary(billing, await usageCounts(trx, p.workspaceId, billing.period.start), services.stripe !== null);
      });
      return c.json(body, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/billing/usage', tags: ['billing'], summary: 'Generations per day this billing period, for the usage chart',
      security: BEARER, middleware: auth, responses: { 200: json(UsageSeriesSchema, 'Daily counts (UTC days) and the period quota'), 401: ERRORS[401] } }),
    async (c) => {
      const p = principalOf(c);
      const body = await inWorkspace(deps, p, async (trx) => {
        const billing = await loadWorkspaceBilling(trx, p.workspaceId, services.now(), services.billingUrl);
        return usageSeries(trx, p.workspaceId, billing);
      });
      return c.json(body, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/billing/checkout', tags: ['billing'], summary: 'Start a Stripe Checkout for a plan (subscription mode)',
      security: BEARER, middleware: auth, request: jsonBody(PlanBody),
      responses: { 201: json(RedirectSchema.extend({ id: z.string() }), 'Redirect the browser to url'), ...ERRORS, ...CONFLICT, ...UNAVAILABLE } }),
    async (c) => {
      const p = principalOf(c);
      requireBillingAdmin(p);
      const { plan } = c.req.valid('json');
      const session = await checkoutFlow(deps, services, configured(services), p, plan, audit);
      return c.json(session, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/billing/plan', tags: ['billing'], summary: 'Change the plan of an existing subscription (prorated)',
      security: BEARER, middleware: auth, request: jsonBody(PlanBody),
      responses: { 200: json(z.object({ subscriptionId: z.string(), status: z.string(), plan: SelfServePlan, currentPeriodEnd: z.string().nullable() }), 'The updated subscription; the webhook confirms it'), ...ERRORS, ...CONFLICT, ...UNAVAILABLE } }),
    async (c) => {
      const p = principalOf(c);
      requireBillingAdmin(p);
      const { plan } = c.req.valid('json');
      const stripe = configured(services);
      const sub = await inWorkspace(deps, p, (trx) => getSubscription(trx, p.workspaceId));
      if (!sub?.stripeSubscriptionId || isTerminal(sub.status)) throw new ProblemError('CONFLICT', 'no live subscription to change: start a Checkout instead');
      if (sub.plan === plan) throw new ProblemError('CONFLICT', `the workspace is already on the ${plan} plan`);
      const updated = await stripe.changePlan({ subscriptionId: sub.stripeSubscriptionId, plan }).catch((err: unknown) => { throw stripeProblem(err); });
      await inWorkspace(deps, p, (trx) => audit(trx, p, 'billing.plan_change_requested', { from: sub.plan, to: plan, subscriptionId: updated.id }));
      return c.json({ subscriptionId: updated.id, status: updated.status, plan, currentPeriodEnd: updated.currentPeriodEnd?.toISOString() ?? null }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/billing/portal', tags: ['billing'], summary: 'Open the Stripe Customer Portal (payment methods, invoices, cancelling)',
      security: BEARER, middleware: auth, responses: { 201: json(RedirectSchema, 'Redirect the browser to url'), ...ERRORS, ...CONFLICT, ...UNAVAILABLE } }),
    async (c) => {
      const p = principalOf(c);
      requireBillingAdmin(p);
      const stripe = configured(services);
      const sub = await inWorkspace(deps, p, (trx) => getSubscription(trx, p.workspaceId));
      if (!sub?.stripeCustomerId) throw new ProblemError('CONFLICT', 'this workspace has no payment account yet: choose a plan first');
      const session = await stripe.createPortalSession({ customerId: sub.stripeCustomerId, returnUrl: services.billingUrl }).catch((err: unknown) => { throw stripeProblem(err); });
      return c.json({ url: session.url }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/billing/invoices', tags: ['billing'], summary: "The workspace's invoices from Stripe, newest first",
      security: BEARER, middleware: auth, request: { query: InvoiceQuery },
      responses: { 200: json(z.object({ items: z.array(InvoiceSchema), hasMore: z.boolean() }), 'A page of invoices'), ...ERRORS, ...UNAVAILABLE } }),
    async (c) => {
      const p = principalOf(c);
      requireBillingAdmin(p);
      const q = c.req.valid('query');
      const stripe = configured(services);
      const sub = await inWorkspace(deps, p, (trx) => getSubscription(trx, p.workspaceId));
      if (!sub?.stripeCustomerId) return c.json({ items: [], hasMore: false }, 200);
      const page = await stripe.listInvoices({ customerId: sub.stripeCustomerId, limit: q.limit, ...(q.startingAfter ? { startingAfter: q.startingAfter } : {}) })
        .catch((err: unknown) => { throw stripeProblem(err); });
      const iso = (d: Date) => d.toISOString();
      return c.json({ items: page.items.map((i) => ({ ...i, created: iso(i.created), periodStart: iso(i.periodStart), periodEnd: iso(i.periodEnd) })), hasMore: page.hasMore }, 200);
    },
  );

  app.openAPIRegistry.registerPath({
    method: 'post', path: '/webhooks/stripe', tags: ['billing'],
    summary: 'Stripe webhook endpoint: verifies Stripe-Signature over the raw body, processes each event once',
    description: 'The body is the exact bytes Stripe sent (application/json). 400 when the signature, its age or the body do not verify.',
    responses: { 200: json(z.object({ received: z.literal(true), id: z.string(), outcome: z.enum(['applied', 'duplicate', 'stale', 'ignored', 'refused']), reason: z.string().nullable() }), 'Processed (or recorded as not applicable)'),
      400: ERRORS[400], 413: ERRORS[413], ...UNAVAILABLE },
  });

  // The webhook reads the raw bytes (a JSON parser would break the signature), so its body is
  // not declared to the validator; Stripe events are small, 1 MiB is generous.
  app.post('/webhooks/stripe', bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw new ProblemError('PAYLOAD_TOO_LARGE', 'webhook body too large'); } }), async (c) => {
    const secret = services.config?.webhookSecret;
    if (!secret) throw new BillingProblem('BILLING_NOT_CONFIGURED', 'webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET is not set)');
    const raw = new Uint8Array(await c.req.arrayBuffer());
    let event;
    try {
      event = verifyWebhook(raw, c.req.header('stripe-signature'), secret);
    } catch (err) {
      if (isBillingError(err)) throw new BillingProblem('WEBHOOK_SIGNATURE_INVALID', err.message, {}, {}, { cause: err });
      throw err;
    }
    const result = await processWebhookEvent(repository, event, { prices: services.config?.prices ?? {} }).catch((err: unknown) => {
      // Signed with our secret yet not an event (no id/type/created/data.object): a 400, not a retry loop.
      if (isBillingError(err, 'WEBHOOK_PAYLOAD_INVALID')) throw new ProblemError('VALIDATION_FAILED', err.message);
      throw err;
    });
    const log = c.get('log');
    if (result.outcome === 'refused') log.warn({ eventId: result.eventId, type: result.type, reason: result.reason }, 'stripe event refused');
    else log.info({ eventId: result.eventId, type: result.type, outcome: result.outcome, workspaceId: result.workspaceId }, 'stripe event');
    return c.json({ received: true, id: result.eventId, outcome: result.outcome, reason: result.reason }, 200);
  });

  return app;
}

/**
 * The portal's billing page (issue 6 §3): plan and state, change plan via Stripe Checkout (or a
 * prorated plan change on a live subscription), the Stripe Customer Portal, invoices. Each
 * action is the billing API route called in process; the browser is then sent to Stripe's page.
 */
import { PLAN_IDS, isTerminal } from '@brandsafe/billing';
import { getSubscription } from '../billing/store.js';
import { inWorkspace } from '../http/auth.js';
import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { routeGroup } from '../http/route-group.js';
import { planJson, type BillingSummarySchema } from '../billing/summary.js';
import { problemMessage } from '../portal/api-client.js';
import type { PortalSession } from '../portal/api-client.js';
import { action, field, headerOf, notice, noticeOf, page, type PortalKit } from '../portal/guard.js';
import { billingPage, type InvoiceView } from '../portal/views/billing.js';
import type { Flash } from '../portal/views/layout.js';

type Summary = z.infer<typeof BillingSummarySchema>;

export function portalBillingRoutes(kit: PortalKit) {
  const app = routeGroup();
  const { api, render } = kit;
  const plans = PLAN_IDS.map(planJson);
  /** Whether Stripe bills a subscription for the workspace (a change is then prorated on it, not a new Checkout). */
  const liveSubscription = async (s: PortalSession) => {
    const sub = await inWorkspace(kit.ctx.deps, s.principal, (trx) => getSubscription(trx, s.principal.workspaceId));
    return Boolean(sub?.stripeSubscriptionId) && !isTerminal(sub!.status);
  };

  const show = async (c: Context<AppEnv>, s: PortalSession, extra: Flash[] = [], status: 200 | 400 | 409 = 200) => {
    const canManage = s.principal.role === 'owner' || s.principal.role === 'admin';
    const [summary, h, live] = await Promise.all([api.call<Summary>(c, s.secret, 'GET', '/api/v1/billing'), headerOf(kit, s), liveSubscription(s)]);
    if (!summary.ok) return render(c, billingPage(h.user, emptySummary(), plans, null, [{ level: 'error', message: problemMessage(summary.problem) }], false, false), 400);
    let invoices: InvoiceView[] | null = null;
    const flash: Flash[] = [];
    if (canManage && summary.body.configured) {
      const r = await api.call<{ items: InvoiceView[] }>(c, s.secret, 'GET', '/api/v1/billing/invoices?limit=10');
      if (r.ok) invoices = r.body.items;
      else flash.push({ level: 'warning', message: `Invoices are unavailable: ${problemMessage(r.problem)}` });
    }
    const checkout = c.req.query('checkout');
    const returned: Flash[] = checkout === 'success' ? noticeOf('checkout') : checkout === 'canceled' ? noticeOf('checkout-cancelled') : notice(c);
    const wanted = c.req.query('plan');
    const hint: Flash[] = wanted && !live && summary.body.configured ? [{ level: 'info', message: `Subscribe to ${planJson(PLAN_IDS.includes(wanted as never) ? (wanted as 'starter') : 'starter').name} below to keep using brandsafe after the trial.` }] : [];
    return render(c, billingPage(h.user, summary.body, plans, invoices, [...returned, ...hint, ...extra, ...flash, ...h.flash], canManage, live), status);
  };

  app.get('/portal/billing', page(kit, (c, s) => show(c, s)));

  app.post('/portal/billing/plan', action(kit, async (c, s, form) => {
    const plan = field(form, 'plan');
    if (await liveSubscription(s)) {
      const r = await api.call(c, s.secret, 'POST', '/api/v1/billing/plan', { plan });
      return r.ok ? c.redirect('/portal/billing?done=plan-change', 303) : show(c, s, [{ level: 'error', message: problemMessage(r.problem) }], 400);
    }
    const r = await api.call<{ url: string }>(c, s.secret, 'POST', '/api/v1/billing/checkout', { plan });
    return r.ok ? c.redirect(r.body.url, 303) : show(c, s, [{ level: 'error', message: problemMessage(r.problem) }], 400);
  }));

  app.post('/portal/billing/manage', action(kit, async (c, s) => {
    const r = await api.call<{ url: string }>(c, s.secret, 'POST', '/api/v1/billing/portal');
    return r.ok ? c.redirect(r.body.url, 303) : show(c, s, [{ level: 'error', message: problemMessage(r.problem) }], 400);
  }));

  return app;
}

function emptySummary(): Summary {
  const plan = planJson('starter');
  const zero = { used: 0, limit: null };
  return { configured: false, plan, status: 'unknown', phase: 'unknown', generationAllowed: false, banner: null, trialEndsAt: null, currentPeriodEnd: null,
    cancelAtPeriodEnd: false, hasPaymentAccount: false, period: { start: new Date().toISOString(), end: new Date().toISOString() },
    usage: { generation: zero, brand: zero, member: zero, api_token: zero } };
}

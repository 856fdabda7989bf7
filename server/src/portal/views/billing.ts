/** The billing page: current plan and state, change plan (Checkout or a prorated change), the Customer Portal, invoices. */
import { html } from 'hono/html';
import type { BillingSummarySchema, planJson } from '../../billing/summary.js';
import type { z } from '@hono/zod-openapi';
import { meter } from '../chart.js';
import { portalBanner } from '../dashboard.js';
import { csrfField, page, when, type Flash, type HeaderUser, type Html } from './layout.js';
import { pricingTable } from './public.js';

type Summary = z.infer<typeof BillingSummarySchema>;
type Plan = ReturnType<typeof planJson>;

export interface InvoiceView {
  id: string; number: string | null; status: string | null; currency: string; total: number; created: string; hostedInvoiceUrl: string | null; pdfUrl: string | null;
}

const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;

export function billingPage(user: HeaderUser, s: Summary, plans: readonly Plan[], invoices: InvoiceView[] | null, flash: Flash[], canManage: boolean, live: boolean): Html {
  const planButton = (p: Plan) => {
    if (!p.selfServe) return html`<a class="button secondary" href="mailto:sales@brandsafe.dev">Contact sales</a>`;
    if (!s.configured || !canManage) return html``;
    if (live && s.plan.id === p.id) return html`<p class="muted">Your plan</p>`;
    return html`<form method="post" action="/portal/billing/plan">${csrfField(user.csrf)}<input type="hidden" name="plan" value="${p.id}"><button type="submit">${live ? `Switch to ${p.name}` : `Subscribe to ${p.name}`}</button></form>`;
  };
  return page(
    { title: 'Billing', user, current: '/portal/billing', flash: [...flash, portalBanner(s, live)] },
    html`<h1>Billing</h1>
${s.configured ? '' : html`<div class="flash warning" role="status">Billing is not configured on this server (no Stripe keys): the trial limits apply and plans cannot be bought here.</div>`}
<div class="grid"><section class="card" aria-labelledby="current-h"><h2 id="current-h">Current plan</h2><div class="big" data-plan="${s.plan.id}">${s.plan.name}</div>
<p>Status: <strong data-status>${s.status}</strong>${s.phase !== s.status ? html` <span class="muted">(${s.phase.replace('_', ' ')})</span>` : ''}</p>
<p data-subscription="${live ? 'stripe' : 'none'}">${live ? 'Subscribed through Stripe.' : s.status === 'canceled' ? 'The subscription has ended.' : s.configured ? 'No paid subscription yet.' : ''}</p>
${s.trialEndsAt && s.status === 'trialing' ? html`<p>Trial ends ${when(s.trialEndsAt)}</p>` : ''}${live && s.currentPeriodEnd ? html`<p>${s.cancelAtPeriodEnd ? 'Ends' : 'Renews'} ${when(s.currentPeriodEnd)}</p>` : ''}
${s.configured && canManage && s.hasPaymentAccount ? html`<form method="post" action="/portal/billing/manage">${csrfField(user.csrf)}<button type="submit" class="secondary">Manage payment methods and subscription</button></form>` : ''}</section>
<section class="card" aria-labelledby="use-h"><h2 id="use-h">Usage this period</h2>${meter('generations', s.usage.generation.used, s.usage.generation.limit)}${meter('brands', s.usage.brand.used, s.usage.brand.limit)}${meter('members', s.usage.member.used, s.usage.member.limit)}${meter('API tokens', s.usage.api_token.used, s.usage.api_token.limit)}</section></div>
<h2>Plans</h2>${canManage ? '' : html`<p class="muted">Only owners and admins change the plan.</p>`}${pricingTable(plans, planButton, live ? s.plan.id : undefined)}
<h2>Invoices</h2>${invoices === null ? html`<p class="muted">${s.configured ? 'Only owners and admins see invoices.' : 'No invoices: billing is not configured.'}</p>`
  : invoices.length === 0 ? html`<p class="muted">No invoices yet.</p>`
  : html`<div class="table-wrap"><table><thead><tr><th scope="col">Number</th><th scope="col">Date</th><th scope="col">Total</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Links</span></th></tr></thead><tbody>
${invoices.map((i) => html`<tr><td>${i.number ?? i.id}</td><td>${when(i.created)}</td><td>${money(i.total, i.currency)}</td><td>${i.status ?? '—'}</td><td>${i.hostedInvoiceUrl ? html`<a href="${i.hostedInvoiceUrl}" rel="noopener">View</a>` : ''} ${i.pdfUrl ? html`<a href="${i.pdfUrl}" rel="noopener">PDF</a>` : ''}</td></tr>`)}</tbody></table></div>`}`,
  );
}

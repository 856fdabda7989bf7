/** The workspace dashboard: usage against the quota with the chart, generations by status, recent audit events. */
import { html } from 'hono/html';
import { meter, usageChart } from '../chart.js';
import { actorLabel, portalBanner, type DashboardData } from '../dashboard.js';
import { page, when, type Flash, type HeaderUser, type Html } from './layout.js';

export function dashboardPage(user: HeaderUser, d: DashboardData, flash: Flash[]): Html {
  const { summary: s, series } = d;
  const total = d.byStatus.reduce((n, r) => n + r.count, 0);
  const banner = portalBanner(s, d.live);
  return page(
    { title: 'Dashboard', user, current: '/portal', flash: [...flash, banner] },
    html`<h1>${d.me.workspace}</h1>
<div class="grid"><section class="card" aria-labelledby="plan-h"><h2 id="plan-h">Plan</h2><div class="big" data-plan="${s.plan.id}">${s.plan.name}</div>
<p class="muted">Status: <span data-status>${s.status}</span>${s.trialEndsAt && s.status === 'trialing' ? html` · trial ends ${when(s.trialEndsAt)}` : ''}</p><a href="/portal/billing">Billing</a></section>
<section class="card" aria-labelledby="limits-h"><h2 id="limits-h">Usage this period</h2>
${meter('generations', s.usage.generation.used, s.usage.generation.limit)}${meter('brands', s.usage.brand.used, s.usage.brand.limit)}${meter('members', s.usage.member.used, s.usage.member.limit)}</section>
<section class="card" aria-labelledby="status-h"><h2 id="status-h">Generations by status</h2>
${total === 0 ? html`<p class="muted">No generations yet. <a href="/portal/tokens">Create an API token</a> with the generate scope and call <code>POST /api/v1/generations</code>.</p>` : html`<ul class="status-list">${d.byStatus.map((r) => html`<li><span>${r.status}</span><strong data-status-count="${r.status}">${r.count}</strong></li>`)}</ul>`}</section></div>
<section class="card" aria-labelledby="usage-h"><h2 id="usage-h">Generations this period against the quota</h2><p class="muted">${when(series.period.start)} – ${when(series.period.end)}</p>${usageChart(series.days, series.used, series.limit, series.period)}</section>
<section class="card" aria-labelledby="events-h"><h2 id="events-h">Recent activity</h2><div class="table-wrap"><table class="activity"><thead><tr><th scope="col">Event</th><th scope="col">Actor</th><th scope="col">When</th></tr></thead>
<tbody>${d.events.map((e) => html`<tr><td>${e.type}</td><td title="${e.actor}">${actorLabel(e.actor, d.emails)}</td><td class="nowrap">${when(e.at)}</td></tr>`)}</tbody></table></div></section>`,
  );
}
